/**
 * Addresses a page shows, offered to the rep when the person (or a draft's recipient) can't be
 * read: nothing here is ever looked up unless the rep picks it. Loaded with the panel only.
 * Bounded like the detectors: at most MAX_ELEMENTS elements per scope, attributes only, markup
 * hidden views skipped, Pipedrive's Smart BCC mailbox (`…@pipedrivemail.com`) never offered.
 */
import { EMAIL_LINK, emailsFromMailto, emailsInText, HIDDEN, queryAtMost } from './context';

export const MAX_CANDIDATES = 8;

const SOURCES = [
  EMAIL_LINK,
  '[data-hovercard-id]',
  '[email]',
  'input[type="email" i]',
  '[title*="@"]',
  '[aria-label*="@"]',
].join(', ');
const NEVER = /@pipedrivemail\.com$/;

/** Up to MAX_CANDIDATES addresses, those in `first` (e.g. a compose window) before the page's. */
export function visibleAddresses(doc: Document, first: readonly Element[] = []): string[] {
  const found: string[] = [];
  for (const scope of [...first, doc]) {
    for (const element of queryAtMost(scope, SOURCES)) {
      if (element.closest(HIDDEN)) continue;
      for (const email of addressesOf(element)) {
        if (!NEVER.test(email) && !found.includes(email)) found.push(email);
        if (found.length >= MAX_CANDIDATES) return found;
      }
    }
  }
  return found;
}

function addressesOf(element: Element): string[] {
  if (element.matches(EMAIL_LINK)) return emailsFromMailto(element.getAttribute('href') ?? '');
  if (element.matches('input')) return emailsInText((element as HTMLInputElement).value);
  return ['data-hovercard-id', 'email', 'title', 'aria-label'].flatMap((attribute) =>
    emailsInText(element.getAttribute(attribute) ?? ''),
  );
}
