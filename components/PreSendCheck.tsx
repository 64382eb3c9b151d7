import { i18n } from '#i18n';
import { type Failure, heldByChecks } from '@/utils/reply/errors';
import { formatTime } from '@/utils/reply/task';
import { Alert } from './PanelParts';

export const isHeldByChecks = (error: Failure): boolean => heldByChecks(error.kind);

/**
 * What the pre-send checks found, and the way on: an opted-out contact's task is never sent
 * but can be completed without sending; a reply since the task was made, or checks that
 * couldn't be made, are shown and the rep decides ("Send anyway").
 */
export function PreSendCheck({
  error,
  busy = false,
  onSendAnyway,
  onCheckAgain,
  onComplete,
}: {
  error: Failure;
  busy?: boolean;
  onSendAnyway: () => void;
  onCheckAgain: () => void;
  onComplete: () => void;
}) {
  return (
    <div class="evr-pre-send">
      <Alert>{error.message}</Alert>
      {error.kind === 'replied' && error.replied && (
        <blockquote class="evr-reply">
          {error.replied.at && (
            <p class="evr-muted">
              {i18n.t('check.repliedAt', { time: formatTime(error.replied.at) })}
            </p>
          )}
          <p>
            {error.replied.firstLine
              ? i18n.t('check.quoted', { text: error.replied.firstLine })
              : i18n.t('check.noPreview')}
          </p>
        </blockquote>
      )}
      <div class="evr-actions">
        {error.kind === 'opted-out' ? (
          <button type="button" class="evr-primary" disabled={busy} onClick={onComplete}>
            {i18n.t('check.completeWithoutSending')}
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={onSendAnyway}>
              {i18n.t('check.sendAnyway')}
            </button>
            {error.kind === 'unchecked' && (
              <button type="button" class="evr-primary" disabled={busy} onClick={onCheckAgain}>
                {i18n.t('check.checkAgain')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
