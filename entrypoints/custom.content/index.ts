import { defineContentScript } from '#imports';
import { REFERENCE_ARRIVALS } from '@/utils/content/arrivals';
import { followPageContext, referencedTaskTarget } from '@/utils/content/follow-page-context';
// The stylesheet that makes the browser report REFERENCE_ARRIVALS (wxt.config.ts); registered
// with the script, as content-scripts/custom.css, by utils/background/site-registry.
import 'virtual:arrivals/references.css';

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
