/**
 * Pipedrive person pages.
 *
 * URL forms (https only; `app.pipedrive.com` or `{company}.pipedrive.com`; a trailing slash or
 * sub-path is fine):
 *   /person/{personId}[/…]
 * Not: the people list (/persons/list/…), deals (/deal/{id}), organizations (/organization/{id}),
 * anything else.
 *
 * The visible view first: Pipedrive's app keeps earlier pages in hidden `.viewContainer`s; the
 * one read is the first not hidden by its markup (the whole document when there are none; none
 * at all when every one is hidden).
 *
 * Layers in that view, the first that reads anything wins (Pipedrive marks its UI with
 * untranslated `data-test` / `data-test-key` / `data-testid` attributes):
 * 1. Landmarks: the details sidebar [data-test="detail-view-sidebar"] / .detailView__sidebar,
 *    and in it the person's fields [data-test-key="email"] / [data-test-key="phone"] (or, in an
 *    older sidebar with no keyed fields, every mailto:/tel: link in it).
 * 2. Structure: the header region around the person's name (the header title, else the view's
 *    h1), see `regionAroundHeading`.
 * Never read: the history feed (emails, notes, calls), the organization and deal sections, the
 * Smart BCC address (`…@pipedrivemail.com`, Pipedrive's own mailbox for the record), hover cards.
 */
import {
  ContactSink,
  EMAIL_LINK,
  firstText,
  HIDDEN,
  type PersonContext,
  PHONE_LINK,
  personContext,
  queryAtMost,
  readRegion,
  regionAroundHeading,
  siteForUrl,
  within,
} from './context';

const PERSON_PATH = /^\/person\/(\d{1,20})(?:\/|$)/;

const VIEWS = '.viewContainer';
const MAX_VIEWS = 20;
const SIDEBAR = '[data-test="detail-view-sidebar"], .detailView__sidebar';
const FIELDS = ['[data-test-key="email"]', '[data-test-key="phone"]'] as const;
const ANY_FIELD = '[data-test-key]';
const NAME = ['[data-test="header-title"]', '.detailView__header h1'] as const;
const HEADING = [...NAME, 'h1'].join(', ');
const LINKS = [EMAIL_LINK, PHONE_LINK] as const;
const NOT_PERSON = [
  '[data-test="flow"]',
  '[data-test*="flow-item"]',
  '.detailView__main',
  '[data-test*="organization"]',
  '[data-test*="deal"]',
  '[data-test*="smart-bcc"]',
  '[data-testid*="flow"]',
  '[data-testid*="organization"]',
  '[data-testid*="deal"]',
  '[data-testid*="smart-bcc"]',
  '[role="tooltip"]',
  '[role="dialog"]',
].join(', ');
/** Pipedrive's own per-record mailbox, never the person's. */
const SMART_BCC = /@pipedrivemail\.com$/;

export function detectPipedrivePerson(doc: Document, url: URL): PersonContext | null {
  if (siteForUrl(url) !== 'pipedrive') return null;
  const recordId = PERSON_PATH.exec(url.pathname)?.[1];
  if (!recordId) return null;
  const view = visibleView(doc);
  const sink = new ContactSink();
  if (!view) return personContext('pipedrive', recordId, null, sink, false);

  const sidebar = view.querySelector(SIDEBAR);
  if (sidebar) {
    const links = sidebar.querySelector(ANY_FIELD) ? within(FIELDS, LINKS) : LINKS.join(', ');
    for (const link of queryAtMost(sidebar, links)) {
      if (link.closest(NOT_PERSON)) continue;
      if (link.matches(EMAIL_LINK)) sink.addMailtoLink(link);
      else sink.addTelLink(link);
    }
  }
  let region: Element | null = null;
  if (sink.emails.length === 0 && sink.phones.length === 0) {
    const heading = view.querySelector(HEADING);
    region = heading && regionAroundHeading(heading, NOT_PERSON);
    if (region) readRegion(region, sink, NOT_PERSON);
  }
  const emails = sink.emails.filter((email) => !SMART_BCC.test(email));
  sink.emails.splice(0, sink.emails.length, ...emails);
  const name = firstText(view, NAME) ?? (region ? firstText(region, ['h1']) : null);
  return personContext('pipedrive', recordId, name, sink, sidebar !== null || region !== null);
}

function visibleView(doc: Document): ParentNode | null {
  const views = queryAtMost(doc, VIEWS, MAX_VIEWS);
  if (views.length === 0) return doc;
  return views.find((view) => !view.closest(HIDDEN)) ?? null;
}
