import { defineBackground } from '#imports';
import { startBadge } from '@/utils/background/badge';
import { openDoor } from '@/utils/background/door';
import { createReplyService } from '@/utils/background/service';
import { createSiteRegistry } from '@/utils/background/site-registry';
import { closeStorageToContentScripts } from '@/utils/storage';

export default defineBackground(() => {
  const service = createReplyService({ onDueChange: () => void badge.refresh() });
  const badge = startBadge(service);
  openDoor(service, createSiteRegistry());
  void closeStorageToContentScripts();
  // A background stopped mid-send left records open: settle them before anyone asks.
  void service.recover();
});
