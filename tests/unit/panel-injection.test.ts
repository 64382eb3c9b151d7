import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageFromTable } from '@/utils/i18n/message-table';

/**
 * The background injects the panel with its messages beside it (utils/i18n/message-table.ts),
 * read once per background life; the panel's parts go alone, and the panel goes even when the
 * messages can't be read.
 */
describe('injectPanel', () => {
  const sender = { tab: { id: 4 } as never, frameId: 2, id: fakeBrowser.runtime.id };
  const target = { tabId: 4, frameIds: [2] };
  let injections: { files?: string[]; func?: (table: unknown) => void; args?: [unknown] }[];
  let bundle: () => Promise<Response>;

  beforeEach(() => {
    vi.resetModules();
    injections = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
      expect(injection.target).toEqual(target);
      injections.push(injection as never);
      return [];
    });
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
    globalThis.executeViaReplyMessages = undefined;
  });

  it('injects the panel and, beside it, its messages as the browser resolves them', async () => {
    const { injectPanel } = await import('@/utils/background/panel-injection');
    await injectPanel(sender, '/panel.js');
    expect(injections.map((i) => i.files ?? 'messages')).toEqual([['/panel.js'], 'messages']);
    const messages = injections[1];
    messages?.func?.(messages.args?.[0]);
    const table = globalThis.executeViaReplyMessages;
    expect(Object.keys(table ?? {})).toEqual(['task_due', 'extName', '@@ui_locale', '@@bidi_dir']);
    expect(messageFromTable(table, 'task_due', ['morgen'])).toBe('Fällig morgen');
    expect(messageFromTable(table, 'extName')).toBe('<extName>');
    // Read once: a second panel takes the same table.
    await injectPanel(sender, '/panel.js');
    expect(fakeBrowser.i18n.getMessage).toHaveBeenCalledTimes(4);
  });

  it('injects the panel’s parts alone', async () => {
    const { injectPanel } = await import('@/utils/background/panel-injection');
    await injectPanel(sender, '/editor.js');
    expect(injections).toEqual([{ target, files: ['/editor.js'] }]);
  });

  it('injects the panel without its messages when they can’t be read, and tries again', async () => {
    bundle = () => Promise.reject(new TypeError('Failed to fetch'));
    const { injectPanel } = await import('@/utils/background/panel-injection');
    await injectPanel(sender, '/panel.js');
    expect(injections.map((i) => i.files ?? 'messages')).toEqual([['/panel.js']]);
    bundle = async () => new Response('{"extName":{}}');
    await injectPanel(sender, '/panel.js');
    expect(injections.map((i) => i.files ?? 'messages')).toEqual([
      ['/panel.js'],
      ['/panel.js'],
      'messages',
    ]);
  });
});
