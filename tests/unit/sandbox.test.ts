// @vitest-environment node
// The Reply sandbox itself: the end-to-end tests rely on it behaving like Reply's API v3.

import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_API_KEY,
  SANDBOX_OTHER_API_KEY,
  SANDBOX_TEAMS_API_KEY,
  type Sandbox,
  type SandboxOptions,
  sandboxCertificate,
  startSandbox,
} from '../sandbox/server';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON
  json: any;
}

interface CallOptions {
  key?: string;
  via?: 'x-api-key' | 'bearer';
  body?: unknown;
  /** Sent as is instead of JSON-encoding `body`. */
  rawBody?: string;
  host?: string;
  /** X-TEAM-ID */
  team?: string;
}

/** One HTTPS request to the sandbox, verifying its certificate against the sandbox CA. */
function call(sandbox: Sandbox, method: string, path: string, opts: CallOptions = {}) {
  const { key = SANDBOX_API_KEY, via = 'x-api-key', host = 'api.reply.io' } = opts;
  const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const headers: Record<string, string> = { Host: host };
  if (key)
    headers[via === 'x-api-key' ? 'X-API-Key' : 'Authorization'] =
      via === 'bearer' ? `Bearer ${key}` : key;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.team !== undefined) headers['X-TEAM-ID'] = opts.team;
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        method,
        path,
        headers,
        servername: host,
        ca: sandboxCertificate().ca,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const isJson = /json/.test(res.headers['content-type'] ?? '');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: isJson ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('Reply sandbox', () => {
  let sandbox: Sandbox;
  const extra: Sandbox[] = [];
  const start = async (opts: SandboxOptions) => {
    const started = await startSandbox(opts);
    extra.push(started);
    return started;
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(async () => {
    await Promise.all([sandbox, ...extra].map((s) => s.close()));
  });

  describe('authentication', () => {
    it.each([
      ['x-api-key', { 'x-api-key': 200, bearer: 401 }],
      ['bearer', { 'x-api-key': 401, bearer: 200 }],
      ['either', { 'x-api-key': 200, bearer: 200 }],
    ] as const)('accepts the headers auth mode %s allows', async (auth, expected) => {
      const server = auth === 'either' ? sandbox : await start({ auth });
      for (const via of ['x-api-key', 'bearer'] as const) {
        const answer = await call(server, 'GET', '/v3/whoami', { via });
        expect(answer.status, via).toBe(expected[via]);
        if (answer.status === 200) {
          expect(answer.json).toEqual({ userId: 1001, username: 'demo.rep@example.com' });
        }
      }
    });

    it('knows a second user', async () => {
      const answer = await call(sandbox, 'GET', '/v3/whoami', { key: SANDBOX_OTHER_API_KEY });
      expect(answer.json.userId).toBe(2002);
    });

    it('answers a bad or missing key with an empty 401 and WWW-Authenticate, and records it', async () => {
      for (const key of ['wrong-key', '']) {
        const answer = await call(sandbox, 'GET', '/v3/whoami', { key });
        expect(answer.status).toBe(401);
        expect(answer.text).toBe('');
        expect(answer.headers['www-authenticate']).toBe('Bearer');
      }
      expect(sandbox.requests.map((r) => r.path)).toEqual(['/v3/whoami', '/v3/whoami']);
      expect(sandbox.requests[0]?.headers['x-api-key']).toBe('wrong-key');
    });
  });

  describe('GET /v3/tasks/{id}', () => {
    it('leaves content null unless includeContent=true, then renders the template', async () => {
      const plain = await call(sandbox, 'GET', '/v3/tasks/101');
      expect(plain.json).toMatchObject({
        id: 101,
        taskType: 7,
        status: 0,
        creationSource: 1,
        sequenceStepDisplayName: 'Step 2 - Email',
        template: { subject: 'Quick question, {{firstName}}' },
        content: null,
        deliveryInfo: { email: 'jane.doe@example.com' },
      });
      const rendered = await call(sandbox, 'GET', '/v3/tasks/101?includeContent=true');
      expect(rendered.json.content.subject).toBe('Quick question, Jane');
      expect(rendered.json.content.body).toContain('<p>Hi Jane,</p><p>I noticed Acme');
    });

    it('leaves unknown placeholders as they are', async () => {
      const answer = await call(sandbox, 'GET', '/v3/tasks/204?includeContent=true');
      expect(answer.json.content.body).toContain('{{calendarLink}}');
      expect(answer.json.content.body).not.toContain('{{firstName}}');
    });

    it('answers 404 for an unknown task and 403 for another user’s task', async () => {
      const missing = await call(sandbox, 'GET', '/v3/tasks/999');
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toBe('application/problem+json');
      expect(missing.json).toMatchObject({ status: 404, title: 'Not Found' });
      expect((await call(sandbox, 'GET', '/v3/tasks/109')).status).toBe(403);
      const own = await call(sandbox, 'GET', '/v3/tasks/109', { key: SANDBOX_OTHER_API_KEY });
      expect(own.status).toBe(200);
    });

    it('sends enums as camelCase names when asked', async () => {
      const server = await start({ enumForm: 'string' });
      const email = await call(server, 'GET', '/v3/tasks/101');
      expect(email.json).toMatchObject({
        taskType: 'manualEmail',
        status: 'new',
        creationSource: 'sequence',
        linkedInTaskType: null,
      });
      const linkedIn = await call(server, 'GET', '/v3/tasks/108');
      expect(linkedIn.json).toMatchObject({ taskType: 'linkedIn', linkedInTaskType: 'connect' });
      const list = await call(server, 'POST', '/v3/tasks/filter', { body: { taskType: 8 } });
      expect(new Set(list.json.items.map((t: { taskType: string }) => t.taskType))).toEqual(
        new Set(['sms']),
      );
    });
  });

  describe('POST /v3/tasks/{id}/execute', () => {
    it('sends a sequence email once, finishes the task and refuses a second execute', async () => {
      const answer = await call(sandbox, 'POST', '/v3/tasks/101/execute', { body: {} });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ id: 101, status: 1, isFailed: false });
      expect(answer.json.content.subject).toBe('Quick question, Jane');
      expect(sandbox.sent).toEqual([
        expect.objectContaining({
          taskId: 101,
          subject: 'Quick question, Jane',
          to: 'jane.doe@example.com',
          emailAccountId: null, // the sequence picks the account
        }),
      ]);
      expect(sandbox.task(101)).toMatchObject({
        status: 1,
        template: { subject: 'Quick question, Jane' },
      });
      expect(sandbox.task(101)).toHaveProperty('finishedAt', expect.any(String));

      const again = await call(sandbox, 'POST', '/v3/tasks/101/execute', { body: {} });
      expect(again.status).toBe(400);
      expect(again.json.detail).toBe('Task is already finished.');
      expect(sandbox.sent).toHaveLength(1);
      expect(sandbox.executeCalls(101)).toHaveLength(2);
    });

    it('sends edited content of a one-off email from the chosen or default account', async () => {
      const content = { subject: 'Edited', body: '<p>Edited body</p>' };
      await call(sandbox, 'POST', '/v3/tasks/102/execute', {
        body: { content, emailAccountId: 2 },
      });
      await call(sandbox, 'POST', '/v3/tasks/201/execute', { body: { emailAccountId: null } });
      expect(
        sandbox.sent.map(({ taskId, subject, body, emailAccountId }) => ({
          taskId,
          subject,
          body,
          emailAccountId,
        })),
      ).toEqual([
        { taskId: 102, ...content, emailAccountId: 2 },
        {
          taskId: 201,
          subject: 'Jane, a quick idea for Acme',
          body: expect.any(String),
          emailAccountId: 1,
        },
      ]);
      const foreign = await call(sandbox, 'POST', '/v3/tasks/205/execute', {
        body: { emailAccountId: 3 },
      });
      expect(foreign.status).toBe(400);
      expect(foreign.json.errors).toEqual([
        { field: 'emailAccountId', message: expect.any(String) },
      ]);
    });

    it('sends an SMS to the phone number with no subject', async () => {
      await call(sandbox, 'POST', '/v3/tasks/103/execute', {
        body: { content: { subject: 'x', body: 'Hi' } },
      });
      expect(sandbox.sent).toEqual([
        expect.objectContaining({
          taskId: 103,
          subject: null,
          body: 'Hi',
          to: '+1 555 0100',
          emailAccountId: null,
        }),
      ]);
    });

    it('marks a bounced email as failed', async () => {
      const answer = await call(sandbox, 'POST', '/v3/tasks/107/execute', { body: {} });
      expect(answer.json).toMatchObject({ status: 1, isFailed: true });
      expect(sandbox.sent).toHaveLength(1);
    });

    it('refuses other task types, finished tasks and malformed bodies without sending', async () => {
      const callTask = await call(sandbox, 'POST', '/v3/tasks/104/execute', { body: {} });
      expect(callTask.status).toBe(400);
      expect(callTask.json.detail).toMatch(/Only ManualEmail and Sms tasks can be executed/);
      const finished = await call(sandbox, 'POST', '/v3/tasks/105/execute', { body: {} });
      expect(finished.json.detail).toBe('Task is already finished.');
      const badBody = await call(sandbox, 'POST', '/v3/tasks/102/execute', {
        body: { content: { body: 42 }, emailAccountId: 'one' },
      });
      expect(badBody.json.errors.map((e: { field: string }) => e.field)).toEqual([
        'content.body',
        'emailAccountId',
      ]);
      const notJson = await call(sandbox, 'POST', '/v3/tasks/102/execute', { rawBody: '{oops' });
      expect(notJson.status).toBe(400);
      expect(sandbox.requests.at(-1)?.body).toBe('{oops');
      expect(sandbox.sent).toEqual([]);
      expect(sandbox.task(102)).toMatchObject({ status: 0 });
    });
  });

  describe('POST /v3/tasks/{id}/complete', () => {
    it('completes any task type without sending, and records the body', async () => {
      const call104 = await call(sandbox, 'POST', '/v3/tasks/104/complete', {
        body: { callResolution: 2, finishProspectInSequence: true },
      });
      expect(call104.json).toMatchObject({ id: 104, status: 1, content: null });
      const linkedIn = await call(sandbox, 'POST', '/v3/tasks/108/complete');
      expect(linkedIn.status).toBe(200);
      expect(sandbox.sent).toEqual([]);
      expect(sandbox.completed).toEqual([
        { taskId: 104, callResolution: 2, finishProspectInSequence: true, at: expect.any(Number) },
        {
          taskId: 108,
          callResolution: null,
          finishProspectInSequence: false,
          at: expect.any(Number),
        },
      ]);
    });

    it('reads a call outcome by name as the newer docs send it', async () => {
      const answer = await call(sandbox, 'POST', '/v3/tasks/104/complete', {
        body: { callResolution: 'ToCall' },
      });
      expect(answer.status).toBe(200);
      expect(sandbox.completed[0]?.callResolution).toBe(1);
    });

    it('completes New tasks only, once', async () => {
      expect((await call(sandbox, 'POST', '/v3/tasks/104/complete')).status).toBe(200);
      const again = await call(sandbox, 'POST', '/v3/tasks/104/complete');
      expect(again.status).toBe(400);
      expect(again.json.detail).toBe('Task is already finished.');
      expect((await call(sandbox, 'POST', '/v3/tasks/105/complete')).status).toBe(400);
      expect(sandbox.completed.map((c) => c.taskId)).toEqual([104]);
    });

    it('refuses a call outcome on a task that is not a call, and an unknown outcome', async () => {
      const onLinkedIn = await call(sandbox, 'POST', '/v3/tasks/108/complete', {
        body: { callResolution: 0 },
      });
      expect(onLinkedIn.status).toBe(400);
      expect(onLinkedIn.json.detail).toBe('callResolution applies to Call tasks only.');
      const unknown = await call(sandbox, 'POST', '/v3/tasks/104/complete', {
        body: { callResolution: 'connected' },
      });
      expect(unknown.status).toBe(400);
      const notBoolean = await call(sandbox, 'POST', '/v3/tasks/104/complete', {
        body: { finishProspectInSequence: 'yes' },
      });
      expect(notBoolean.status).toBe(400);
      expect(sandbox.completed).toEqual([]);
      expect(sandbox.task(104)).toMatchObject({ status: 0 });
      expect(sandbox.task(108)).toMatchObject({ status: 0 });
    });
  });

  describe('POST /v3/tasks/batch/complete', () => {
    it('completes every New id, answers {} and records the body', async () => {
      const answer = await call(sandbox, 'POST', '/v3/tasks/batch/complete', {
        body: { ids: [104, 108] },
      });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({});
      expect(sandbox.batchCompletions).toEqual([
        { body: { ids: [104, 108] }, completed: [104, 108], failed: {}, at: expect.any(Number) },
      ]);
      expect(sandbox.completed.map((c) => [c.taskId, c.batch])).toEqual([
        [104, true],
        [108, true],
      ]);
      expect(sandbox.task(104)).toMatchObject({ status: 1 });
      expect(sandbox.sent).toEqual([]);
    });

    it('keys each failure by task id, with its code, and completes the rest', async () => {
      sandbox.setStatusElsewhere(108, 'finished');
      const answer = await call(sandbox, 'POST', '/v3/tasks/batch/complete', {
        body: { ids: [104, 108, 999, 109] },
      });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        108: { code: 7, message: expect.stringContaining('only new tasks') },
        999: { code: 1, message: 'Task 999 was not found.' },
        // Another user's task is not found for this key.
        109: { code: 1, message: 'Task 109 was not found.' },
      });
      expect(sandbox.completed.map((c) => c.taskId)).toEqual([104]);
      expect(sandbox.batchCompletions[0]?.failed).toEqual({ 108: 7, 999: 1, 109: 1 });
    });

    it('names the codes in the string enum form', async () => {
      const server = await start({ enumForm: 'string' });
      const answer = await call(server, 'POST', '/v3/tasks/batch/complete', {
        body: { ids: [999] },
      });
      expect(answer.json).toEqual({ 999: { code: 'notFound', message: expect.any(String) } });
    });

    it('refuses no ids, more than 100, and ids that are not integers, completing nothing', async () => {
      for (const body of [
        {},
        { ids: [] },
        { ids: Array.from({ length: 101 }, (_, i) => 201 + i) },
        { ids: ['104'] },
      ]) {
        const answer = await call(sandbox, 'POST', '/v3/tasks/batch/complete', { body });
        expect(answer.status).toBe(400);
        expect(answer.json.errors?.[0]?.field).toBe('ids');
      }
      expect(sandbox.completed).toEqual([]);
      expect(sandbox.batchCompletions).toEqual([]);
    });
  });

  describe('PUT /v3/tasks/{id}', () => {
    const moved = (task: Record<string, unknown>, startAt: string, dueTo: string) => ({
      taskType: task.taskType,
      contactId: task.contactId,
      linkedInTaskType: task.linkedInTaskType,
      template: task.template,
      startAt,
      dueTo,
    });
    const tomorrow = (hours: number) =>
      new Date(Date.now() + (24 + hours) * 3_600_000).toISOString();

    it('replaces a New task’s times, records the body, and leaves the rest as it was', async () => {
      const before = (await call(sandbox, 'GET', '/v3/tasks/108')).json;
      const body = moved(before, tomorrow(0), tomorrow(3));
      const answer = await call(sandbox, 'PUT', '/v3/tasks/108', { body });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ id: 108, startAt: body.startAt, dueTo: body.dueTo });
      const after = (await call(sandbox, 'GET', '/v3/tasks/108')).json;
      expect({ ...after, startAt: before.startAt, dueTo: before.dueTo }).toEqual(before);
      expect(sandbox.replacements).toEqual([
        { taskId: 108, body, before: expect.objectContaining({ id: 108 }), at: expect.any(Number) },
      ]);
    });

    it('refuses a dueTo not after startAt, missing required fields, and a sequence task’s new contact', async () => {
      const task = (await call(sandbox, 'GET', '/v3/tasks/108')).json;
      // One instant for both: two calls of tomorrow() can fall a millisecond apart.
      const sameTime = tomorrow(3);
      const refusals: Array<[unknown, string]> = [
        [moved(task, sameTime, sameTime), 'dueTo'],
        [{ ...moved(task, tomorrow(0), tomorrow(1)), template: undefined }, 'template'],
        [{ ...moved(task, tomorrow(0), tomorrow(1)), taskType: undefined }, 'taskType'],
        [{ ...moved(task, tomorrow(0), tomorrow(1)), startAt: undefined }, 'startAt'],
        [{ ...moved(task, tomorrow(0), tomorrow(1)), contactId: 1 }, 'contactId'],
        [{ ...moved(task, tomorrow(0), tomorrow(1)), taskType: 0 }, 'taskType'],
      ];
      for (const [body, field] of refusals) {
        const answer = await call(sandbox, 'PUT', '/v3/tasks/108', { body });
        expect(answer.status, field).toBe(400);
        expect(answer.json.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(sandbox.replacements).toEqual([]);
      expect(sandbox.task(108)?.startAt).toBe(task.startAt);
    });

    it('changes New tasks only', async () => {
      const task = (await call(sandbox, 'GET', '/v3/tasks/105')).json;
      const answer = await call(sandbox, 'PUT', '/v3/tasks/105', {
        body: moved(task, tomorrow(0), tomorrow(1)),
      });
      expect(answer.status).toBe(400);
      expect(answer.json.detail).toMatch(/only new tasks/);
      expect(sandbox.replacements).toEqual([]);
    });
  });

  describe('POST /v3/tasks/filter', () => {
    it('pages through the user’s own tasks', async () => {
      const first = await call(sandbox, 'POST', '/v3/tasks/filter?top=5', { body: {} });
      expect(first.json.items).toHaveLength(5);
      expect(first.json.hasMore).toBe(true);
      expect(Object.keys(first.json.items[0]).sort()).toEqual([
        'assignedUserId',
        'contact',
        'dueTo',
        'finishedAt',
        'id',
        'isScheduled',
        'linkedInTaskType',
        'sequenceId',
        'sequenceStepId',
        'startAt',
        'status',
        'taskType',
      ]);
      const all = await call(sandbox, 'POST', '/v3/tasks/filter?top=1000', { body: {} });
      expect(all.json.hasMore).toBe(false);
      const ids = all.json.items.map((t: { id: number }) => t.id);
      expect(ids).toHaveLength(52);
      expect(ids).not.toContain(109);
      const last = await call(sandbox, 'POST', '/v3/tasks/filter?top=5&skip=47', { body: {} });
      expect(last.json.items.map((t: { id: number }) => t.id)).toEqual(ids.slice(47));
      expect((await call(sandbox, 'POST', '/v3/tasks/filter?top=1001', { body: {} })).status).toBe(
        400,
      );
    });

    it('filters by type and status in either enum form, and by overdue', async () => {
      const body = { taskType: ['manualEmail', 8], status: 'new', overdue: true };
      const answer = await call(sandbox, 'POST', '/v3/tasks/filter?top=100', { body });
      const ids = answer.json.items.map((t: { id: number }) => t.id);
      expect(ids).toEqual([102, 111, 110, 201, 202, 203, 204, 205, 206, 207, 208]);
      const bad = await call(sandbox, 'POST', '/v3/tasks/filter', { body: { taskType: 'fax' } });
      expect(bad.json.errors[0].field).toBe('taskType');
    });
  });

  it('lists email accounts in the paged and the older array form', async () => {
    const paged = await call(sandbox, 'GET', '/v3/email-accounts?my=true');
    expect(paged.json).toEqual({
      items: [
        {
          id: 1,
          email: 'demo.rep@example.com',
          senderName: 'Demo Rep',
          isDefault: true,
          connectionStatus: 'connected',
        },
        {
          id: 2,
          email: 'sales@example.com',
          senderName: 'Example Sales',
          isDefault: false,
          connectionStatus: 'connected',
        },
      ],
      hasMore: false,
    });
    const server = await start({ emailAccountsForm: 'array' });
    const array = await call(server, 'GET', '/v3/email-accounts');
    expect(array.json).toEqual([
      {
        id: 1,
        senderName: 'Demo Rep',
        emailAddress: 'demo.rep@example.com',
        signature: expect.any(String),
      },
      {
        id: 2,
        senderName: 'Example Sales',
        emailAddress: 'sales@example.com',
        signature: expect.any(String),
      },
    ]);
  });

  it('searches contacts as Reply does: by containment, rules ignored', async () => {
    const byTerm = await call(sandbox, 'POST', '/v3/contacts/filter', {
      body: { searchTerm: 'ada.byron@example.com' },
    });
    // Augusta's address holds Ada's, and comes first.
    expect(byTerm.json.items.map((c: { id: number }) => c.id)).toEqual([16, 9]);
    const shared = await call(sandbox, 'POST', '/v3/contacts/filter', {
      body: { searchTerm: 'MARIE.CURIE@example.com' },
    });
    expect(shared.json.items.map((c: { id: number }) => c.id)).toEqual([10, 17]);
    const byRules = await call(sandbox, 'POST', '/v3/contacts/filter?top=3', {
      body: { rules: [{ property: 'email', condition: 'equals', value: 'bob.stone@example.org' }] },
    });
    // Unheeded: the account's first contacts come back.
    expect(byRules.json).toMatchObject({ items: [{ id: 1 }, { id: 2 }, { id: 3 }], hasMore: true });
    const bySearch = await call(sandbox, 'POST', '/v3/contacts/filter', {
      body: { searchTerm: 'John.Roe@' },
    });
    expect(bySearch.json.items).toEqual([
      {
        id: 2,
        email: 'john.roe@example.com',
        phone: '+1 555 0101',
        firstName: 'John',
        lastName: 'Roe',
        company: 'Globex',
      },
    ]);
  });

  it('honours rules exactly in its rules mode: emails without case, phones by digits', async () => {
    const exact = await start({ contactSearch: 'rules' });
    const byEmail = await call(exact, 'POST', '/v3/contacts/filter', {
      body: {
        rules: [{ property: 'email', condition: 'equals', value: 'PRIYA.patel@example.COM' }],
      },
    });
    expect(byEmail.json).toMatchObject({
      items: [{ id: 5, firstName: 'Priya' }],
      hasMore: false,
      totalCount: 1,
    });
    const byPhone = await call(exact, 'POST', '/v3/contacts/filter', {
      body: { rules: [{ property: 'phone', condition: 'equals', value: '+15550100' }] },
    });
    expect(byPhone.json.items.map((c: { id: number }) => c.id)).toEqual([1]);
  });

  it('holds no more than its page cap, whatever top asks', async () => {
    const capped = await start({ pageCap: 3 });
    const first = await call(capped, 'POST', '/v3/tasks/filter?top=100&skip=0', { body: {} });
    expect(first.json.items).toHaveLength(3);
    expect(first.json.hasMore).toBe(true);
    const ids: number[] = [];
    for (let skip = 0; ; ) {
      const page = await call(capped, 'POST', `/v3/tasks/filter?top=100&skip=${skip}`, {
        body: {},
      });
      ids.push(...page.json.items.map((t: { id: number }) => t.id));
      skip += page.json.items.length;
      if (!page.json.hasMore) break;
    }
    const all = await call(sandbox, 'POST', '/v3/tasks/filter?top=1000', { body: {} });
    expect(ids).toEqual(all.json.items.map((t: { id: number }) => t.id));
  });

  it('answers a contact’s opt-out status', async () => {
    const otto = await call(sandbox, 'GET', '/v3/contacts/18/statuses');
    expect(otto.json).toEqual({ isOptedOut: true, sequences: [] });
    expect((await call(sandbox, 'GET', '/v3/contacts/1/statuses')).json.isOptedOut).toBe(false);
    expect((await call(sandbox, 'GET', '/v3/contacts/999/statuses')).status).toBe(404);
  });

  it('lists inbox threads with a message from the contacts asked about', async () => {
    const answer = await call(sandbox, 'POST', '/v3/inbox/threads/filter', {
      body: { contactIds: [19, 1, 2], source: 'inbox', somethingNew: true },
    });
    expect(answer.json.items.map((t: { contact: { id: number } }) => t.contact.id)).toEqual([
      19, 1,
    ]);
    expect(answer.json.items[0]).toMatchObject({
      bodyPreview: expect.stringContaining('another vendor'),
      lastActivityDate: expect.any(String),
    });
  });

  it('asks a user in several teams to name one, and refuses a team not theirs', async () => {
    const key = SANDBOX_TEAMS_API_KEY;
    expect((await call(sandbox, 'GET', '/v3/whoami', { key })).status).toBe(200);
    const unnamed = await call(sandbox, 'POST', '/v3/tasks/filter', { key, body: {} });
    expect(unnamed.status).toBe(403);
    expect(unnamed.json).toMatchObject({
      code: 'TEAM_REQUIRED',
      teams: [
        { teamId: 501, teamName: 'Northwind Agency' },
        { teamId: 502, teamName: 'Contoso Outreach' },
      ],
    });
    const other = await call(sandbox, 'GET', '/v3/tasks/601', { key, team: '999' });
    expect(other.json.code).toBe('TEAM_NOT_ACCESSIBLE');
    const named = await call(sandbox, 'POST', '/v3/tasks/filter', { key, team: '502', body: {} });
    expect(named.json.items.map((t: { id: number }) => t.id)).toEqual([602]);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const answer = await call(sandbox, 'GET', '/v3/nothing');
    expect(answer.status).toBe(404);
    expect(answer.json.type).toBe('about:blank');
  });

  it('answers CORS preflights and serves the web app, recording neither', async () => {
    const preflight = await call(sandbox, 'OPTIONS', '/v3/whoami');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-API-Key/);
    const page = await call(sandbox, 'GET', '/Dashboard/Material', { host: 'run.reply.io' });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('history.pushState');
    expect(sandbox.requests).toEqual([]);
  });

  it('limits each user’s rate and answers 429 with Retry-After', async () => {
    const server = await start({ rateLimit: { perMinute: 3, perHour: 100, windowScale: 0.01 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(server, 'GET', '/v3/whoami')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(server, 'POST', '/v3/tasks/101/execute', { body: {} });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.json.status).toBe(429);
    expect(server.requests).toHaveLength(5);
    expect(server.executeCalls()).toEqual([]);
    expect(server.sent).toEqual([]);
    // The other user has a budget of their own; and the scaled 0.6 s "minute" passes.
    expect((await call(server, 'GET', '/v3/whoami', { key: SANDBOX_OTHER_API_KEY })).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect((await call(server, 'GET', '/v3/whoami')).status).toBe(200);
  });

  describe('faults', () => {
    const execute = (taskId: number) =>
      call(sandbox, 'POST', `/v3/tasks/${taskId}/execute`, { body: {} });

    it('answers an injected status once, without processing', async () => {
      sandbox.inject(
        { method: 'POST', path: '/v3/tasks/101/execute' },
        { kind: 'status', status: 503, retryAfter: '2', detail: 'Down' },
      );
      const failed = await execute(101);
      expect(failed.status).toBe(503);
      expect(failed.headers['retry-after']).toBe('2');
      expect(failed.json).toMatchObject({ status: 503, detail: 'Down' });
      expect(sandbox.sent).toEqual([]);
      expect(sandbox.executeCalls(101)).toEqual([]);
      expect((await execute(101)).status).toBe(200);
    });

    it('injects a bodiless 401 for as many times as asked, matching a pattern', async () => {
      sandbox.inject({ path: /^\/v3\/whoami$/ }, { kind: 'status', status: 401 }, 2);
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const answer = await call(sandbox, 'GET', '/v3/whoami');
        statuses.push(answer.status);
        if (answer.status === 401) expect(answer.text).toBe('');
      }
      expect(statuses).toEqual([401, 401, 200]);
    });

    it('drops the connection before or after processing', async () => {
      sandbox.inject({ path: '/v3/tasks/101/execute' }, { kind: 'drop-before-processing' });
      await expect(execute(101)).rejects.toThrow();
      expect(sandbox.sent).toEqual([]);
      expect(sandbox.task(101)).toMatchObject({ status: 0 });

      sandbox.inject({ path: '/v3/tasks/101/execute' }, { kind: 'drop-after-processing' });
      await expect(execute(101)).rejects.toThrow();
      expect(sandbox.sent.map((m) => m.taskId)).toEqual([101]);
      expect(sandbox.task(101)).toMatchObject({ status: 1 });
      expect(sandbox.executeCalls(101)).toHaveLength(1);
      expect(sandbox.apiRequests({ method: 'post', pathPattern: /execute$/ })).toHaveLength(2);
    });

    it('delays the answer', async () => {
      sandbox.inject({ path: '/v3/whoami' }, { kind: 'delay', ms: 150 });
      const started = Date.now();
      expect((await call(sandbox, 'GET', '/v3/whoami')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('answers HTML without processing, or the wrong JSON shape after processing', async () => {
      sandbox.inject({ path: '/v3/tasks/101/execute' }, { kind: 'not-json' });
      const html = await execute(101);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(sandbox.sent).toEqual([]);

      sandbox.inject({ path: '/v3/tasks/101/execute' }, { kind: 'wrong-shape' });
      const wrong = await execute(101);
      expect(wrong.json).toEqual({ unexpected: true });
      expect(sandbox.sent).toHaveLength(1);
    });
  });

  it('reset() restores the seed and clears records and faults', async () => {
    await call(sandbox, 'POST', '/v3/tasks/101/execute', { body: {} });
    sandbox.inject({ path: '/v3/whoami' }, { kind: 'status', status: 500 });
    sandbox.reset();
    expect(sandbox.task(101)).toMatchObject({ status: 0, finishedAt: null });
    expect(sandbox.sent).toEqual([]);
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.executeCalls()).toEqual([]);
    expect((await call(sandbox, 'GET', '/v3/whoami')).status).toBe(200);
  });
});
