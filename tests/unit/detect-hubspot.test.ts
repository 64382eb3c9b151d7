import { describe, expect, it } from 'vitest';
import type { PersonContext } from '@/utils/detect/context';
import { detectHubSpotPerson } from '@/utils/detect/hubspot';
import { loadSite } from '../fixtures/sites';

const EU = 'https://app-eu1.hubspot.com/contacts/26445107/record/0-1/51201';
const SECOND = 'https://app.hubspot.com/contacts/7794512/record/0-1/90210';
const REDESIGN = 'https://app-eu1.hubspot.com/contacts/26445107/record/0-1/51202';

/** What the page's own script does after load: the late-rendered record header arrives. */
function rendered(doc: Document, rootId: string, templateId: string): Document {
  const template = doc.getElementById(templateId) as HTMLTemplateElement;
  doc.getElementById(rootId)?.replaceChildren(template.content.cloneNode(true));
  return doc;
}

describe('detectHubSpotPerson', () => {
  it.each<[string, string, Omit<PersonContext, 'kind' | 'site'>]>([
    [
      'hubspot-contact-eu.html',
      EU,
      {
        recordId: '51201',
        name: 'Ada Byron',
        emails: ['ada.byron@example.com', 'ada@analytical-engines.example'],
        phones: ['+44 20 7946 0018', '+44 7700 900123'],
        recordShown: true,
      },
    ],
    [
      'hubspot-contact-second.html',
      SECOND,
      {
        recordId: '90210',
        name: 'Grace Hopper',
        emails: ['grace.hopper@navy.example'],
        phones: ['(202) 555-0143'],
        recordShown: true,
      },
    ],
    [
      'hubspot-contact-second.html',
      'https://app.hubspot.com/contacts/7794512/contact/90210',
      {
        recordId: '90210',
        name: 'Grace Hopper',
        emails: ['grace.hopper@navy.example'],
        phones: ['(202) 555-0143'],
        recordShown: true,
      },
    ],
    [
      'hubspot-contact-no-email.html',
      'https://app.hubspot.com/contacts/7794512/record/0-1/30001',
      { recordId: '30001', name: 'Alan Turing', emails: [], phones: [], recordShown: true },
    ],
    [
      'hubspot-contact-legacy-de.html',
      'https://app.hubspot.com/contacts/7794512/contact/90211/',
      {
        recordId: '90211',
        name: 'Grace Hopper',
        emails: ['grace.hopper@navy.example'],
        phones: ['(202) 555-0143'],
        recordShown: true,
      },
    ],
    [
      'hubspot-contact-2026-es.html',
      `${REDESIGN}?eschref=%2Fcontacts%2F26445107%2Fobjects%2F0-1%2Fviews%2Fall%2Flist`,
      // Before its late-rendered header arrives: nothing read yet, and no guess.
      { recordId: '51202', name: null, emails: [], phones: [], recordShown: false },
    ],
  ])('%s at %s', (fixture, url, expected) => {
    expect(detectHubSpotPerson(loadSite(fixture), new URL(url))).toEqual({
      kind: 'person',
      site: 'hubspot',
      ...expected,
    });
  });

  it('lower-cases and de-duplicates emails from the highlight link and the properties', () => {
    const person = detectHubSpotPerson(loadSite('hubspot-contact-eu.html'), new URL(EU));
    // Ada.Byron@Example.COM (link), ada.byron@example.com (field), ADA.BYRON@example.com (extra)
    expect(person?.emails.filter((email) => email === 'ada.byron@example.com')).toHaveLength(1);
    expect(person?.emails.every((email) => email === email.toLowerCase())).toBe(true);
  });

  it.each([
    ['hubspot-contact-eu.html', EU],
    ['hubspot-contact-no-email.html', 'https://app.hubspot.com/contacts/7794512/record/0-1/30001'],
  ])('%s: timeline, associations and nav links do not leak in', (fixture, url) => {
    const person = detectHubSpotPerson(loadSite(fixture), new URL(url));
    const found = [...(person?.emails ?? []), ...(person?.phones ?? [])].join(' ');
    for (const other of [
      'charles.babbage',
      'mary.somerville',
      'support@',
      'joan.clarke',
      'enquiries@',
      '0999',
      '0500',
      '640404',
      '518 7500',
    ]) {
      expect(found).not.toContain(other);
    }
  });

  it('follows SPA navigation: another record gives another id and other details', () => {
    const first = detectHubSpotPerson(loadSite('hubspot-contact-eu.html'), new URL(EU));
    const second = detectHubSpotPerson(loadSite('hubspot-contact-second.html'), new URL(SECOND));
    expect(first?.recordId).not.toBe(second?.recordId);
    expect(first?.emails).not.toEqual(second?.emails);
    // Re-running on an unchanged page gives the same answer (the panel compares them).
    expect(detectHubSpotPerson(loadSite('hubspot-contact-eu.html'), new URL(EU))).toEqual(first);
  });

  it('reads nothing (recordShown: false) until the record sidebar has rendered', () => {
    const loading = new DOMParser().parseFromString(
      '<div id="main-content"><div class="private-loading-spinner"></div></div>',
      'text/html',
    );
    expect(detectHubSpotPerson(loading, new URL(EU))).toMatchObject({
      recordId: '51201',
      emails: [],
      phones: [],
      recordShown: false,
    });
  });

  it('finds the 2026 header by structure once it has rendered, and nothing around it', () => {
    const doc = rendered(loadSite('hubspot-contact-2026-es.html'), 'record-root', 'record-header');
    expect(detectHubSpotPerson(doc, new URL(REDESIGN))).toEqual({
      kind: 'person',
      site: 'hubspot',
      recordId: '51202',
      name: 'Ada Byron',
      emails: ['ada.byron@example.com'],
      phones: ['+44 20 7946 0018'],
      recordShown: true,
    });
  });

  it('keeps the legacy layout’s timeline and company card out', () => {
    const person = detectHubSpotPerson(
      loadSite('hubspot-contact-legacy-de.html'),
      new URL('https://app.hubspot.com/contacts/7794512/contact/90211'),
    );
    expect(person?.emails).toEqual(['grace.hopper@navy.example']);
    expect(person?.phones).toEqual(['(202) 555-0143']);
  });

  it.each([
    ['https://app.hubspot.com/contacts/1/record/0-1/2', '2'],
    ['https://app.hubspot.com/contacts/1/record/0-1/2/', '2'],
    ['https://app-eu1.hubspot.com/contacts/1/record/0-1/2?eschref=%2Fcontacts', '2'],
    ['https://app-na2.hubspot.com/contacts/1/record/0-1/2/view/1', '2'],
    ['https://APP.HubSpot.com/contacts/1/record/0-1/2#activity', '2'],
    ['https://app.hubspot.com/contacts/1/contact/2', '2'],
  ])('%s is contact record %s', (url, recordId) => {
    expect(detectHubSpotPerson(loadSite('hubspot-contact-eu.html'), new URL(url))?.recordId).toBe(
      recordId,
    );
  });

  it.each([
    'https://app.hubspot.com/contacts/1/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/1/contacts/list/view/all/',
    'https://app.hubspot.com/contacts/1/record/0-2/2',
    'https://app.hubspot.com/contacts/1/record/0-3/2',
    'https://app.hubspot.com/contacts/1/record/0-1/',
    'https://app.hubspot.com/contacts/1/record/0-1/abc',
    'https://app.hubspot.com/contacts/1/record/0-12/2',
    'https://app.hubspot.com/sequences/1',
    'https://www.hubspot.com/contacts/1/record/0-1/2',
    'https://knowledge.hubspot.com/contacts/1/record/0-1/2',
    'https://app.hubspot.com.evil.example/contacts/1/record/0-1/2',
    'https://evilapp.hubspot.com/contacts/1/record/0-1/2',
    'http://app.hubspot.com/contacts/1/record/0-1/2',
    'https://mail.google.com/contacts/1/record/0-1/2',
  ])('%s is not a contact record', (url) => {
    expect(detectHubSpotPerson(loadSite('hubspot-contact-eu.html'), new URL(url))).toBeNull();
  });
});
