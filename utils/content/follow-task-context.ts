import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type * as PanelModule from '@/components/panel-module';
import { messenger } from '../messaging';

declare global {
  /** Defined in this content-script world by the injected panel script. */
  var executeViaReplyPanel: typeof PanelModule | undefined;
}

/** The panel script, injected by the background on first need, then shared. */
let panelModule: Promise<typeof PanelModule | undefined> | undefined;
function loadPanel(): Promise<typeof PanelModule | undefined> {
  panelModule ??= (async () => {
    if (!globalThis.executeViaReplyPanel) {
      const loaded = await messenger.sendMessage('loadPanel', undefined);
      if (!loaded.ok) throw new Error(loaded.error.message);
    }
    return globalThis.executeViaReplyPanel;
  })().catch(() => {
    panelModule = undefined; // The extension restarted under this page: try again next time.
    return undefined;
  });
  return panelModule;
}

/**
 * Keeps one panel on the page for the task the page names, following in-app navigation:
 * a new task replaces the panel, no task removes it. Everything hangs off `ctx`, so an
 * invalidated content script leaves nothing behind.
 */
export function followTaskContext(ctx: ContentScriptContext, detect: (url: URL) => number | null) {
  let shown: { taskId: number; remove: () => void } | null = null;
  let latest = 0;

  const hide = () => {
    latest++;
    shown?.remove();
    shown = null;
  };

  async function update(url: URL) {
    const taskId = detect(url);
    if (taskId === (shown?.taskId ?? null)) return;
    hide();
    if (taskId === null) return;
    const turn = latest;
    const panel = await loadPanel();
    // A newer navigation won while the panel loaded.
    if (!panel || turn !== latest || ctx.isInvalid) return;
    shown = { taskId, remove: panel.mountTaskPanel(taskId) };
  }

  ctx.onInvalidated(hide);
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void update(newUrl));
  // Leaving the page unmounts the panel, which saves a draft still waiting to be saved;
  // a page restored from the back-forward cache gets its panel back.
  ctx.addEventListener(window, 'pagehide', hide);
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) void update(new URL(location.href));
  });
  void update(new URL(location.href));
}
