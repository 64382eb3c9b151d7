import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { ExecutionOutcome } from './execution/executor';
import type { Failure } from './reply/errors';
import type { EmailAccount, Task } from './reply/schemas';
import type { ExecutionRecord } from './storage';

/**
 * The one protocol between the extension's contexts. Views call the background; the
 * background validates every payload against the schemas below before acting on it.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** What a view may know about the connection: never the key itself. */
export type ConnectionView =
  | { connected: false }
  | { connected: true; userId: number; username: string | null; keyHint: string };

export interface LoadedTask {
  task: Task;
  /** Only for tasks whose sending account can be chosen; null otherwise. */
  emailAccounts: EmailAccount[] | null;
  /** The rep's unsent edits from an earlier visit, if any. */
  draft: DraftEdits | null;
  /** What the background knows of an execution of this task, if any. */
  execution: ExecutionRecord['state'] | null;
}

/** Edited subject and body; null means "as Reply rendered it". */
export interface DraftEdits {
  subject: string | null;
  body: string | null;
}

export type { ExecutionOutcome };

const TaskId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

export const requestSchemas = {
  getConnection: v.undefined(),
  saveApiKey: v.object({
    apiKey: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(512)),
  }),
  removeApiKey: v.undefined(),
  loadTask: v.object({ taskId: TaskId }),
  executeTask: v.object({
    taskId: TaskId,
    content: v.optional(
      v.object({
        subject: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
        body: v.pipe(v.string(), v.maxLength(500_000)),
      }),
    ),
    emailAccountId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  executionStatus: v.object({ taskId: TaskId }),
  saveDraft: v.object({
    taskId: TaskId,
    subject: v.nullable(v.pipe(v.string(), v.maxLength(1_000))),
    body: v.nullable(v.pipe(v.string(), v.maxLength(500_000))),
  }),
} as const;

export type ExecuteRequest = v.InferOutput<typeof requestSchemas.executeTask>;

export interface ProtocolMap {
  getConnection(): Result<ConnectionView>;
  saveApiKey(data: v.InferInput<typeof requestSchemas.saveApiKey>): Result<ConnectionView>;
  removeApiKey(): Result<ConnectionView>;
  loadTask(data: v.InferInput<typeof requestSchemas.loadTask>): Result<LoadedTask>;
  executeTask(data: ExecuteRequest): Result<ExecutionOutcome>;
  /** The outcome of an execution this browser started, reconciled if it was left open. */
  executionStatus(data: { taskId: number }): Result<ExecutionOutcome | null>;
  /** Keeps (or, with both fields null, discards) the rep's edits of a task. */
  saveDraft(data: v.InferInput<typeof requestSchemas.saveDraft>): Result<null>;
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
