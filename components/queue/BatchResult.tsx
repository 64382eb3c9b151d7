import { i18n } from '#i18n';
import type { BatchState, PopupStore } from '@/utils/stores/popup';
import { Alert } from '../PanelParts';

/** A batch complete under way, or how it went: a count, and one alert per task not completed. */
export function BatchResult({ store, batch }: { store: PopupStore; batch: BatchState }) {
  if (batch.status === 'sending') {
    return <p role="status">{i18n.t('queue.completing', batch.count)}</p>;
  }
  return (
    <div class="evr-batch-result">
      {batch.completed > 0 && (
        <p role="status" class="evr-success">
          {i18n.t('queue.completed', batch.completed)}
        </p>
      )}
      {batch.failures.map(({ taskId, contact, message }) => (
        <Alert key={taskId}>
          {i18n.t('queue.notCompleted', { who: contact ?? `#${taskId}`, reason: message })}
        </Alert>
      ))}
      <button type="button" onClick={() => store.getState().dismissBatch()}>
        {i18n.t('queue.dismiss')}
      </button>
    </div>
  );
}
