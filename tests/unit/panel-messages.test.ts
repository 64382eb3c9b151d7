import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageFromTable } from '@/utils/i18n/message-table';

/**
 * The background hands each content script loading the panel its messages
 * (utils/i18n/message-table.ts), read once per background life, and again after a failed read.
 */
describe('panelMessages', () => {
  let bundle: () => Promise<Response>;

  beforeEach(() => {
    vi.resetModules();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      default_locale: 'en',
    } as never);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string, subs: string[]) =>
      name === 'task_due' ? `Fällig ${subs[0]}` : `<${name}>`) as never);
    bundle = async () => new Response(JSON.stringify({ task_due: {}, extName: {} }));
    vi.stubGlobal('fetch', (url: string) => {
      expect(url).toBe('/_locales/en/messages.json');
      return bundle();
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('reads every message as the browser resolves it, once', async () => {
    const { panelMessages } = await import('@/utils/background/panel-messages');
    const table = await panelMessages();
    expect(Object.keys(table)).toEqual(['task_due', 'extName', '@@ui_locale', '@@bidi_dir']);
    expect(messageFromTable(table, 'task_due', ['morgen'])).toBe('Fällig morgen');
    expect(messageFromTable(table, 'extName')).toBe('<extName>');
    // Read once: a second panel takes the same table.
    expect(await panelMessages()).toBe(table);
    expect(fakeBrowser.i18n.getMessage).toHaveBeenCalledTimes(4);
  });

  it('fails when the bundle can’t be read, and reads it again next time', async () => {
    bundle = () => Promise.reject(new TypeError('Failed to fetch'));
    const { panelMessages } = await import('@/utils/background/panel-messages');
    await expect(panelMessages()).rejects.toThrow('Failed to fetch');
    bundle = async () => new Response('{"extName":{}}');
    expect(Object.keys(await panelMessages())).toEqual(['extName', '@@ui_locale', '@@bidi_dir']);
  });
});
