import { browser } from 'wxt/browser';
import type { ReplyService } from './service';

/**
 * The toolbar badge: how many tasks are due today (all of them, or the emails and SMS only, as
 * the rep chose). Refreshed by an alarm (which wakes the
 * worker only when due, rather than a timer keeping it alive), when the key or settings change,
 * and after executions: each takes one off the count at once, and Reply is asked again at most
 * once a minute, so a "send all" run of 200 tasks costs a few list requests, not 200.
 */
export const BADGE_ALARM = 'refresh-due-badge';
const EVERY_MINUTES = 15;
const MIN_REFRESH_AFTER_EXECUTIONS_MS = 60_000;

export interface Badge {
  /** Asks Reply now. */
  refresh(): Promise<void>;
  /** A task was executed: one fewer due now, Reply asked within the minute. */
  executed(): void;
}

export function startBadge(service: ReplyService): Badge {
  let shown: number | null = null;
  let lastAsked = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;

  async function show(count: number) {
    shown = count;
    await browser.action.setBadgeBackgroundColor({ color: '#2457d6' });
    await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  }

  async function refresh() {
    lastAsked = Date.now();
    try {
      const [connection, settings] = await Promise.all([
        service.connection.view(),
        service.connection.settings(),
      ]);
      const counted = connection.connected && settings.badge;
      await show(counted ? await service.tasks.dueCount(settings.badgeCounts) : 0);
    } catch {
      // Reply unreachable or rate-limited: keep the last count; the next alarm tries again.
    }
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refresh();
  });
  void browser.alarms.create(BADGE_ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: 0.1 });

  return {
    refresh,
    executed() {
      if (shown) void show(shown - 1).catch(() => undefined);
      if (pending !== undefined) return;
      const wait = Math.max(0, lastAsked + MIN_REFRESH_AFTER_EXECUTIONS_MS - Date.now());
      pending = setTimeout(() => {
        pending = undefined;
        void refresh();
      }, wait);
    },
  };
}
