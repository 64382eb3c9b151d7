// Reply's API v3, as far as the extension uses it (see /work/shared/reply-api.md): routing,
// validation, task state and the messages "sent" by executing tasks.

import type { IncomingHttpHeaders } from 'node:http';
import { STATUS_CODES } from 'node:http';
import {
  BOUNCING_DOMAIN,
  type Contact,
  seedWorld,
  type Task,
  USERS,
  type User,
  type World,
} from './data';
import {
  BatchFailure,
  CallResolution,
  CreationSource,
  type EnumForm,
  type EnumMap,
  enumName,
  formatEnum,
  LinkedInTaskType,
  parseEnum,
  TaskStatus,
  TaskType,
} from './enums';
import type { RateLimit } from './ratelimit';

export type AuthMode = 'x-api-key' | 'bearer' | 'either';

export interface ApiOptions {
  enumForm: EnumForm;
  emailAccountsForm: 'paged' | 'array';
  /** New email/SMS tasks in the demo user's due queue (30 by default). */
  queueSize?: number;
  /**
   * Items a list page holds at most, whatever `top` asked (the docs allow fewer): paging must
   * go by the items received. Unset: as many as `top`.
   */
  pageCap?: number;
  /**
   * How `POST /v3/contacts/filter` searches. 'reply' (the default), as Reply's own clients
   * show it: `searchTerm` matches by containment and `rules` is ignored like any unknown field
   * (so a body of rules alone lists every contact). 'rules' also honours `rules` exactly.
   */
  contactSearch?: 'reply' | 'rules';
}

export type RequestBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid'; text: string };

export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: RequestBody;
  user: User;
  /** The X-TEAM-ID header, if sent. */
  teamId?: string;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON to send; none for 401 and 204. */
  body?: unknown;
}

/** A task completed through `POST /v3/tasks/{id}/complete`, with what the body asked. */
export interface Completion {
  taskId: number;
  callResolution: number | null;
  finishProspectInSequence: boolean;
  at: number;
  /** Completed as one of the ids of `POST /v3/tasks/batch/complete`. */
  batch?: true;
}

/** A body Reply received on `POST /v3/tasks/batch/complete`, whatever it answered. */
export interface BatchCompletion {
  body: unknown;
  /** The ids it completed, and those it failed with their code (1 NotFound, 7 CannotComplete). */
  completed: number[];
  failed: Record<number, number>;
  at: number;
}

/** An accepted `PUT /v3/tasks/{id}`: the body as received, and the task before it. */
export interface Replacement {
  taskId: number;
  body: unknown;
  before: Task;
  at: number;
}

export interface SentMessage {
  taskId: number;
  subject: string | null;
  body: string;
  to: string;
  emailAccountId: number | null;
  at: number;
}

interface FieldError {
  field: string;
  message: string;
}

interface Content {
  subject: string | null;
  body: string;
}

interface Route {
  method: 'GET' | 'POST' | 'PUT';
  pattern: RegExp;
  handle: (req: ApiRequest, id: number) => ApiResponse;
}

/** Thrown by handlers to answer with an error right away. */
class ApiError extends Error {
  constructor(readonly response: ApiResponse) {
    super(`HTTP ${response.status}`);
  }
}

/** An RFC 9457 problem; 401 is the exception, with no body at all, as Reply sends it. */
export function problem(status: number, detail?: string, errors?: FieldError[]): ApiResponse {
  if (status === 401) return { status, headers: { 'WWW-Authenticate': 'Bearer' } };
  const title = STATUS_CODES[status] ?? 'Error';
  return {
    status,
    body: {
      type: 'about:blank',
      title,
      status,
      detail: detail ?? title,
      ...(errors && { errors }),
    },
  };
}

export function rateLimited(retryAfterSeconds: number, limit: RateLimit): ApiResponse {
  const detail = `Rate limit of ${limit.perMinute} requests a minute and ${limit.perHour} an hour exceeded. Retry after ${retryAfterSeconds} seconds.`;
  return { ...problem(429, detail), headers: { 'Retry-After': String(retryAfterSeconds) } };
}

/** The user whose key the request carries in a header `mode` accepts, if the key is valid. */
export function authenticate(headers: IncomingHttpHeaders, mode: AuthMode): User | undefined {
  const keys: string[] = [];
  const apiKey = headers['x-api-key'];
  if (mode !== 'bearer' && typeof apiKey === 'string') keys.push(apiKey.trim());
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (mode !== 'x-api-key' && bearer?.[1]) keys.push(bearer[1]);
  return USERS.find((user) => keys.includes(user.apiKey));
}

export class ReplyApi {
  /** Every message actually sent, one per accepted execute. Cleared in place on reset. */
  readonly sent: SentMessage[] = [];
  /** Every accepted complete, in order (batch ones too). Cleared in place on reset. */
  readonly completed: Completion[] = [];
  /** Every batch complete that passed validation, in order. Cleared in place on reset. */
  readonly batchCompletions: BatchCompletion[] = [];
  /** Every accepted PUT of a task, in order. Cleared in place on reset. */
  readonly replacements: Replacement[] = [];
  private world: World;

  private readonly routes: Route[] = [
    { method: 'GET', pattern: /^\/v3\/whoami\/?$/i, handle: (req) => this.whoami(req) },
    {
      method: 'GET',
      pattern: /^\/v3\/tasks\/(\d+)\/?$/i,
      handle: (req, id) => this.getTask(req, id),
    },
    {
      method: 'POST',
      pattern: /^\/v3\/tasks\/(\d+)\/execute\/?$/i,
      handle: (req, id) => this.execute(req, id),
    },
    {
      method: 'POST',
      pattern: /^\/v3\/tasks\/(\d+)\/complete\/?$/i,
      handle: (req, id) => this.complete(req, id),
    },
    {
      method: 'POST',
      pattern: /^\/v3\/tasks\/batch\/complete\/?$/i,
      handle: (req) => this.batchComplete(req),
    },
    {
      method: 'PUT',
      pattern: /^\/v3\/tasks\/(\d+)\/?$/i,
      handle: (req, id) => this.replace(req, id),
    },
    {
      method: 'POST',
      pattern: /^\/v3\/tasks\/filter\/?$/i,
      handle: (req) => this.filterTasks(req),
    },
    {
      method: 'GET',
      pattern: /^\/v3\/email-accounts\/?$/i,
      handle: (req) => this.emailAccounts(req),
    },
    {
      method: 'POST',
      pattern: /^\/v3\/contacts\/filter\/?$/i,
      handle: (req) => this.filterContacts(req),
    },
    {
      method: 'GET',
      pattern: /^\/v3\/contacts\/(\d+)\/statuses\/?$/i,
      handle: (req, id) => this.contactStatuses(req, id),
    },
    {
      method: 'POST',
      pattern: /^\/v3\/inbox\/threads\/filter\/?$/i,
      handle: (req) => this.filterThreads(req),
    },
  ];

  constructor(private readonly options: ApiOptions) {
    this.world = seedWorld(Date.now(), options.queueSize);
  }

  reset(): void {
    this.world = seedWorld(Date.now(), this.options.queueSize);
    this.sent.length = 0;
    this.completed.length = 0;
    this.batchCompletions.length = 0;
    this.replacements.length = 0;
  }

  /** The task's status changed elsewhere (in Reply's app, by a teammate): nothing recorded. */
  setStatusElsewhere(id: number, status: keyof typeof TaskStatus): void {
    const task = this.world.tasks.get(id);
    if (!task) throw new Error(`No task ${id}`);
    const finishedAt = status === 'new' ? null : new Date().toISOString();
    Object.assign(task, { status: TaskStatus[status], finishedAt });
  }

  task(id: number): Task | undefined {
    const task = this.world.tasks.get(id);
    return task && structuredClone(task);
  }

  handle(req: ApiRequest): ApiResponse {
    const onPath = this.routes.filter((route) => route.pattern.test(req.path));
    if (onPath.length === 0) return problem(404, `No API route ${req.method} ${req.path}.`);
    const route = onPath.find((r) => r.method === req.method);
    if (!route) {
      const allow = onPath.map((r) => r.method).join(', ');
      return { ...problem(405, `${req.path} accepts ${allow}.`), headers: { Allow: allow } };
    }
    if (route.method !== 'GET' && req.body.kind === 'invalid') {
      return problem(400, 'The request body is not valid JSON.');
    }
    const team = this.teamProblem(req);
    if (team) return team;
    try {
      return route.handle(req, Number(route.pattern.exec(req.path)?.[1]));
    } catch (error) {
      if (error instanceof ApiError) return error.response;
      throw error;
    }
  }

  /**
   * A user in several teams names one on every call but whoami: without it Reply answers 403
   * TEAM_REQUIRED listing the teams, and TEAM_NOT_ACCESSIBLE for a team not theirs.
   */
  private teamProblem(req: ApiRequest): ApiResponse | null {
    const { teams } = req.user;
    if (!teams || /^\/v3\/whoami\/?$/i.test(req.path)) return null;
    const code =
      req.teamId === undefined
        ? 'TEAM_REQUIRED'
        : teams.some((t) => String(t.teamId) === req.teamId?.trim())
          ? null
          : 'TEAM_NOT_ACCESSIBLE';
    if (!code) return null;
    const detail =
      code === 'TEAM_REQUIRED'
        ? 'This user belongs to several teams: send X-TEAM-ID.'
        : `Team ${req.teamId} is not accessible to this user.`;
    return { status: 403, body: { ...(problem(403, detail).body as object), code, teams } };
  }

  /** The tasks a request may see: its user's, and for a user in teams, the team's named. */
  private visible(req: ApiRequest, task: Task): boolean {
    if (task.assignedUserId !== req.user.id) return false;
    return !req.user.teams || String(task.teamId) === req.teamId?.trim();
  }

  /** A page of a list, holding no more than `pageCap` items whatever `top` asked. */
  private page<T>(all: T[], { top, skip }: { top: number; skip: number }) {
    const size = Math.min(top, this.options.pageCap ?? top);
    return { items: all.slice(skip, skip + size), hasMore: skip + size < all.length };
  }

  private whoami(req: ApiRequest): ApiResponse {
    return ok({ userId: req.user.id, username: req.user.username });
  }

  private getTask(req: ApiRequest, id: number): ApiResponse {
    const task = this.ownTask(req, id);
    const includeContent = req.query.includeContent?.toLowerCase() === 'true';
    return ok(this.present(task, includeContent ? this.render(task) : null));
  }

  private execute(req: ApiRequest, id: number): ApiResponse {
    const task = this.ownTask(req, id);
    const input = parseExecuteBody(bodyOf(req));
    if (task.taskType !== TaskType.manualEmail && task.taskType !== TaskType.sms) {
      throw new ApiError(
        problem(
          400,
          'Only ManualEmail and Sms tasks can be executed. Use complete for this task type.',
        ),
      );
    }
    assertActive(task);
    const isEmail = task.taskType === TaskType.manualEmail;
    const to = isEmail ? task.deliveryInfo?.email : task.deliveryInfo?.phoneNumber;
    if (!to) throw new ApiError(problem(400, 'The task has no recipient.'));
    const emailAccountId = this.sendingAccount(task, req.user, input.emailAccountId);

    const rendered = this.render(task);
    const content: Content = {
      // An SMS has no subject, whatever the client sends.
      subject: isEmail ? (input.content?.subject ?? rendered.subject) : null,
      body: input.content?.body ?? rendered.body,
    };
    const at = Date.now();
    this.sent.push({ taskId: task.id, ...content, to, emailAccountId, at });
    Object.assign(task, {
      status: TaskStatus.finished,
      finishedAt: new Date(at).toISOString(),
      isFailed: to.toLowerCase().endsWith(`@${BOUNCING_DOMAIN}`),
      template: { ...task.template, ...content },
    });
    return ok(this.present(task, content));
  }

  private complete(req: ApiRequest, id: number): ApiResponse {
    const task = this.ownTask(req, id);
    const input = parseCompleteBody(bodyOf(req));
    assertActive(task);
    if (input.callResolution !== undefined && task.taskType !== TaskType.call) {
      throw new ApiError(problem(400, 'callResolution applies to Call tasks only.'));
    }
    this.finish(task, {
      taskId: task.id,
      callResolution: input.callResolution ?? null,
      finishProspectInSequence: input.finishProspectInSequence ?? false,
      at: Date.now(),
    });
    return ok(this.present(task, null));
  }

  /** Completes a task without sending, as both complete calls do, and records it. */
  private finish(task: Task, completion: Completion): void {
    this.completed.push(completion);
    Object.assign(task, {
      status: TaskStatus.finished,
      finishedAt: new Date(completion.at).toISOString(),
      isFailed: false,
      // A finished task's template holds the final content, not placeholders.
      template: { ...task.template, ...this.render(task) },
    });
  }

  /**
   * `{ids: [...]}`, 1 to 100 task ids. Answers `{}` when every one was completed, else the
   * failures keyed by task id, each `{code, message}` with Reply's codes (1 NotFound,
   * 7 CannotComplete; a name in the string enum form). The others are completed.
   */
  private batchComplete(req: ApiRequest): ApiResponse {
    const input = asObject(bodyOf(req));
    const errors: FieldError[] = [];
    const ids = field(input, 'ids', errors, INTEGERS_EXPECTED, (value) =>
      Array.isArray(value) ? listOf(asInteger)(value) : undefined,
    );
    if (!ids) errors.push({ field: 'ids', message: 'ids is required.' });
    else if (ids.length < 1 || ids.length > 100) {
      errors.push({ field: 'ids', message: 'ids must hold from 1 to 100 task ids.' });
    }
    if (errors.length > 0 || !ids) throw invalid(errors);
    const failures: Record<string, { code: number | string; message: string }> = {};
    const record: BatchCompletion = { body: input, completed: [], failed: {}, at: Date.now() };
    const fail = (id: number, code: number, message: string) => {
      record.failed[id] = code;
      failures[id] = { code: formatEnum(BatchFailure, code, this.options.enumForm), message };
    };
    for (const id of new Set(ids)) {
      const task = this.world.tasks.get(id);
      if (!task || !this.visible(req, task))
        fail(id, BatchFailure.notFound, `Task ${id} was not found.`);
      else if (task.status !== TaskStatus.new) {
        fail(
          id,
          BatchFailure.cannotComplete,
          `Task ${id} is ${enumName(TaskStatus, task.status)}; only new tasks can be completed.`,
        );
      } else {
        this.finish(task, {
          taskId: id,
          callResolution: null,
          finishProspectInSequence: false,
          at: Date.now(),
          batch: true,
        });
        record.completed.push(id);
      }
    }
    this.batchCompletions.push(record);
    return ok(failures);
  }

  /**
   * A full replacement of a New task: `taskType`, `startAt`, `dueTo` (after `startAt`) and
   * `template: {subject?, body}` are required; `contactId` and `linkedInTaskType` are taken as
   * sent; a sequence task's type and contact can't change. Other fields are ignored.
   */
  private replace(req: ApiRequest, id: number): ApiResponse {
    const task = this.ownTask(req, id);
    const input = asObject(bodyOf(req));
    const errors: FieldError[] = [];
    const required = <T>(name: string, expected: string, parse: (v: unknown) => T | undefined) => {
      const value = field(input, name, errors, expected, parse);
      if (value === undefined && (input[name] === undefined || input[name] === null)) {
        errors.push({ field: name, message: `${name} is required.` });
      }
      return value;
    };
    const taskType = required('taskType', 'a task type', (v) => parseEnum(TaskType, v));
    const startAt = required('startAt', 'a date-time', asDate);
    const dueTo = required('dueTo', 'a date-time', asDate);
    const template = required('template', 'an object with a body', (v) =>
      isObject(v) &&
      typeof v.body === 'string' &&
      (v.subject == null || typeof v.subject === 'string')
        ? { subject: (v.subject as string | null | undefined) ?? null, body: v.body }
        : undefined,
    );
    const contactId = field(input, 'contactId', errors, 'an integer', asInteger);
    const linkedInTaskType = field(input, 'linkedInTaskType', errors, 'a LinkedIn task type', (v) =>
      parseEnum(LinkedInTaskType, v),
    );
    if (startAt !== undefined && dueTo !== undefined && !(dueTo > startAt)) {
      errors.push({ field: 'dueTo', message: 'dueTo must be after startAt.' });
    }
    if (task.sequenceId !== null && taskType !== undefined && taskType !== task.taskType) {
      errors.push({ field: 'taskType', message: 'A sequence task’s type can’t change.' });
    }
    if (task.sequenceId !== null && (contactId ?? null) !== task.contactId) {
      errors.push({ field: 'contactId', message: 'A sequence task’s contact can’t change.' });
    }
    if (contactId !== undefined && !this.contact(contactId)) {
      errors.push({ field: 'contactId', message: `Contact ${contactId} was not found.` });
    }
    if (errors.length > 0) throw invalid(errors);
    if (task.status !== TaskStatus.new) {
      throw new ApiError(
        problem(
          400,
          `Task is ${enumName(TaskStatus, task.status)}; only new tasks can be changed.`,
        ),
      );
    }
    const before = structuredClone(task);
    Object.assign(task, {
      taskType,
      startAt: new Date(startAt as number).toISOString(),
      dueTo: new Date(dueTo as number).toISOString(),
      template: { ...task.template, ...template },
      contactId: contactId ?? null,
      linkedInTaskType: taskType === TaskType.linkedIn ? (linkedInTaskType ?? null) : null,
    });
    this.replacements.push({ taskId: id, body: input, before, at: Date.now() });
    return ok(this.present(task, null));
  }

  private filterTasks(req: ApiRequest): ApiResponse {
    const { top, skip } = paging(req.query);
    const filter = parseTaskFilter(bodyOf(req));
    const now = Date.now();
    // A key sees its own user's tasks only; assignedUserId can narrow that, not widen it.
    const matches = [...this.world.tasks.values()]
      .filter((task) => this.visible(req, task) && taskMatches(task, filter, now))
      .sort((a, b) => a.dueTo.localeCompare(b.dueTo) || a.id - b.id);
    const { items, hasMore } = this.page(matches, { top, skip });
    return ok({ items: items.map((task) => this.summarize(task)), hasMore });
  }

  // `my` is accepted but changes nothing: the sandbox shows a user only their own accounts.
  private emailAccounts(req: ApiRequest): ApiResponse {
    const { top, skip } = paging(req.query);
    const mine = this.world.emailAccounts.filter((a) => a.ownerUserId === req.user.id);
    const { items: page, hasMore } = this.page(mine, { top, skip });
    if (this.options.emailAccountsForm === 'array') {
      return ok(
        page.map(({ id, senderName, email, signature }) => ({
          id,
          senderName,
          emailAddress: email,
          signature,
        })),
      );
    }
    return ok({
      items: page.map(({ id, email, senderName, isDefault, connectionStatus }) => ({
        id,
        email,
        senderName,
        isDefault,
        connectionStatus,
      })),
      hasMore,
    });
  }

  private filterContacts(req: ApiRequest): ApiResponse {
    const { top, skip } = paging(req.query);
    const search = this.options.contactSearch ?? 'reply';
    const matches = this.world.contacts.filter(contactMatcher(bodyOf(req), search));
    const { items, hasMore } = this.page(matches, { top, skip });
    return ok({
      items: items.map(({ id, email, phone, firstName, lastName, company }) => ({
        id,
        email,
        phone,
        firstName,
        lastName,
        company,
      })),
      hasMore,
      totalCount: matches.length,
    });
  }

  private contactStatuses(_req: ApiRequest, id: number): ApiResponse {
    const contact = this.contact(id);
    if (!contact) throw new ApiError(problem(404, `Contact ${id} was not found.`));
    return ok({ isOptedOut: contact.optedOut === true, sequences: [] });
  }

  /** `{contactIds?, source?, from?, to?}`; other fields are ignored, as Reply ignores them. */
  private filterThreads(req: ApiRequest): ApiResponse {
    const { top, skip } = paging(req.query);
    const input = asObject(bodyOf(req));
    const errors: FieldError[] = [];
    const contactIds = field(input, 'contactIds', errors, INTEGERS_EXPECTED, listOf(asInteger));
    const source = field(input, 'source', errors, 'inbox, sent, unread or aiDraft', (value) =>
      ['inbox', 'sent', 'unread', 'aiDraft'].includes(value as string)
        ? (value as string)
        : undefined,
    );
    const from = field(input, 'from', errors, 'a date-time', asDate);
    const to = field(input, 'to', errors, 'a date-time', asDate);
    if (errors.length > 0) throw invalid(errors);
    const matches = this.world.threads
      .filter((t) => !contactIds?.length || contactIds.includes(t.contactId))
      // Reply's default source is the inbox: threads holding a message from the contact.
      .filter((t) => ((source ?? 'inbox') === 'inbox' ? t.hasInbound : !t.hasInbound))
      .filter((t) => from === undefined || Date.parse(t.lastActivityDate) > from)
      .filter((t) => to === undefined || Date.parse(t.lastActivityDate) <= to)
      .sort((a, b) => b.lastActivityDate.localeCompare(a.lastActivityDate));
    const { items, hasMore } = this.page(matches, { top, skip });
    return ok({
      items: items.map((t) => {
        const who = this.contact(t.contactId);
        return {
          id: t.id,
          subject: t.subject,
          bodyPreview: t.bodyPreview,
          lastActivityDate: t.lastActivityDate,
          contact: who && {
            id: who.id,
            email: who.email,
            fullName: `${who.firstName} ${who.lastName}`,
          },
          sequence: null,
        };
      }),
      hasMore,
    });
  }

  private ownTask(req: ApiRequest, id: number): Task {
    const task = this.world.tasks.get(id);
    if (!task) throw new ApiError(problem(404, `Task ${id} was not found.`));
    if (!this.visible(req, task)) {
      throw new ApiError(problem(403, `You do not have access to task ${id}.`));
    }
    return task;
  }

  private contact(id: number | null): Contact | undefined {
    return this.world.contacts.find((c) => c.id === id);
  }

  /** The template with the contact's variables filled in; unknown placeholders stay as is. */
  private render(task: Task): Content {
    const to = this.contact(task.contactId);
    const values = new Map([
      ['firstName', to?.firstName ?? ''],
      ['lastName', to?.lastName ?? ''],
      ['company', to?.company ?? ''],
    ]);
    const fill = (text: string) =>
      text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values.get(name) ?? whole);
    const { subject, body } = task.template;
    return { subject: subject === null ? null : fill(subject), body: fill(body) };
  }

  /** For a one-off email, the chosen or default account; the sequence picks for sequence
   * tasks, and an SMS uses none, so those get null. */
  private sendingAccount(task: Task, user: User, requested: number | null | undefined) {
    if (task.taskType !== TaskType.manualEmail || task.sequenceId !== null) return null;
    const mine = this.world.emailAccounts.filter((a) => a.ownerUserId === user.id);
    const account =
      requested == null ? mine.find((a) => a.isDefault) : mine.find((a) => a.id === requested);
    if (!account) {
      const message =
        requested == null ? 'No default email account.' : `Email account ${requested} not found.`;
      throw invalid([{ field: 'emailAccountId', message }]);
    }
    return account.id;
  }

  /** The full task as the API sends it, fields in the documented order. */
  private present(task: Task, content: Content | null) {
    return {
      id: task.id,
      contactId: task.contactId,
      ...this.enums(task),
      sequenceId: task.sequenceId,
      sequenceStepId: task.sequenceStepId,
      sequenceStepDisplayName: task.sequenceStepDisplayName,
      assignedUserId: task.assignedUserId,
      creationSource: formatEnum(CreationSource, task.creationSource, this.options.enumForm),
      createdAt: task.createdAt,
      startAt: task.startAt,
      dueTo: task.dueTo,
      finishedAt: task.finishedAt,
      isFailed: task.isFailed,
      isScheduled: task.isScheduled,
      template: task.template,
      content,
      deliveryInfo: task.deliveryInfo,
    };
  }

  private summarize(task: Task) {
    const to = this.contact(task.contactId);
    return {
      id: task.id,
      ...this.enums(task),
      assignedUserId: task.assignedUserId,
      contact: to ? { id: to.id, fullName: `${to.firstName} ${to.lastName}` } : null,
      startAt: task.startAt,
      dueTo: task.dueTo,
      finishedAt: task.finishedAt,
      isScheduled: task.isScheduled,
      sequenceId: task.sequenceId,
      sequenceStepId: task.sequenceStepId,
    };
  }

  private enums(task: Task) {
    const form = this.options.enumForm;
    return {
      taskType: formatEnum(TaskType, task.taskType, form),
      status: formatEnum(TaskStatus, task.status, form),
      linkedInTaskType:
        task.linkedInTaskType === null
          ? null
          : formatEnum(LinkedInTaskType, task.linkedInTaskType, form),
    };
  }
}

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

function invalid(errors: FieldError[]): ApiError {
  return new ApiError(problem(400, 'One or more fields are invalid.', errors));
}

function assertActive(task: Task): void {
  if (task.status === TaskStatus.new) return;
  const detail =
    task.status === TaskStatus.finished
      ? 'Task is already finished.'
      : `Task is ${enumName(TaskStatus, task.status)}; only new tasks can be finished.`;
  throw new ApiError(problem(400, detail));
}

/** The JSON body of a POST; an empty body counts as `{}`. */
function bodyOf(req: ApiRequest): unknown {
  return req.body.kind === 'json' ? req.body.value : {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(body: unknown): Record<string, unknown> {
  if (isObject(body)) return body;
  throw invalid([{ field: '$', message: 'The request body must be a JSON object.' }]);
}

/** Reads an optional field; null counts as absent. A value `parse` rejects adds an error. */
function field<T>(
  input: Record<string, unknown>,
  name: string,
  errors: FieldError[],
  expected: string,
  parse: (value: unknown) => T | undefined,
): T | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  const parsed = parse(value);
  if (parsed === undefined) errors.push({ field: name, message: `${name} must be ${expected}.` });
  return parsed;
}

const asInteger = (value: unknown) => (Number.isInteger(value) ? (value as number) : undefined);
const asBoolean = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
const asDate = (value: unknown) => {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
};

/** One value or an array of them, every one of which must parse. */
function listOf<T>(parse: (value: unknown) => T | undefined) {
  return (value: unknown): T[] | undefined => {
    const parsed = (Array.isArray(value) ? value : [value]).map(parse);
    return parsed.every((item) => item !== undefined) ? (parsed as T[]) : undefined;
  };
}

function paging(query: Record<string, string>): { top: number; skip: number } {
  const integer = (text: string | undefined, fallback: number) =>
    text === undefined ? fallback : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  const top = integer(query.top, 25);
  const skip = integer(query.skip, 0);
  const errors: FieldError[] = [];
  if (!(top >= 1 && top <= 1000)) {
    errors.push({ field: 'top', message: 'top must be an integer from 1 to 1000.' });
  }
  if (!(skip >= 0)) errors.push({ field: 'skip', message: 'skip must be a non-negative integer.' });
  if (errors.length > 0) throw invalid(errors);
  return { top, skip };
}

function parseExecuteBody(body: unknown): {
  content?: { subject?: string; body: string };
  emailAccountId?: number;
} {
  const input = asObject(body);
  const errors: FieldError[] = [];
  const content = field(input, 'content', errors, 'an object', (value) =>
    isObject(value) ? value : undefined,
  );
  if (content && typeof content.body !== 'string') {
    errors.push({ field: 'content.body', message: 'content.body must be a string.' });
  }
  if (content && content.subject != null && typeof content.subject !== 'string') {
    errors.push({ field: 'content.subject', message: 'content.subject must be a string or null.' });
  }
  const emailAccountId = field(input, 'emailAccountId', errors, 'an integer or null', asInteger);
  if (errors.length > 0) throw invalid(errors);
  return {
    content: content && {
      subject: typeof content.subject === 'string' ? content.subject : undefined,
      body: String(content.body),
    },
    emailAccountId,
  };
}

/** Validates only: the sandbox keeps no call outcomes or sequence state. */
function parseCompleteBody(body: unknown): {
  callResolution?: number;
  finishProspectInSequence?: boolean;
} {
  const input = asObject(body);
  const errors: FieldError[] = [];
  const callResolution = field(
    input,
    'callResolution',
    errors,
    'Positive, ToCall or Negative (0, 1 or 2)',
    (value) => parseEnum(CallResolution, value),
  );
  const finishProspectInSequence = field(
    input,
    'finishProspectInSequence',
    errors,
    'a boolean',
    asBoolean,
  );
  if (errors.length > 0) throw invalid(errors);
  return { callResolution, finishProspectInSequence };
}

interface TaskFilter {
  from?: number;
  to?: number;
  taskTypes?: number[];
  statuses?: number[];
  sequenceIds?: number[];
  sequenceStepIds?: number[];
  contactId?: number;
  assignedUserId?: number;
  overdue?: boolean;
}

const ENUM_EXPECTED = 'a known value (integer or camelCase name) or an array of them';
const INTEGERS_EXPECTED = 'an integer or an array of integers';

function parseTaskFilter(body: unknown): TaskFilter {
  const input = asObject(body);
  const errors: FieldError[] = [];
  const enumValue = (map: EnumMap) => (value: unknown) => parseEnum(map, value);
  const filter: TaskFilter = {
    from: field(input, 'from', errors, 'a date-time', asDate),
    to: field(input, 'to', errors, 'a date-time', asDate),
    taskTypes: field(input, 'taskType', errors, ENUM_EXPECTED, listOf(enumValue(TaskType))),
    statuses: field(input, 'status', errors, ENUM_EXPECTED, listOf(enumValue(TaskStatus))),
    sequenceIds: field(input, 'sequenceIds', errors, INTEGERS_EXPECTED, listOf(asInteger)),
    sequenceStepIds: field(input, 'sequenceStepIds', errors, INTEGERS_EXPECTED, listOf(asInteger)),
    contactId: field(input, 'contactId', errors, 'an integer', asInteger),
    assignedUserId: field(input, 'assignedUserId', errors, 'an integer', asInteger),
    overdue: field(input, 'overdue', errors, 'a boolean', asBoolean),
  };
  if (errors.length > 0) throw invalid(errors);
  return filter;
}

/** from/to bound dueTo; an empty list filters nothing. */
function taskMatches(task: Task, filter: TaskFilter, now: number): boolean {
  const due = Date.parse(task.dueTo);
  const overdue = task.status === TaskStatus.new && due < now;
  const allows = <T>(list: T[] | undefined, value: T) => !list?.length || list.includes(value);
  const equals = <T>(wanted: T | undefined, value: T) => wanted === undefined || wanted === value;
  return (
    (filter.from === undefined || due >= filter.from) &&
    (filter.to === undefined || due <= filter.to) &&
    allows(filter.taskTypes, task.taskType) &&
    allows(filter.statuses, task.status) &&
    allows(filter.sequenceIds, task.sequenceId) &&
    allows(filter.sequenceStepIds, task.sequenceStepId) &&
    equals(filter.contactId, task.contactId) &&
    equals(filter.assignedUserId, task.assignedUserId) &&
    equals(filter.overdue, overdue)
  );
}

/** A predicate from `{searchTerm}` and/or `{rules:[{property, condition, value}]}`, ANDed.
 * Emails compare without case, phone numbers by their digits only. */
function contactMatcher(body: unknown, search: 'reply' | 'rules'): (contact: Contact) => boolean {
  const input = asObject(body);
  const errors: FieldError[] = [];
  const tests: Array<(contact: Contact) => boolean> = [];

  const term = field(input, 'searchTerm', errors, 'a string', (value) =>
    typeof value === 'string' ? value.toLowerCase() : undefined,
  );
  if (term) {
    tests.push((c) =>
      [c.email, c.phone, c.firstName, c.lastName, `${c.firstName} ${c.lastName}`, c.company ?? '']
        .map((text) => text.toLowerCase())
        .some((text) => text.includes(term)),
    );
  }

  const rules = field(input, 'rules', errors, 'an array', (value) =>
    Array.isArray(value) ? value : undefined,
  );
  const normalizers = {
    email: (text: string) => text.trim().toLowerCase(),
    phone: (text: string) => text.replace(/\D/g, ''),
  };
  // Reply's own clients show `rules` going unheeded: the 'reply' search ignores it.
  if (search === 'reply') {
    if (errors.length > 0) throw invalid(errors);
    return (contact) => tests.every((test) => test(contact));
  }
  rules?.forEach((rule: unknown, i) => {
    const at = `rules[${i}]`;
    const { property, condition, value } = isObject(rule) ? rule : {};
    if (property !== 'email' && property !== 'phone') {
      errors.push({ field: `${at}.property`, message: 'property must be "email" or "phone".' });
    } else if (condition !== 'equals' && condition !== 'contains') {
      errors.push({
        field: `${at}.condition`,
        message: 'condition must be "equals" or "contains".',
      });
    } else if (typeof value !== 'string') {
      errors.push({ field: `${at}.value`, message: 'value must be a string.' });
    } else {
      const normalize = normalizers[property];
      const wanted = normalize(value);
      tests.push((c) => {
        const actual = normalize(c[property]);
        return condition === 'equals' ? actual === wanted : actual.includes(wanted);
      });
    }
  });

  if (errors.length > 0) throw invalid(errors);
  return (contact) => tests.every((test) => test(contact));
}
