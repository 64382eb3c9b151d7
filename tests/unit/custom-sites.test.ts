import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSiteRegistry } from '@/utils/background/site-registry';
import { siteFromAddress } from '@/utils/custom-sites';
import { customSitesItem } from '@/utils/storage';
import { createOptionsStore } from '@/utils/stores/options';
import { fakeConnector } from '../fixtures/connector';

describe('siteFromAddress', () => {
  it.each([
    ['crm.example.com', 'https://crm.example.com'],
    ['  https://CRM.Example.com/contacts/5?x=1 ', 'https://crm.example.com'],
    ['https://crm.example.com:8443/app', 'https://crm.example.com:8443'],
  ])('%s → %s', (address, origin) => {
    expect(siteFromAddress(address)).toEqual({ ok: true, origin, pattern: `${origin}/*` });
  });

  it.each([
    ['', /Type the site’s address/],
    ['http://crm.example.com', /Only https:\/\/ sites/],
    ['intranet', /not a full host name/],
    ['https://app.hubspot.com/contacts', /already supported/],
    ['acme.pipedrive.com', /already supported/],
    ['https://outlook.cloud.microsoft/mail/', /already supported/],
    ['app-ap1.hubspot.com', /already supported/],
    ['run.reply.io', /already supported/],
    ['https://exa mple.com', /not a web address/],
  ])('refuses %j', (address, reason) => {
    const site = siteFromAddress(address);
    expect(site.ok).toBe(false);
    if (!site.ok) expect(site.reason).toMatch(reason);
  });
});

describe('options store', () => {
  it('asks for the one site’s access first, then registers it', async () => {
    const connector = fakeConnector({});
    const requestAccess = vi.fn(async () => true);
    const store = createOptionsStore(connector, requestAccess);
    expect(await store.getState().addSite('crm.example.com')).toBe(true);
    expect(requestAccess).toHaveBeenCalledWith('https://crm.example.com/*');
    expect(connector.addSite).toHaveBeenCalledWith('https://crm.example.com');
    expect(store.getState().sites).toEqual([
      { origin: 'https://crm.example.com', pattern: 'https://crm.example.com/*', at: 0 },
    ]);
  });

  it('adds nothing when access is refused, and says so', async () => {
    const connector = fakeConnector({});
    const store = createOptionsStore(connector, async () => false);
    expect(await store.getState().addSite('crm.example.com')).toBe(false);
    expect(connector.addSite).not.toHaveBeenCalled();
    expect(store.getState().error?.message).toMatch(/didn’t grant access/);
  });
});

describe('site registry', () => {
  beforeEach(() => fakeBrowser.reset());

  function fakeScripting() {
    const registered = new Map<string, unknown>();
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
      async (filter) =>
        [...registered.keys()]
          .filter((id) => filter?.ids?.includes(id))
          .map((id) => ({ id })) as never,
    );
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(
      async (scripts) => {
        for (const script of scripts) registered.set(script.id, script);
      },
    );
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(
      async (filter) => {
        for (const id of filter?.ids ?? []) registered.delete(id);
      },
    );
    return registered;
  }

  it('registers the content script where access was granted, and removes both', async () => {
    const registered = fakeScripting();
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    const registry = createSiteRegistry();

    await registry.add('https://crm.example.com');
    expect([...registered.values()]).toEqual([
      expect.objectContaining({
        id: 'custom-site:https://crm.example.com',
        matches: ['https://crm.example.com/*'],
        js: ['content-scripts/custom.js'],
        css: ['content-scripts/custom.css'],
      }),
    ]);
    expect(contains).toHaveBeenCalledWith({
      origins: ['https://crm.example.com/*'],
      permissions: ['scripting'],
    });
    expect(registry.patterns()).toEqual(['https://crm.example.com/*']);

    await registry.remove('https://crm.example.com');
    expect(registered.size).toBe(0);
    // The last site gives back the permission to register scripts too.
    expect(remove).toHaveBeenCalledWith({
      origins: ['https://crm.example.com/*'],
      permissions: ['scripting'],
    });
    expect(await customSitesItem.getValue()).toEqual([]);
    expect(registry.patterns()).toEqual([]);
  });

  it('keeps the permission to register scripts while another site is left', async () => {
    fakeScripting();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    const registry = createSiteRegistry();
    await registry.add('https://crm.example.com');
    await registry.add('https://erp.example.com');
    await registry.remove('https://crm.example.com');
    expect(remove).toHaveBeenCalledWith({ origins: ['https://crm.example.com/*'] });
    expect(registry.patterns()).toEqual(['https://erp.example.com/*']);
  });

  it('registers nothing without access', async () => {
    const registered = fakeScripting();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await expect(createSiteRegistry().add('https://crm.example.com')).rejects.toMatchObject({
      kind: 'no-site-access',
    });
    expect(registered.size).toBe(0);
  });

  it('gives scripts registered by an earlier version the current files after an update', async () => {
    const registered = fakeScripting();
    const id = 'custom-site:https://crm.example.com';
    registered.set(id, { id, js: ['content-scripts/custom.js'] });
    await customSitesItem.setValue([
      { origin: 'https://crm.example.com', pattern: 'https://crm.example.com/*', at: 1 },
      { origin: 'https://gone.example.com', pattern: 'https://gone.example.com/*', at: 2 },
    ]);
    const update = vi
      .spyOn(fakeBrowser.scripting, 'updateContentScripts')
      .mockResolvedValue(undefined);
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    // Without the permission (given back, or never granted) there is nothing to update.
    await createSiteRegistry().refresh();
    expect(update).not.toHaveBeenCalled();
    contains.mockResolvedValue(true);
    await createSiteRegistry().refresh();
    expect(update).toHaveBeenCalledWith([
      { id, js: ['content-scripts/custom.js'], css: ['content-scripts/custom.css'] },
    ]);
  });
});
