import { defineContentScript } from '#imports';
import { followPageContext, taskTarget } from '@/utils/content/follow-page-context';
import { findTaskReferences } from '@/utils/detect/references';

/**
 * Sites the rep added on the options page (registered at runtime, see
 * utils/background/site-registry): a panel for the Reply task a page references.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    followPageContext(
      ctx,
      () => {
        const [taskId] = findTaskReferences(document);
        return taskId === undefined ? null : taskTarget(taskId);
      },
      { observeDom: true },
    );
  },
});
