import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ComposeContext } from '../detect/context';
import { followPageContext, REFERENCE_ARRIVALS, referencedTaskTarget } from './follow-page-context';

/**
 * What can open a draft on a mailbox with none: a compose body, which in Gmail and Outlook alike
 * is a `contenteditable` element (utils/detect/gmail.ts, outlook.ts), arriving or becoming one;
 * or a task reference. Until then the inbox's own churn is not looked at.
 */
const MAIL_ARRIVALS = {
  arrivals: `[contenteditable], ${REFERENCE_ARRIVALS.arrivals}`,
  attributes: ['contenteditable', 'g_editable', ...REFERENCE_ARRIVALS.attributes],
};

/**
 * A mailbox: an explicit Reply task reference wins; otherwise the compose windows that have
 * recipients, whose drafts can go out through Reply. The panel is replaced when recipients
 * change, not while the rep types. Open drafts none of whose recipients can be read get, once
 * the page has settled, a small control that says so and lets the rep choose an address.
 */
export function followMailPage(
  ctx: ContentScriptContext,
  findComposes: (doc: Document) => ComposeContext[],
) {
  followPageContext(
    ctx,
    () => {
      const referenced = referencedTaskTarget();
      if (referenced) return referenced;
      const open = findComposes(document);
      const composes = open.filter((c) => c.recipients.length > 0);
      // Keyed by readable recipients only: text typed into a recipient field is unreadable
      // until it becomes a chip, and typing must not replace the panel.
      if (composes.length > 0) {
        return {
          key: `compose:${composes.map((c) => c.recipients.join()).join('|')}`,
          show: (panel) => panel.mountComposePanel(composes),
        };
      }
      if (open.length === 0) return null;
      return {
        key: `unread-compose:${open.length}`,
        show: (panel) => panel.mountComposeChooser(open),
        afterSettle: true,
      };
    },
    { observeDom: MAIL_ARRIVALS },
  );
}
