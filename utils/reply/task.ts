import type { Task, TaskStatus, TaskType } from './schemas';

const TYPE_LABELS: Record<TaskType, string> = {
  toDo: 'To-do',
  call: 'Call',
  meeting: 'Meeting',
  linkedIn: 'LinkedIn',
  manualEmail: 'Manual email',
  sms: 'SMS',
  whatsApp: 'WhatsApp',
  unknown: 'Unknown type',
};

const STATUS_LABELS: Record<TaskStatus, string> = {
  new: 'New',
  finished: 'Finished',
  cancelled: 'Cancelled',
  archived: 'Archived',
  sequenceDetached: 'Detached from its sequence',
  unknown: 'Unknown status',
};

export const typeLabel = ({ taskType }: Pick<Task, 'taskType'>): string => TYPE_LABELS[taskType];

export const isEmailTask = (task: Task): boolean => task.taskType === 'manualEmail';

/** Manual emails and SMS are sent through Reply; every other type is done by the rep. */
export const isSendableType = (taskType: TaskType): boolean =>
  taskType === 'manualEmail' || taskType === 'sms';

/** Only ManualEmail and Sms can be executed, and only while New (Reply answers 400 otherwise). */
export function whyNotExecutable(task: Task): string | null {
  if (!isSendableType(task.taskType)) {
    return `${TYPE_LABELS[task.taskType]} tasks can’t be executed through Reply’s API: only manual emails and SMS can. Complete this one in Reply.`;
  }
  if (task.status !== 'new') {
    return `This task is ${STATUS_LABELS[task.status].toLowerCase()}, so there is nothing to send.`;
  }
  return null;
}

/** Reply ignores the account for sequence tasks: the sequence decides it. */
export const canPickEmailAccount = (task: Task): boolean =>
  task.taskType === 'manualEmail' && task.sequenceId === null && task.creationSource !== 'sequence';

export function recipient(task: Task): string | null {
  const info = task.deliveryInfo;
  if (!info) return null;
  return task.taskType === 'sms' ? info.phoneNumber : (info.email ?? info.phoneNumber);
}

export function statusText(task: Task): string {
  if (task.isFailed) {
    return `Failed${task.finishedAt ? ` at ${formatTime(task.finishedAt)}` : ''}: Reply could not deliver it. Check the task in Reply.`;
  }
  const label = STATUS_LABELS[task.status];
  if (task.status === 'finished' && task.finishedAt) {
    return `${label} at ${formatTime(task.finishedAt)}`;
  }
  return label;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * "Nov 28, 2026, 7:47 PM" in local time, in English like the rest of the UI. Not Intl: the
 * first Intl formatter a renderer builds loads locale data for some 26 ms, which would be one
 * long task on the page while the panel opens (measured by `npm run bench`).
 */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  const time = `${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}, ${time}`;
}

/** "in 2 hours", "3 days ago"; not Intl, for the same reason as formatTime. */
export function relativeTime(minutes: number): string {
  const abs = Math.abs(minutes);
  const [count, unit] =
    abs < 60
      ? [abs, 'minute']
      : abs < 48 * 60
        ? [Math.round(abs / 60), 'hour']
        : [Math.round(abs / 1440), 'day'];
  if (count === 0) return 'now';
  const span = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return minutes > 0 ? `in ${span}` : `${span} ago`;
}

/** "Nov 28, 7:47 PM (in 2 hours)", or "Overdue: …" for a New task past its due time. */
export function dueText(task: Task, now = Date.now()): string | null {
  if (!task.dueTo) return null;
  const due = Date.parse(task.dueTo);
  if (Number.isNaN(due)) return null;
  const relative = relativeTime(Math.round((due - now) / 60_000));
  const when = formatTime(task.dueTo);
  return due < now && task.status === 'new'
    ? `Overdue: ${when} (${relative})`
    : `${when} (${relative})`;
}

/** A `{{placeholder}}`: `{{`, a name, `}}` (the editor shows each as one token). */
export const PLACEHOLDER_SOURCE = String.raw`\{\{\s*[^{}\s][^{}]*?\s*\}\}`;

/** `{{placeholders}}` Reply left unrendered (e.g. an unknown variable), each once. */
export function unresolvedPlaceholders(...texts: (string | null | undefined)[]): string[] {
  const found = texts.join('\n').match(new RegExp(PLACEHOLDER_SOURCE, 'g')) ?? [];
  return [...new Set(found)];
}
