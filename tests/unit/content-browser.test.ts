import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The content scripts' `browser` (utils/content/browser.ts): the browser's own namespace, picked
 * as @wxt-dev/browser picks it, but only when a member is first read.
 */
describe('the content scripts’ browser namespace', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** A namespace whose runtime counts how often it is looked at. */
  const namespace = (id: string | undefined) => {
    const looks = { count: 0 };
    const runtime = { id, connect: () => `${id}-port` };
    return {
      looks,
      value: {
        get runtime() {
          looks.count++;
          return runtime;
        },
      },
    };
  };

  it('reads nothing of the extension until first used, then keeps its choice', async () => {
    const firefox = namespace('firefox-id');
    const chrome = namespace('chrome-id');
    vi.stubGlobal('browser', firefox.value);
    vi.stubGlobal('chrome', chrome.value);
    const { browser } = await import('@/utils/content/browser');
    expect(firefox.looks.count + chrome.looks.count).toBe(0);
    expect(browser.runtime.id).toBe('firefox-id');
    expect(browser.runtime.id).toBe('firefox-id');
    expect(chrome.looks.count).toBe(0);
  });

  it('takes `chrome` where `browser` is not the extension’s', async () => {
    vi.stubGlobal('browser', namespace(undefined).value);
    vi.stubGlobal('chrome', namespace('chrome-id').value);
    const { browser } = await import('@/utils/content/browser');
    expect(browser.runtime.id).toBe('chrome-id');
  });
});
