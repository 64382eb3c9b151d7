import { defineContentScript } from '#imports';
import { followTaskContext } from '@/utils/content/follow-task-context';
import { taskIdFromUrl } from '@/utils/detect/reply';

/** Reply's own web app: a panel for the task the URL names. */
export default defineContentScript({
  matches: ['https://*.reply.io/*'],
  excludeMatches: ['https://api.reply.io/*'],
  main(ctx) {
    followTaskContext(ctx, taskIdFromUrl);
  },
});
