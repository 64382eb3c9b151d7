import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { LinkedInTaskType, Task } from '@/utils/reply/schemas';
import { Completion, markDone } from './Completion';
import type { TaskViewProps } from './views';

/** What each kind of LinkedIn step asks, and whether it has text to paste into LinkedIn. */
const STEPS: Record<LinkedInTaskType, { ask: () => string; hasText: boolean }> = {
  message: { ask: () => i18n.t('taskViews.linkedIn.message'), hasText: true },
  connect: { ask: () => i18n.t('taskViews.linkedIn.connect'), hasText: true },
  inMail: { ask: () => i18n.t('taskViews.linkedIn.inMail'), hasText: true },
  viewProfile: { ask: () => i18n.t('taskViews.linkedIn.viewProfile'), hasText: false },
  unknown: { ask: () => i18n.t('taskViews.linkedIn.unknown'), hasText: true },
};

/** The profile address, only when it is https (anything else is never made a link). */
export function profileUrl(task: Task): string | null {
  const raw = task.deliveryInfo?.linkedInUrl?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A LinkedIn step: the profile in a new tab, the text ready to copy, then "Mark done". */
export function LinkedInTask({ store, task }: TaskViewProps) {
  const step = STEPS[task.linkedInTaskType ?? 'unknown'];
  const url = profileUrl(task);
  const text = step.hasText ? (task.content ?? task.template)?.body?.trim() : null;
  return (
    <>
      <p>{step.ask()}</p>
      {url ? (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            {i18n.t('taskViews.linkedIn.openProfile')}
          </a>
        </p>
      ) : (
        <p class="evr-note">{i18n.t('taskViews.linkedIn.noProfile')}</p>
      )}
      {text && <CopyableText text={text} />}
      <Completion store={store} task={task} choices={markDone()} />
    </>
  );
}

/** The step's text, selectable, with a button that copies it. */
function CopyableText({ text }: { text: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <div class="evr-form">
      <label>
        {i18n.t('taskViews.linkedIn.text')}
        <textarea readOnly rows={4} value={text} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div class="evr-actions">
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(text).then(
              () => setCopied('yes'),
              () => setCopied('no'),
            )
          }
        >
          {i18n.t('taskViews.linkedIn.copy')}
        </button>
      </div>
      {copied === 'yes' && <p role="status">{i18n.t('taskViews.linkedIn.copied')}</p>}
      {copied === 'no' && <p role="status">{i18n.t('taskViews.linkedIn.copyRefused')}</p>}
    </div>
  );
}
