import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { previewDocument } from '@/utils/preview';
import { useNextTask } from '../useNextTask';
import { RichTextEditor } from './RichTextEditor';

type Mode = 'preview' | 'text' | 'html';

/**
 * An email's body: shown as it will arrive, edited as formatted text ("Edit text", which loads
 * the editor) or, as a secondary mode, as its HTML source with the preview beside it.
 */
export function BodyEditor({
  body,
  original,
  locked,
  onChange,
}: {
  /** What would be sent now. */
  body: string;
  /** The task's own body (template or rendered content). */
  original: string;
  locked: boolean;
  /** The new body, or null: back to the task's own. */
  onChange(body: string | null): void;
}) {
  const [mode, setMode] = useState<Mode>('preview');
  const switchTo = (next: Mode, name: string) => (
    <button
      type="button"
      class={`evr-mode-${next}`}
      disabled={locked && next !== 'preview'}
      onClick={() => setMode(next)}
    >
      {name}
    </button>
  );

  return (
    <div class="evr-body-editor">
      {mode === 'text' && (
        <RichTextEditor body={body} original={original} readOnly={locked} onChange={onChange} />
      )}
      {mode === 'html' && (
        <>
          <label>
            {i18n.t('editor.bodyHtml')}
            <textarea
              rows={8}
              class="evr-source"
              value={body}
              readOnly={locked}
              onInput={(e) => {
                const value = e.currentTarget.value;
                onChange(value === original ? null : value);
              }}
            />
          </label>
          {body && (
            <details class="evr-preview-block" open>
              <summary>{i18n.t('editor.preview')}</summary>
              <EmailPreview body={body} />
            </details>
          )}
        </>
      )}
      {mode === 'preview' && (
        <div class="evr-preview-block">
          <span class="evr-label">{i18n.t('draft.body')}</span>
          <EmailPreview body={body} />
        </div>
      )}
      <div class="evr-actions evr-modes">
        {mode !== 'text' && switchTo('text', i18n.t('editor.editText'))}
        {mode !== 'html' && switchTo('html', i18n.t('editor.editHtml'))}
        {mode !== 'preview' && switchTo('preview', i18n.t('editor.done'))}
      </div>
    </div>
  );
}

/**
 * The sandboxed preview; the frame comes a task after the rest of the panel, same size. Drawn
 * again only for another body, not for each of the panel's renders (a click makes two).
 */
export const EmailPreview = memo(function EmailPreview({ body }: { body: string }) {
  const frameReady = useNextTask();
  if (!frameReady) return <div class="evr-preview evr-frame" />;
  return (
    <iframe
      class="evr-preview evr-frame"
      title={i18n.t('editor.emailPreview')}
      sandbox=""
      referrerpolicy="no-referrer"
      srcdoc={previewDocument(body)}
    />
  );
});
