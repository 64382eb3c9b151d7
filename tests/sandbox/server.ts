// A local HTTPS stand-in for Reply: the API v3 on api.reply.io (and any host not the web app's),
// a fake web app on run.reply.io and app.reply.io. It records every API request, can inject
// faults, and applies Reply's rate limits, so end-to-end tests can check what the extension did.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  type ApiResponse,
  type AuthMode,
  authenticate,
  type BatchCompletion,
  type Completion,
  problem,
  type Replacement,
  ReplyApi,
  type RequestBody,
  rateLimited,
  type SentMessage,
} from './api';
import type { Task } from './data';
import type { EnumForm } from './enums';
import { type Fault, type FaultMatch, FaultQueue } from './faults';
import { type RateLimit, RateLimiter, REPLY_RATE_LIMIT } from './ratelimit';
import { isSiteHost, serveSitePage } from './site-pages';
import { sandboxCertificate } from './tls';
import { serveWebApp, WEB_APP_HOSTS } from './webapp';

export type { Completion, SentMessage } from './api';
export type { Task as SandboxTask } from './data';
export {
  SANDBOX_API_KEY,
  SANDBOX_OTHER_API_KEY,
  SANDBOX_QUEUE_API_KEY,
  SANDBOX_TEAMS_API_KEY,
} from './data';
export type { Fault, FaultMatch } from './faults';
export { SITE_HOSTS } from './site-pages';
export { type SandboxCertificate, sandboxCertificate } from './tls';

export interface SandboxOptions {
  /** 0 (the default) picks a free port; Firefox tests pass 443. */
  port?: number;
  /** Which header carries the key. */
  auth?: AuthMode;
  /** How taskType, status, creationSource and linkedInTaskType are sent. */
  enumForm?: EnumForm;
  /** `{items, hasMore}` (current docs) or the older bare array. */
  emailAccountsForm?: 'paged' | 'array';
  rateLimit?: RateLimit;
  /** New email/SMS tasks in the demo user's due queue (30 by default). */
  queueSize?: number;
  /** Items a list page holds at most, whatever `top` asks (Reply may answer fewer). */
  pageCap?: number;
  /** 'reply' (default): contact search by containment, `rules` ignored; 'rules': honoured. */
  contactSearch?: 'reply' | 'rules';
}

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  at: number;
  /** The status answered; absent until then, and when the connection was dropped. */
  status?: number;
}

export interface Sandbox {
  port: number;
  /** https://127.0.0.1:port */
  origin: string;
  /** Every API request received, in order: not web-app pages, not CORS preflights. */
  requests: RecordedRequest[];
  apiRequests(filter?: { method?: string; pathPattern?: RegExp }): RecordedRequest[];
  /** POST /v3/tasks/{id}/execute calls that reached processing (whatever they answered). */
  executeCalls(taskId?: number): RecordedRequest[];
  /** Messages actually sent, one per accepted execute. */
  sent: SentMessage[];
  /** Tasks completed, one per accepted complete (and per id a batch completed), with the body's choices. */
  completed: Completion[];
  /** Bodies of `POST /v3/tasks/batch/complete` that passed validation, with what each did. */
  batchCompletions: BatchCompletion[];
  /** Accepted `PUT /v3/tasks/{id}` bodies, with the task before each. */
  replacements: Replacement[];
  /** Changes a task's status as if in Reply's own app (nothing recorded). */
  setStatusElsewhere(id: number, status: 'new' | 'finished' | 'cancelled' | 'archived'): void;
  /** Fault the next `times` (default 1) API requests matching `match`. */
  inject(match: FaultMatch, fault: Fault, times?: number): void;
  /** A copy of the task's current state, with integer enums. */
  task(id: number): Task | undefined;
  /** Back to fresh seed data; clears records, faults and rate-limit counts. */
  reset(): void;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, X-API-Key, X-TEAM-ID, Content-Type',
  // Not CORS-safelisted, and a page needs them to honour 429 and 401.
  'Access-Control-Expose-Headers': 'Retry-After, WWW-Authenticate',
};

const NOT_JSON_PAGE =
  '<!doctype html><html><body><h1>Please sign in to the network</h1></body></html>';

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const auth = opts.auth ?? 'either';
  const limit = opts.rateLimit ?? REPLY_RATE_LIMIT;
  const api = new ReplyApi({
    enumForm: opts.enumForm ?? 'integer',
    emailAccountsForm: opts.emailAccountsForm ?? 'paged',
    queueSize: opts.queueSize,
    pageCap: opts.pageCap,
    contactSearch: opts.contactSearch,
  });
  const limiter = new RateLimiter(limit);
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const processed: RecordedRequest[] = [];
  const delayed = new Set<ReturnType<typeof setTimeout>>();

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'Access-Control-Max-Age': '600' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    const method = req.method ?? 'GET';
    const body = parseBody(await readBody(req));
    const record: RecordedRequest = {
      method,
      host: hostOf(req),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: flattenHeaders(req),
      body: body.kind === 'json' ? body.value : body.kind === 'invalid' ? body.text : undefined,
      at: Date.now(),
    };
    requests.push(record);
    res.once('finish', () => {
      record.status = res.statusCode;
    });

    const user = authenticate(req.headers, auth);
    if (!user) return send(res, problem(401));
    const retryAfter = limiter.take(user.id, record.at);
    if (retryAfter !== undefined) return send(res, rateLimited(retryAfter, limit));

    const fault = faults.take(method, url.pathname);
    switch (fault?.kind) {
      case 'status': {
        const response = problem(fault.status, fault.detail);
        if (fault.retryAfter !== undefined) {
          response.headers = { ...response.headers, 'Retry-After': fault.retryAfter };
        }
        return send(res, response);
      }
      case 'drop-before-processing':
        req.socket.destroy();
        return;
      case 'not-json':
        res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'text/html' }).end(NOT_JSON_PAGE);
        return;
    }

    processed.push(record);
    const teamHeader = req.headers['x-team-id'];
    const response = api.handle({
      method,
      path: url.pathname,
      query: record.query,
      body,
      user,
      teamId: typeof teamHeader === 'string' ? teamHeader : undefined,
    });
    switch (fault?.kind) {
      case 'drop-after-processing':
        req.socket.destroy();
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          delayed.delete(timer);
          send(res, response);
        }, fault.ms);
        delayed.add(timer);
        return;
      }
      case 'wrong-shape':
        return send(res, { status: 200, body: { unexpected: true } });
      default:
        return send(res, response);
    }
  }

  const certificate = sandboxCertificate();
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const host = hostOf(req);
    if (WEB_APP_HOSTS.has(host)) return serveWebApp(req, res);
    if (isSiteHost(host)) return serveSitePage(req, res, host);
    handleApi(req, res).catch((error: unknown) => {
      // A bug in the sandbox: say so loudly rather than hang the client.
      console.error('reply sandbox:', error);
      if (res.headersSent) res.destroy();
      else send(res, problem(500, String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    requests,
    sent: api.sent,
    completed: api.completed,
    batchCompletions: api.batchCompletions,
    replacements: api.replacements,
    setStatusElsewhere: (id, status) => api.setStatusElsewhere(id, status),
    apiRequests: (filter = {}) =>
      requests.filter(
        (r) =>
          (!filter.method || r.method === filter.method.toUpperCase()) &&
          (!filter.pathPattern || filter.pathPattern.test(r.path)),
      ),
    executeCalls: (taskId) => {
      const id = taskId === undefined ? '\\d+' : String(taskId);
      const pattern = new RegExp(`^/v3/tasks/${id}/execute/?$`, 'i');
      return processed.filter((r) => r.method === 'POST' && pattern.test(r.path));
    },
    inject: (match, fault, times) => faults.add(match, fault, times),
    task: (id) => api.task(id),
    reset: () => {
      api.reset();
      limiter.reset();
      faults.clear();
      requests.length = 0;
      processed.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of delayed) clearTimeout(timer);
        delayed.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parseBody(text: string): RequestBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'invalid', text };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, response: ApiResponse): void {
  const headers: Record<string, string | number> = { ...CORS_HEADERS, ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, { ...headers, 'Content-Length': 0 }).end();
    return;
  }
  const text = JSON.stringify(response.body);
  headers['Content-Type'] =
    response.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(response.status, headers).end(text);
}

/** The Host header without its port, lowercased. */
function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}
