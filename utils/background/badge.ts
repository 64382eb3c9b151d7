import { browser } from 'wxt/browser';
import type { ReplyService } from './service';

/**
 * The toolbar badge: how many tasks are due today. Refreshed by an alarm (which wakes the
 * worker only when due, rather than a timer keeping it alive) and after every execution.
 */
export const BADGE_ALARM = 'refresh-due-badge';
const EVERY_MINUTES = 15;

export function startBadge(service: ReplyService): { refresh(): Promise<void> } {
  async function refresh() {
    try {
      const [connection, settings] = await Promise.all([
        service.getConnection(),
        service.settings(),
      ]);
      const count = connection.connected && settings.badge ? (await service.dueTasks()).length : 0;
      await browser.action.setBadgeBackgroundColor({ color: '#2457d6' });
      await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
    } catch {
      // Reply unreachable or rate-limited: keep the last count; the next alarm tries again.
    }
  }
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refresh();
  });
  void browser.alarms.create(BADGE_ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: 0.1 });
  return { refresh };
}
