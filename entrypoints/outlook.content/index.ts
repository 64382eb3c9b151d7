import { defineContentScript } from '#imports';
import { followMailPage } from '@/utils/content/follow-mail-page';
import { MAIL_SITES } from '@/utils/detect/mail-sites';
import { findOutlookComposes } from '@/utils/detect/outlook';

/** Outlook compose windows: send a draft to a Reply contact through their pending task. */
export default defineContentScript({
  matches: [...MAIL_SITES.outlook],
  main(ctx) {
    followMailPage(ctx, findOutlookComposes);
  },
});
