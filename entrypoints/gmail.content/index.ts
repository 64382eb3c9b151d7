import { defineContentScript } from '#imports';
import { followMailPage } from '@/utils/content/follow-mail-page';
import { findGmailComposes } from '@/utils/detect/gmail';
import { MAIL_SITES } from '@/utils/detect/mail-sites';

/** Gmail compose windows: send a draft to a Reply contact through their pending task. */
export default defineContentScript({
  matches: [...MAIL_SITES.gmail],
  main(ctx) {
    followMailPage(ctx, findGmailComposes);
  },
});
