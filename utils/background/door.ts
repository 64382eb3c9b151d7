import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { browser, MatchPattern } from '#imports';
import { serveExecutionPort } from '../execution-port';
import { messenger, type ProtocolMap, type Result } from '../messaging';
import { EXECUTE_PORT, PANEL_PORT, type PanelPortAnswer } from '../panel-port';
import { ReplyError } from '../reply/errors';
import { panelMessages } from './panel-messages';
import { requestSchemas } from './requests';
import type { ReplyService } from './service';
import type { SiteRegistry } from './site-registry';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}
type Type = keyof ProtocolMap;
type Input<K extends Type> = v.InferOutput<(typeof requestSchemas)[K]>;
type Value<K extends Type> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;
type Allowed = (sender: Sender) => boolean;

/** Key operations come only from the extension's own pages (popup, options). */
const fromExtensionPage: Allowed = (sender) =>
  sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));

/**
 * Our content scripts: a tab whose URL is one the manifest injects into, or a site the rep
 * added. Another extension, or a page, is refused.
 */
export function fromContentScript(
  scripts: { matches?: string[]; exclude_matches?: string[] }[],
  onAddedSite: (url: string) => boolean,
): Allowed {
  const patterns = scripts.map((script) => ({
    matches: (script.matches ?? []).map((p) => new MatchPattern(p)),
    excludes: (script.exclude_matches ?? []).map((p) => new MatchPattern(p)),
  }));
  const inManifest = (url: string) =>
    patterns.some(
      (s) => s.matches.some((p) => p.includes(url)) && !s.excludes.some((p) => p.includes(url)),
    );
  // WXT's MatchPattern compiles its pattern again on every test: about 2 ms for our dozen
  // hosts, on every message a panel sends. Every manifest pattern covers whole origins
  // (`https://host/*`), so each origin's answer is worked out once.
  const wholeOrigins = scripts
    .flatMap((script) => [...(script.matches ?? []), ...(script.exclude_matches ?? [])])
    .every((pattern) => /^[^:/]+:\/\/[^/]+\/\*$/.test(pattern));
  const byOrigin = new Map<string, boolean>();
  const inManifestOrigin = (url: string) => {
    const origin = wholeOrigins ? URL.parse(url)?.origin : undefined;
    if (!origin || origin === 'null') return inManifest(url);
    let known = byOrigin.get(origin);
    if (known === undefined) {
      known = inManifest(url);
      if (byOrigin.size < ORIGINS_REMEMBERED) byOrigin.set(origin, known);
    }
    return known;
  };
  return (sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !sender.url)
      return false;
    return inManifestOrigin(sender.url) || onAddedSite(sender.url);
  };
}

/** Origins whose answer the door keeps (a rep's day touches a handful). */
const ORIGINS_REMEMBERED = 200;

/**
 * The background's door: every message is checked for who sent it and validated against its
 * schema before the service sees it; every answer is a Result, never a thrown error.
 */
export function openDoor(service: ReplyService, sites: SiteRegistry): () => void {
  const manifestScripts = browser.runtime.getManifest().content_scripts ?? [];
  const fromContent = fromContentScript(manifestScripts, sites.includes);
  /** Task operations come from our own pages or our content scripts. */
  const own: Allowed = (sender) => fromExtensionPage(sender) || fromContent(sender);
  const { connection, tasks, execution, reschedule, people, drafts, history, bulk } = service;
  const bulkState = (act: () => Promise<void>) => async () => {
    await act();
    return bulk.state();
  };
  const removers = [
    on('getConnection', fromExtensionPage, () => connection.view()),
    on('saveApiKey', fromExtensionPage, ({ apiKey }) => connection.saveKey(apiKey)),
    on('removeApiKey', fromExtensionPage, () => connection.removeKey()),
    on('chooseTeam', fromExtensionPage, ({ teamId }) => connection.chooseTeam(teamId)),
    on('getSettings', fromExtensionPage, () => connection.settings()),
    on('saveSettings', fromExtensionPage, (settings) => connection.saveSettings(settings)),
    on('loadTask', own, ({ taskId }) => tasks.load(taskId)),
    on('dueTasks', fromExtensionPage, () => tasks.due()),
    on('emailAccounts', fromExtensionPage, () => tasks.emailAccounts()),
    on('completeTask', own, ({ taskId, ...body }) => execution.complete(taskId, body)),
    on('completeTasks', fromExtensionPage, ({ tasks }) => execution.completeMany(tasks)),
    on('snoozeTask', own, ({ taskId, until }) => reschedule.snooze(taskId, until)),
    on('executionStatus', own, ({ taskId }) => execution.status(taskId)),
    on('saveDraft', own, ({ taskId, ...edits }) => drafts.save(taskId, edits)),
    on('history', fromExtensionPage, () => history.list()),
    on('clearHistory', fromExtensionPage, () => history.clear()),
    on('startBulk', fromExtensionPage, ({ tasks }) => bulkState(() => bulk.start(tasks))()),
    on(
      'pauseBulk',
      fromExtensionPage,
      bulkState(() => bulk.pause()),
    ),
    on(
      'resumeBulk',
      fromExtensionPage,
      bulkState(() => bulk.resume()),
    ),
    on('clearBulk', fromExtensionPage, () => bulk.clear().then(() => null)),
    on('bulkState', fromExtensionPage, () => bulk.state()),
    on('listSites', fromExtensionPage, () => sites.list()),
    on('addSite', fromExtensionPage, ({ address }) => sites.add(address)),
    on('removeSite', fromExtensionPage, ({ origin }) => sites.remove(origin)),
    on('findPersonTasks', own, (person) => people.find(person)),
  ];
  const onPort = (port: Browser.runtime.Port) => {
    const sender = port.sender ?? {};
    if (port.name === EXECUTE_PORT) {
      const answer = (data: unknown, onValid: (request: Input<'executeTask'>) => void) =>
        answerer('executeTask', own, (request) => {
          onValid(request);
          return execution.executeFromView(request);
        })(data, sender);
      serveExecutionPort(port, answer, execution.watch);
      return;
    }
    if (port.name !== PANEL_PORT) return;
    const answer: Promise<PanelPortAnswer> = fromContent(sender)
      ? panelMessages().then(
          (messages) => ({ messages }),
          () => ({ messages: null }),
        )
      : Promise.resolve(false);
    void answer.then((value) => {
      try {
        port.postMessage(value);
        port.disconnect();
      } catch {
        // The content script went away first (its tab closed): nothing to answer.
      }
    });
  };
  browser.runtime.onConnect.addListener(onPort);
  return () => {
    for (const remove of removers) remove();
    browser.runtime.onConnect.removeListener(onPort);
  };
}

/** A request's answer: from an allowed sender, valid by its schema, run; never a throw. */
function answerer<K extends Type>(
  type: K,
  allowed: Allowed,
  run: (data: Input<K>) => Promise<Value<K>>,
): (data: unknown, sender: Sender) => Promise<Result<Value<K>>> {
  return async (data, sender) => {
    const parsed = v.safeParse(requestSchemas[type], data);
    if (!allowed(sender) || !parsed.success) {
      return { ok: false, error: new ReplyError('bad-message').toFailure() };
    }
    try {
      return { ok: true, value: await run(parsed.output as Input<K>) };
    } catch (error) {
      const failure = error instanceof ReplyError ? error : new ReplyError('internal');
      return { ok: false, error: failure.toFailure() };
    }
  };
}

function on<K extends Type>(
  type: K,
  allowed: Allowed,
  run: (data: Input<K>) => Promise<Value<K>>,
): () => void {
  const answer = answerer(type, allowed, run);
  // TypeScript can't relate a generic K's Result to the library's conditional return type.
  return messenger.onMessage(type, ({ data, sender }) => answer(data, sender) as never);
}
