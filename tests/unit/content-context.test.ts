import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '@/utils/content/context';

/**
 * The content scripts' context (utils/content/context.ts): WXT's contract (a newer copy of the
 * script stops the older one, an orphaned copy stops itself), announced only at the first check.
 */
describe('ContentScriptContext', () => {
  const contexts: ContentScriptContext[] = [];
  const context = (name = 'mail') => {
    const ctx = new ContentScriptContext(name);
    contexts.push(ctx);
    return ctx;
  };
  afterEach(() => {
    for (const ctx of contexts.splice(0)) ctx.abort();
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('announces itself at its first check, not when constructed, and not twice', () => {
    const dispatch = vi.spyOn(window, 'dispatchEvent');
    const ctx = context();
    expect(dispatch).not.toHaveBeenCalled();
    expect(ctx.isValid).toBe(true);
    expect(ctx.isInvalid).toBe(false);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch.mock.calls[0]?.[0].type).toBe(
      `${fakeBrowser.runtime.id}:mail:content-script-started`,
    );
  });

  it('is stopped by a newer copy of the same script, and ignores its own announcement', () => {
    const older = context();
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    expect(older.isValid).toBe(true);
    const other = context('crm');
    expect(other.isValid).toBe(true);
    expect(older.isValid).toBe(true);
    const newer = context();
    expect(newer.isValid).toBe(true);
    expect(older.isInvalid).toBe(true);
    expect(older.signal.aborted).toBe(true);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(newer.isValid).toBe(true);
    expect(other.isValid).toBe(true);
  });

  it('stops itself once the extension is gone (no runtime id), and its listeners go with it', () => {
    const ctx = context();
    const listener = vi.fn();
    window.addEventListener('test-event', listener, { signal: ctx.signal });
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(ctx.isInvalid).toBe(true);
    window.dispatchEvent(new Event('test-event'));
    expect(listener).not.toHaveBeenCalled();
  });

  it('hands back a way to drop a callback', () => {
    const ctx = context();
    const callback = vi.fn();
    const drop = ctx.onInvalidated(callback);
    drop();
    ctx.abort();
    expect(callback).not.toHaveBeenCalled();
  });
});
