import { describe, expect, it } from 'vitest';
import type { PersonContext } from '@/utils/detect/context';
import { detectPipedrivePerson } from '@/utils/detect/pipedrive';
import { loadSite } from '../fixtures/sites';

const PERSON = 'https://nordlicht.pipedrive.com/person/4821';
const REDESIGN = 'https://nordlicht.pipedrive.com/person/4830/';

describe('detectPipedrivePerson', () => {
  it.each<[string, string, Omit<PersonContext, 'kind' | 'site'>]>([
    [
      'pipedrive-person.html',
      PERSON,
      {
        recordId: '4821',
        name: 'Marta Kowalska',
        emails: ['marta.kowalska@nordlicht.example', 'marta.k@post.example'],
        phones: ['+48 601 234 567', '+49 40 1234 5678'],
        recordShown: true,
      },
    ],
    [
      'pipedrive-person-legacy-rtl.html',
      'https://app.pipedrive.com/person/4822',
      {
        recordId: '4822',
        name: 'נועה לוי',
        emails: ['noa.levi@example.co.il'],
        phones: ['+972 3 555 0100'],
        recordShown: true,
      },
    ],
    [
      'pipedrive-person-2025-de.html',
      REDESIGN,
      // Before its late-rendered header arrives: nothing read yet, and no guess.
      { recordId: '4830', name: null, emails: [], phones: [], recordShown: false },
    ],
  ])('%s at %s', (fixture, url, expected) => {
    expect(detectPipedrivePerson(loadSite(fixture), new URL(url))).toEqual({
      kind: 'person',
      site: 'pipedrive',
      ...expected,
    });
  });

  it('finds the 2025 header by structure once it has rendered; Smart BCC and deals stay out', () => {
    const doc = loadSite('pipedrive-person-2025-de.html');
    const template = doc.getElementById('person-header-content') as HTMLTemplateElement;
    doc.getElementById('person-header')?.replaceChildren(template.content.cloneNode(true));
    expect(detectPipedrivePerson(doc, new URL(REDESIGN))).toMatchObject({
      name: 'Marta Kowalska',
      emails: ['marta.kowalska@nordlicht.example'],
      phones: ['+48 22 000 00 00'],
      recordShown: true,
    });
  });

  it('reads the visible view, never the hidden one kept from before', () => {
    const person = detectPipedrivePerson(
      loadSite('pipedrive-person-legacy-rtl.html'),
      new URL('https://app.pipedrive.com/person/4822'),
    );
    const found = [...(person?.emails ?? []), ...(person?.phones ?? [])].join(' ');
    for (const other of ['marta', '+48', 'pipedrivemail', 'dan.cohen']) {
      expect(found).not.toContain(other);
    }
  });

  it('reads nothing when every view is hidden', () => {
    const doc = new DOMParser().parseFromString(
      '<div class="viewContainer" style="display:none"><div class="detailView__sidebar"><a href="mailto:old@example.pl">x</a></div></div>',
      'text/html',
    );
    expect(detectPipedrivePerson(doc, new URL(PERSON))).toMatchObject({
      emails: [],
      recordShown: false,
    });
  });

  it('keeps the history feed, organization, deals and Smart BCC out', () => {
    const person = detectPipedrivePerson(loadSite('pipedrive-person.html'), new URL(PERSON));
    const found = [...(person?.emails ?? []), ...(person?.phones ?? [])].join(' ');
    for (const other of ['jonas', 'procurement', 'pipedrivemail', '555 000', '555 123']) {
      expect(found).not.toContain(other);
    }
  });

  it.each([
    [
      'keyed fields without values',
      '<aside data-test="detail-view-sidebar"><div data-test-key="email"></div><div data-test-key="phone"></div></aside><h1 data-test="header-title">Jan Nowak</h1>',
      { name: 'Jan Nowak', emails: [], phones: [] },
    ],
    [
      'an older sidebar without keyed fields: every link in it counts',
      '<div class="detailView__header"><h1>Jan Nowak</h1></div><div class="detailView__sidebar"><a href="mailto:JAN@example.pl">JAN@example.pl</a> <a href="tel:+48 22 000 00 00">+48 22 000 00 00</a></div><div class="flow"><a href="mailto:other@example.pl">x</a></div>',
      { name: 'Jan Nowak', emails: ['jan@example.pl'], phones: ['+48 22 000 00 00'] },
    ],
  ])('%s', (_, html, expected) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(detectPipedrivePerson(doc, new URL(PERSON))).toMatchObject(expected);
  });

  it('reads nothing (recordShown: false) until the sidebar has rendered', () => {
    const loading = new DOMParser().parseFromString('<div id="application"></div>', 'text/html');
    expect(detectPipedrivePerson(loading, new URL(PERSON))).toMatchObject({
      emails: [],
      phones: [],
      recordShown: false,
    });
  });

  it.each([
    [PERSON, '4821'],
    ['https://nordlicht.pipedrive.com/person/4821/', '4821'],
    ['https://app.pipedrive.com/person/77?tab=activities', '77'],
    ['https://nordlicht-sandbox.pipedrive.com/person/5#notes', '5'],
  ])('%s is person %s', (url, recordId) => {
    expect(detectPipedrivePerson(loadSite('pipedrive-person.html'), new URL(url))?.recordId).toBe(
      recordId,
    );
  });

  it.each([
    'https://nordlicht.pipedrive.com/persons/list/user/everyone',
    'https://nordlicht.pipedrive.com/person/',
    'https://nordlicht.pipedrive.com/person/abc',
    'https://nordlicht.pipedrive.com/persons/4821',
    'https://nordlicht.pipedrive.com/deal/4821',
    'https://nordlicht.pipedrive.com/organization/318',
    'https://nordlicht.pipedrive.com/pipeline/1/user/everyone',
    'https://pipedrive.com/person/4821',
    'https://api.nordlicht.pipedrive.com/person/4821',
    'https://nordlicht.pipedrive.com.evil.example/person/4821',
    'http://nordlicht.pipedrive.com/person/4821',
  ])('%s is not a person page', (url) => {
    expect(detectPipedrivePerson(loadSite('pipedrive-person.html'), new URL(url))).toBeNull();
  });
});
