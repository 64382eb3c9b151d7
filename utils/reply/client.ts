import * as v from 'valibot';
import { parseRetryAfter, ReplyError } from './errors';
import type { RateLimiter } from './rate-limit';
import {
  type Contact,
  ContactsSchema,
  type EmailAccount,
  EmailAccountsSchema,
  ProblemSchema,
  type Task,
  TaskPageSchema,
  TaskSchema,
  type TaskSummary,
  type WhoAmI,
  WhoAmISchema,
} from './schemas';

export const REPLY_API_BASE = 'https://api.reply.io';

/** The execute page sends `X-API-Key`; the current auth page sends `Authorization: Bearer`. */
export type AuthScheme = 'x-api-key' | 'bearer';

export interface Credentials {
  apiKey: string;
  authScheme: AuthScheme;
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
}

export interface ExecuteBody {
  content?: { subject?: string; body: string };
  emailAccountId?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** Page size of list calls, and a bound on how many of a contact's tasks are shown. */
const PAGE = 100;
const MAX_TASKS = 300;
/** A wait for the rate limiter longer than this is reported instead of sat through. */
const MAX_INLINE_WAIT_MS = 3_000;
/** Reply's 429 without a usable Retry-After: wait a minute, the shorter of its windows. */
const DEFAULT_RETRY_AFTER_S = 60;

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
    return this.call('GET', '/v3/email-accounts?top=100&my=true', EmailAccountsSchema);
  }

  /** Contacts whose email (or phone) equals the value; Reply matches emails case-insensitively. */
  findContacts(property: 'email' | 'phone', value: string): Promise<Contact[]> {
    return this.call('POST', '/v3/contacts/filter', ContactsSchema, {
      rules: [{ property, condition: 'equals', value }],
    });
  }

  /**
   * New manual emails and SMS, all pages (bounded), narrowed by `filter` (e.g. a contact, or
   * due before a time). Enums go out as integers, which both versions of Reply's docs accept.
   */
  async pendingExecutableTasks(filter: {
    contactId?: number;
    to?: string;
  }): Promise<TaskSummary[]> {
    const tasks: TaskSummary[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const page = await this.call(
        'POST',
        `/v3/tasks/filter?top=${PAGE}&skip=${skip}`,
        TaskPageSchema,
        {
          ...filter,
          status: [0],
          taskType: [7, 8],
        },
      );
      tasks.push(...page.items);
      if (!page.hasMore || page.items.length === 0 || tasks.length >= MAX_TASKS) return tasks;
    }
  }

  /** Sends a real message. Not idempotent: callers go through utils/execution only. */
  executeTask(taskId: number, body: ExecuteBody): Promise<Task> {
    return this.call('POST', `/v3/tasks/${taskId}/execute`, TaskSchema, body);
  }

  private async call<S extends v.GenericSchema>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<v.InferOutput<S>> {
    try {
      return await request(this.credentials, this.options, method, path, schema, body);
    } catch (error) {
      // A 401 means Reply processed nothing, so the other header is safe to try once.
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

/** Checks a key, finding which auth header this Reply accepts (or using the forced one). */
export async function connect(
  apiKey: string,
  options: ClientOptions = {},
  forced?: AuthScheme,
): Promise<{ whoami: WhoAmI; authScheme: AuthScheme }> {
  const client = new ReplyClient(
    { apiKey, authScheme: forced ?? 'x-api-key' },
    { ...options, fixedAuth: forced !== undefined },
  );
  const whoami = await client.whoami();
  return { whoami, authScheme: client.authScheme };
}

async function request<S extends v.GenericSchema>(
  credentials: Credentials,
  options: ClientOptions,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body: unknown,
): Promise<v.InferOutput<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (credentials.authScheme === 'bearer') headers.Authorization = `Bearer ${credentials.apiKey}`;
  else headers['X-API-Key'] = credentials.apiKey;
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

  if (response.status === 401) throw new ReplyError('unauthorized', { status: 401 });
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
  const problem = v.safeParse(ProblemSchema, await response.json().catch(() => null));
  const fieldErrors = problem.success
    ? (problem.output.errors ?? []).map((e) => e.message).filter(Boolean)
    : [];
  const detail = problem.success
    ? [problem.output.detail ?? problem.output.title, ...fieldErrors].filter(Boolean).join(' ')
    : undefined;
  const details = { status: response.status, detail: detail || undefined };
  const { status } = response;
  if (status === 429) {
    const retryAfterSeconds =
      parseRetryAfter(response.headers.get('Retry-After')) ?? DEFAULT_RETRY_AFTER_S;
    limiter?.block(retryAfterSeconds * 1000);
    return new ReplyError('rate-limited', { ...details, retryAfterSeconds });
  }
  if (status === 403) return new ReplyError('forbidden', details);
  if (status === 404) return new ReplyError('not-found', details);
  if (status >= 500) return new ReplyError('server', details);
  return new ReplyError('invalid-request', details);
}
