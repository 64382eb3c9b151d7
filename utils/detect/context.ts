/**
 * What the page detectors report, and the small pieces they share: which supported site a URL
 * belongs to, and how email addresses and phone numbers are read off the DOM.
 *
 * Every detector is a pure function of a Document (and a URL): plain querySelector work, no layout
 * reads (no getBoundingClientRect, innerText or offsetParent), no regular expression over the whole
 * document, and a fixed cap on how many elements each step looks at. They may run once per
 * animation frame on busy single-page apps.
 */

/** A person a CRM record page shows. */
export interface PersonContext {
  kind: 'person';
  site: 'hubspot' | 'salesforce' | 'pipedrive';
  /** From the URL, so it is stable across re-renders; it changes when the record does. */
  recordId: string;
  name: string | null;
  /** Lower-cased, de-duplicated, in page order. */
  emails: string[];
  /** Trimmed (inner runs of white space collapsed), de-duplicated, as shown. */
  phones: string[];
  /**
   * Whether the record's own header or details were found. With no emails and phones, true
   * means the record shows none; false (or absent) means nothing on the page could be read.
   */
  recordShown?: boolean;
}

/** One open compose window with its draft. */
export interface ComposeContext {
  kind: 'compose';
  site: 'gmail' | 'outlook';
  root: Element;
  recipients: string[];
  /** Recipients shown without a readable address (a name-only chip, unconfirmed typing), as shown. */
  unreadable?: string[];
  subjectField: HTMLInputElement | null;
  bodyField: HTMLElement | null;
}

/** Everything the panel needs to know about the page it is on. */
export interface PageContext {
  /** Reply task ids the page names explicitly (links, data-reply-task-id), in page order. */
  taskIds: number[];
  person: PersonContext | null;
  composes: ComposeContext[];
}

export type Site = 'hubspot' | 'salesforce' | 'pipedrive' | 'gmail' | 'outlook';

/** `app.hubspot.com` and the regional `app-eu1.hubspot.com`, `app-na2.hubspot.com`, … */
const HUBSPOT_HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/;
/** `acme.lightning.force.com`, `acme--dev.sandbox.lightning.force.com`, … */
const SALESFORCE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.lightning\.force\.com$/;
/** `{company}.pipedrive.com` */
const PIPEDRIVE_HOST = /^[a-z0-9-]+\.pipedrive\.com$/;
const GMAIL_HOST = 'mail.google.com';
const OUTLOOK_HOSTS: ReadonlySet<string> = new Set([
  'outlook.office.com',
  'outlook.live.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
]);

/** The supported site an https URL belongs to, or null. */
export function siteForUrl(url: Pick<URL, 'protocol' | 'hostname'>): Site | null {
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (HUBSPOT_HOST.test(host)) return 'hubspot';
  if (SALESFORCE_HOST.test(host)) return 'salesforce';
  if (PIPEDRIVE_HOST.test(host)) return 'pipedrive';
  if (host === GMAIL_HOST) return 'gmail';
  if (OUTLOOK_HOSTS.has(host)) return 'outlook';
  return null;
}

/** How many elements one detection step looks at, at most. */
export const MAX_ELEMENTS = 100;
/** How many compose windows are reported, at most. */
export const MAX_COMPOSES = 10;
/** Attribute or text values longer than this are cut before they are searched for addresses. */
const MAX_TEXT = 1000;
const MAX_EMAIL = 254;
const MAX_PHONE = 50;

/** Loose: something@domain.tld, with no spaces, brackets or separators around it. */
const EMAIL =
  /^[^\s@<>()[\]\\,;:"']+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/;
const TEXT_SEPARATORS = /[\s<>,;()"'[\]]+/;

/** The address lower-cased, or null when it doesn't look like one. */
export function normalizeEmail(raw: string): string | null {
  const email = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return email.length <= MAX_EMAIL && EMAIL.test(email) ? email : null;
}

/** The addresses in a short text such as `Ada Byron <ada@example.com>` or `a@x.com; b@y.com`. */
export function emailsInText(text: string): string[] {
  const found: string[] = [];
  for (const token of text.slice(0, MAX_TEXT).split(TEXT_SEPARATORS)) {
    const email = token ? normalizeEmail(token) : null;
    if (email) found.push(email);
  }
  return found;
}

/** The addresses of a `mailto:` href (several may be comma-separated; the query is ignored). */
export function emailsFromMailto(href: string): string[] {
  const [target = ''] = href
    .trim()
    .replace(/^mailto:/i, '')
    .split('?', 1);
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Malformed escapes: read the href as written.
  }
  return emailsInText(decoded);
}

/** Text with runs of white space collapsed and the ends trimmed: what the page shows. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A phone number as shown, or null when the text holds too few digits to be one. */
export function phoneAsShown(text: string | null | undefined): string | null {
  const phone = cleanText(text?.slice(0, MAX_TEXT));
  if (phone.length > MAX_PHONE || phone.includes('@')) return null;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 3 ? phone : null;
}

/** Collects one person's addresses and numbers, de-duplicated, in the order they are added. */
export class ContactSink {
  readonly emails: string[] = [];
  readonly phones: string[] = [];

  addEmail(email: string | null): void {
    if (email && !this.emails.includes(email)) this.emails.push(email);
  }

  addEmailsIn(text: string | null | undefined): void {
    for (const email of emailsInText(text ?? '')) this.addEmail(email);
  }

  addPhone(phone: string | null): void {
    if (phone && !this.phones.includes(phone)) this.phones.push(phone);
  }

  /** A `mailto:` link: the addresses of its href. */
  addMailtoLink(link: Element): void {
    for (const email of emailsFromMailto(link.getAttribute('href') ?? '')) this.addEmail(email);
  }

  /** A `tel:` link: its text as shown, or the number in its href when the text isn't one. */
  addTelLink(link: Element): void {
    const shown = phoneAsShown(link.textContent);
    if (shown) {
      this.addPhone(shown);
      return;
    }
    const target = (link.getAttribute('href') ?? '').replace(/^tel:/i, '');
    let decoded = target;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      // Malformed escapes: read the href as written.
    }
    this.addPhone(phoneAsShown(decoded));
  }
}

/** The value a property field shows: an input's value, or else the element's text. */
export function fieldValue(field: Element): string {
  const input = field.matches('input, textarea') ? field : field.querySelector('input, textarea');
  if (input) return (input as HTMLInputElement | HTMLTextAreaElement).value;
  return field.textContent ?? '';
}

/** The first non-empty text among the elements the selectors match, in the order given. */
export function firstText(scope: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const text = cleanText(scope.querySelector(selector)?.textContent);
    if (text) return text.slice(0, 200);
  }
  return null;
}

/** At most `limit` elements matching the selector, in document order. */
export function queryAtMost<E extends Element = Element>(
  scope: ParentNode,
  selector: string,
  limit = MAX_ELEMENTS,
): E[] {
  const found = scope.querySelectorAll<E>(selector);
  const count = Math.min(found.length, limit);
  const out: E[] = [];
  for (let index = 0; index < count; index++) {
    const element = found[index];
    if (element) out.push(element);
  }
  return out;
}

/** Every `inner` selector under every `outer` selector, as one selector list. */
export function within(outer: readonly string[], inner: readonly string[]): string {
  return outer.flatMap((o) => inner.map((i) => `${o} ${i}`)).join(', ');
}

export function personContext(
  site: PersonContext['site'],
  recordId: string,
  name: string | null,
  sink: ContactSink,
  recordShown: boolean,
): PersonContext {
  const { emails, phones } = sink;
  return { kind: 'person', site, recordId, name, emails, phones, recordShown };
}

/**
 * Hidden by its markup (the attribute or an inline `display: none` on it or an ancestor): how
 * single-page apps park the views they keep. Read from attributes only, never from layout.
 */
export const HIDDEN =
  '[hidden], [aria-hidden="true"], [style*="display: none" i], [style*="display:none" i]';

export const EMAIL_LINK = 'a[href^="mailto:" i]';
export const PHONE_LINK = 'a[href^="tel:" i]';
const EMAIL_INPUT = 'input[type="email" i]';
const PHONE_INPUT = 'input[type="tel" i]';
const REGION_VALUES = [EMAIL_LINK, PHONE_LINK, EMAIL_INPUT, PHONE_INPUT].join(', ');
/** How many ancestors of a record's heading may make up its header region. */
const MAX_REGION_CLIMB = 6;

/**
 * The structural fallback when no known landmark is there: the record's header region is the
 * nearest ancestor of its heading that holds a contact link or an email/phone field, as long
 * as it holds nothing that is not the person (a timeline, associations, deals): then the
 * climb has left the header and there is no region.
 */
export function regionAroundHeading(heading: Element, notPerson: string): Element | null {
  let node = heading.parentElement;
  for (let depth = 0; node && depth < MAX_REGION_CLIMB; depth++, node = node.parentElement) {
    if (node.querySelector(notPerson)) return null;
    if (node.querySelector(REGION_VALUES)) return node;
  }
  return null;
}

/**
 * The person's values in a region: `mailto:`/`tel:` links and email/phone-typed inputs, each
 * skipped when it sits inside something that is not the person.
 */
export function readRegion(region: ParentNode, sink: ContactSink, notPerson: string): void {
  for (const element of queryAtMost(region, REGION_VALUES)) {
    if (element.closest(notPerson)) continue;
    if (element.matches(EMAIL_LINK)) sink.addMailtoLink(element);
    else if (element.matches(PHONE_LINK)) sink.addTelLink(element);
    else if (element.matches(EMAIL_INPUT)) sink.addEmailsIn((element as HTMLInputElement).value);
    else sink.addPhone(phoneAsShown((element as HTMLInputElement).value));
  }
}
