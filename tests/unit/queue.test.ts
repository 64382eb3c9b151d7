import { describe, expect, it } from 'vitest';
import {
  dueGroup,
  filterCounts,
  groupQueue,
  isTypingTarget,
  queueAction,
  queueOrder,
} from '@/utils/queue';
import type { TaskSummary } from '@/utils/reply/schemas';
import { makeSummary } from '../fixtures/tasks';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();
const task = (id: number, taskType: TaskSummary['taskType'], due: number, start = due - 3) =>
  makeSummary({ id, taskType, dueTo: at(due), startAt: at(start) });

const DAY = [
  task(1, 'manualEmail', 2),
  task(2, 'call', -1),
  task(3, 'linkedIn', 5, 1),
  task(4, 'sms', -3),
  task(5, 'toDo', 1),
  task(6, 'meeting', 4, 2),
  task(7, 'whatsApp', -1),
  makeSummary({ id: 8, taskType: 'unknown', dueTo: null }),
];

describe('the day’s queue', () => {
  it('groups by when: past due is overdue, not open yet is later today, the rest due today', () => {
    expect(dueGroup({ dueTo: at(-0.01), startAt: at(-3) }, NOW)).toBe('overdue');
    expect(dueGroup({ dueTo: at(3), startAt: at(-1) }, NOW)).toBe('dueToday');
    expect(dueGroup({ dueTo: at(3), startAt: at(0.5) }, NOW)).toBe('laterToday');
    expect(dueGroup({ dueTo: null, startAt: null }, NOW)).toBe('dueToday');
    // A snoozed task past its new start is due again.
    expect(dueGroup({ dueTo: at(0.5), startAt: at(0) }, NOW)).toBe('dueToday');
  });

  it('orders overdue, due today, later today; earliest due first, ties by id, no due time last', () => {
    const groups = groupQueue([...DAY].reverse(), 'all', NOW);
    expect(groups.map((g) => [g.group, g.tasks.map((t) => t.id)])).toEqual([
      ['overdue', [4, 2, 7]],
      ['dueToday', [5, 1, 8]],
      ['laterToday', [6, 3]],
    ]);
    expect(queueOrder(DAY, 'all', NOW).map((t) => t.id)).toEqual([4, 2, 7, 5, 1, 8, 6, 3]);
  });

  it('filters by kind, with counts for each filter', () => {
    const ids = (filter: Parameters<typeof queueOrder>[1]) =>
      queueOrder(DAY, filter, NOW).map((t) => t.id);
    expect(ids('messages')).toEqual([4, 1]);
    expect(ids('calls')).toEqual([2]);
    expect(ids('linkedIn')).toEqual([3]);
    expect(ids('other')).toEqual([7, 5, 8, 6]);
    expect(filterCounts(DAY)).toEqual({ all: 8, messages: 2, calls: 1, linkedIn: 1, other: 4 });
    expect(groupQueue(DAY, 'calls', NOW).map((g) => g.group)).toEqual(['overdue']);
  });
});

describe('the queue’s keys', () => {
  const element = (html: string, selector: string) => {
    document.body.innerHTML = html;
    return document.querySelector(selector);
  };
  const press = (key: string, target: EventTarget | null = document.body, mods = {}) =>
    queueAction({ key, target, ...mods });

  it('one key per action, either case', () => {
    expect(press('e')).toBe('done');
    expect(press('E')).toBe('done');
    expect(press('s')).toBe('skip');
    expect(press('z')).toBe('snooze');
    expect(press('n')).toBe('next');
    expect(press('?')).toBe('help');
    expect(press('3')).toBe('outcome3');
    expect(press('x')).toBeNull();
    expect(press('Enter')).toBeNull();
  });

  it('nothing with Ctrl, Cmd or Alt held, or while composing', () => {
    expect(press('s', document.body, { ctrlKey: true })).toBeNull();
    expect(press('e', document.body, { metaKey: true })).toBeNull();
    expect(press('z', document.body, { altKey: true })).toBeNull();
    expect(press('n', document.body, { isComposing: true })).toBeNull();
  });

  it.each([
    ['a text field', '<input type="text" id="t">', '#t'],
    ['a datetime field', '<input type="datetime-local" id="t">', '#t'],
    ['a textarea', '<textarea id="t"></textarea>', '#t'],
    ['a select', '<select id="t"></select>', '#t'],
    ['the editor', '<div contenteditable="true"><p><b id="t">bold</b></p></div>', '#t'],
    ['a textbox role', '<div role="textbox"><span id="t">x</span></div>', '#t'],
  ])('no shortcut fires while typing in %s', (_name, html, selector) => {
    const target = element(html, selector);
    expect(isTypingTarget(target)).toBe(true);
    expect(press('s', target)).toBeNull();
    expect(press('e', target)).toBeNull();
  });

  it('a button or the page itself does take keys', () => {
    expect(press('s', element('<button id="b">Skip</button>', '#b'))).toBe('skip');
    expect(
      press('s', element('<div contenteditable="false"><span id="b">x</span></div>', '#b')),
    ).toBe('skip');
    expect(press('s', null)).toBe('skip');
  });
});
