/**
 * HubSpot contact record pages.
 *
 * URL forms (https only; `app.hubspot.com` or a regional `app-<region>.hubspot.com` such as
 * `app-eu1.hubspot.com` or `app-na2.hubspot.com`; any query such as `?eschref=…`, any trailing
 * slash or sub-tab path):
 *   /contacts/{portalId}/record/0-1/{contactId}[/…]   the record page (object type 0-1 = contact)
 *   /contacts/{portalId}/contact/{contactId}[/…]      the older record URL
 * Not: list views (/contacts/{portalId}/objects/0-1/views/…), other object types (0-2 company,
 * 0-3 deal, 0-5 ticket), anything else.
 *
 * Layers, the first that reads anything wins:
 * 1. Landmarks of each known generation (HubSpot marks its UI with untranslated
 *    `data-test-id` / `data-selenium-test` attributes):
 *      [data-test-id="left-sidebar"]                     2021–2024 three-column record: the
 *                                                        highlight card and the property cards
 *      [data-selenium-component="ProfileHighlightContainer"], [data-card-type="OBJECT_HIGHLIGHT"]
 *                                                        the highlight card alone (older
 *                                                        profile layout, and inside the above)
 *      [data-test-id*="highlight-card"]                  the 2024+ record highlight card
 *    and in them the property fields [data-selenium-test="property-input-email"],
 *    -hs_additional_emails, -phone, -mobilephone, and mailto:/tel: links.
 * 2. Structure: the record's heading (the highlight title, else the page's h1) and the header
 *    region around it (see `regionAroundHeading`): its mailto:/tel: links and email/phone inputs.
 * Never read: the activity timeline (logged emails), the right sidebar (associated companies
 * and contacts), the global nav, hover cards and dialogs. Until something has rendered the
 * record is not shown (`recordShown: false`), which the caller may report once the page settles.
 */
import {
  ContactSink,
  EMAIL_LINK,
  fieldValue,
  firstText,
  type PersonContext,
  PHONE_LINK,
  personContext,
  phoneAsShown,
  queryAtMost,
  readRegion,
  regionAroundHeading,
  siteForUrl,
} from './context';

const RECORD_PATH = /^\/contacts\/(\d{1,20})\/(?:record\/0-1|contact)\/(\d{1,20})(?:\/|$)/;

const LANDMARKS = [
  '[data-test-id="left-sidebar"]',
  '[data-selenium-component="ProfileHighlightContainer"]',
  '[data-card-type="OBJECT_HIGHLIGHT"]',
  '[data-test-id*="highlight-card"]',
] as const;
const NAME = [
  '[data-selenium-test="highlightTitle"]',
  '[data-test-id="highlight-record-label"]',
] as const;
const HEADING = [...NAME, 'main h1', '[role="main"] h1', 'h1'].join(', ');
const NOT_PERSON = [
  '[data-test-id*="timeline"]',
  '[data-test-id="middle-pane"]',
  '[data-test-id*="right-sidebar"]',
  '[data-test-id*="association"]',
  '[data-selenium-test*="association"]',
  '[role="tooltip"]',
  '[role="dialog"]',
  'nav',
].join(', ');
const MAX_WIDEN = 3;
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

  const sink = new ContactSink();
  const landmark = widened(doc.querySelector(LANDMARKS.join(', ')));
  if (landmark) readLandmark(landmark, sink);
  let region: Element | null = null;
  if (sink.emails.length === 0 && sink.phones.length === 0) {
    const heading = doc.querySelector(HEADING);
    region = heading && regionAroundHeading(heading, NOT_PERSON);
    if (region) readRegion(region, sink, NOT_PERSON);
  }
  const scope = landmark ?? region;
  const name = (scope && firstText(scope, NAME)) ?? firstText(doc, NAME) ?? headingText(region);
  return personContext('hubspot', recordId, name, sink, scope !== null);
}

/**
 * A highlight card found alone (older layouts) shares its column with the property cards: the
 * column counts, up to where it would take in something that is not the person.
 */
function widened(landmark: Element | null): Element | null {
  let scope = landmark;
  for (let depth = 0; scope?.parentElement && depth < MAX_WIDEN; depth++) {
    if (
      scope.parentElement.matches('body, main') ||
      scope.parentElement.querySelector(NOT_PERSON)
    ) {
      break;
    }
    scope = scope.parentElement;
  }
  return scope;
}

function readLandmark(landmark: Element, sink: ContactSink): void {
  for (const element of queryAtMost(landmark, [EMAIL_LINK, ...EMAIL_FIELDS].join(', '))) {
    if (element.closest(NOT_PERSON)) continue;
    if (element.matches(EMAIL_LINK)) sink.addMailtoLink(element);
    else sink.addEmailsIn(fieldValue(element));
  }
  for (const element of queryAtMost(landmark, [PHONE_LINK, ...PHONE_FIELDS].join(', '))) {
    if (element.closest(NOT_PERSON)) continue;
    if (element.matches(PHONE_LINK)) sink.addTelLink(element);
    else sink.addPhone(phoneAsShown(fieldValue(element)));
  }
}

/** The name a structurally found header shows in its heading. */
function headingText(region: Element | null): string | null {
  return region ? firstText(region, ['h1', '[role="heading"]']) : null;
}
