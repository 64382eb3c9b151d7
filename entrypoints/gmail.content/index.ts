import { defineContentScript } from '#imports';
import { followMailPage } from '@/utils/content/follow-mail-page';
import { findGmailComposes } from '@/utils/detect/gmail';
import { MAIL_SITES } from '@/utils/detect/mail-sites';

/** Gmail compose windows: send a draft to a Reply contact through their pending task. */
export default defineContentScript({
  // WXT tells an older copy to stop by a DOM event only, not also by a postMessage that
  // every message listener of the page would get (see followPageContext).
  noScriptStartedPostMessage: true,
  matches: [...MAIL_SITES.gmail],
  main(ctx) {
    followMailPage(ctx, findGmailComposes);
  },
});
