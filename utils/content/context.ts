import { browser } from 'wxt/browser';

/**
 * What the content scripts use of their context; WXT's own has all of it too. Listeners hang off
 * `signal`, so an invalidated script leaves nothing behind.
 */
export interface ContentContext {
  readonly signal: AbortSignal;
  /** Whether the script may still act; asked before it uses the extension. */
  readonly isValid: boolean;
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): () => void;
}

/**
 * The context the content scripts get in the build, in place of WXT's (wxt.config.ts maps WXT's
 * module here for content scripts, whose `main` is still typed with WXT's class: hand it on as a
 * ContentContext, nothing more). The same contract, paid for only once there is something to do.
 * WXT's constructor announces the script with a CustomEvent on `document`, listens there for a
 * newer copy, and names both events by `runtime.id`; in a page's isolated world the first touch
 * of `document` and of `runtime` each build their bindings, about 18 and 13 KB of the page's heap
 * (README, "Speed, measured"), on every page the script matches. Here the announcement waits for
 * the first `isInvalid`/`isValid`, which the script asks only before it uses the extension (to
 * load its panel), when the runtime is needed anyway. It goes by `window`, whose wrapper already
 * exists, and a plain Event: an older copy that hears it stops, and a copy ignores its own
 * announcement because dispatching is synchronous. An older copy that never acted has nothing to
 * stop; it finds itself orphaned at its next check.
 */
export class ContentScriptContext implements ContentContext {
  readonly #name: string;
  readonly #controller = new AbortController();
  #announced = false;

  constructor(contentScriptName: string) {
    this.#name = contentScriptName;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * True once stopped: by `abort`, by a newer copy, or because the extension went away. The first
   * call that finds the extension there announces this copy (see above).
   */
  get isInvalid(): boolean {
    if (this.signal.aborted) return true;
    // An orphaned content script (the extension updated or removed) has no runtime id.
    if (browser.runtime?.id == null) this.abort('The extension is no longer there');
    else if (!this.#announced) this.#announce();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: string): void {
    this.#controller.abort(reason);
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  #announce() {
    this.#announced = true;
    const type = `${browser.runtime.id}:${this.#name}:content-script-started`;
    let announcing = true;
    window.addEventListener(
      type,
      () => {
        if (!announcing) this.abort('A newer copy of the content script started');
      },
      { signal: this.signal },
    );
    window.dispatchEvent(new Event(type));
    announcing = false;
  }
}
