import { defineContentScript } from '#imports';
import { followReplyPage } from '@/utils/content/follow-reply-page';

/** Reply's own web app: a panel for the task the URL names. */
export default defineContentScript({
  matches: ['https://*.reply.io/*'],
  excludeMatches: ['https://api.reply.io/*'],
  main(ctx) {
    followReplyPage(ctx);
  },
});
