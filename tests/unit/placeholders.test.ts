import { describe, expect, it } from 'vitest';
import { taskIdFromInput } from '@/utils/detect/reply';
import { unresolvedPlaceholders } from '@/utils/reply/task';

describe('unresolvedPlaceholders', () => {
  it.each([
    [
      ['Hi {{firstName}}', 'Book: {{ calendarLink }}'],
      ['{{firstName}}', '{{ calendarLink }}'],
    ],
    [['{{a}} and {{a}}'], ['{{a}}']],
    [['Hi Jane', null, undefined], []],
    [['{{}} and { {x} } and {single}'], []],
  ])('%j → %j', (texts, expected) => {
    expect(unresolvedPlaceholders(...texts)).toEqual(expected);
  });
});

describe('taskIdFromInput', () => {
  it.each([
    ['101', 101],
    [' 42 ', 42],
    ['https://run.reply.io/tasks/7', 7],
    ['0', null],
    ['abc', null],
    ['https://example.com/tasks/7', null],
  ])('%j → %j', (input, id) => {
    expect(taskIdFromInput(input)).toBe(id);
  });
});
