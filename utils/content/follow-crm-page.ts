import type { PersonContext } from '../detect/context';
import { REFERENCE_ARRIVALS } from './arrivals';
import type { ContentContext } from './context';
// The stylesheet that makes the browser report REFERENCE_ARRIVALS (wxt.config.ts).
import 'virtual:arrivals/references.css';
import {
  followPageContext,
  type PanelTarget,
  personTarget,
  referencedTaskTarget,
} from './follow-page-context';

/**
 * A CRM's record pages: an explicit Reply task reference on the page wins; otherwise the
 * person on screen, once the record shows an email or a phone to look them up by. A record
 * page where, once it has settled, none can be read gets a small control that says so (or
 * that the record has none) and lets the rep choose an address; nothing is looked up unasked.
 */
export function followCrmPage(
  ctx: ContentContext,
  detectPerson: (doc: Document, url: URL) => PersonContext | null,
) {
  followPageContext(
    ctx,
    () => {
      const referenced = referencedTaskTarget();
      if (referenced) return referenced;
      const person = detectPerson(document, new URL(location.href));
      if (!person) return null;
      return person.emails.length > 0 || person.phones.length > 0
        ? personTarget(person)
        : unreadPersonTarget(person);
    },
    // A record is a URL (each detector answers null off a record page, whatever the DOM), so
    // navigation brings it; on other pages only a task reference arriving can matter.
    { observeDom: REFERENCE_ARRIVALS },
  );
}

/** The chooser for a record page whose person can't be read (or shows no email or phone). */
const unreadPersonTarget = (person: PersonContext): PanelTarget => ({
  key: `unread:${person.site}:${person.recordId}:${person.recordShown}`,
  show: (panel) => panel.mountPersonChooser(person),
  afterSettle: true,
});
