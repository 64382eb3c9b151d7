/**
 * Salesforce Lightning Experience contact and lead record pages.
 *
 * URL forms (https only; `{domain}.lightning.force.com`, sandboxes included; ids of 15 or 18
 * characters; a trailing slash is fine):
 *   /lightning/r/Contact/{id}/view    /lightning/r/Lead/{id}/view
 *   /lightning/r/{id}/view            object-less: the id's key prefix says what it is
 *                                     (003 Contact, 00Q Lead)
 *   /lightning/app/{app}/r/…          the same inside a named app (console apps)
 * Not: list views (/lightning/o/Contact/list), related lists (/lightning/r/Contact/{id}/related/…),
 * other objects (Account 001, Opportunity 006, …), anything else.
 *
 * The visible, current view first. Lightning keeps the record pages a user navigated away
 * from (and a console's other tabs) in the DOM, hidden: `.oneContent` / `.windowViewMode-normal`
 * / `.windowViewMode-maximized` page hosts without `active`, and console `.tabContent`s without
 * `active` (each of which keeps its own active page host). In the active console tab (if the
 * app has tabs), the view read is the page host marked `active`; else the one not hidden by its
 * markup that names this record (`data-recordid` / `record-id`); else, when there are page
 * hosts but none can be told to be current, nothing (a stale view must never decide whose
 * tasks are shown). Pages without any of these containers are read whole.
 *
 * Layers in that view, the first that reads anything wins:
 * 1. Landmarks: records-highlights2 / records-lwc-highlights-panel (the highlights panel),
 *    records-record-layout-item and dynamic forms' record_flexipage-record-field (fields), and
 *    any element whose untranslated `data-target-selection-name` is
 *    `sfdc:RecordField.{Contact|Lead}.{Email|Phone|MobilePhone|…}`; in them mailto:/tel: links
 *    and lightning-formatted-email / -phone values. Fax fields render as phones and are skipped
 *    (`data-target-selection-name` ending in `.Fax`).
 * 2. Structure: the header region around the record's h1 (see `regionAroundHeading`).
 * Never read: the activity timeline (logged emails), related lists, hover cards (role="dialog"
 * / "tooltip"), the utility bar.
 *
 * Limit: this reads the light DOM. Lightning renders these formatted fields into the light DOM
 * (synthetic shadow), which a content script's querySelector sees; a field rendered inside a
 * native shadow root is invisible here: the record is then not read (`recordShown: false`).
 */
import {
  ContactSink,
  EMAIL_LINK,
  firstText,
  HIDDEN,
  type PersonContext,
  PHONE_LINK,
  personContext,
  phoneAsShown,
  queryAtMost,
  readRegion,
  regionAroundHeading,
  siteForUrl,
  within,
} from './context';

const ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
const RECORD_PATH = new RegExp(
  `^/lightning/(?:app/[^/]{1,100}/)?r/(?:(Contact|Lead)/)?(${ID})/view/?$`,
);
/** Key prefixes of the objects read when the URL names no object. */
const PERSON_PREFIX = /^(?:003|00Q)/;

const CONSOLE_TAB = '.tabContent';
const ACTIVE_TAB = '.tabContent.active';
const VIEWS = '.oneContent, [class*="windowViewMode-"]';
const ACTIVE_VIEW = [
  '.oneContent.active',
  '.windowViewMode-maximized.active',
  '.windowViewMode-normal.active',
].join(', ');
const MAX_VIEWS = 20;

const HIGHLIGHTS = ['records-highlights2', 'records-lwc-highlights-panel'] as const;
const CONTAINERS = [
  ...HIGHLIGHTS,
  'records-record-layout-item',
  'record_flexipage-record-field',
  '[data-target-selection-name^="sfdc:RecordField.Contact."]',
  '[data-target-selection-name^="sfdc:RecordField.Lead."]',
] as const;
const NAME = HIGHLIGHTS.flatMap((h) => [
  `${h} lightning-formatted-name`,
  `${h} slot[name="primaryField"]`,
]);
const EMAIL_VALUE = 'lightning-formatted-email';
const PHONE_VALUE = 'lightning-formatted-phone';
const FAX_FIELD = '[data-target-selection-name$=".Fax"]';
const NOT_PERSON = [
  '.slds-timeline',
  'records-related-list-container',
  'lst-related-list-view-manager',
  '[class*="forceRelatedList"]',
  '[class*="activityTimeline"]',
  '[role="tooltip"]',
  '[role="dialog"]',
  '.utilitybar',
].join(', ');

export function detectSalesforcePerson(doc: Document, url: URL): PersonContext | null {
  if (siteForUrl(url) !== 'salesforce') return null;
  const match = RECORD_PATH.exec(url.pathname);
  const recordId = match?.[2];
  if (!match || !recordId || (!match[1] && !PERSON_PREFIX.test(recordId))) return null;
  const view = currentView(doc, recordId);
  const sink = new ContactSink();
  if (!view) return personContext('salesforce', recordId, null, sink, false);

  const landmark = view.querySelector(CONTAINERS.join(', '));
  if (landmark) readLandmarks(view, sink);
  let region: Element | null = null;
  if (sink.emails.length === 0 && sink.phones.length === 0) {
    const heading = view.querySelector('h1');
    region = heading && regionAroundHeading(heading, NOT_PERSON);
    if (region) readRegion(region, sink, NOT_PERSON);
  }
  const name = firstText(view, NAME) ?? (region ? firstText(region, ['h1']) : null);
  return personContext('salesforce', recordId, name, sink, landmark !== null || region !== null);
}

/**
 * The view the rep is looking at, or null when the page keeps views and none is current. In a
 * console app each tab keeps its own "active" page host, so the active tab is found first.
 */
function currentView(doc: Document, recordId: string): ParentNode | null {
  const id15 = recordId.slice(0, 15);
  const names = `[data-recordid^="${id15}"], [record-id^="${id15}"]`;
  const current = (view: Element) => !view.closest(HIDDEN) && view.querySelector(names) !== null;
  let scope: ParentNode = doc;
  if (doc.querySelector(CONSOLE_TAB)) {
    const tab = doc.querySelector(ACTIVE_TAB);
    if (tab && !tab.closest(HIDDEN)) scope = tab;
    else return queryAtMost(doc, CONSOLE_TAB, MAX_VIEWS).find(current) ?? null;
  }
  const active = scope.querySelector(ACTIVE_VIEW);
  if (active && !active.closest(HIDDEN)) return active;
  const views = queryAtMost(scope, VIEWS, MAX_VIEWS);
  if (views.length === 0) return scope;
  return views.find(current) ?? null;
}

function readLandmarks(view: ParentNode, sink: ContactSink): void {
  for (const element of queryAtMost(view, within(CONTAINERS, [EMAIL_LINK, EMAIL_VALUE]))) {
    if (element.closest(NOT_PERSON)) continue;
    if (element.matches(EMAIL_LINK)) sink.addMailtoLink(element);
    // A formatted email without a link (the link is read on its own when there is one).
    else if (!element.querySelector(EMAIL_LINK)) sink.addEmailsIn(element.textContent);
  }
  for (const element of queryAtMost(view, within(CONTAINERS, [PHONE_LINK, PHONE_VALUE]))) {
    if (element.closest(FAX_FIELD) || element.closest(NOT_PERSON)) continue;
    if (element.matches(PHONE_LINK)) sink.addTelLink(element);
    else if (!element.querySelector(PHONE_LINK)) sink.addPhone(phoneAsShown(element.textContent));
  }
}
