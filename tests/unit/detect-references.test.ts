import { describe, expect, it } from 'vitest';
import {
  findTaskReferences,
  firstTaskReference,
  MAX_TASK_REFERENCES,
} from '@/utils/detect/references';
import { loadSite } from '../fixtures/sites';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('findTaskReferences', () => {
  it('finds task links and data-reply-task-id in document order, once each', () => {
    expect(findTaskReferences(loadSite('reply-task-references.html'))).toEqual([
      101, 102, 103, 104, 105, 106, 107,
    ]);
  });

  it.each<[string, string, number[]]>([
    ['a task link', '<a href="https://run.reply.io/tasks/5">t</a>', [5]],
    ['a hash route', '<a href="https://run.reply.io/Dashboard/Material#/task/8/edit">t</a>', [8]],
    ['upper case', '<a href="https://RUN.REPLY.IO/TASKS/13">t</a>', [13]],
    ['an attribute', '<span data-reply-task-id="42"></span>', [42]],
    ['a lookalike host', '<a href="https://reply.io.evil.example/tasks/5">t</a>', []],
    [
      'reply.io only in the query',
      '<a href="https://example.com/?u=run.reply.io/tasks/5">t</a>',
      [],
    ],
    ['a reply.io page that names no task', '<a href="https://run.reply.io/people/5">t</a>', []],
    ['a broken href', '<a href="https://run.reply.io:99999/tasks/5">t</a>', []],
    ['zero', '<span data-reply-task-id="0"></span>', []],
    ['negative', '<span data-reply-task-id="-3"></span>', []],
    ['a fraction', '<span data-reply-task-id="2.5"></span>', []],
    ['an exponent', '<span data-reply-task-id="1e3"></span>', []],
    ['hex', '<span data-reply-task-id="0x1F"></span>', []],
    ['too large', '<span data-reply-task-id="9999999999999999"></span>', []],
    ['no page at all', '', []],
  ])('%s', (_, html, ids) => {
    expect(findTaskReferences(parse(html))).toEqual(ids);
  });

  it(`stops after ${MAX_TASK_REFERENCES} tasks`, () => {
    const links = Array.from(
      { length: 80 },
      (_, index) => `<a href="https://run.reply.io/tasks/${index + 1}">t</a>`,
    ).join('');
    const ids = findTaskReferences(parse(links));
    expect(ids).toHaveLength(MAX_TASK_REFERENCES);
    expect(ids[0]).toBe(1);
    expect(ids.at(-1)).toBe(MAX_TASK_REFERENCES);
  });
});

describe('firstTaskReference', () => {
  it('is the first of the references, or null when there is none', () => {
    expect(firstTaskReference(loadSite('reply-task-references.html'))).toBe(101);
    expect(
      firstTaskReference(parse('<span data-reply-task-id="0"></span><a href="/tasks/3">t</a>')),
    ).toBeNull();
    expect(
      firstTaskReference(
        parse('<a href="https://run.reply.io/tasks/9">t</a><i data-reply-task-id="4"></i>'),
      ),
    ).toBe(9);
  });
});
