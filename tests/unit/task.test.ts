import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  canPickEmailAccount,
  dueText,
  formatTime,
  recipient,
  relativeTime,
  statusText,
  whyNotExecutable,
} from '@/utils/reply/task';
import { makeTask, oneOffEmailTask, smsTask } from '../fixtures/tasks';
import { localeGetMessage } from '../i18n/messages';

describe('whyNotExecutable', () => {
  it.each([
    [makeTask(), null],
    [smsTask(), null],
    [makeTask({ taskType: 'call' }), /Call tasks can’t be executed/],
    [makeTask({ taskType: 'linkedIn' }), /LinkedIn tasks/],
    [makeTask({ taskType: 'unknown' }), /Unknown type tasks/],
    [makeTask({ status: 'finished' }), /This task is finished/],
    [makeTask({ status: 'sequenceDetached' }), /detached from its sequence/],
  ])('%#', (task, expected) => {
    const why = whyNotExecutable(task);
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });
});

describe('task facts', () => {
  it('offers an account only for one-off manual emails', () => {
    expect(canPickEmailAccount(oneOffEmailTask())).toBe(true);
    expect(canPickEmailAccount(makeTask())).toBe(false);
    expect(canPickEmailAccount(smsTask({ sequenceId: null, creationSource: 'user' }))).toBe(false);
  });

  it('sends SMS to the phone and email to the address', () => {
    expect(recipient(smsTask())).toBe('+1 555 0100');
    expect(recipient(makeTask())).toBe('jane.doe@example.com');
    expect(recipient(makeTask({ deliveryInfo: null }))).toBeNull();
  });

  it('puts status in words', () => {
    expect(statusText(makeTask())).toBe('New');
    expect(
      statusText(makeTask({ status: 'finished', finishedAt: '2026-11-28T17:02:00Z' })),
    ).toMatch(/^Finished at Nov 28, 2026/);
    expect(statusText(makeTask({ status: 'finished', isFailed: true }))).toMatch(/^Failed/);
  });

  it('says when a task is due or overdue', () => {
    const now = Date.parse('2026-11-28T17:00:00Z');
    expect(dueText(makeTask({ dueTo: '2026-11-28T19:00:00Z' }), now)).toMatch(
      /^Nov 28, 2026.*\(in 2 hours\)$/,
    );
    expect(dueText(makeTask({ dueTo: '2026-11-25T17:00:00Z' }), now)).toMatch(
      /^Overdue: Nov 25, 2026.*\(3 days ago\)$/,
    );
    expect(dueText(makeTask({ dueTo: null }), now)).toBeNull();
  });

  it('writes times in local time, 12-hour clock', () => {
    const local = (...parts: [number, number, number, number, number]) =>
      new Date(...parts).toISOString();
    expect(formatTime(local(2026, 10, 28, 19, 5))).toBe('Nov 28, 2026, 7:05 PM');
    expect(formatTime(local(2027, 0, 1, 0, 0))).toBe('Jan 1, 2027, 12:00 AM');
    expect(formatTime(local(2027, 5, 30, 12, 59))).toBe('Jun 30, 2027, 12:59 PM');
    expect(formatTime('not a date')).toBe('not a date');
  });

  it('puts spans of time in words', () => {
    expect([0, 1, -1, 59, 90, -150, 47 * 60, 48 * 60, -3 * 1440].map(relativeTime)).toEqual([
      'now',
      'in 1 minute',
      '1 minute ago',
      'in 59 minutes',
      'in 2 hours',
      '3 hours ago',
      'in 47 hours',
      'in 2 days',
      '3 days ago',
    ]);
  });
});

describe('in the browser’s language', () => {
  const local = (...parts: [number, number, number, number, number]) =>
    new Date(...parts).toISOString();
  afterEach(() => {
    fakeBrowser.i18n.getMessage = localeGetMessage('en');
  });

  it.each([
    ['de', '28. Nov. 2026, 19:05', '1. Jan. 2027, 00:00', 'in 2 Stunden', 'vor 1 Minute'],
    ['fr', '28 nov. 2026, 19:05', '1 janv. 2027, 00:00', 'dans 2 heures', 'il y a 1 minute'],
    ['es', '28 nov 2026, 19:05', '1 ene 2027, 0:00', 'dentro de 2 horas', 'hace 1 minuto'],
  ])(
    '%s: its months, a 24-hour clock, spans in its words',
    (locale, evening, midnight, ahead, ago) => {
      fakeBrowser.i18n.getMessage = localeGetMessage(locale);
      expect(formatTime(local(2026, 10, 28, 19, 5))).toBe(evening);
      expect(formatTime(local(2027, 0, 1, 0, 0))).toBe(midnight);
      expect(relativeTime(120)).toBe(ahead);
      expect(relativeTime(-1)).toBe(ago);
    },
  );

  it('says overdue and why a task can’t be sent in German', () => {
    fakeBrowser.i18n.getMessage = localeGetMessage('de');
    const now = Date.parse('2026-11-28T17:00:00Z');
    expect(dueText(makeTask({ dueTo: '2026-11-25T17:00:00Z' }), now)).toMatch(
      /^Überfällig: 25\. Nov\. 2026, \d\d:00 \(vor 3 Tagen\)$/,
    );
    expect(whyNotExecutable(makeTask({ taskType: 'call' }))).toMatch(/^Aufgaben vom Typ „Anruf“/);
    expect(statusText(makeTask({ status: 'cancelled' }))).toBe('Abgebrochen');
  });
});
