import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBadge } from '@/utils/background/badge';
import type { ReplyService } from '@/utils/background/service';
import { DEFAULT_SETTINGS } from '@/utils/storage';

function fakeService(due: number) {
  const dueCount = vi.fn(async () => due);
  const service = {
    connection: {
      view: async () => ({ connected: true, userId: 1, username: null, keyHint: '1234' }),
      settings: async () => DEFAULT_SETTINGS,
    },
    tasks: { dueCount },
  } as unknown as ReplyService;
  return { service, dueCount };
}

describe('toolbar badge', () => {
  let texts: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    texts = [];
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async ({ text }) => {
      texts.push(text ?? '');
    });
  });
  afterEach(() => vi.useRealTimers());

  it('counts down at once after executions, and asks Reply again at most once a minute', async () => {
    const { service, dueCount } = fakeService(30);
    const badge = startBadge(service);
    await badge.refresh();
    expect(texts.at(-1)).toBe('30');
    expect(dueCount).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 10; i++) badge.executed();
    await vi.advanceTimersByTimeAsync(0);
    expect(texts.at(-1)).toBe('20');
    expect(dueCount).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(dueCount).toHaveBeenCalledTimes(2);
    expect(texts.at(-1)).toBe('30'); // what Reply says wins

    badge.executed();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(dueCount).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(dueCount).toHaveBeenCalledTimes(3);
  });
});

describe('toolbar badge: what it counts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
  });

  it.each(['all', 'sendable'] as const)(
    'counts %s due tasks, as the rep chose',
    async (badgeCounts) => {
      const dueCount = vi.fn(async () => 3);
      const service = {
        connection: {
          view: async () => ({ connected: true, userId: 1, username: null, keyHint: '1234' }),
          settings: async () => ({ ...DEFAULT_SETTINGS, badgeCounts }),
        },
        tasks: { dueCount },
      } as unknown as ReplyService;
      await startBadge(service).refresh();
      expect(dueCount).toHaveBeenCalledWith(badgeCounts);
    },
  );
});
