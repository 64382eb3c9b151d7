import { describe, expect, it } from 'vitest';
import type { PersonContext } from '@/utils/detect/context';
import { detectSalesforcePerson } from '@/utils/detect/salesforce';
import { loadSite } from '../fixtures/sites';

const CONTACT =
  'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view';
const LEAD = 'https://curie-labs.lightning.force.com/lightning/r/Lead/00Q5g00000QrStUEAV/view';

describe('detectSalesforcePerson', () => {
  it.each<[string, string, Omit<PersonContext, 'kind' | 'site'>]>([
    [
      'salesforce-contact.html',
      CONTACT,
      {
        recordId: '0035g00000XyZ12AAB',
        name: 'Dr. Marie Curie',
        emails: ['marie.curie@example.com'],
        phones: ['(415) 555-0199', '+1 415 555 0142'],
        recordShown: true,
      },
    ],
    [
      'salesforce-lead.html',
      LEAD,
      {
        recordId: '00Q5g00000QrStUEAV',
        name: 'Rosalind Franklin',
        emails: ['r.franklin@kings.example'],
        phones: ['+44 20 7836 5454'],
        recordShown: true,
      },
    ],
    [
      'salesforce-console-es.html',
      'https://curie-labs.lightning.force.com/lightning/app/06m5g000001AbCdAAK/r/Lead/00Q5g00000QrStU/view',
      {
        recordId: '00Q5g00000QrStU',
        name: 'Rosalind Franklin',
        emails: ['r.franklin@kings.example'],
        phones: ['+44 20 7836 5454'],
        recordShown: true,
      },
    ],
    [
      'salesforce-dynamic-de.html',
      'https://curie-labs.lightning.force.com/lightning/r/0035g00000XyZ12AAB/view',
      {
        recordId: '0035g00000XyZ12AAB',
        name: 'Marie Curie',
        emails: ['marie.curie@example.com'],
        phones: ['+33 1 44 27 00 00'],
        recordShown: true,
      },
    ],
    [
      'salesforce-contact-shadow.html',
      'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000ShAd0AAB/view',
      { recordId: '0035g00000ShAd0AAB', name: null, emails: [], phones: [], recordShown: false },
    ],
  ])('%s', (fixture, url, expected) => {
    expect(detectSalesforcePerson(loadSite(fixture), new URL(url))).toEqual({
      kind: 'person',
      site: 'salesforce',
      ...expected,
    });
  });

  it('reads only the highlights panel and layout fields: no timeline, related list or fax', () => {
    const person = detectSalesforcePerson(loadSite('salesforce-contact.html'), new URL(CONTACT));
    const found = [...(person?.emails ?? []), ...(person?.phones ?? [])].join(' ');
    for (const other of ['irene', 'pierre', 'helpdesk', '0177', '0100', '+33']) {
      expect(found).not.toContain(other);
    }
  });

  it('skips the hidden page Lightning keeps from before navigation', () => {
    const person = detectSalesforcePerson(loadSite('salesforce-lead.html'), new URL(LEAD));
    expect(person?.name).toBe('Rosalind Franklin');
    expect(person?.emails).not.toContain('marie.curie@example.com');
    expect(person?.phones).not.toContain('(415) 555-0199');
  });

  it('reads the whole document when there is no .oneContent page host', () => {
    const doc = new DOMParser().parseFromString(
      `<records-highlights2><slot name="primaryField"><lightning-formatted-name>Lise Meitner</lightning-formatted-name></slot></records-highlights2>
       <records-record-layout-item field-label="Email"><lightning-formatted-email><a href="mailto:LISE@Example.org">LISE@Example.org</a></lightning-formatted-email></records-record-layout-item>`,
      'text/html',
    );
    expect(detectSalesforcePerson(doc, new URL(CONTACT))).toMatchObject({
      name: 'Lise Meitner',
      emails: ['lise@example.org'],
      phones: [],
    });
  });

  it('gives the person with empty lists when the record has no email or phone', () => {
    const doc = new DOMParser().parseFromString(
      `<div class="oneContent active"><records-highlights2><lightning-formatted-name>Chien-Shiung Wu</lightning-formatted-name></records-highlights2>
       <records-record-layout-item field-label="Email"><span class="test-id__field-value"></span></records-record-layout-item></div>`,
      'text/html',
    );
    expect(detectSalesforcePerson(doc, new URL(LEAD))).toEqual({
      kind: 'person',
      site: 'salesforce',
      recordId: '00Q5g00000QrStUEAV',
      name: 'Chien-Shiung Wu',
      emails: [],
      phones: [],
      recordShown: true,
    });
  });

  it('reads nothing (recordShown: false) until the record has rendered', () => {
    const loading = new DOMParser().parseFromString(
      '<div class="oneContent active"><div class="slds-spinner_container"></div></div>',
      'text/html',
    );
    expect(detectSalesforcePerson(loading, new URL(CONTACT))).toMatchObject({
      emails: [],
      phones: [],
      recordShown: false,
    });
  });

  it('never reads a stale view: the inactive console tab and the hidden page are skipped', () => {
    const console = detectSalesforcePerson(
      loadSite('salesforce-console-es.html'),
      new URL('https://x.lightning.force.com/lightning/r/Lead/00Q5g00000QrStUEAV/view'),
    );
    expect(console?.emails).not.toContain('marie.curie@example.com');
    expect(console?.phones).not.toContain('+44 20 7836 0000'); // the fax
    const dynamic = detectSalesforcePerson(
      loadSite('salesforce-dynamic-de.html'),
      new URL('https://x.lightning.force.com/lightning/r/Contact/0035g00000XyZ12/view'),
    );
    expect(dynamic?.emails).toEqual(['marie.curie@example.com']); // not the lead, not Pierre
    expect(dynamic?.phones).toEqual(['+33 1 44 27 00 00']); // not the fax
  });

  it('in a console without an active tab, reads only the tab that names the record', () => {
    const tabs = (second: string) =>
      new DOMParser().parseFromString(
        `<div class="tabContent"><div class="oneContent active"><records-highlights2 data-recordid="0035g00000AAAAAAAA"><a href="mailto:other@example.com">x</a></records-highlights2></div></div>
         <div class="tabContent"><div class="oneContent active"><records-highlights2 data-recordid="${second}"><a href="mailto:marie.curie@example.com">x</a></records-highlights2></div></div>`,
        'text/html',
      );
    expect(detectSalesforcePerson(tabs('0035g00000XyZ12AAB'), new URL(CONTACT))?.emails).toEqual([
      'marie.curie@example.com',
    ]);
    expect(detectSalesforcePerson(tabs('0035g00000BBBBBBBB'), new URL(CONTACT))).toMatchObject({
      emails: [],
      recordShown: false,
    });
  });

  it('reads nothing when page hosts are kept and none can be told to be current', () => {
    const doc = new DOMParser().parseFromString(
      `<div class="windowViewMode-normal oneContent"><records-highlights2 data-recordid="0035g00000AAAAAAAA"><a href="mailto:stale@example.com">x</a></records-highlights2></div>
       <div class="windowViewMode-normal oneContent" hidden><records-highlights2 data-recordid="0035g00000XyZ12AAB"><a href="mailto:hidden@example.com">x</a></records-highlights2></div>`,
      'text/html',
    );
    expect(detectSalesforcePerson(doc, new URL(CONTACT))).toMatchObject({
      emails: [],
      recordShown: false,
    });
  });

  it.each([
    [CONTACT, '0035g00000XyZ12AAB'],
    [LEAD, '00Q5g00000QrStUEAV'],
    [
      'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12/view',
      '0035g00000XyZ12',
    ],
    [
      'https://curie-labs.lightning.force.com/lightning/r/Lead/00Q5g00000QrStUEAV/view/',
      '00Q5g00000QrStUEAV',
    ],
    [`${CONTACT}?ws=%2Flightning%2Fr%2FAccount`, '0035g00000XyZ12AAB'],
    [
      'https://curie-labs.lightning.force.com/lightning/r/0035g00000XyZ12AAB/view',
      '0035g00000XyZ12AAB',
    ],
    ['https://curie-labs.lightning.force.com/lightning/r/00Q5g00000QrStU/view/', '00Q5g00000QrStU'],
    [
      'https://curie-labs.lightning.force.com/lightning/app/c__SalesConsole/r/Contact/0035g00000XyZ12AAB/view',
      '0035g00000XyZ12AAB',
    ],
    [
      'https://curie-labs--uat.sandbox.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view',
      '0035g00000XyZ12AAB',
    ],
  ])('%s is record %s', (url, recordId) => {
    expect(
      detectSalesforcePerson(loadSite('salesforce-contact.html'), new URL(url))?.recordId,
    ).toBe(recordId);
  });

  it.each([
    'https://curie-labs.lightning.force.com/lightning/o/Contact/list?filterName=Recent',
    'https://curie-labs.lightning.force.com/lightning/o/Lead/home',
    'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/related/Opportunities/view',
    'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/edit',
    'https://curie-labs.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAV/view',
    'https://curie-labs.lightning.force.com/lightning/r/0015g00000AbCdEAAV/view',
    'https://curie-labs.lightning.force.com/lightning/r/0065g00000AbCdEAAV/view',
    'https://curie-labs.lightning.force.com/lightning/app/c__SalesConsole/o/Lead/home',
    'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000/view',
    'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AA/view',
    'https://curie-labs.my.salesforce.com/lightning/r/Contact/0035g00000XyZ12AAB/view',
    'https://lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view',
    'https://curie-labs.lightning.force.com.evil.example/lightning/r/Contact/0035g00000XyZ12AAB/view',
    'http://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view',
  ])('%s is not a contact or lead record', (url) => {
    expect(detectSalesforcePerson(loadSite('salesforce-contact.html'), new URL(url))).toBeNull();
  });
});
