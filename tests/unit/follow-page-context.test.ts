import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  followPageContext,
  MAX_SETTLE_MS,
  type PanelTarget,
  SETTLE_MS,
} from '@/utils/content/follow-page-context';

/**
 * The follower's settle rule: a "couldn't read" target waits until the page has stopped
 * changing (bounded), so a late-rendered record never flashes the control, while a readable
 * target shows on the next frame. The panel module is a stand-in that records what it showed.
 */
describe('followPageContext settling', () => {
  let ctx: ContentScriptContext;
  let target: PanelTarget | null;
  const shown: string[] = [];
  const panelTarget = (key: string, afterSettle: boolean): PanelTarget => ({
    key,
    afterSettle,
    show: () => {
      shown.push(key);
      return () => undefined;
    },
  });
  const change = async (ms: number) => {
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(ms);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    shown.length = 0;
    globalThis.executeViaReplyPanel = {} as NonNullable<typeof globalThis.executeViaReplyPanel>;
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    globalThis.executeViaReplyPanel = undefined;
    vi.useRealTimers();
  });

  it('shows a readable target at once, and the unread one only after the page settled', async () => {
    target = panelTarget('unread', true);
    followPageContext(ctx, () => target, { observeDom: true });
    await change(SETTLE_MS - 200);
    await change(SETTLE_MS - 200); // each change starts the wait again
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100);
    expect(shown).toEqual(['unread']);
  });

  it('never shows the unread control when the person renders late', async () => {
    target = panelTarget('unread', true);
    followPageContext(ctx, () => target, { observeDom: true });
    await change(600);
    target = panelTarget('person', false);
    await change(50);
    await vi.advanceTimersByTimeAsync(MAX_SETTLE_MS);
    expect(shown).toEqual(['person']);
  });

  it(`shows it by ${MAX_SETTLE_MS} ms even on a page that never stops changing`, async () => {
    target = panelTarget('unread', true);
    followPageContext(ctx, () => target, { observeDom: true });
    for (let elapsed = 0; elapsed < MAX_SETTLE_MS + 500; elapsed += 250) await change(250);
    expect(shown).toEqual(['unread']);
  });
});
