import { describe, expect, it, vi } from 'vitest';
import { type AuthScheme, connect, ReplyClient } from '@/utils/reply/client';
import { parseRetryAfter, ReplyError } from '@/utils/reply/errors';

const TASK_INT = {
  id: 101,
  contactId: 5,
  taskType: 7,
  status: 0,
  linkedInTaskType: null,
  sequenceId: 11,
  sequenceStepDisplayName: 'Step 2 - Email',
  creationSource: 1,
  dueTo: '2026-11-28T19:00:00Z',
  finishedAt: null,
  isFailed: false,
  template: { subject: 'Hi {{firstName}}', body: '<p>Hi {{firstName}}</p>', attachmentIdList: [] },
  content: { subject: 'Hi Jane', body: '<p>Hi Jane</p>' },
  deliveryInfo: { email: 'jane@example.com', phoneNumber: null, linkedInUrl: null },
  somethingNew: { nested: true },
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(answer: (req: Request) => Answer | Promise<Answer>) {
  const calls: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    calls.push(req);
    const a = await answer(req);
    const text = a.raw ?? (a.body === undefined ? null : JSON.stringify(a.body));
    return new Response(text, { status: a.status, headers: a.headers });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const client = (fetch: typeof globalThis.fetch, authScheme: AuthScheme = 'x-api-key') =>
  new ReplyClient({ apiKey: 'k-123', authScheme }, { fetch, baseUrl: 'https://api.test' });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplyError);
  return (error as ReplyError).toFailure();
}

describe('ReplyClient decoding', () => {
  it('decodes integer enums and drops unknown fields', async () => {
    const { fetch, calls } = scriptedFetch(() => ({ status: 200, body: TASK_INT }));
    const task = await client(fetch).getTask(101);
    expect(task).toMatchObject({
      taskType: 'manualEmail',
      status: 'new',
      creationSource: 'sequence',
    });
    expect(task).not.toHaveProperty('somethingNew');
    expect(calls[0]?.url).toBe('https://api.test/v3/tasks/101?includeContent=true');
  });

  it('decodes camelCase string enums the same way', async () => {
    const body = { ...TASK_INT, taskType: 'sms', status: 'finished', creationSource: 'user' };
    const { fetch } = scriptedFetch(() => ({ status: 200, body }));
    const task = await client(fetch).getTask(101);
    expect(task).toMatchObject({ taskType: 'sms', status: 'finished', creationSource: 'user' });
  });

  it('decodes values it does not know as unknown instead of failing', async () => {
    const { fetch } = scriptedFetch(() => ({ status: 200, body: { ...TASK_INT, taskType: 42 } }));
    expect((await client(fetch).getTask(101)).taskType).toBe('unknown');
  });

  it('reads both forms of the email account list', async () => {
    const paged = scriptedFetch(() => ({
      status: 200,
      body: {
        items: [{ id: 1, email: 'a@x.com', senderName: 'A', isDefault: true }],
        hasMore: false,
      },
    }));
    expect(await client(paged.fetch).emailAccounts()).toEqual([
      { id: 1, email: 'a@x.com', senderName: 'A', isDefault: true },
    ]);
    const bare = scriptedFetch(() => ({
      status: 200,
      body: [{ id: 2, emailAddress: 'b@x.com', senderName: 'B', signature: '--' }],
    }));
    expect(await client(bare.fetch).emailAccounts()).toEqual([
      { id: 2, email: 'b@x.com', senderName: 'B', isDefault: false },
    ]);
  });
});

describe('ReplyClient completeTask', () => {
  it('posts the call outcome and the sequence choice as the body, {} when there is none', async () => {
    const { fetch, calls } = scriptedFetch(() => ({
      status: 200,
      body: { ...TASK_INT, taskType: 2, status: 1 },
    }));
    const task = await client(fetch).completeTask(104, {
      callResolution: 2,
      finishProspectInSequence: true,
    });
    expect(task).toMatchObject({ taskType: 'call', status: 'finished' });
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url).toBe('https://api.test/v3/tasks/104/complete');
    expect(await calls[0]?.clone().json()).toEqual({
      callResolution: 2,
      finishProspectInSequence: true,
    });
    await client(fetch).completeTask(108);
    expect(await calls[1]?.clone().json()).toEqual({});
  });
});

describe('ReplyClient auth', () => {
  it.each([
    ['x-api-key', 'x-api-key', 'k-123'],
    ['bearer', 'authorization', 'Bearer k-123'],
  ] as const)('sends the key as %s', async (scheme, header, value) => {
    const { fetch, calls } = scriptedFetch(() => ({ status: 200, body: { userId: 1 } }));
    await client(fetch, scheme).whoami();
    expect(calls[0]?.headers.get(header)).toBe(value);
  });

  it.each([
    ['x-api-key', 'x-api-key'],
    ['bearer', 'bearer'],
  ] as const)('connect finds a server that accepts only %s', async (accepted, expected) => {
    const { fetch, calls } = scriptedFetch((req) => {
      const ok =
        accepted === 'bearer'
          ? req.headers.get('authorization') === 'Bearer k-9'
          : req.headers.get('x-api-key') === 'k-9';
      return ok
        ? { status: 200, body: { userId: 7, username: 'rep@x.com' } }
        : { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } };
    });
    const result = await connect('k-9', { fetch, baseUrl: 'https://api.test' });
    expect(result).toEqual({
      whoami: { userId: 7, username: 'rep@x.com' },
      authScheme: expected,
      teams: null,
    });
    // Bearer first, as Reply's own clients; then one team-scoped call to see if a team is needed.
    expect(calls.map((c) => c.headers.has('authorization'))).toEqual(
      accepted === 'bearer' ? [true, true] : [true, false, false],
    );
  });

  it('switches header when the remembered one stops working, and says so', async () => {
    const { fetch } = scriptedFetch((req) =>
      req.headers.get('authorization') ? { status: 200, body: { userId: 1 } } : { status: 401 },
    );
    const onAuthSchemeChange = vi.fn();
    const reply = new ReplyClient(
      { apiKey: 'k', authScheme: 'x-api-key' },
      { fetch, baseUrl: 'https://api.test', onAuthSchemeChange },
    );
    await reply.whoami();
    expect(onAuthSchemeChange).toHaveBeenCalledWith('bearer');
    expect(reply.authScheme).toBe('bearer');
  });

  it('a key neither header accepts is unauthorized, without reading the empty body', async () => {
    const { fetch, calls } = scriptedFetch(() => ({ status: 401, raw: '' }));
    const f = await failure(connect('bad', { fetch, baseUrl: 'https://api.test' }));
    expect(f.kind).toBe('unauthorized');
    expect(f.message).toMatch(/^Reply rejected this API key/);
    expect(calls).toHaveLength(2);
  });
});

describe('ReplyClient errors', () => {
  const problem = (status: number, detail: string, extra: object = {}) => ({
    status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: { type: 'about:blank', title: 'Error', status, detail, ...extra },
  });

  it.each([
    [
      problem(400, 'Only ManualEmail and Sms tasks can be executed.'),
      'invalid-request',
      /Only ManualEmail and Sms/,
    ],
    [problem(403, 'No access to team'), 'forbidden', /no access/i],
    [problem(404, 'Task not found'), 'not-found', /no such task/],
    [problem(500, 'Boom'), 'server', /error 500/],
    [{ status: 502, raw: '<html>Bad gateway</html>' }, 'server', /error 502/],
    [{ status: 200, raw: 'not json' }, 'bad-response', /doesn’t understand/],
    [{ status: 200, body: { unexpected: true } }, 'bad-response', /doesn’t understand/],
  ] as const)('%j is %s', async (answer, kind, message) => {
    const { fetch } = scriptedFetch(() => answer as Answer);
    const f = await failure(client(fetch).getTask(1));
    expect(f.kind).toBe(kind);
    expect(f.message).toMatch(message);
    expect(f.message).not.toMatch(/[{}]|Error:|at /);
  });

  it('adds field errors of a validation 400', async () => {
    const { fetch } = scriptedFetch(() =>
      problem(400, 'Validation failed.', {
        errors: [{ field: 'content.body', message: 'Body is required.' }],
      }),
    );
    expect((await failure(client(fetch).getTask(1))).message).toBe(
      'Reply refused the body (“Body is required.”). Change it and try again.',
    );
  });

  it('reads Retry-After on 429 in seconds', async () => {
    const { fetch } = scriptedFetch(() => ({
      ...problem(429, 'Too many'),
      headers: { 'Retry-After': '42' },
    }));
    const f = await failure(client(fetch).getTask(1));
    expect(f).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 42 });
    expect(f.message).toMatch(/nothing was sent.*42 seconds/);
  });

  it('is a network failure when fetch rejects', async () => {
    const fetch = (() =>
      Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    expect((await failure(client(fetch).getTask(1))).message).toMatch(/^Can’t reach Reply/);
  });

  it('times out a slow answer', async () => {
    const fetch = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof globalThis.fetch;
    const slow = new ReplyClient(
      { apiKey: 'k', authScheme: 'bearer' },
      { fetch, baseUrl: 'https://api.test', timeoutMs: 20 },
    );
    expect((await failure(slow.getTask(1))).kind).toBe('timeout');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it.each([
    ['30', 30],
    [' 5 ', 5],
    ['Sat, 28 Nov 2026 12:01:00 GMT', 60],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%s → %s', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
