import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelMount } from '@/components/panel-module';
import {
  ARRIVAL_ANIMATION,
  ARRIVAL_WATCHES,
  arrivalStylesheet,
  type DomWatch,
} from '@/utils/content/arrivals';
import { ContentScriptContext } from '@/utils/content/context';
import {
  followPageContext,
  MAX_SETTLE_MS,
  type PanelTarget,
  SETTLE_MS,
} from '@/utils/content/follow-page-context';
import { PANEL_TAG } from '@/utils/panel-port';

// A stand-in panel module, already loaded: the targets under test show their own stand-ins.
vi.mock('@/utils/content/load-panel', () => ({ loadPanel: async () => ({}) }));

/**
 * The follower's settle rule: a "couldn't read" target waits until the page has stopped
 * changing (bounded), so a late-rendered record never flashes the control, while a readable
 * target shows on the next frame. The panel module is a stand-in that records what it showed.
 */
/** A stand-in panel's host on the page, as the panel module mounts one; returns its removal. */
function onPage(): PanelMount {
  const host = document.createElement(PANEL_TAG);
  document.body.append(host);
  return { host, remove: () => host.remove() };
}

/**
 * Per test: fake timers, an empty page and a fresh context, all undone afterwards. `ctx` is
 * read inside a test.
 */
function useFollowerWorld(): { ctx: ContentScriptContext } {
  const world = {} as { ctx: ContentScriptContext };
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    world.ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    world.ctx.abort();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });
  return world;
}

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
      return onPage();
    },
  });
  const change = async (ms: number) => {
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(ms);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    shown.length = 0;
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
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
 * What the browser does for the arrival stylesheet, which jsdom doesn't (no CSS animations):
 * an element starting to match it starts ARRIVAL_ANIMATION, whose `animationstart` bubbles.
 */
function animationStarts(element: Element, animationName = ARRIVAL_ANIMATION) {
  const event = new Event('animationstart', { bubbles: true });
  Object.defineProperty(event, 'animationName', { value: animationName });
  element.dispatchEvent(event);
}

/**
 * On a page where nothing was found, the page's own churn costs no check, and no script runs
 * for it: only an arrival's animation starting (an element that could make the detector find
 * something) schedules one. Once something is found, every change does, so the panel follows
 * the page; when nothing is found again, the page's changes are no longer observed.
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
    ctx = new ContentScriptContext('test');
    followPageContext(ctx, detect, {
      observeDom: { arrivals: '[data-reply-task-id]', attributes: ['data-reply-task-id'] },
    });
  });
  afterEach(() => {
    ctx.abort();
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
      // The page's own animations are not arrivals.
      animationStarts(row, 'fade-in');
      await vi.advanceTimersByTimeAsync(20);
    }
    await settle();
    expect(checks).toBe(1);
  });

  it('checks on the next frame when an arrival starts its animation, once for a burst', async () => {
    await settle();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<div><span data-reply-task-id="7"></span></div><p data-reply-task-id="8">';
    document.body.append(wrapper);
    for (const arrival of wrapper.querySelectorAll('[data-reply-task-id]'))
      animationStarts(arrival);
    expect(checks).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(checks).toBe(2);
    await settle();
    expect(checks).toBe(2);
  });

  it('once something is found, checks after any change (and sees it go)', async () => {
    target = {
      key: 'found',
      show: onPage,
    };
    const reference = document.createElement('span');
    reference.dataset.replyTaskId = '7';
    document.body.append(reference);
    animationStarts(reference);
    await settle();
    const before = checks;
    document.body.append(document.createElement('p'));
    await settle();
    expect(checks).toBe(before + 1);
    reference.dataset.replyTaskId = '8';
    await settle();
    expect(checks).toBe(before + 2);
    target = null;
    reference.remove();
    await settle();
    expect(checks).toBe(before + 3);
    // Nothing found any more: plain churn costs nothing again.
    document.body.append(document.createElement('p'));
    await settle();
    expect(checks).toBe(before + 3);
  });
});

/**
 * The stylesheet the build gives each content script (wxt.config.ts) is made from the very
 * watch its follower uses: parsed back, it animates exactly the arrival selectors, with nothing
 * that could change how the page looks.
 */
describe('arrival stylesheets', () => {
  const sheetOf = (watch: DomWatch) => {
    const style = document.createElement('style');
    style.textContent = arrivalStylesheet(watch);
    document.head.append(style);
    const sheet = style.sheet as CSSStyleSheet;
    style.remove();
    return sheet;
  };

  it.each(Object.entries(ARRIVAL_WATCHES))('%s: names exactly its arrivals', (_, watch) => {
    const [keyframes, rule, ...rest] = [...sheetOf(watch).cssRules];
    expect(rest).toEqual([]);
    expect(keyframes?.type).toBe(CSSRule.KEYFRAMES_RULE);
    expect((keyframes as CSSKeyframesRule).name).toBe(ARRIVAL_ANIMATION);
    expect(rule?.type).toBe(CSSRule.STYLE_RULE);
    const { selectorText, style } = rule as CSSStyleRule;
    expect(selectorText).toBe(`:where(${watch.arrivals})`);
    expect(Array.from({ length: style.length }, (_, i) => style[i])).toEqual([
      'animation-name',
      'animation-duration',
    ]);
    expect(style.getPropertyValue('animation-name')).toBe(ARRIVAL_ANIMATION);
    expect(style.getPropertyPriority('animation-name')).toBe('');
  });

  it('matches a compose body arriving or turned on, and a task reference, in a mailbox', () => {
    const { arrivals } = ARRIVAL_WATCHES.mail;
    document.body.innerHTML = `
      <div contenteditable="true" id="body"></div><div contenteditable="false" id="off"></div>
      <a href="https://app.reply.io/tasks/5" id="link"></a><a href="https://example.com">x</a>`;
    const matched = [...document.querySelectorAll(`:where(${arrivals})`)].map((e) => e.id);
    expect(matched).toEqual(['body', 'link']);
  });
});

describe('followPageContext replacing a panel', () => {
  const world = useFollowerWorld();

  it('shows the new panel before the old one goes, in the same task, and removes the last', async () => {
    const events: string[] = [];
    const panel = (key: string): PanelTarget => ({
      key,
      show: () => {
        events.push(`show ${key}`);
        const mount = onPage();
        return {
          host: mount.host,
          remove: () => {
            mount.remove();
            events.push(`remove ${key}`);
          },
        };
      },
    });
    let target: PanelTarget | null = panel('task:1');
    followPageContext(world.ctx, () => target, { observeDom: SPANS });
    await vi.advanceTimersByTimeAsync(500);
    target = panel('task:2');
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(500);
    expect(events).toEqual(['show task:1', 'show task:2', 'remove task:1']);
    // A page that replaces its body's children takes the panel along: the same target gets
    // a new one.
    document.body.replaceChildren(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(500);
    expect(events.slice(-2)).toEqual(['show task:2', 'remove task:2']);
    expect(document.querySelector(PANEL_TAG)).not.toBeNull();
    target = null;
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(500);
    expect(events.at(-1)).toBe('remove task:2');
    expect(document.querySelector(PANEL_TAG)).toBeNull();
  });
});

/**
 * A follower that reads only the URL (Reply's pages) checks at once, and listens for the page's
 * leaving and return only once it has shown a panel: a page that never shows one pays for
 * neither (README, "Speed, measured").
 */
describe('followPageContext on URL-only pages', () => {
  const world = useFollowerWorld();

  it('checks at once, and follows pagehide and pageshow from the first panel on', async () => {
    const listened = vi.spyOn(window, 'addEventListener');
    const pageLife = () =>
      listened.mock.calls.map(([type]) => type).filter((type) => type.startsWith('page'));
    const restored = () => Object.assign(new Event('pageshow'), { persisted: true });
    let checks = 0;
    const detect = () => {
      checks++;
      return /\/tasks\/1$/.test(location.pathname) ? { key: 'task:1', show: onPage } : null;
    };
    history.replaceState(null, '', '/inbox');
    followPageContext(world.ctx, detect, { observeDom: null });
    expect(checks).toBe(1);
    window.dispatchEvent(restored());
    await vi.advanceTimersByTimeAsync(50);
    expect(checks).toBe(1);
    expect(pageLife()).toEqual([]);
    // In-app navigation to a task (jsdom has no Navigation API: the follower looks each second).
    history.pushState(null, '', '/tasks/1');
    await vi.advanceTimersByTimeAsync(1_100);
    expect(document.querySelector(PANEL_TAG)).not.toBeNull();
    expect(pageLife()).toEqual(['pagehide', 'pageshow']);
    window.dispatchEvent(new Event('pagehide'));
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    window.dispatchEvent(restored());
    await vi.advanceTimersByTimeAsync(50);
    expect(document.querySelector(PANEL_TAG)).not.toBeNull();
    expect(pageLife()).toEqual(['pagehide', 'pageshow']);
  });
});
