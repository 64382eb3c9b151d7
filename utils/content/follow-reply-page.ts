import { taskIdFromUrl } from '../detect/reply';
import type { ContentContext } from './context';
import { followPageContext, taskTarget } from './follow-page-context';
import { loadPanel } from './load-panel';

/**
 * Reply's web app. A Reply tab spends most of the day on pages that name no task (the
 * dashboard, sequences, reports), so until its URL may name one the content script holds one
 * navigation listener and a substring test, nothing more: the follower
 * (./follow-page-context.ts) comes with the panel (components/panel-module.tsx), and then
 * follows the tab from there on. A script that holds the follower, even unrun, costs such a
 * page about 4 KB more of heap (README, "Speed, measured").
 */
export function followReplyPage(ctx: ContentContext): void {
  let loading = false;
  const start = () => {
    if (loading) return;
    loading = true;
    void loadPanel().then((panel) => {
      loading = false;
      // Not loaded (the extension restarted under the page): the next navigation tries again.
      if (!panel || ctx.isInvalid) return;
      stop();
      panel.followReplyTasks(ctx);
    });
  };
  const stop = whenUrlMayNameTask(ctx, start);
}

/** What is read of the Navigation API here (TypeScript's DOM library doesn't have it yet). */
interface Navigation extends EventTarget {
  readonly currentEntry: { readonly url: string | null } | null;
}
type NavigateEvent = Event & { readonly destination: { readonly url: string } };

/** Every URL taskIdFromUrl reads a task from has this in it, in any case. */
const mayNameTask = (url: string) => url.toLowerCase().includes('task');

/**
 * Calls `start` now and at each navigation while the URL may name a task; returns the stop.
 * The URL is read from the Navigation API where there is one: a first read of `location` in a
 * content script's world costs the page more heap than the navigation's entry. Without it, the
 * URL is looked at each second (a history change fires no event a content script can hear).
 */
function whenUrlMayNameTask(ctx: ContentContext, start: () => void): () => void {
  const { navigation } = globalThis as { navigation?: Navigation };
  if (mayNameTask(navigation?.currentEntry?.url ?? location.href)) start();
  if (navigation) {
    const onNavigate = (event: Event) => {
      if (mayNameTask((event as NavigateEvent).destination.url)) start();
    };
    navigation.addEventListener('navigate', onNavigate);
    // Not by the context's signal, which would cost this tab its bindings (./context.ts).
    return stopOnInvalidated(ctx, () => navigation.removeEventListener('navigate', onNavigate));
  }
  const poll = setInterval(() => {
    if (mayNameTask(location.href)) start();
  }, 1000);
  return stopOnInvalidated(ctx, () => clearInterval(poll));
}

/** `stop` when the context stops, or when the returned function is called. */
function stopOnInvalidated(ctx: ContentContext, stop: () => void): () => void {
  const drop = ctx.onInvalidated(stop);
  return () => {
    drop();
    stop();
  };
}

/** The follower for Reply's task pages: a panel for the task the URL names. */
export function followReplyTasks(ctx: ContentContext): void {
  followPageContext(
    ctx,
    () => {
      const taskId = taskIdFromUrl(location);
      return taskId === null ? null : taskTarget(taskId);
    },
    { observeDom: null },
  );
}
