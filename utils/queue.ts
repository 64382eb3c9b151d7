import type { TaskSummary, TaskType } from './reply/schemas';

/**
 * The rep's day as one queue: every due task, grouped by when it is due, filtered by kind, in
 * the order the rep works through them. Pure functions of the summaries and the time.
 */

export type DueGroup = 'overdue' | 'dueToday' | 'laterToday';
export const DUE_GROUPS: readonly DueGroup[] = ['overdue', 'dueToday', 'laterToday'];

export type QueueFilter = 'all' | 'messages' | 'calls' | 'linkedIn' | 'other';
export const QUEUE_FILTERS: readonly QueueFilter[] = [
  'all',
  'messages',
  'calls',
  'linkedIn',
  'other',
];

const time = (iso: string | null) => {
  const at = Date.parse(iso ?? '');
  return Number.isNaN(at) ? null : at;
};

/**
 * Past its due time: overdue. Not open yet (it starts later, e.g. snoozed): later today.
 * Otherwise due today. (The list holds only what is due by the end of today.)
 */
export function dueGroup(task: Pick<TaskSummary, 'startAt' | 'dueTo'>, now: number): DueGroup {
  const due = time(task.dueTo);
  if (due !== null && due < now) return 'overdue';
  const start = time(task.startAt);
  return start !== null && start > now ? 'laterToday' : 'dueToday';
}

const KIND: Record<TaskType, Exclude<QueueFilter, 'all'>> = {
  manualEmail: 'messages',
  sms: 'messages',
  call: 'calls',
  linkedIn: 'linkedIn',
  toDo: 'other',
  meeting: 'other',
  whatsApp: 'other',
  unknown: 'other',
};

export const matchesFilter = (task: Pick<TaskSummary, 'taskType'>, filter: QueueFilter) =>
  filter === 'all' || KIND[task.taskType] === filter;

/** How many tasks each filter shows. */
export function filterCounts(tasks: TaskSummary[]): Record<QueueFilter, number> {
  const counts = { all: 0, messages: 0, calls: 0, linkedIn: 0, other: 0 };
  for (const task of tasks) {
    counts.all++;
    counts[KIND[task.taskType]]++;
  }
  return counts;
}

/**
 * The filtered tasks in working order: overdue, due today, later today; within each, the
 * earliest due first (no due time last), then by id so the order never wobbles.
 */
export function groupQueue(
  tasks: TaskSummary[],
  filter: QueueFilter,
  now: number,
): { group: DueGroup; tasks: TaskSummary[] }[] {
  const byGroup = new Map<DueGroup, TaskSummary[]>(DUE_GROUPS.map((g) => [g, []]));
  for (const task of tasks) {
    if (matchesFilter(task, filter)) byGroup.get(dueGroup(task, now))?.push(task);
  }
  const order = (a: TaskSummary, b: TaskSummary) =>
    (time(a.dueTo) ?? Number.POSITIVE_INFINITY) - (time(b.dueTo) ?? Number.POSITIVE_INFINITY) ||
    a.id - b.id;
  return DUE_GROUPS.map((group) => ({
    group,
    tasks: (byGroup.get(group) ?? []).sort(order),
  })).filter((g) => g.tasks.length > 0);
}

/** The queue "Start tasks" works through: the groups' tasks, one after another. */
export const queueOrder = (tasks: TaskSummary[], filter: QueueFilter, now: number) =>
  groupQueue(tasks, filter, now).flatMap((g) => g.tasks);

/** What a key does while working through the queue. */
export type QueueAction =
  | 'done'
  | 'skip'
  | 'snooze'
  | 'next'
  | 'help'
  | 'outcome1'
  | 'outcome2'
  | 'outcome3';

/** One key each; shown on screen and in the `?` help. */
export const QUEUE_KEYS: Record<QueueAction, string> = {
  done: 'e',
  skip: 's',
  snooze: 'z',
  next: 'n',
  help: '?',
  outcome1: '1',
  outcome2: '2',
  outcome3: '3',
};

interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  target: EventTarget | null;
}

/** Where typing goes: no shortcut may fire there. */
const TYPING =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as (Element & { isContentEditable?: boolean }) | null;
  if (!element || typeof element.closest !== 'function') return false;
  return element.isContentEditable === true || element.closest(TYPING) !== null;
}

/** The queue action of a key press, or null: modified keys and keys typed into a field are not. */
export function queueAction(event: KeyLike): QueueAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const found = (Object.entries(QUEUE_KEYS) as [QueueAction, string][]).find(([, k]) => k === key);
  return found ? found[0] : null;
}
