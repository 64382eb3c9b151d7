import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fromContentScript } from '@/utils/background/door';

const SCRIPTS = [
  { matches: ['https://*.reply.io/*'], exclude_matches: ['https://api.reply.io/*'] },
  { matches: ['https://app.hubspot.com/*', 'https://mail.google.com/*'] },
];
const tab = (url: string, id = browser.runtime.id) => ({ id, url, tab: { id: 7 }, frameId: 0 });

describe('the door: which content scripts may speak', () => {
  const added = (url: string) => url.startsWith('https://crm.example.com/');
  const allowed = fromContentScript(SCRIPTS, added);

  it.each([
    ['https://run.reply.io/tasks/101', true],
    ['https://run.reply.io/tasks/102', true],
    ['https://api.reply.io/v3/tasks', false],
    ['https://app.hubspot.com/contacts/1/record/0-1/2', true],
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://evil.example/mail.google.com/', false],
    ['https://crm.example.com/people/4', true],
    ['about:blank', false],
  ])('%s → %s (asked twice, same answer)', (url, expected) => {
    expect(allowed(tab(url))).toBe(expected);
    expect(allowed(tab(url))).toBe(expected);
  });

  it('refuses another extension, a sender without a tab, and one without a URL', () => {
    expect(allowed(tab('https://run.reply.io/tasks/1', 'another-extension'))).toBe(false);
    expect(allowed({ id: browser.runtime.id, url: 'https://run.reply.io/tasks/1' })).toBe(false);
    expect(allowed({ id: browser.runtime.id, tab: { id: 7 } })).toBe(false);
  });

  it('tests each URL whole when a pattern names a path, not only its origin', () => {
    const byPath = fromContentScript([{ matches: ['https://crm.example.org/app/*'] }], () => false);
    expect(byPath(tab('https://crm.example.org/app/people/1'))).toBe(true);
    expect(byPath(tab('https://crm.example.org/login'))).toBe(false);
  });
});
