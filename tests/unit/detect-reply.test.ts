import { describe, expect, it } from 'vitest';
import { taskIdFromUrl } from '@/utils/detect/reply';

/**
 * Reply's web app URLs as ../shared/reply-api.md ("Reply's web app") gives them: run.reply.io
 * with its older hash routes (`/Dashboard/Material#/...`, capitals included) and app.reply.io,
 * a task named by path, hash or query since Reply documents no task page URL. Case is not
 * significant anywhere in them (the detector lower-cases the URL rather than matching
 * case-insensitively).
 */
describe('taskIdFromUrl', () => {
  it.each([
    ['https://run.reply.io/tasks/101', 101],
    ['https://run.reply.io/tasks/101/', 101],
    ['https://app.reply.io/task/42?tab=preview', 42],
    ['https://run.reply.io/Dashboard/Material#/tasks/7', 7],
    ['https://run.reply.io/Dashboard/Material#!/task/8/edit', 8],
    ['https://run.reply.io/Dashboard/Material#/tasks?taskId=9', 9],
    ['https://run.reply.io/Dashboard/Material?taskId=10', 10],
    ['https://run.reply.io/inbox?foo=1&taskId=11&bar=2', 11],
    ['https://app.reply.io/people/5/tasks/12', 12],
    ['https://RUN.REPLY.IO/TASKS/13', 13],
    ['https://run.reply.io/Dashboard/Material#/Tasks/15', 15],
    ['https://run.reply.io/Dashboard/Material?TaskID=16', 16],
    ['https://run.reply.io/Dashboard/Material#/tasks?TASKID=17', 17],
    ['https://reply.io/tasks/14', 14],
  ])('%s names task %i', (url, id) => {
    expect(taskIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://run.reply.io/',
    'https://run.reply.io/tasks',
    'https://run.reply.io/tasks/',
    'https://run.reply.io/tasks/abc',
    'https://run.reply.io/tasks/12abc',
    'https://run.reply.io/tasks/0',
    'https://run.reply.io/mytasks/5',
    'https://run.reply.io/Dashboard/Material#/sequences/5',
    'https://run.reply.io/?mytaskId=5',
    'https://run.reply.io/?taskId=',
    'https://run.reply.io/tasks/99999999999999999999',
    'https://example.com/tasks/5',
    'https://reply.io.evil.example/tasks/5',
    'https://notreply.io/tasks/5',
    'not a url',
  ])('%s names no task', (url) => {
    expect(taskIdFromUrl(url)).toBeNull();
  });

  it('reads a Location-like object', () => {
    expect(
      taskIdFromUrl({ hostname: 'run.reply.io', pathname: '/', search: '', hash: '#/task/77' }),
    ).toBe(77);
  });
});
