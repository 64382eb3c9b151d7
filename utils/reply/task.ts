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

export const typeLabel = (task: Task): string => TYPE_LABELS[task.taskType];

export const isEmailTask = (task: Task): boolean => task.taskType === 'manualEmail';

/** Only ManualEmail and Sms can be executed, and only while New (Reply answers 400 otherwise). */
export function whyNotExecutable(task: Task): string | null {
  if (task.taskType !== 'manualEmail' && task.taskType !== 'sms') {
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

export function statusText(task: Task, locale?: string): string {
  if (task.isFailed) {
    return `Failed${task.finishedAt ? ` at ${formatTime(task.finishedAt, locale)}` : ''}: Reply could not deliver it. Check the task in Reply.`;
  }
  const label = STATUS_LABELS[task.status];
  if (task.status === 'finished' && task.finishedAt) {
    return `${label} at ${formatTime(task.finishedAt, locale)}`;
  }
  return label;
}

export function formatTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Nov 28, 7:47 PM (in 2 hours)", or "Overdue: …" for a New task past its due time. */
export function dueText(task: Task, now = Date.now(), locale?: string): string | null {
  if (!task.dueTo) return null;
  const due = Date.parse(task.dueTo);
  if (Number.isNaN(due)) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.round((due - now) / 60_000);
  const abs = Math.abs(minutes);
  const relative =
    abs < 60
      ? format.format(minutes, 'minute')
      : abs < 48 * 60
        ? format.format(Math.round(minutes / 60), 'hour')
        : format.format(Math.round(minutes / 1440), 'day');
  const when = formatTime(task.dueTo, locale);
  return due < now && task.status === 'new'
    ? `Overdue: ${when} (${relative})`
    : `${when} (${relative})`;
}

/** `{{placeholders}}` Reply left unrendered (e.g. an unknown variable), each once. */
export function unresolvedPlaceholders(...texts: (string | null | undefined)[]): string[] {
  const found = texts.join('\n').match(/\{\{\s*[^{}\s][^{}]*?\s*\}\}/g) ?? [];
  return [...new Set(found)];
}
