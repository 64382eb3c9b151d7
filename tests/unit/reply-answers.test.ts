import { describe, expect, it, vi } from 'vitest';
import { connect, ReplyClient } from '@/utils/reply/client';
import { ReplyError } from '@/utils/reply/errors';

/**
 * The client against Reply as its own clients show it answering: pages smaller than asked,
 * a contact search by containment, teams, and the several shapes of 401, 403 and 400.
 */
type Answer = { status: number; body?: unknown };

function scriptedFetch(answer: (req: Request, url: URL) => Answer | Promise<Answer>) {
  const calls: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    calls.push(req);
    const a = await answer(req, new URL(req.url));
    const body = a.body === undefined ? null : JSON.stringify(a.body);
    return new Response(body, { status: a.status });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const client = (fetch: typeof globalThis.fetch, team?: { id: number; name: string }) =>
  new ReplyClient(
    { apiKey: 'k', authScheme: 'bearer', team },
    { fetch, baseUrl: 'https://api.test', fixedAuth: true },
  );

const summary = (id: number) => ({ id, taskType: 7, status: 0, contact: { id: 1 } });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplyError);
  return error as ReplyError;
}

describe('paging by the items received', () => {
  it('skips by what each page held, not by top, and stops on hasMore false', async () => {
    const all = Array.from({ length: 7 }, (_, i) => summary(i + 1));
    const { fetch, calls } = scriptedFetch((_req, url) => {
      const skip = Number(url.searchParams.get('skip'));
      return { status: 200, body: { items: all.slice(skip, skip + 3), hasMore: skip + 3 < 7 } };
    });
    const tasks = await client(fetch).pendingExecutableTasks({ to: '2026-12-01T23:59:59Z' });
    expect(tasks.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls.map((c) => new URL(c.url).searchParams.get('skip'))).toEqual(['0', '3', '6']);
  });

  it('stops on an empty page even if Reply says there is more', async () => {
    const { fetch, calls } = scriptedFetch(() => ({
      status: 200,
      body: { items: [], hasMore: true },
    }));
    expect(await client(fetch).pendingExecutableTasks({})).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('pages sending accounts too, and reads the older bare array as one page', async () => {
    const paged = scriptedFetch((_req, url) => {
      const skip = Number(url.searchParams.get('skip'));
      const items = [
        { id: 1, email: 'a@x' },
        { id: 2, email: 'b@x' },
      ].slice(skip, skip + 1);
      return { status: 200, body: { items, hasMore: skip < 1 } };
    });
    expect((await client(paged.fetch).emailAccounts()).map((a) => a.id)).toEqual([1, 2]);
    const bare = scriptedFetch(() => ({ status: 200, body: [{ id: 3, emailAddress: 'c@x' }] }));
    expect(await client(bare.fetch).emailAccounts()).toEqual([
      { id: 3, email: 'c@x', senderName: null, isDefault: false },
    ]);
    expect(bare.calls).toHaveLength(1);
  });
});

describe('exact contact matching', () => {
  const contact = (id: number, email: string | null, phone: string | null = null) => ({
    id,
    email,
    phone,
    firstName: `F${id}`,
    lastName: null,
  });

  it('keeps only contacts whose address is the one asked, over every page', async () => {
    const found = [
      contact(1, 'joann@example.com'),
      contact(2, 'ANN@example.com'),
      contact(3, 'ann@example.com.evil'),
      contact(4, 'ann@example.com'),
    ];
    const { fetch, calls } = scriptedFetch((_req, url) => {
      const skip = Number(url.searchParams.get('skip'));
      return { status: 200, body: { items: found.slice(skip, skip + 2), hasMore: skip + 2 < 4 } };
    });
    const contacts = await client(fetch).findContacts('email', 'ann@example.com');
    expect(contacts.map((c) => c.id)).toEqual([2, 4]); // both share it: neither is picked
    expect(await calls[0]?.json()).toEqual({ searchTerm: 'ann@example.com' });
    expect(calls).toHaveLength(2);
  });

  it('compares phones by their digits', async () => {
    const { fetch } = scriptedFetch(() => ({
      status: 200,
      body: {
        items: [
          contact(1, null, '+1 555 0100 9'),
          contact(2, null, '(555) 0100'),
          contact(3, null, '555-0100'),
        ],
        hasMore: false,
      },
    }));
    expect((await client(fetch).findContacts('phone', '555 0100')).map((c) => c.id)).toEqual([
      2, 3,
    ]);
  });

  it('finds nobody when Reply ignores the search and lists the account’s first contacts', async () => {
    const { fetch } = scriptedFetch(() => ({
      status: 200,
      body: { items: [contact(1, 'first@example.com'), contact(2, 'second@example.com')] },
    }));
    expect(await client(fetch).findContacts('email', 'ann@example.com')).toEqual([]);
  });
});

describe('every answer a sentence', () => {
  const answering = (status: number, body?: unknown) =>
    scriptedFetch(() => ({ status, body })).fetch;

  it('tells a 401 naming a user that no longer exists from a rejected key', async () => {
    const gone = await failure(
      client(
        answering(401, { status: 401, title: 'Unauthorized', code: 'USER_NOT_FOUND' }),
      ).whoami(),
    );
    expect(gone.kind).toBe('user-not-found');
    expect(gone.toFailure().message).toMatch(/This Reply user no longer exists/);
    expect((await failure(client(answering(401)).whoami())).kind).toBe('unauthorized');
  });

  it('gives each shape of 403 its own sentence and way out', async () => {
    const scope = await failure(
      client(answering(403, { status: 403, title: 'Forbidden', reasons: [] })).getTask(1),
    );
    expect(scope.kind).toBe('missing-scope');
    expect(scope.toFailure().message).toMatch(/lacks a permission.*Create a key with full access/);
    const plan = await failure(
      client(
        answering(403, { status: 403, title: 'Forbidden', code: 'sequences.forbidden' }),
      ).getTask(1),
    );
    expect(plan.kind).toBe('plan-forbidden');
    expect(plan.toFailure().message).toMatch(/plan or role.*sequences\.forbidden.*admin/);
    const teams = [{ teamId: 5, teamName: 'North' }];
    const required = await failure(
      client(answering(403, { status: 403, code: 'TEAM_REQUIRED', teams })).getTask(1),
    );
    expect(required.kind).toBe('team-required');
    expect(required.details.teams).toEqual(teams);
    expect(required.toFailure().message).toMatch(/several teams.*Choose the team/);
    const gone = await failure(
      client(answering(403, { status: 403, code: 'TEAM_NOT_ACCESSIBLE' }), {
        id: 6,
        name: 'South',
      }).getTask(1),
    );
    expect(gone.kind).toBe('team-not-accessible');
    expect(gone.toFailure().message).toMatch(/can’t use the team “South”.*Choose another team/);
    const plain = await failure(
      client(answering(403, { status: 403, detail: 'Not yours.' })).getTask(1),
    );
    expect(plain.kind).toBe('forbidden');
  });

  it('names the field a validation 400 points at', async () => {
    const refused = await failure(
      client(
        answering(400, {
          status: 400,
          title: 'Validation failed',
          errors: [{ pointer: '/content/subject', detail: 'Must be at most 998 characters.' }],
        }),
      ).executeTask(1, {}),
    );
    expect(refused.toFailure().message).toBe(
      'Reply refused the subject (“Must be at most 998 characters.”). Change it and try again.',
    );
  });
});

describe('teams', () => {
  it('names the chosen team on every call', async () => {
    const { fetch, calls } = scriptedFetch(() => ({ status: 200, body: { userId: 1 } }));
    await client(fetch, { id: 502, name: 'Contoso' }).whoami();
    expect(calls[0]?.headers.get('x-team-id')).toBe('502');
    await client(fetch).whoami();
    expect(calls[1]?.headers.has('x-team-id')).toBe(false);
  });

  it('connect finds out the user must choose a team, Bearer first', async () => {
    const teams = [
      { teamId: 501, teamName: 'Northwind' },
      { teamId: 502, teamName: 'Contoso' },
    ];
    const { fetch, calls } = scriptedFetch((req, url) => {
      if (url.pathname === '/v3/whoami') return { status: 200, body: { userId: 3, username: 'a' } };
      if (req.headers.has('x-team-id')) return { status: 200, body: { items: [], hasMore: false } };
      return { status: 403, body: { status: 403, code: 'TEAM_REQUIRED', teams } };
    });
    const result = await connect('k', { fetch, baseUrl: 'https://api.test' });
    expect(result).toEqual({ whoami: { userId: 3, username: 'a' }, authScheme: 'bearer', teams });
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer k');
  });

  it('connect learns who the key is when even whoami wants a team', async () => {
    const teams = [
      { teamId: 7, teamName: 'Only' },
      { teamId: 8, teamName: 'Other' },
    ];
    const { fetch } = scriptedFetch((req) =>
      req.headers.has('x-team-id')
        ? { status: 200, body: { userId: 4 } }
        : { status: 403, body: { status: 403, code: 'TEAM_REQUIRED', teams } },
    );
    const result = await connect('k', { fetch, baseUrl: 'https://api.test' });
    expect(result.whoami.userId).toBe(4);
    expect(result.teams).toEqual(teams);
  });
});
