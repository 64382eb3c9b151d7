import type { Browser } from '@wxt-dev/browser';

type Namespace = typeof Browser;

let namespace: Namespace | undefined;

/**
 * The content scripts' `browser` (wxt.config.ts maps `wxt/browser` here for them): the browser's
 * own promise-based namespace, `browser` where it is the extension's (Firefox) and `chrome`
 * otherwise, as `@wxt-dev/browser` picks it, but picked at first use instead of when the script
 * loads. Chromium now defines `browser` in content scripts too, so that choice reads
 * `browser.runtime.id`, and in a page's isolated world the first touch of `runtime` builds its
 * bindings (about 13 KB of the page's heap; README, "Speed, measured"), on every page the script
 * matches. The content scripts touch it only once they have something to show.
 */
export const browser: Namespace = new Proxy({} as Namespace, {
  get(_, member) {
    const scope = globalThis as { browser?: Namespace; chrome?: Namespace };
    namespace ??= scope.browser?.runtime?.id ? scope.browser : (scope.chrome as Namespace);
    return Reflect.get(namespace, member);
  },
});
