/**
 * HubSpot contact record pages.
 *
 * URL forms (https only; `app.hubspot.com` or a regional `app-<region>.hubspot.com` such as
 * `app-eu1.hubspot.com` or `app-na2.hubspot.com`):
 *   /contacts/{portalId}/record/0-1/{contactId}[/…]   the record page (object type 0-1 = contact)
 *   /contacts/{portalId}/contact/{contactId}[/…]      the older record URL
 * Not: list views (/contacts/{portalId}/objects/0-1/views/…), other object types (0-2 company,
 * 0-3 deal, 0-5 ticket), anything else.
 *
 * DOM landmarks:
 *   [data-test-id="left-sidebar"]               the record's left column: the highlight card
 *                                               (name, primary email) and the property cards
 *   [data-selenium-test="highlightTitle"]       the name in the highlight card
 *   [data-test-id="highlight-record-label"]     the name in newer record headers (fallback)
 *   [data-selenium-test="property-input-email"], -hs_additional_emails, -phone, -mobilephone
 *                                               property fields (inputs, or text when read-only)
 *   a[href^="mailto:"], a[href^="tel:"]         links the sidebar shows
 *
 * Which links count: only those inside the left sidebar. The middle pane (activity timeline,
 * [data-test-id="crm-events-viz-timeline"]) shows other people's addresses in logged emails, and
 * the right sidebar ([data-test-id="records-right-sidebar"]) shows associated companies and
 * contacts; neither is read. Until the left sidebar has rendered, there is no person (null).
 */
import {
  ContactSink,
  fieldValue,
  firstText,
  type PersonContext,
  personContext,
  phoneAsShown,
  queryAtMost,
  siteForUrl,
} from './context';

const RECORD_PATH = /^\/contacts\/(\d{1,20})\/(?:record\/0-1|contact)\/(\d{1,20})(?:\/|$)/;

const SIDEBAR = '[data-test-id="left-sidebar"]';
const NAME = [
  '[data-selenium-test="highlightTitle"]',
  '[data-test-id="highlight-record-label"]',
] as const;
const EMAIL_LINK = 'a[href^="mailto:" i]';
const PHONE_LINK = 'a[href^="tel:" i]';
const EMAIL_FIELDS = [
  '[data-selenium-test="property-input-email"]',
  '[data-selenium-test="property-input-hs_additional_emails"]',
] as const;
const PHONE_FIELDS = [
  '[data-selenium-test="property-input-phone"]',
  '[data-selenium-test="property-input-mobilephone"]',
] as const;

export function detectHubSpotPerson(doc: Document, url: URL): PersonContext | null {
  if (siteForUrl(url) !== 'hubspot') return null;
  const recordId = RECORD_PATH.exec(url.pathname)?.[2];
  if (!recordId) return null;
  const sidebar = doc.querySelector(SIDEBAR);
  if (!sidebar) return null;

  const sink = new ContactSink();
  for (const element of queryAtMost(sidebar, [EMAIL_LINK, ...EMAIL_FIELDS].join(', '))) {
    if (element.matches(EMAIL_LINK)) sink.addMailtoLink(element);
    else sink.addEmailsIn(fieldValue(element));
  }
  for (const element of queryAtMost(sidebar, [PHONE_LINK, ...PHONE_FIELDS].join(', '))) {
    if (element.matches(PHONE_LINK)) sink.addTelLink(element);
    else sink.addPhone(phoneAsShown(fieldValue(element)));
  }
  const name = firstText(sidebar, NAME) ?? firstText(doc, NAME);
  return personContext('hubspot', recordId, name, sink);
}
