import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/utils/content/context';
import { followReplyPage } from '@/utils/content/follow-reply-page';
import { loadPanel } from '@/utils/content/load-panel';

vi.mock('@/utils/content/load-panel', () => ({ loadPanel: vi.fn() }));

/**
 * Reply's content script (utils/content/follow-reply-page.ts): nothing loads while the URL can't
 * name a task; the first URL that may hands the tab to the panel's follower, once.
 */
describe('followReplyPage', () => {
  let navigation: EventTarget & { currentEntry: { url: string } };
  let ctx: ContentScriptContext;
  const followReplyTasks = vi.fn();
  const navigate = async (url: string) => {
    navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    await vi.waitFor(() => undefined);
    await new Promise((done) => setTimeout(done));
  };

  beforeEach(() => {
    navigation = Object.assign(new EventTarget(), {
      currentEntry: { url: 'https://run.reply.io/dashboard' },
    });
    vi.stubGlobal('navigation', navigation);
    vi.mocked(loadPanel).mockResolvedValue({ followReplyTasks } as never);
    ctx = new ContentScriptContext('reply');
  });
  afterEach(() => {
    ctx.abort();
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('loads nothing until a URL may name a task, then hands the tab over once', async () => {
    followReplyPage(ctx);
    await navigate('https://run.reply.io/sequences/12');
    expect(loadPanel).not.toHaveBeenCalled();
    await navigate('https://run.reply.io/Tasks/101');
    expect(loadPanel).toHaveBeenCalledTimes(1);
    expect(followReplyTasks).toHaveBeenCalledWith(ctx);
    // The follower has the tab now: this script listens no more.
    await navigate('https://run.reply.io/tasks/102');
    expect(loadPanel).toHaveBeenCalledTimes(1);
  });

  it('starts at once on a page whose URL may name a task', async () => {
    navigation.currentEntry.url = 'https://run.reply.io/home?taskId=5';
    followReplyPage(ctx);
    await vi.waitFor(() => expect(followReplyTasks).toHaveBeenCalledTimes(1));
  });

  it('tries again at the next navigation when the panel could not load', async () => {
    vi.mocked(loadPanel).mockResolvedValueOnce(undefined);
    followReplyPage(ctx);
    await navigate('https://run.reply.io/tasks/101');
    expect(followReplyTasks).not.toHaveBeenCalled();
    await navigate('https://run.reply.io/tasks/101');
    expect(loadPanel).toHaveBeenCalledTimes(2);
    expect(followReplyTasks).toHaveBeenCalledTimes(1);
  });

  it('leaves nothing listening once its context stops', async () => {
    followReplyPage(ctx);
    ctx.abort();
    await navigate('https://run.reply.io/tasks/101');
    expect(loadPanel).not.toHaveBeenCalled();
  });
});
