import { browser, defineBackground } from '#imports';
import { startBadge } from '@/utils/background/badge';
import { openDoor } from '@/utils/background/door';
import { notifyUnwatched } from '@/utils/background/notify';
import { createReplyService } from '@/utils/background/service';
import { createSiteRegistry } from '@/utils/background/site-registry';
import { closeStorageToContentScripts } from '@/utils/storage';

/** Wakes a bulk run that waits out a long rate limit. */
const BULK_ALARM = 'bulk-run-wake';

export default defineBackground(() => {
  const service = createReplyService({
    onDueChange: () => void badge.refresh(),
    onExecuted: () => badge.executed(),
    wakeBulkAt: (when) => void browser.alarms.create(BULK_ALARM, { when }),
    onUnwatched: (item) => void notifyUnwatched(service.connection, item).catch(() => undefined),
  });
  const badge = startBadge(service);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BULK_ALARM) void service.bulk.wake();
  });
  const sites = createSiteRegistry();
  openDoor(service, sites);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void sites.refresh().catch(() => undefined);
  });
  void closeStorageToContentScripts();
  // A background stopped mid-send left records open: settle them, then go on with a bulk run.
  void service.execution.recover().then(() => service.bulk.wake());
});
