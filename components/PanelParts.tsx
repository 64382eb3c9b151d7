import type { ComponentChildren } from 'preact';
import type { Failure } from '@/utils/reply/errors';

/** The floating "Execute via Reply" frame of the page panels that aren't a single task. */
export function FloatingFrame({ children }: { children: ComponentChildren }) {
  return (
    <section class="evr-panel evr-floating" aria-label="Execute via Reply">
      <header class="evr-header">
        <h2>Execute via Reply</h2>
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
        Try again
      </button>
    </>
  );
}
