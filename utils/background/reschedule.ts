import * as v from 'valibot';
import { i18n } from '#i18n';
import { ReplyError } from '../reply/errors';
import { type Task, TaskSchema } from '../reply/schemas';
import { replacementBody, snoozedTimes } from '../reply/snooze';
import type { ReplyConnection } from './connection';

/** A chosen time this far in the past still counts as now (clocks and clicks). */
const PAST_TOLERANCE_MS = 60_000;

/**
 * Snoozing a task: a read, then `PUT /v3/tasks/{id}` with the same task and new times. New
 * tasks only; a failure changes nothing (a PUT is a whole replacement: it happens or not).
 */
export function createReschedule(deps: {
  connection: ReplyConnection;
  /** What is due changed (the badge, lookups). */
  onMoved?: () => void;
}) {
  return {
    async snooze(taskId: number, until: string): Promise<Task> {
      const when = Date.parse(until);
      if (!Number.isFinite(when) || when < Date.now() - PAST_TOLERANCE_MS) {
        throw new ReplyError('not-executable', {
          detail: i18n.t('snooze.pastTime'),
        });
      }
      const reply = await deps.connection.client();
      const raw = await reply.rawTask(taskId);
      const task = v.safeParse(TaskSchema, raw);
      if (!task.success) throw new ReplyError('bad-response', { status: 200 });
      if (task.output.status !== 'new') {
        throw new ReplyError('not-executable', {
          detail: i18n.t('snooze.notNew'),
        });
      }
      const moved = await reply.replaceTask(
        taskId,
        replacementBody(raw, snoozedTimes(task.output, when)),
      );
      deps.onMoved?.();
      return moved;
    },
  };
}

export type Reschedule = ReturnType<typeof createReschedule>;
