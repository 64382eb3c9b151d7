import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PersonContext } from '../detect/context';
import { followPageContext, personTarget, referencedTaskTarget } from './follow-page-context';

/**
 * A CRM's record pages: an explicit Reply task reference on the page wins; otherwise the
 * person on screen, once the record shows an email or a phone to look them up by.
 */
export function followCrmPage(
  ctx: ContentScriptContext,
  detectPerson: (doc: Document, url: URL) => PersonContext | null,
) {
  followPageContext(
    ctx,
    () => {
      const referenced = referencedTaskTarget();
      if (referenced) return referenced;
      const person = detectPerson(document, new URL(location.href));
      return person && (person.emails.length > 0 || person.phones.length > 0)
        ? personTarget(person)
        : null;
    },
    { observeDom: true },
  );
}
