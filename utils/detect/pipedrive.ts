/**
 * Pipedrive person pages.
 *
 * URL forms (https only; `{company}.pipedrive.com`):
 *   /person/{personId}[/…]
 * Not: the people list (/persons/list/…), deals (/deal/{id}), organizations (/organization/{id}),
 * anything else.
 *
 * DOM landmarks (Pipedrive marks its UI with `data-test` / `data-test-key` attributes):
 *   [data-test="detail-view-sidebar"], .detailView__sidebar
 *                                          the person's details sidebar (fields, organization,
 *                                          deals); the main column holds the history feed
 *   [data-test-key="email"], [data-test-key="phone"]
 *                                          the person's email and phone fields in the sidebar
 *   [data-test="header-title"], .detailView__header h1
 *                                          the person's name in the page header
 *   a[href^="mailto:"], a[href^="tel:"]    the values, which Pipedrive renders as links
 *
 * Which links count: mailto:/tel: links inside the person's email/phone fields in the details
 * sidebar. The history feed (emails sent and received, notes) and the sidebar's organization and
 * deal sections show other addresses and numbers and are not read. If the sidebar has no keyed
 * fields at all (an older layout), every mailto:/tel: link in the sidebar counts.
 * Until the sidebar has rendered, there is no person (null).
 */
import {
  ContactSink,
  firstText,
  type PersonContext,
  personContext,
  queryAtMost,
  siteForUrl,
  within,
} from './context';

const PERSON_PATH = /^\/person\/(\d{1,20})(?:\/|$)/;

const SIDEBAR = '[data-test="detail-view-sidebar"], .detailView__sidebar';
const FIELDS = ['[data-test-key="email"]', '[data-test-key="phone"]'] as const;
const ANY_FIELD = '[data-test-key]';
const NAME = ['[data-test="header-title"]', '.detailView__header h1'] as const;
const EMAIL_LINK = 'a[href^="mailto:" i]';
const PHONE_LINK = 'a[href^="tel:" i]';
const LINKS = [EMAIL_LINK, PHONE_LINK] as const;

export function detectPipedrivePerson(doc: Document, url: URL): PersonContext | null {
  if (siteForUrl(url) !== 'pipedrive') return null;
  const recordId = PERSON_PATH.exec(url.pathname)?.[1];
  if (!recordId) return null;
  const sidebar = doc.querySelector(SIDEBAR);
  if (!sidebar) return null;

  const links = sidebar.querySelector(ANY_FIELD) ? within(FIELDS, LINKS) : LINKS.join(', ');
  const sink = new ContactSink();
  for (const link of queryAtMost(sidebar, links)) {
    if (link.matches(EMAIL_LINK)) sink.addMailtoLink(link);
    else sink.addTelLink(link);
  }
  return personContext('pipedrive', recordId, firstText(doc, NAME), sink);
}
