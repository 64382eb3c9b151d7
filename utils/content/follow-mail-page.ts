import type { ComposeContext } from '../detect/context';
import { MAIL_ARRIVALS } from './arrivals';
// The stylesheet that makes the browser report MAIL_ARRIVALS (wxt.config.ts).
import 'virtual:arrivals/mail.css';
import type { ContentContext } from './context';
import { followPageContext, referencedTaskTarget } from './follow-page-context';

/**
 * A mailbox: an explicit Reply task reference wins; otherwise the compose windows that have
 * recipients, whose drafts can go out through Reply. The panel is replaced when recipients
 * change, not while the rep types. Open drafts none of whose recipients can be read get, once
 * the page has settled, a small control that says so and lets the rep choose an address.
 */
export function followMailPage(
  ctx: ContentContext,
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
