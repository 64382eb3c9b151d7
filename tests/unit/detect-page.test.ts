import { describe, expect, it } from 'vitest';
import { emailsFromMailto, normalizeEmail, phoneAsShown, siteForUrl } from '@/utils/detect/context';
import { detectPageContext, SUPPORTED_SITES } from '@/utils/detect/index';
import { loadSite } from '../fixtures/sites';

describe('detectPageContext', () => {
  it.each<[string, string, { person: string | null; composes: number; taskIds: number[] }]>([
    [
      'hubspot-contact-eu.html',
      'https://app-eu1.hubspot.com/contacts/26445107/record/0-1/51201',
      { person: 'hubspot:51201', composes: 0, taskIds: [] },
    ],
    [
      'reply-task-references.html',
      'https://app.hubspot.com/contacts/7794512/record/0-1/90210',
      { person: 'hubspot:90210', composes: 0, taskIds: [101, 102, 103, 104, 105, 106, 107] },
    ],
    [
      'salesforce-contact.html',
      'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view',
      { person: 'salesforce:0035g00000XyZ12AAB', composes: 0, taskIds: [] },
    ],
    [
      'salesforce-lead.html',
      'https://curie-labs.lightning.force.com/lightning/r/Lead/00Q5g00000QrStUEAV/view',
      { person: 'salesforce:00Q5g00000QrStUEAV', composes: 0, taskIds: [] },
    ],
    [
      'pipedrive-person.html',
      'https://nordlicht.pipedrive.com/person/4821',
      { person: 'pipedrive:4821', composes: 0, taskIds: [] },
    ],
    [
      'gmail-inbox.html',
      'https://mail.google.com/mail/u/0/#inbox',
      { person: null, composes: 0, taskIds: [] },
    ],
    [
      'gmail-two-composes.html',
      'https://mail.google.com/mail/u/0/#inbox',
      { person: null, composes: 2, taskIds: [] },
    ],
    [
      'outlook-compose.html',
      'https://outlook.office.com/mail/inbox',
      { person: null, composes: 1, taskIds: [] },
    ],
    [
      'outlook-reply-and-new.html',
      'https://outlook.live.com/mail/0/inbox',
      { person: null, composes: 2, taskIds: [] },
    ],
    [
      'outlook-compose.html',
      'https://outlook.office365.com/mail/',
      { person: null, composes: 1, taskIds: [] },
    ],
    [
      'outlook-deeplink-de.html',
      'https://outlook.cloud.microsoft/mail/deeplink/compose',
      { person: null, composes: 1, taskIds: [] },
    ],
    [
      'hubspot-contact-legacy-de.html',
      'https://app-na2.hubspot.com/contacts/7794512/contact/90211/',
      { person: 'hubspot:90211', composes: 0, taskIds: [] },
    ],
    [
      'pipedrive-person-legacy-rtl.html',
      'https://app.pipedrive.com/person/4822',
      { person: 'pipedrive:4822', composes: 0, taskIds: [] },
    ],
    // A record page that can't be read (native shadow DOM): the URL names a record, nothing shown.
    [
      'salesforce-contact-shadow.html',
      'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000ShAd0AAB/view',
      { person: null, composes: 0, taskIds: [] },
    ],
    // Another site's page under a host it doesn't belong to: that site's detector doesn't run.
    [
      'gmail-two-composes.html',
      'https://app.hubspot.com/contacts/1/record/0-1/2',
      { person: null, composes: 0, taskIds: [] },
    ],
    [
      'hubspot-contact-eu.html',
      'https://mail.google.com/mail/u/0/',
      { person: null, composes: 0, taskIds: [] },
    ],
    [
      'outlook-compose.html',
      'https://mail.google.com/mail/u/0/',
      { person: null, composes: 0, taskIds: [] },
    ],
    [
      'reply-task-references.html',
      'https://example.com/notes',
      { person: null, composes: 0, taskIds: [101, 102, 103, 104, 105, 106, 107] },
    ],
  ])('%s at %s', (fixture, url, expected) => {
    const context = detectPageContext(loadSite(fixture), new URL(url));
    expect({
      person:
        context.person && context.person.recordShown !== false
          ? `${context.person.site}:${context.person.recordId}`
          : null,
      composes: context.composes.length,
      taskIds: context.taskIds,
    }).toEqual(expected);
  });

  it('runs only the detector for the current host', () => {
    const doc = loadSite('hubspot-contact-eu.html');
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog"><div contenteditable="true" role="textbox" g_editable="true"></div></div>',
    );
    const onHubSpot = detectPageContext(
      doc,
      new URL('https://app-eu1.hubspot.com/contacts/1/record/0-1/2'),
    );
    expect(onHubSpot.person?.name).toBe('Ada Byron');
    expect(onHubSpot.composes).toEqual([]);
    const onGmail = detectPageContext(doc, new URL('https://mail.google.com/mail/u/0/'));
    expect(onGmail.person).toBeNull();
    expect(onGmail.composes).toHaveLength(1);
  });

  it('lists the supported sites as match patterns', () => {
    expect(SUPPORTED_SITES).toEqual([
      'https://app.hubspot.com/*',
      'https://app-eu1.hubspot.com/*',
      'https://app-na2.hubspot.com/*',
      'https://app-ap1.hubspot.com/*',
      'https://*.lightning.force.com/*',
      'https://*.pipedrive.com/*',
      'https://mail.google.com/*',
      'https://outlook.office.com/*',
      'https://outlook.live.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.cloud.microsoft/*',
    ]);
  });
});

describe('siteForUrl', () => {
  it.each([
    ['https://app.hubspot.com/', 'hubspot'],
    ['https://app-eu1.hubspot.com/', 'hubspot'],
    ['https://app-na2.hubspot.com./', 'hubspot'],
    ['https://acme.lightning.force.com/', 'salesforce'],
    ['https://acme--uat.sandbox.lightning.force.com/', 'salesforce'],
    ['https://acme.pipedrive.com/', 'pipedrive'],
    ['https://mail.google.com/', 'gmail'],
    ['https://outlook.office.com/', 'outlook'],
    ['https://outlook.live.com/', 'outlook'],
    ['https://outlook.office365.com/', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/deeplink/compose', 'outlook'],
    ['https://cloud.microsoft/', null],
    ['http://app.hubspot.com/', null],
    ['https://www.hubspot.com/', null],
    ['https://lightning.force.com/', null],
    ['https://pipedrive.com/', null],
    ['https://a.b.pipedrive.com/', null],
    ['https://gmail.com/', null],
    ['https://outlook.com/', null],
    ['https://run.reply.io/', null],
  ])('%s is %s', (url, site) => {
    expect(siteForUrl(new URL(url))).toBe(site);
  });
});

describe('email and phone reading', () => {
  it.each([
    ['Ada@Example.COM', 'ada@example.com'],
    ['  mailto:ada@example.co.uk ', 'ada@example.co.uk'],
    ['first.last+tag@sub.example-mail.org', 'first.last+tag@sub.example-mail.org'],
    ['ada', null],
    ['ada@example', null],
    ['@example.com', null],
    ['ada@@example.com', null],
    ['ada byron@example.com', null],
    ['ada@-example.com', null],
    ['<ada@example.com>', null],
  ])('normalizeEmail(%j) is %j', (raw, email) => {
    expect(normalizeEmail(raw)).toBe(email);
  });

  it.each([
    ['mailto:Ada@Example.com', ['ada@example.com']],
    ['MAILTO:ada%40example.com?subject=Hi%20there', ['ada@example.com']],
    ['mailto:a@example.com,B@Example.org?cc=c@example.net', ['a@example.com', 'b@example.org']],
    ['mailto:%E0%A4%A', []],
    ['mailto:', []],
  ])('emailsFromMailto(%j) is %j', (href, emails) => {
    expect(emailsFromMailto(href)).toEqual(emails);
  });

  it.each([
    ['  +44 20\n  7946 0018 ', '+44 20 7946 0018'],
    ['(202) 555-0143', '(202) 555-0143'],
    ['Call', null],
    ['--', null],
    ['ada@example.com 123', null],
    ['', null],
  ])('phoneAsShown(%j) is %j', (text, phone) => {
    expect(phoneAsShown(text)).toBe(phone);
  });
});
