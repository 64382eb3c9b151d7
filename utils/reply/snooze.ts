import type { Task } from './schemas';

/** "Tomorrow morning" is this hour, local time. */
export const MORNING_HOUR = 9;
const HOUR_MS = 3_600_000;

/** The snooze choices offered besides a chosen time: in an hour, tomorrow at 9:00 local. */
export function snoozeChoices(now: number = Date.now()): { inAnHour: number; tomorrow: number } {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(MORNING_HOUR, 0, 0, 0);
  return { inAnHour: now + HOUR_MS, tomorrow: tomorrow.getTime() };
}

/**
 * The task's new times when snoozed until `until`: it starts then and keeps the time it had
 * to be done in (`dueTo` − `startAt`), or an hour when Reply gave no such span.
 */
export function snoozedTimes(
  task: Pick<Task, 'startAt' | 'dueTo'>,
  until: number,
): { startAt: string; dueTo: string } {
  const span = Date.parse(task.dueTo ?? '') - Date.parse(task.startAt ?? '');
  const window = Number.isFinite(span) && span > 0 ? span : HOUR_MS;
  return { startAt: new Date(until).toISOString(), dueTo: new Date(until + window).toISOString() };
}

/**
 * Fields of a task as read that Reply computes (or renders) rather than takes: left out of
 * a PUT. Everything else goes back exactly as read, unknown fields included, since a PUT
 * replaces the whole task and a field left out could be cleared.
 */
const COMPUTED = [
  'id',
  'status',
  'createdAt',
  'finishedAt',
  'isFailed',
  'content',
  'deliveryInfo',
  'sequenceStepDisplayName',
] as const;

/** The body of `PUT /v3/tasks/{id}` that moves the task as read to new times, and only that. */
export function replacementBody(
  raw: Record<string, unknown>,
  times: { startAt: string; dueTo: string },
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...raw };
  for (const name of COMPUTED) delete body[name];
  // Reply requires a template with a body; a task without one (a call, say) has an empty one.
  const template = (raw.template ?? null) as { body?: unknown } | null;
  if (!template || typeof template.body !== 'string') body.template = { ...template, body: '' };
  return { ...body, ...times };
}
