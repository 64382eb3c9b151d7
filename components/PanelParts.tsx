import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { Failure } from '@/utils/reply/errors';

/** The floating "Execute via Reply" frame of the page panels that aren't a single task. */
export function FloatingFrame({ children }: { children: ComponentChildren }) {
  return (
    <section class="evr-panel evr-floating" aria-label={i18n.t('extName')}>
      <header class="evr-header">
        <h2>{i18n.t('extName')}</h2>
      </header>
      <div class="evr-body">{children}</div>
    </section>
  );
}

/** A failure, in words, where assistive technology announces it. */
export function Alert({ children }: { children: ComponentChildren }) {
  return (
    <p role="alert" class="evr-error">
      {children}
    </p>
  );
}

/** A failed load: the sentence in an alert, and a way to try again. */
export function RetryableFailure({ error, onRetry }: { error: Failure; onRetry: () => void }) {
  return (
    <>
      <Alert>{error.message}</Alert>
      <button type="button" onClick={onRetry}>
        {i18n.t('common.tryAgain')}
      </button>
    </>
  );
}
