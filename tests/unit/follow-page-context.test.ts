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
/** The test's changes add spans, so they count as arrivals too. */
const SPANS = { arrivals: 'span', attributes: [] };

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
    followPageContext(ctx, () => target, { observeDom: SPANS });
    await change(SETTLE_MS - 200);
    await change(SETTLE_MS - 200); // each change starts the wait again
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100);
    expect(shown).toEqual(['unread']);
  });

  it('never shows the unread control when the person renders late', async () => {
    target = panelTarget('unread', true);
    followPageContext(ctx, () => target, { observeDom: SPANS });
    await change(600);
    target = panelTarget('person', false);
    await change(50);
    await vi.advanceTimersByTimeAsync(MAX_SETTLE_MS);
    expect(shown).toEqual(['person']);
  });

  it(`shows it by ${MAX_SETTLE_MS} ms even on a page that never stops changing`, async () => {
    target = panelTarget('unread', true);
    followPageContext(ctx, () => target, { observeDom: SPANS });
    for (let elapsed = 0; elapsed < MAX_SETTLE_MS + 500; elapsed += 250) await change(250);
    expect(shown).toEqual(['unread']);
  });
});

/**
 * On a page where nothing was found, the page's own churn costs no check: only an element that
 * could make the detector find something (an arrival) schedules one. Once something is found,
 * every change does, so the panel follows the page.
 */
describe('followPageContext watching for arrivals', () => {
  let ctx: ContentScriptContext;
  let checks = 0;
  let target: PanelTarget | null = null;
  const detect = () => {
    checks++;
    return target;
  };
  const settle = () => vi.advanceTimersByTimeAsync(500);

  beforeEach(() => {
    vi.useFakeTimers();
    checks = 0;
    target = null;
    document.body.replaceChildren();
    globalThis.executeViaReplyPanel = {} as NonNullable<typeof globalThis.executeViaReplyPanel>;
    ctx = new ContentScriptContext('test');
    followPageContext(ctx, detect, {
      observeDom: {
        arrivals: '[contenteditable], [data-reply-task-id]',
        attributes: ['contenteditable'],
      },
    });
  });
  afterEach(() => {
    ctx.abort();
    globalThis.executeViaReplyPanel = undefined;
    vi.useRealTimers();
  });

  it('checks once at start, then not for changes that bring nothing to detect', async () => {
    // The first scan waits for an idle moment rather than running in the page's load task.
    expect(checks).toBe(0);
    await settle();
    expect(checks).toBe(1);
    for (let i = 0; i < 20; i++) {
      const row = document.createElement('div');
      row.innerHTML = '<span class="time">10:01</span><a href="#m">Subject</a>';
      document.body.append(row);
      row.querySelector('.time')?.replaceChildren('10:02');
      row.setAttribute('data-state', String(i));
      await vi.advanceTimersByTimeAsync(20);
    }
    await settle();
    expect(checks).toBe(1);
  });

  it('checks when a watched element arrives, inside what was added or by an attribute', async () => {
    await settle();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<div><div contenteditable="true"></div></div>';
    document.body.append(wrapper);
    await settle();
    expect(checks).toBe(2);
    const late = document.createElement('div');
    document.body.append(late);
    await settle();
    expect(checks).toBe(2);
    late.setAttribute('contenteditable', 'true');
    await settle();
    expect(checks).toBe(3);
  });

  it('once something is found, checks after any change (and sees it go)', async () => {
    target = {
      key: 'found',
      show: () => () => undefined,
    };
    const reference = document.createElement('span');
    reference.dataset.replyTaskId = '7';
    document.body.append(reference);
    await settle();
    const before = checks;
    document.body.append(document.createElement('p'));
    await settle();
    expect(checks).toBe(before + 1);
    target = null;
    reference.remove();
    await settle();
    expect(checks).toBe(before + 2);
    // Nothing found any more: plain churn costs nothing again.
    document.body.append(document.createElement('p'));
    await settle();
    expect(checks).toBe(before + 2);
  });
});

describe('followPageContext replacing a panel', () => {
  let ctx: ContentScriptContext;
  afterEach(() => {
    ctx.abort();
    globalThis.executeViaReplyPanel = undefined;
    vi.useRealTimers();
  });

  it('shows the new panel before the old one goes, in the same task, and removes the last', async () => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    globalThis.executeViaReplyPanel = {} as NonNullable<typeof globalThis.executeViaReplyPanel>;
    ctx = new ContentScriptContext('test');
    const events: string[] = [];
    const panel = (key: string): PanelTarget => ({
      key,
      show: () => {
        events.push(`show ${key}`);
        return () => events.push(`remove ${key}`);
      },
    });
    let target: PanelTarget | null = panel('task:1');
    followPageContext(ctx, () => target, { observeDom: SPANS });
    await vi.advanceTimersByTimeAsync(500);
    target = panel('task:2');
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(500);
    expect(events).toEqual(['show task:1', 'show task:2', 'remove task:1']);
    target = null;
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(500);
    expect(events.at(-1)).toBe('remove task:2');
  });
});
