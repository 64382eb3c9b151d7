import { defineContentScript } from '#imports';
import { followPageContext, taskTarget } from '@/utils/content/follow-page-context';
import { taskIdFromUrl } from '@/utils/detect/reply';

/** Reply's own web app: a panel for the task the URL names. */
export default defineContentScript({
  matches: ['https://*.reply.io/*'],
  excludeMatches: ['https://api.reply.io/*'],
  main(ctx) {
    followPageContext(
      ctx,
      () => {
        const taskId = taskIdFromUrl(location);
        return taskId === null ? null : taskTarget(taskId);
      },
      { observeDom: null },
    );
  },
});
