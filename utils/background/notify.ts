import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { ReplyConnection } from './connection';
import type { Unwatched } from './execution';

/**
 * A system notification for an execution the rep didn't watch happen (an item of a bulk run,
 * or a send whose panel was closed before it settled), unless the rep switched them off.
 * Skipped items are listed in the popup instead.
 */
export async function notifyUnwatched(connection: ReplyConnection, item: Unwatched): Promise<void> {
  if (item.state !== 'sent' && item.state !== 'failed') return;
  if (!(await connection.settings()).notifications) return;
  const who = item.contact ?? i18n.t('panel.taskNumber', { id: item.taskId });
  await browser.notifications.create(`execution:${item.taskId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: i18n.t(item.state === 'sent' ? 'notify.sent' : 'notify.notSent', { who }),
    message:
      item.state === 'sent' ? i18n.t('notify.finished', { id: item.taskId }) : (item.reason ?? ''),
  });
}
