import { defineContentScript } from '#imports';
import {
  followPageContext,
  REFERENCE_ARRIVALS,
  referencedTaskTarget,
} from '@/utils/content/follow-page-context';

/**
 * Sites the rep added on the options page (registered at runtime, see
 * utils/background/site-registry): a panel for the Reply task a page references.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    followPageContext(ctx, referencedTaskTarget, { observeDom: REFERENCE_ARRIVALS });
  },
});
