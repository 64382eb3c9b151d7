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
 * The context the content scripts get in the build, in place of WXT's (./start.ts constructs it,
 * in place of WXT's wrapper; `main` is still typed with WXT's class: hand it on as a
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
  // Declared, not initialised as class fields: an initialiser is a function of its own, run at
  // construction, about 0.5 KB of the page's heap in every tab.
  declare private readonly name: string;
  /**
   * Made at the first `signal`: an AbortController's first use builds its bindings in the
   * world, about 1 KB of the page's heap, and a listener on its signal about 2 KB more, while a
   * Reply tab that names no task needs neither (README, "Speed, measured").
   */
  declare private controller: AbortController | undefined;
  declare private stopped: { reason: string | undefined } | undefined;
  declare private callbacks: Set<() => void> | undefined;
  declare private announced: boolean | undefined;

  constructor(contentScriptName: string) {
    this.name = contentScriptName;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.stopped) this.controller.abort(this.stopped.reason);
    }
    return this.controller.signal;
  }

  /**
   * True once stopped: by `abort`, by a newer copy, or because the extension went away. The first
   * call that finds the extension there announces this copy (see above).
   */
  get isInvalid(): boolean {
    if (this.stopped) return true;
    // An orphaned content script (the extension updated or removed) has no runtime id.
    if (browser.runtime?.id == null) this.abort('The extension is no longer there');
    else if (!this.announced) this.announce();
    return this.stopped !== undefined;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: string): void {
    if (this.stopped) return;
    this.stopped = { reason };
    this.controller?.abort(reason);
    const callbacks = this.callbacks;
    this.callbacks = undefined;
    for (const callback of callbacks ?? []) callback();
  }

  /** Called once, when the context stops (at once if it already has). */
  onInvalidated(callback: () => void): () => void {
    if (this.stopped) callback();
    else {
      this.callbacks ??= new Set();
      this.callbacks.add(callback);
    }
    return () => this.callbacks?.delete(callback);
  }

  private announce() {
    this.announced = true;
    const type = `${browser.runtime.id}:${this.name}:content-script-started`;
    let announcing = true;
    const onAnnouncement = () => {
      if (!announcing) this.abort('A newer copy of the content script started');
    };
    window.addEventListener(type, onAnnouncement);
    this.onInvalidated(() => window.removeEventListener(type, onAnnouncement));
    window.dispatchEvent(new Event(type));
    announcing = false;
  }
}
