import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReplyService } from '@/utils/background/service';
import { replacementBody, snoozeChoices, snoozedTimes } from '@/utils/reply/snooze';

describe('snooze times', () => {
  it('offers an hour from now and tomorrow at 9:00 local, at any hour (23:30 too)', () => {
    for (const [hours, minutes] of [
      [0, 5],
      [8, 59],
      [9, 0],
      [23, 30],
    ]) {
      const now = new Date(2026, 11, 31, hours, minutes).getTime();
      const { inAnHour, tomorrow } = snoozeChoices(now);
      expect(inAnHour - now).toBe(3_600_000);
      const morning = new Date(tomorrow);
      expect([morning.getFullYear(), morning.getMonth(), morning.getDate()]).toEqual([2027, 0, 1]);
      expect([morning.getHours(), morning.getMinutes()]).toEqual([9, 0]);
    }
  });

  it('starts the task then and keeps its span; an hour when Reply gave none', () => {
    const until = Date.parse('2026-12-02T09:00:00Z');
    const task = { startAt: '2026-12-01T10:00:00Z', dueTo: '2026-12-01T13:00:00Z' };
    expect(snoozedTimes(task, until)).toEqual({
      startAt: '2026-12-02T09:00:00.000Z',
      dueTo: '2026-12-02T12:00:00.000Z',
    });
    for (const odd of [
      { startAt: null, dueTo: '2026-12-01T13:00:00Z' },
      { startAt: '2026-12-01T13:00:00Z', dueTo: '2026-12-01T13:00:00Z' },
      { startAt: 'soon', dueTo: 'later' },
    ]) {
      expect(snoozedTimes(odd, until).dueTo).toBe('2026-12-02T10:00:00.000Z');
    }
  });

  it('sends the task back as read but for its times, without what Reply computes', () => {
    const raw = {
      id: 108,
      taskType: 'linkedIn',
      linkedInTaskType: 'connect',
      status: 'new',
      contactId: 4,
      sequenceId: 11,
      sequenceStepId: 1104,
      sequenceStepDisplayName: 'Step 4 - LinkedIn',
      assignedUserId: 1001,
      createdAt: 'x',
      startAt: 'old',
      dueTo: 'old',
      finishedAt: null,
      isFailed: false,
      template: { subject: null, body: 'Hi', attachmentIdList: [] },
      content: null,
      deliveryInfo: { linkedInUrl: 'https://www.linkedin.com/in/li-wei' },
      someFieldReplyAdds: { kept: true },
    };
    expect(replacementBody(raw, { startAt: 'new-start', dueTo: 'new-due' })).toEqual({
      taskType: 'linkedIn',
      linkedInTaskType: 'connect',
      contactId: 4,
      sequenceId: 11,
      sequenceStepId: 1104,
      assignedUserId: 1001,
      template: raw.template,
      someFieldReplyAdds: { kept: true },
      startAt: 'new-start',
      dueTo: 'new-due',
    });
    expect(
      replacementBody({ ...raw, template: null }, { startAt: 'a', dueTo: 'b' }).template,
    ).toEqual({ body: '' });
  });
});

describe('snoozing through the background', () => {
  beforeEach(() => fakeBrowser.reset());

  function reply(status: number | string) {
    const puts: unknown[] = [];
    const task = {
      id: 104,
      taskType: 2,
      status,
      contactId: 2,
      startAt: '2026-12-01T10:00:00Z',
      dueTo: '2026-12-01T13:00:00Z',
      template: { subject: null, body: 'Ask about the budget.' },
    };
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(input, init);
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
      const path = new URL(req.url).pathname;
      if (path === '/v3/whoami') return json({ userId: 1 });
      if (path === '/v3/tasks/filter') return json({ items: [], hasMore: false });
      if (req.method === 'PUT') {
        const body = await req.json();
        puts.push(body);
        return json({ ...task, ...body });
      }
      return json(task);
    }) as typeof globalThis.fetch;
    return { fetch, puts };
  }

  it('reads the task, then PUTs it with the new times and nothing else changed', async () => {
    const { fetch, puts } = reply(0);
    let dueChanges = 0;
    const service = createReplyService({ fetch, onDueChange: () => dueChanges++ });
    await service.connection.saveKey('key');
    const before = dueChanges;
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const moved = await service.reschedule.snooze(104, until);
    expect(puts).toEqual([
      {
        taskType: 2,
        contactId: 2,
        template: { subject: null, body: 'Ask about the budget.' },
        startAt: until,
        dueTo: new Date(Date.parse(until) + 3 * 3_600_000).toISOString(),
      },
    ]);
    expect(moved.startAt).toBe(until);
    expect(dueChanges).toBe(before + 1);
  });

  it('refuses a task no longer New, and a time in the past, changing nothing', async () => {
    const { fetch, puts } = reply('finished');
    const service = createReplyService({ fetch });
    await service.connection.saveKey('key');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const refused = await service.reschedule.snooze(104, tomorrow).catch((e) => e.toFailure());
    expect(refused.message).toMatch(/no longer New.*can’t be snoozed/);
    const past = await service.reschedule
      .snooze(104, new Date(Date.now() - 3_600_000).toISOString())
      .catch((e) => e.toFailure());
    expect(past.message).toMatch(/later than now/);
    expect(puts).toEqual([]);
  });
});
