import { useState } from 'preact/hooks';
import type { LinkedInTaskType, Task } from '@/utils/reply/schemas';
import { Completion, MARK_DONE } from './Completion';
import type { TaskViewProps } from './views';

/** What each kind of LinkedIn step asks, and whether it has text to paste into LinkedIn. */
const STEPS: Record<LinkedInTaskType, { ask: string; hasText: boolean }> = {
  message: { ask: 'Send this message on LinkedIn.', hasText: true },
  connect: { ask: 'Send a connection request with this note.', hasText: true },
  inMail: { ask: 'Send this InMail.', hasText: true },
  viewProfile: { ask: 'View their LinkedIn profile.', hasText: false },
  unknown: { ask: 'Do this LinkedIn step.', hasText: true },
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
      <p>{step.ask}</p>
      {url ? (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            Open the LinkedIn profile
          </a>
        </p>
      ) : (
        <p class="evr-note">Reply has no https LinkedIn profile address for this contact.</p>
      )}
      {text && <CopyableText text={text} />}
      <Completion store={store} task={task} choices={MARK_DONE} />
    </>
  );
}

/** The step's text, selectable, with a button that copies it. */
function CopyableText({ text }: { text: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <div class="evr-form">
      <label>
        Text for LinkedIn
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
          Copy text
        </button>
      </div>
      {copied === 'yes' && <p role="status">Copied.</p>}
      {copied === 'no' && (
        <p role="status">The browser didn’t allow copying: select the text and copy it.</p>
      )}
    </div>
  );
}
