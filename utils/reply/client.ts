import * as v from 'valibot';
import type { CompleteBody } from './complete';
import { parseRetryAfter, ReplyError } from './errors';
import type { RateLimiter } from './rate-limit';
import {
  type Contact,
  ContactPageSchema,
  ContactStatusesSchema,
  type EmailAccount,
  EmailAccountsSchema,
  type InboxThread,
  InboxThreadPageSchema,
  type Problem,
  ProblemSchema,
  type Task,
  TaskPageSchema,
  TaskSchema,
  type TaskSummary,
  type Team,
  type WhoAmI,
  WhoAmISchema,
} from './schemas';

export const REPLY_API_BASE = 'https://api.reply.io';

/** The execute page sends `X-API-Key`; the current auth page sends `Authorization: Bearer`. */
export type AuthScheme = 'x-api-key' | 'bearer';

export interface Credentials {
  apiKey: string;
  authScheme: AuthScheme;
  /** A user in several teams names the team of every call (`X-TEAM-ID`). */
  team?: { id: number; name: string } | null;
}

export interface ClientOptions {
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Called when Reply turned out to accept only the other auth header. */
  onAuthSchemeChange?: (scheme: AuthScheme) => void;
  /** Spaces calls under Reply's rate limits; shared by every client of one background. */
  limiter?: RateLimiter;
  /** The rep forced one header: never try the other. */
  fixedAuth?: boolean;
  /** Reply answered TEAM_REQUIRED or TEAM_NOT_ACCESSIBLE (with the teams, if it listed them). */
  onTeamProblem?: (error: ReplyError) => void;
}

export interface ExecuteBody {
  content?: { subject?: string; body: string };
  emailAccountId?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * Page size asked of list calls. Reply may answer fewer (`top` is a maximum), so paging goes
 * by the items received. Bounds on what one list reads in all (stated in the README).
 */
const PAGE = 100;
export const LIST_BOUNDS = {
  /** The due list, and one contact's pending tasks. */
  tasks: 1_000,
  /** Contacts a search returns, scanned for the exact address. */
  contacts: 500,
  emailAccounts: 200,
  /** Inbox threads of the contacts asked about at once. */
  threads: 500,
} as const;
/** A wait for the rate limiter longer than this is reported instead of sat through. */
const MAX_INLINE_WAIT_MS = 3_000;
/** Reply's 429 without a usable Retry-After: wait a minute, the shorter of its windows. */
const DEFAULT_RETRY_AFTER_S = 60;

/** Reads pages until Reply says there are no more (or sends none), skipping by what came. */
async function allPages<T>(
  read: (skip: number) => Promise<{ items: T[]; hasMore: boolean }>,
  bound: number,
): Promise<T[]> {
  const items: T[] = [];
  while (items.length < bound) {
    const page = await read(items.length);
    items.push(...page.items);
    if (!page.hasMore || page.items.length === 0) break;
  }
  return items.slice(0, bound);
}

/** Why one task of a batch complete wasn't completed (Reply's codes 1 and 7, or another). */
export interface BatchFailure {
  reason: 'not-found' | 'cannot-complete' | 'unknown';
  /** Reply's own words, when it gave any. */
  detail: string | null;
}

const BATCH_CODES: Record<string, BatchFailure['reason']> = {
  '1': 'not-found',
  notfound: 'not-found',
  '7': 'cannot-complete',
  cannotcomplete: 'cannot-complete',
};

/**
 * The failures of a batch complete, by task id, from whatever shape Reply sent: `{}` (all
 * went well), ids at the top level or under `failures` / `errors` / `failed`, or a list of
 * `{id | taskId, code, ...}`; each failure a code (number or name), a message, or an object
 * with either. Ids that weren't asked for are ignored.
 */
export function readBatchFailures(answer: unknown, asked: number[]): Map<number, BatchFailure> {
  const failures = new Map<number, BatchFailure>();
  const wanted = new Set(asked);
  const reasonOf = (code: unknown): BatchFailure['reason'] =>
    BATCH_CODES[String(code).toLowerCase()] ?? 'unknown';
  const failureOf = (value: unknown): BatchFailure => {
    if (typeof value === 'number') return { reason: reasonOf(value), detail: null };
    if (typeof value === 'string') {
      const reason = reasonOf(value);
      return { reason, detail: reason === 'unknown' ? value : null };
    }
    const record = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
    const code = record.code ?? record.errorCode ?? record.reason ?? record.status;
    const text = [record.message, record.detail, record.title].find((t) => typeof t === 'string');
    return { reason: reasonOf(code), detail: (text as string | undefined) ?? null };
  };
  const add = (id: unknown, value: unknown) => {
    const taskId = Number(id);
    if (Number.isSafeInteger(taskId) && wanted.has(taskId)) failures.set(taskId, failureOf(value));
  };
  const read = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const record = (typeof item === 'object' && item ? item : {}) as Record<string, unknown>;
        // A list may hold every id's result: those that went well aren't failures.
        if (record.success === true || record.isSuccess === true) continue;
        add(record.id ?? record.taskId, item);
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (/^\d+$/.test(key)) add(key, inner);
      else if (['failures', 'errors', 'failed'].includes(key)) read(inner);
    }
  };
  read(answer);
  return failures;
}

/** How an address or number compares: emails without case, phones by their digits. */
export function sameContactValue(property: 'email' | 'phone', a: string, b: string): boolean {
  const normal = (text: string) =>
    property === 'email' ? text.trim().toLowerCase() : text.replace(/\D/g, '');
  const left = normal(a);
  return left !== '' && left === normal(b);
}

/** One Reply user's view of the API. Every call resolves to decoded data or throws ReplyError. */
export class ReplyClient {
  constructor(
    private credentials: Credentials,
    private readonly options: ClientOptions = {},
  ) {}

  get authScheme(): AuthScheme {
    return this.credentials.authScheme;
  }

  whoami(): Promise<WhoAmI> {
    return this.call('GET', '/v3/whoami', WhoAmISchema);
  }

  getTask(taskId: number): Promise<Task> {
    return this.call('GET', `/v3/tasks/${taskId}?includeContent=true`, TaskSchema);
  }

  emailAccounts(): Promise<EmailAccount[]> {
    return allPages(
      (skip) =>
        this.call(
          'GET',
          `/v3/email-accounts?top=${PAGE}&skip=${skip}&my=true`,
          EmailAccountsSchema,
        ),
      LIST_BOUNDS.emailAccounts,
    );
  }

  /**
   * Contacts whose email (or phone) is exactly the value. Reply's search matches by
   * containment (and may ignore other filters), so every page of what it finds is compared:
   * emails without case, phones by digits. Two contacts may share one address: all are given.
   */
  async findContacts(property: 'email' | 'phone', value: string): Promise<Contact[]> {
    const found = await allPages(
      (skip) =>
        this.call('POST', `/v3/contacts/filter?top=${PAGE}&skip=${skip}`, ContactPageSchema, {
          searchTerm: value.trim(),
        }),
      LIST_BOUNDS.contacts,
    );
    const seen = new Set<number>();
    return found.filter((contact) => {
      const own = contact[property];
      if (!own || seen.has(contact.id) || !sameContactValue(property, own, value)) return false;
      seen.add(contact.id);
      return true;
    });
  }

  /** Whether the contact opted out: such a contact must not be written to. */
  async isOptedOut(contactId: number): Promise<boolean> {
    const statuses = await this.call(
      'GET',
      `/v3/contacts/${contactId}/statuses`,
      ContactStatusesSchema,
    );
    return statuses.isOptedOut;
  }

  /** Inbox threads holding a message from any of these contacts (Reply's `source: inbox`). */
  inboxThreads(contactIds: number[]): Promise<InboxThread[]> {
    return allPages(
      (skip) =>
        this.call(
          'POST',
          `/v3/inbox/threads/filter?top=${PAGE}&skip=${skip}`,
          InboxThreadPageSchema,
          {
            contactIds,
            source: 'inbox',
          },
        ),
      LIST_BOUNDS.threads,
    );
  }

  /**
   * New tasks, all pages (bounded), narrowed by `filter` (e.g. a contact, or due before a
   * time) and, if given, to those task types. Enums go out as integers, which both versions of
   * Reply's docs accept.
   */
  pendingTasks(
    filter: { contactId?: number; to?: string },
    taskType?: readonly number[],
  ): Promise<TaskSummary[]> {
    return allPages(
      (skip) =>
        this.call('POST', `/v3/tasks/filter?top=${PAGE}&skip=${skip}`, TaskPageSchema, {
          ...filter,
          status: [0],
          ...(taskType ? { taskType: [...taskType] } : {}),
        }),
      LIST_BOUNDS.tasks,
    );
  }

  /** New manual emails and SMS (the types that can be sent), narrowed by `filter`. */
  pendingExecutableTasks(filter: { contactId?: number; to?: string }): Promise<TaskSummary[]> {
    return this.pendingTasks(filter, [7, 8]);
  }

  /** Whether a team-scoped call goes through: a user in several teams gets TEAM_REQUIRED. */
  async probeTeam(): Promise<void> {
    await this.call('POST', '/v3/tasks/filter?top=1&skip=0', TaskPageSchema, {
      status: [0],
      taskType: [7, 8],
    });
  }

  /**
   * Completes a task without sending anything. Callers go through utils/execution only. The
   * answer's shape isn't documented: the task it holds, or else the task read back.
   */
  async completeTask(taskId: number, body: CompleteBody = {}): Promise<Task> {
    const answer = await this.call('POST', `/v3/tasks/${taskId}/complete`, v.unknown(), body);
    const task = v.safeParse(TaskSchema, answer);
    return task.success ? task.output : this.getTask(taskId);
  }

  /**
   * Completes up to 100 tasks in one call. Callers go through utils/execution only. Reply
   * answers `{}` when all went well, else the failures keyed by task id; what a failure holds
   * isn't documented, so it is read defensively (`readBatchFailures`).
   */
  async completeTasks(taskIds: number[]): Promise<Map<number, BatchFailure>> {
    const answer = await this.call('POST', '/v3/tasks/batch/complete', v.unknown(), {
      ids: taskIds,
    });
    return readBatchFailures(answer, taskIds);
  }

  /** The task exactly as Reply sent it (no content), for a full replacement of it. */
  async rawTask(taskId: number): Promise<Record<string, unknown>> {
    const answer = await this.call('GET', `/v3/tasks/${taskId}`, v.unknown());
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      throw new ReplyError('bad-response', { status: 200 });
    }
    return answer as Record<string, unknown>;
  }

  /**
   * `PUT /v3/tasks/{id}`: a full replacement (New tasks only). A PUT is idempotent, so this
   * needs no executor. The answer's shape isn't documented: the task, or else read back.
   */
  async replaceTask(taskId: number, body: Record<string, unknown>): Promise<Task> {
    const answer = await this.call('PUT', `/v3/tasks/${taskId}`, v.unknown(), body);
    const task = v.safeParse(TaskSchema, answer);
    return task.success ? task.output : this.getTask(taskId);
  }

  /** Sends a real message. Not idempotent: callers go through utils/execution only. */
  executeTask(taskId: number, body: ExecuteBody): Promise<Task> {
    return this.call('POST', `/v3/tasks/${taskId}/execute`, TaskSchema, body);
  }

  private async call<S extends v.GenericSchema>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<v.InferOutput<S>> {
    try {
      return await request(this.credentials, this.options, method, path, schema, body);
    } catch (error) {
      if (
        error instanceof ReplyError &&
        (error.kind === 'team-required' || error.kind === 'team-not-accessible')
      ) {
        this.options.onTeamProblem?.(error);
        if (error.kind === 'team-not-accessible' && this.credentials.team) {
          throw new ReplyError(error.kind, {
            ...error.details,
            teamName: this.credentials.team.name,
          });
        }
        throw error;
      }
      // A 401 means Reply processed nothing, so the other header is safe to try once (a 401
      // that names the user, e.g. USER_NOT_FOUND, was read with this header: no use).
      if (!(error instanceof ReplyError) || error.kind !== 'unauthorized') throw error;
      if (this.options.fixedAuth) throw error;
      const other: Credentials = {
        ...this.credentials,
        authScheme: this.credentials.authScheme === 'bearer' ? 'x-api-key' : 'bearer',
      };
      const result = await request(other, this.options, method, path, schema, body);
      this.credentials = other;
      this.options.onAuthSchemeChange?.(other.authScheme);
      return result;
    }
  }
}

/**
 * Checks a key, finding which auth header this Reply accepts (Bearer first, as Reply's own
 * clients send it; or the forced one), and whether the user must name a team: then `teams`
 * lists them for the rep to choose.
 */
export async function connect(
  apiKey: string,
  options: ClientOptions = {},
  forced?: AuthScheme,
): Promise<{ whoami: WhoAmI; authScheme: AuthScheme; teams: Team[] | null }> {
  const client = new ReplyClient(
    { apiKey, authScheme: forced ?? 'bearer' },
    { ...options, fixedAuth: forced !== undefined },
  );
  let teams: Team[] | null = null;
  const whoami = await client.whoami().catch(async (error: unknown) => {
    if (!(error instanceof ReplyError) || error.kind !== 'team-required') throw error;
    teams = error.details.teams ?? [];
    // Who the key belongs to is the same in every team: ask once in the first, to know it.
    const [first] = teams;
    if (!first) throw error;
    const inTeam = new ReplyClient(
      { apiKey, authScheme: client.authScheme, team: { id: first.teamId, name: '' } },
      { ...options, fixedAuth: forced !== undefined },
    );
    const answer = await inTeam.whoami();
    return { ...answer, teamId: null };
  });
  if (!teams) {
    teams = await client.probeTeam().then(
      () => null,
      (error: unknown) => {
        if (error instanceof ReplyError && error.kind === 'team-required') {
          return error.details.teams ?? [];
        }
        // Anything else (a missing scope, say) shows when the rep's lists load.
        return null;
      },
    );
  }
  return { whoami, authScheme: client.authScheme, teams };
}

async function request<S extends v.GenericSchema>(
  credentials: Credentials,
  options: ClientOptions,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  schema: S,
  body: unknown,
): Promise<v.InferOutput<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (credentials.authScheme === 'bearer') headers.Authorization = `Bearer ${credentials.apiKey}`;
  else headers['X-API-Key'] = credentials.apiKey;
  if (credentials.team) headers['X-TEAM-ID'] = String(credentials.team.id);
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  await pace(options.limiter);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${options.baseUrl ?? REPLY_API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    throw new ReplyError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network');
  }

  if (!response.ok) throw await errorFrom(response, options.limiter);

  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new ReplyError('timeout');
    throw new ReplyError('bad-response', { status: response.status });
  }
  const decoded = v.safeParse(schema, json);
  if (!decoded.success) throw new ReplyError('bad-response', { status: response.status });
  return decoded.output;
}

/** Waits for a free slot under the rate limits, or says how long the wait would be. */
async function pace(limiter: RateLimiter | undefined): Promise<void> {
  if (!limiter) return;
  const wait = limiter.delay();
  if (wait > MAX_INLINE_WAIT_MS) {
    throw new ReplyError('rate-limited', { retryAfterSeconds: Math.ceil(wait / 1000) });
  }
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  limiter.record();
}

async function errorFrom(response: Response, limiter?: RateLimiter): Promise<ReplyError> {
  // A 401 is mostly empty, but may be problem+json; anything unreadable counts as no body.
  const decoded = v.safeParse(ProblemSchema, await response.json().catch(() => null));
  const problem: Problem | null = decoded.success ? decoded.output : null;
  const detail = problem?.detail ?? problem?.title ?? undefined;
  const code = problem?.code ?? undefined;
  const details = { status: response.status, detail, code };
  const { status } = response;
  if (status === 401) {
    return new ReplyError(code === 'USER_NOT_FOUND' ? 'user-not-found' : 'unauthorized', details);
  }
  if (status === 429) {
    const retryAfterSeconds =
      parseRetryAfter(response.headers.get('Retry-After')) ?? DEFAULT_RETRY_AFTER_S;
    limiter?.block(retryAfterSeconds * 1000);
    return new ReplyError('rate-limited', { ...details, retryAfterSeconds });
  }
  if (status === 403) return forbidden(problem, details);
  if (status === 404) return new ReplyError('not-found', details);
  if (status >= 500) return new ReplyError('server', details);
  const fields = (problem?.errors ?? []).filter((e) => e.field || e.detail);
  return new ReplyError('invalid-request', { ...details, fields });
}

/** Reply's 403 comes in several shapes, each with its own way out. */
function forbidden(
  problem: Problem | null,
  details: { status: number; detail?: string; code?: string },
): ReplyError {
  const code = details.code ?? '';
  const teams = problem?.teams ?? undefined;
  if (code === 'TEAM_REQUIRED') return new ReplyError('team-required', { ...details, teams });
  if (code === 'TEAM_NOT_ACCESSIBLE') {
    return new ReplyError('team-not-accessible', { ...details, teams });
  }
  if (code.endsWith('.forbidden')) return new ReplyError('plan-forbidden', details);
  if (!code && Array.isArray(problem?.reasons)) return new ReplyError('missing-scope', details);
  return new ReplyError('forbidden', details);
}
