import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReplyService } from '@/utils/background/service';
import {
  apiKeyItem,
  connectionItem,
  DEFAULT_SETTINGS,
  executionsItem,
  settingsItem,
} from '@/utils/storage';

const TASK = {
  id: 102,
  taskType: 'manualEmail',
  status: 'new',
  sequenceId: null,
  creationSource: 'user',
  content: { subject: 'S', body: 'B' },
};

const CONTACTS = [
  { id: 7, firstName: 'Mary', lastName: 'Jane', email: 'mary.jane@other.example', phone: '' },
  { id: 1, firstName: 'Jane', lastName: 'Doe', email: 'jd@acme.example', phone: '+1 555 0100' },
];

/** A Reply that accepts only `Authorization: Bearer good-key`, recording what it got. */
function bearerOnlyReply(
  dueItems: unknown[] = [
    { id: 102, taskType: 7, status: 0, contact: { id: 1, fullName: 'Jane Doe' } },
  ],
  stepNames: Record<number, string> = {},
) {
  const calls: Request[] = [];
  let executeGate: Promise<void> = Promise.resolve();
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    calls.push(req);
    if (req.headers.get('authorization') !== 'Bearer good-key')
      return new Response(null, { status: 401 });
    const path = new URL(req.url).pathname;
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (path === '/v3/whoami') return json({ userId: 1001, username: 'rep@example.com' });
    if (path === '/v3/email-accounts') return json({ items: [{ id: 1, email: 'a@x.com' }] });
    if (path === '/v3/contacts/filter') {
      // As Reply searches: by containment, anything else in the body ignored.
      const { searchTerm } = JSON.parse(await req.text());
      const found = CONTACTS.filter((c) =>
        [c.email, c.phone].some((v) => v.toLowerCase().includes(searchTerm.toLowerCase())),
      );
      return json({ items: found, hasMore: false });
    }
    if (path === '/v3/tasks/filter') {
      return json({ items: dueItems, hasMore: false });
    }
    if (path.endsWith('/execute')) {
      await executeGate;
      return json({ ...TASK, status: 'finished' });
    }
    const id = Number(path.split('/').at(-1));
    return json({ ...TASK, id, sequenceStepDisplayName: stepNames[id] ?? null });
  }) as typeof globalThis.fetch;
  return {
    fetch,
    calls,
    holdExecutes() {
      let release = () => {};
      executeGate = new Promise((r) => {
        release = r;
      });
      return release;
    },
  };
}

describe('background service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('checks a key, remembers the header Reply accepted, and never hands the key out', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    const view = await service.connection.saveKey('good-key');
    expect(view).toEqual({
      connected: true,
      userId: 1001,
      username: 'rep@example.com',
      keyHint: '-key',
      teams: [],
      team: null,
    });
    expect(JSON.stringify(view)).not.toContain('good-key');
    expect(await connectionItem.getValue()).toMatchObject({ authScheme: 'bearer' });

    await service.tasks.load(102);
    expect(reply.calls.at(-1)?.headers.get('authorization')).toBe('Bearer good-key');
    expect(reply.calls.at(-1)?.headers.get('x-api-key')).toBeNull();
  });

  it('keeps nothing when the key is rejected', async () => {
    const service = createReplyService({ fetch: bearerOnlyReply().fetch });
    await expect(service.connection.saveKey('bad-key')).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(await apiKeyItem.getValue()).toBeNull();
    expect(await service.connection.view()).toEqual({ connected: false });
  });

  it('asks for a key before talking to Reply', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    await expect(service.tasks.load(1)).rejects.toMatchObject({ kind: 'not-connected' });
    expect(reply.calls).toHaveLength(0);
  });

  it('loads accounts only for one-off emails', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    await service.connection.saveKey('good-key');
    const loaded = await service.tasks.load(102);
    expect(loaded.emailAccounts).toEqual([
      { id: 1, email: 'a@x.com', senderName: null, isDefault: false },
    ]);
    // The next one-off email's panel reuses them instead of asking after its task again.
    const asked = () => reply.calls.filter((call) => call.url.includes('email-accounts')).length;
    expect(asked()).toBe(1);
    expect((await service.tasks.load(102)).emailAccounts).toEqual(loaded.emailAccounts);
    expect(asked()).toBe(1);
  });

  it('joins a second execute of the same task instead of sending again', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    await service.connection.saveKey('good-key');
    const release = reply.holdExecutes();
    const first = service.execution.executeFromView({ taskId: 102 });
    const second = service.execution.executeFromView({ taskId: 102, content: { body: 'other' } });
    release();
    expect(await first).toEqual(await second);
    expect(reply.calls.filter((c) => c.url.endsWith('/execute'))).toHaveLength(1);
  });

  it('removes the key', async () => {
    const service = createReplyService({ fetch: bearerOnlyReply().fetch });
    await service.connection.saveKey('good-key');
    expect(await service.connection.removeKey()).toEqual({ connected: false });
    expect(await apiKeyItem.getValue()).toBeNull();
  });

  it('finds a CRM person by email, then phone, and keeps the answer for a while', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    await service.connection.saveKey('good-key');
    const person = { emails: ['jane@other.example'], phones: ['+1 555 0100'] };
    const found = await service.people.find(person);
    // mary.jane@other.example contains the address, but isn't it: the phone finds Jane.
    expect(found).toMatchObject({ contacts: [{ id: 1, name: 'Jane Doe', tasks: [{ id: 102 }] }] });
    expect(found.contacts).toHaveLength(1);
    const lookups = () =>
      reply.calls.filter((c) => new URL(c.url).pathname === '/v3/contacts/filter').length;
    expect(lookups()).toBe(2);
    await service.people.find({ ...person, emails: [...person.emails] });
    expect(lookups()).toBe(2);
    await service.execution.executeFromView({ taskId: 102 });
    await service.people.find(person);
    expect(lookups()).toBe(4);
  });

  it('uses only the forced header when the rep chose one', async () => {
    const reply = bearerOnlyReply();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, authHeader: 'x-api-key' });
    const service = createReplyService({ fetch: reply.fetch });
    await expect(service.connection.saveKey('good-key')).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(reply.calls.map((c) => c.headers.get('authorization'))).toEqual([null]);
  });

  it('preselects the rep’s default account for one-off emails', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    await service.connection.saveKey('good-key');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, defaultEmailAccountId: 1 });
    expect((await service.tasks.load(102)).defaultEmailAccountId).toBe(1);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, defaultEmailAccountId: 99 });
    expect((await service.tasks.load(102)).defaultEmailAccountId).toBeNull();
  });

  it('names each task’s sequence step, reading one task per step and keeping the name', async () => {
    const summary = (id: number, sequenceStepId: number | null, dueTo: string) => ({
      id,
      taskType: 7,
      status: 0,
      sequenceStepId,
      dueTo,
    });
    const reply = bearerOnlyReply(
      [
        summary(201, 1102, '2026-11-28T08:00:00Z'),
        summary(202, 1102, '2026-11-28T09:00:00Z'),
        summary(203, 1203, '2026-11-28T10:00:00Z'),
        summary(204, null, '2026-11-28T11:00:00Z'),
      ],
      { 201: 'Step 2 - Email', 202: 'Step 2 - Email', 203: 'Step 3 - SMS' },
    );
    const service = createReplyService({ fetch: reply.fetch });
    await service.connection.saveKey('good-key');
    const reads = () =>
      reply.calls.filter((c) => /\/v3\/tasks\/\d+$/.test(new URL(c.url).pathname)).length;

    const due = await service.tasks.due();
    expect(due.map((t) => [t.id, t.sequenceStepDisplayName])).toEqual([
      [204, null],
      [203, 'Step 3 - SMS'],
      [202, 'Step 2 - Email'],
      [201, 'Step 2 - Email'],
    ]);
    expect(reads()).toBe(2);
    await service.tasks.due();
    expect(reads()).toBe(2);
  });

  it('tells the rep about a send whose view closed before it settled, and only that one', async () => {
    const reply = bearerOnlyReply();
    const unwatched: unknown[] = [];
    const service = createReplyService({
      fetch: reply.fetch,
      onUnwatched: (item) => unwatched.push(item),
    });
    await service.connection.saveKey('good-key');

    const stillOpen = service.execution.watch(102);
    await service.execution.executeFromView({ taskId: 102 });
    stillOpen();
    expect(unwatched).toEqual([]);

    // The first send's record is written behind its answer; forget it once it has landed.
    expect(await service.execution.executor.known(102)).toBe('sent');
    await executionsItem.setValue({});
    const release = reply.holdExecutes();
    const closing = service.execution.watch(102);
    const sending = service.execution.executeFromView({ taskId: 102 });
    closing();
    closing();
    release();
    await sending;
    expect(unwatched).toEqual([{ taskId: 102, contact: null, state: 'sent', reason: null }]);
  });
});

describe('background service: the cached connection', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the key, connection, settings and team once, and again only after one changes', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    await service.connection.saveKey('good-key');
    const first = await service.connection.client();
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await service.connection.client()).toBe(first);
    await service.connection.settings();
    expect(reads).not.toHaveBeenCalled();

    // A change made elsewhere (another context, a migration) reaches the cache by its watch.
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, authHeader: 'x-api-key' });
    await new Promise((r) => setTimeout(r, 0));
    const after = await service.connection.client();
    expect(after).not.toBe(first);
    expect(reads).toHaveBeenCalled();
    await expect(after.whoami()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(reply.calls.at(-1)?.headers.get('x-api-key')).toBe('good-key');
    expect(reply.calls.at(-1)?.headers.get('authorization')).toBeNull();
  });

  it('drops the cached client with the key', async () => {
    const reply = bearerOnlyReply();
    const service = createReplyService({ fetch: reply.fetch });
    await service.connection.saveKey('good-key');
    await service.connection.client();
    await service.connection.removeKey();
    await expect(service.connection.client()).rejects.toMatchObject({ kind: 'not-connected' });
  });
});
