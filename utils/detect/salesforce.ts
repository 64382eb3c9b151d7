/**
 * Salesforce Lightning Experience contact and lead record pages.
 *
 * URL forms (https only; `{domain}.lightning.force.com`, sandboxes included):
 *   /lightning/r/Contact/{id}/view    /lightning/r/Lead/{id}/view    (id: 15 or 18 characters)
 * Not: list views (/lightning/o/Contact/list), related lists (/lightning/r/Contact/{id}/related/…),
 * other objects (Account, Opportunity, …), anything else.
 *
 * DOM landmarks:
 *   .oneContent.active                 the page Lightning is showing. Lightning keeps the pages a
 *                                      user navigated away from in the DOM, hidden, without
 *                                      `active`; they are skipped. (Whole document when absent.)
 *   records-highlights2                the highlights panel at the top of the record
 *   lightning-formatted-name, slot[name="primaryField"]   the name in the highlights panel
 *   records-record-layout-item         one field of the record's detail layout
 *   a[href^="mailto:"], lightning-formatted-email         email values
 *   a[href^="tel:"], lightning-formatted-phone            phone values
 *
 * Which values count: only those inside the highlights panel or a record-layout field. The
 * activity timeline (logged emails), related lists and hover cards show other people's
 * addresses and are not read. Fax fields render as phones and are skipped (a field whose
 * `data-target-selection-name` ends in `.Fax`, or whose field-label is "Fax").
 *
 * Limit: this reads the light DOM. Lightning renders these formatted fields into the light DOM
 * (synthetic shadow), which a content script's querySelector sees; a field rendered inside a
 * native shadow root is invisible here, and the record then shows fewer (or no) emails/phones.
 * Until the highlights panel or a layout field has rendered, there is no person (null).
 */
import {
  ContactSink,
  firstText,
  type PersonContext,
  personContext,
  phoneAsShown,
  queryAtMost,
  siteForUrl,
  within,
} from './context';

const RECORD_PATH =
  /^\/lightning\/r\/(Contact|Lead)\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view\/?$/;

const ACTIVE_PAGE = '.oneContent.active';
const HIGHLIGHTS = 'records-highlights2';
const LAYOUT_ITEM = 'records-record-layout-item';
const CONTAINERS = [HIGHLIGHTS, LAYOUT_ITEM] as const;
const NAME = [
  `${HIGHLIGHTS} lightning-formatted-name`,
  `${HIGHLIGHTS} slot[name="primaryField"]`,
] as const;
const EMAIL_LINK = 'a[href^="mailto:" i]';
const EMAIL_VALUE = 'lightning-formatted-email';
const PHONE_LINK = 'a[href^="tel:" i]';
const PHONE_VALUE = 'lightning-formatted-phone';
const FAX_FIELD = '[data-target-selection-name$=".Fax"], [field-label="Fax"]';

export function detectSalesforcePerson(doc: Document, url: URL): PersonContext | null {
  if (siteForUrl(url) !== 'salesforce') return null;
  const recordId = RECORD_PATH.exec(url.pathname)?.[2];
  if (!recordId) return null;
  const page: ParentNode = doc.querySelector(ACTIVE_PAGE) ?? doc;
  if (!page.querySelector(CONTAINERS.join(', '))) return null;

  const sink = new ContactSink();
  for (const element of queryAtMost(page, within(CONTAINERS, [EMAIL_LINK, EMAIL_VALUE]))) {
    if (element.matches(EMAIL_LINK)) sink.addMailtoLink(element);
    // A formatted email without a link (the link is read on its own when there is one).
    else if (!element.querySelector(EMAIL_LINK)) sink.addEmailsIn(element.textContent);
  }
  for (const element of queryAtMost(page, within(CONTAINERS, [PHONE_LINK, PHONE_VALUE]))) {
    if (element.closest(FAX_FIELD)) continue;
    if (element.matches(PHONE_LINK)) sink.addTelLink(element);
    else if (!element.querySelector(PHONE_LINK)) sink.addPhone(phoneAsShown(element.textContent));
  }
  return personContext('salesforce', recordId, firstText(page, NAME), sink);
}
