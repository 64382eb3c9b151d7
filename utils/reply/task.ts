import { i18n } from '#i18n';
import type { Task, TaskStatus, TaskType } from './schemas';

const TYPE_LABELS = {
  toDo: 'task.type.toDo',
  call: 'task.type.call',
  meeting: 'task.type.meeting',
  linkedIn: 'task.type.linkedIn',
  manualEmail: 'task.type.manualEmail',
  sms: 'task.type.sms',
  whatsApp: 'task.type.whatsApp',
  unknown: 'task.type.unknown',
} as const satisfies Record<TaskType, string>;

const STATUS_LABELS = {
  new: 'task.status.new',
  finished: 'task.status.finished',
  cancelled: 'task.status.cancelled',
  archived: 'task.status.archived',
  sequenceDetached: 'task.status.sequenceDetached',
  unknown: 'task.status.unknown',
} as const satisfies Record<TaskStatus, string>;

/** Why a task no longer New has nothing to send, one sentence per status (each language's own). */
const CLOSED_SENTENCES = {
  finished: 'task.closed.finished',
  cancelled: 'task.closed.cancelled',
  archived: 'task.closed.archived',
  sequenceDetached: 'task.closed.sequenceDetached',
  unknown: 'task.closed.unknown',
} as const satisfies Record<Exclude<TaskStatus, 'new'>, string>;

/** The same, for a task the rep does themselves (a call, a LinkedIn step): nothing to complete. */
const NOTHING_TO_COMPLETE = {
  finished: 'task.nothingToComplete.finished',
  cancelled: 'task.nothingToComplete.cancelled',
  archived: 'task.nothingToComplete.archived',
  sequenceDetached: 'task.nothingToComplete.sequenceDetached',
  unknown: 'task.nothingToComplete.unknown',
} as const satisfies Record<Exclude<TaskStatus, 'new'>, string>;

export const nothingToComplete = (status: Exclude<TaskStatus, 'new'>): string =>
  i18n.t(NOTHING_TO_COMPLETE[status]);

/** A task known by a few facts only (a batch answer, a snooze): everything else unknown. */
export const taskKnownBy = (facts: Pick<Task, 'id' | 'taskType'> & Partial<Task>): Task => ({
  contactId: null,
  linkedInTaskType: null,
  status: 'new',
  sequenceId: null,
  sequenceStepDisplayName: null,
  creationSource: null,
  createdAt: null,
  startAt: null,
  dueTo: null,
  finishedAt: null,
  isFailed: false,
  template: null,
  content: null,
  deliveryInfo: null,
  ...facts,
});

export const typeLabel = ({ taskType }: Pick<Task, 'taskType'>): string =>
  i18n.t(TYPE_LABELS[taskType]);

export const isEmailTask = (task: Task): boolean => task.taskType === 'manualEmail';

/** Manual emails and SMS are sent through Reply; every other type is done by the rep. */
export const isSendableType = (taskType: TaskType): boolean =>
  taskType === 'manualEmail' || taskType === 'sms';

/** Only ManualEmail and Sms can be executed, and only while New (Reply answers 400 otherwise). */
export function whyNotExecutable(task: Task): string | null {
  if (!isSendableType(task.taskType)) {
    return i18n.t('task.notSendable', { type: typeLabel(task) });
  }
  if (task.status !== 'new') {
    return i18n.t(CLOSED_SENTENCES[task.status]);
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
    return task.finishedAt
      ? i18n.t('task.failedAt', { time: formatTime(task.finishedAt) })
      : i18n.t('task.failed');
  }
  if (task.status === 'finished' && task.finishedAt) {
    return i18n.t('task.finishedAt', { time: formatTime(task.finishedAt) });
  }
  return i18n.t(STATUS_LABELS[task.status]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date and time in the browser's language (the UI language the locale files follow) and its
 * time zone: "Nov 28, 2026, 7:47 PM", "28. Nov. 2026, 19:47", "28 nov. 2026, 19:47". Each
 * language's pattern, month names and clock (24-hour in German, French, Spanish) come from its
 * locale file. Not Intl: the first Intl formatter a page's renderer builds loads locale data for
 * some 26 ms, one long task on the page while the panel opens (`npm run bench`; README,
 * "Languages").
 */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const hours = date.getHours();
  const hour = { h: hours % 12 || 12, H: hours, HH: pad(hours) }[i18n.t('date.hourStyle')];
  const time = i18n.t('date.time', {
    hour: hour ?? pad(hours),
    mm: pad(date.getMinutes()),
    dayPeriod: i18n.t(hours < 12 ? 'date.am' : 'date.pm'),
  });
  const month = i18n.t('date.months').split(',')[date.getMonth()] ?? '';
  return i18n.t('date.dateTime', {
    day: date.getDate(),
    month: month.trim(),
    year: date.getFullYear(),
    time,
  });
}

/** "in 2 hours", "vor 3 Tagen", "dans 5 minutes": spans in words, by the language's plurals. */
export function relativeTime(minutes: number): string {
  const abs = Math.abs(minutes);
  if (abs === 0) return i18n.t('date.now');
  const ahead = minutes > 0;
  if (abs < 60) return i18n.t(ahead ? 'date.inMinutes' : 'date.minutesAgo', abs);
  if (abs < 48 * 60) {
    const hours = Math.round(abs / 60);
    return i18n.t(ahead ? 'date.inHours' : 'date.hoursAgo', hours);
  }
  const days = Math.round(abs / 1440);
  return i18n.t(ahead ? 'date.inDays' : 'date.daysAgo', days);
}

/** "Nov 28, 7:47 PM (in 2 hours)", or "Overdue: …" for a New task past its due time. */
export function dueText(task: Task, now = Date.now()): string | null {
  if (!task.dueTo) return null;
  const due = Date.parse(task.dueTo);
  if (Number.isNaN(due)) return null;
  const relative = relativeTime(Math.round((due - now) / 60_000));
  const when = formatTime(task.dueTo);
  return i18n.t(due < now && task.status === 'new' ? 'task.overdue' : 'task.due', {
    when,
    relative,
  });
}

/** A `{{placeholder}}`: `{{`, a name, `}}` (the editor shows each as one token). */
export const PLACEHOLDER_SOURCE = String.raw`\{\{\s*[^{}\s][^{}]*?\s*\}\}`;

/** `{{placeholders}}` Reply left unrendered (e.g. an unknown variable), each once. */
export function unresolvedPlaceholders(...texts: (string | null | undefined)[]): string[] {
  const found = texts.join('\n').match(new RegExp(PLACEHOLDER_SOURCE, 'g')) ?? [];
  return [...new Set(found)];
}
