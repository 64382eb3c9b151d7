import { defineContentScript } from '#imports';
import { followMailPage } from '@/utils/content/follow-mail-page';
import { MAIL_SITES } from '@/utils/detect/mail-sites';
import { findOutlookComposes } from '@/utils/detect/outlook';

/** Outlook compose windows: send a draft to a Reply contact through their pending task. */
export default defineContentScript({
  // WXT tells an older copy to stop by a DOM event only, not also by a postMessage that
  // every message listener of the page would get (see followPageContext).
  noScriptStartedPostMessage: true,
  matches: [...MAIL_SITES.outlook],
  main(ctx) {
    followMailPage(ctx, findOutlookComposes);
  },
});
