import {
  type ContentScriptContext,
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from '#imports';
import { mountTaskPanel } from '@/components/mountTaskPanel';
import { createMessagingConnector } from '../connector';

/**
 * Keeps one panel on the page for the task the page names, following in-app navigation:
 * a new task replaces the panel, no task removes it. Everything hangs off `ctx`, so an
 * invalidated content script leaves nothing behind.
 */
export function followTaskContext(ctx: ContentScriptContext, detect: (url: URL) => number | null) {
  const connector = createMessagingConnector();
  let shown: { taskId: number; ui: ShadowRootContentScriptUi<() => void> } | null = null;
  let latest = 0;

  async function update(url: URL) {
    const taskId = detect(url);
    if (taskId === (shown?.taskId ?? null)) return;
    const turn = ++latest;
    shown?.ui.remove();
    shown = null;
    if (taskId === null) return;
    const ui = await createShadowRootUi(ctx, {
      name: 'execute-via-reply',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => mountTaskPanel(container, taskId, connector),
      onRemove: (unmount) => unmount?.(),
    });
    // A newer navigation won while the styles loaded.
    if (turn !== latest || ctx.isInvalid) return;
    ui.mount();
    shown = { taskId, ui };
  }

  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void update(newUrl));
  // Leaving the page unmounts the panel, which saves a draft still waiting to be saved;
  // a page restored from the back-forward cache gets its panel back.
  ctx.addEventListener(window, 'pagehide', () => {
    latest++;
    shown?.ui.remove();
    shown = null;
  });
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) void update(new URL(location.href));
  });
  void update(new URL(location.href));
}
