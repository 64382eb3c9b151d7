import * as v from 'valibot';
import { browser } from '#imports';
import { messenger, type ProtocolMap, type Result, requestSchemas } from '../messaging';
import { ReplyError } from '../reply/errors';
import type { ReplyService } from './service';

interface Sender {
  id?: string;
  url?: string;
}
type Type = keyof ProtocolMap;
type Input<K extends Type> = v.InferOutput<(typeof requestSchemas)[K]>;
type Value<K extends Type> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

/** Key operations come only from the extension's own pages (popup, options). */
const fromExtensionPage = (sender: Sender): boolean =>
  sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));

/** Task operations come from our pages or our own content scripts. */
const fromOwnContext = (sender: Sender): boolean => sender.id === browser.runtime.id;

/**
 * The background's door: every message is checked for who sent it and validated against its
 * schema before the service sees it; every answer is a Result, never a thrown error.
 */
export function openDoor(service: ReplyService): () => void {
  const removers = [
    on('getConnection', fromExtensionPage, () => service.getConnection()),
    on('saveApiKey', fromExtensionPage, ({ apiKey }) => service.saveApiKey(apiKey)),
    on('removeApiKey', fromExtensionPage, () => service.removeApiKey()),
    on('loadTask', fromOwnContext, ({ taskId }) => service.loadTask(taskId)),
    on('executeTask', fromOwnContext, (request) => service.executeTask(request)),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}

function on<K extends Type>(
  type: K,
  allowed: (sender: Sender) => boolean,
  run: (data: Input<K>) => Promise<Value<K>>,
): () => void {
  const answer = async (data: unknown, sender: Sender): Promise<Result<Value<K>>> => {
    const parsed = v.safeParse(requestSchemas[type], data);
    if (!allowed(sender) || !parsed.success) {
      return { ok: false, error: new ReplyError('bad-message').toFailure() };
    }
    try {
      return { ok: true, value: await run(parsed.output as Input<K>) };
    } catch (error) {
      const failure = error instanceof ReplyError ? error : new ReplyError('bad-response');
      return { ok: false, error: failure.toFailure() };
    }
  };
  // TypeScript can't relate a generic K's Result to the library's conditional return type.
  return messenger.onMessage(type, ({ data, sender }) => answer(data, sender) as never);
}
