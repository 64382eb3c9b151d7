/**
 * Everything that can go wrong between the extension and Reply, as kinds a person can act on.
 * Each failure crosses the message boundary as a `Failure`: a kind for code and a sentence for
 * the user. Sentences are written here and nowhere else.
 */
export type FailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'not-connected'
  | 'not-executable'
  | 'extension'
  | 'bad-message'
  | 'not-sent'
  | 'unconfirmed'
  | 'internal'
  | 'invalid-site'
  | 'no-site-access'
  | 'user-not-found'
  | 'missing-scope'
  | 'plan-forbidden'
  | 'team-required'
  | 'team-not-accessible'
  | 'opted-out'
  | 'replied'
  | 'unchecked'
  | 'not-completed';

/**
 * The pre-send checks' refusals: nothing was sent, nothing failed; the task waits for the rep
 * (a run, with nobody to ask, skips it).
 */
export const heldByChecks = (kind: FailureKind | undefined): boolean =>
  kind === 'opted-out' || kind === 'replied' || kind === 'unchecked';

/** What the contact wrote since the task was made, as the inbox shows it. */
export interface ContactReply {
  /** When the thread last moved (ISO), if Reply said. */
  at: string | null;
  /** The first line of the last message's preview, if any. */
  firstLine: string | null;
}

export interface Failure {
  kind: FailureKind;
  message: string;
  /** For 'rate-limited': how long Reply asked us to wait. */
  retryAfterSeconds?: number;
  /** For 'replied': what the contact wrote, for the rep to judge before sending anyway. */
  replied?: ContactReply;
}

/** A validation error's field, as Reply pointed at it (`/content/subject`, `emailAccountId`). */
export interface FieldProblem {
  field: string | null;
  detail: string | null;
}

export interface ErrorDetails {
  status?: number;
  detail?: string;
  retryAfterSeconds?: number;
  /** Reply's `<resource>.<variant>` code, or a team code. */
  code?: string;
  fields?: FieldProblem[];
  /** For 'team-not-accessible': the team the calls named. */
  teamName?: string;
  /** For the team errors: the teams Reply listed. */
  teams?: Array<{ teamId: number; teamName: string | null }>;
  replied?: ContactReply;
}

export class ReplyError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly details: ErrorDetails = {},
  ) {
    super(kind);
    this.name = 'ReplyError';
  }

  toFailure(): Failure {
    return {
      kind: this.kind,
      message: describe(this.kind, this.details),
      ...(this.details.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: this.details.retryAfterSeconds }),
      ...(this.details.replied ? { replied: this.details.replied } : {}),
    };
  }
}

/** Names a field the way the rep knows it: "the subject", not `/content/subject`. */
const FIELD_NAMES: Record<string, string> = {
  subject: 'the subject',
  body: 'the body',
  emailaccountid: 'the sending account',
  content: 'the content',
};

function fieldName(pointer: string | null): string | null {
  if (!pointer) return null;
  const last = pointer
    .split(/[/.]/)
    .filter(Boolean)
    .at(-1)
    ?.replace(/\[\d+\]$/, '');
  if (!last || last === '$') return null;
  return FIELD_NAMES[last.toLowerCase()] ?? `the field “${last}”`;
}

function refusedFields(fields: FieldProblem[]): string | null {
  const parts = fields
    .map(({ field, detail }) => {
      const name = fieldName(field);
      if (name && detail) return `${name} (“${detail}”)`;
      return name ?? (detail ? `“${detail}”` : null);
    })
    .filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

function describe(kind: FailureKind, d: ErrorDetails): string {
  const reason = d.detail ? ` Reply said: “${d.detail}”` : '';
  switch (kind) {
    case 'unauthorized':
      return 'Reply rejected this API key. Copy a current key from Reply (Settings → API key) into the extension’s popup.';
    case 'user-not-found':
      return 'This Reply user no longer exists, so its API key no longer works. Sign in to Reply as a current user and save that user’s key in the extension’s popup.';
    case 'forbidden':
      return `Your Reply user has no access to this task.${reason}`;
    case 'missing-scope':
      return `This API key isn’t allowed to do this in Reply (it lacks a permission).${reason} Create a key with full access in Reply (Settings → API key) and save it in the extension’s popup.`;
    case 'plan-forbidden':
      return `Your Reply plan or role doesn’t include this${d.code ? ` (${d.code})` : ''}.${reason} Ask your Reply admin to enable it.`;
    case 'team-required':
      return 'Your Reply user is in several teams, and Reply needs to know which one. Choose the team in the extension’s popup.';
    case 'team-not-accessible':
      return `Your Reply user can’t use the team ${d.teamName ? `“${d.teamName}”` : 'the extension named'} (any more). Choose another team in the extension’s popup.`;
    case 'not-found':
      return 'Reply has no such task: it may have been deleted.';
    case 'invalid-request': {
      const fields = refusedFields(d.fields ?? []);
      if (fields) return `Reply refused ${fields}. Change it and try again.`;
      return `Reply refused the request.${reason || ' It gave no reason.'}`;
    }
    case 'opted-out':
      return 'This contact has opted out in Reply, so nothing was sent. You can complete the task without sending it.';
    case 'replied':
      return `The contact has replied since this task was made${d.replied?.at ? ` (${d.replied.at.slice(0, 16).replace('T', ' ')} UTC)` : ''}, so nothing was sent yet.`;
    case 'unchecked':
      return 'The extension couldn’t check with Reply whether this contact opted out or replied, so nothing was sent yet. Try again, or send it anyway.';
    case 'not-completed':
      return 'Nothing was completed: the connection to Reply broke before Reply took it, and Reply still shows the task as New. You can try again.';
    case 'rate-limited':
      return `Reply’s rate limit was reached, so nothing was sent. Try again in ${formatWait(d.retryAfterSeconds)}.`;
    case 'server':
      return `Reply had a problem on its side${d.status ? ` (error ${d.status})` : ''}. Try again in a moment.${reason}`;
    case 'network':
      return 'Can’t reach Reply. Check your internet connection and try again.';
    case 'timeout':
      return 'Reply took too long to answer. Try again in a moment.';
    case 'bad-response':
      return 'Reply sent an answer the extension doesn’t understand. Try again, or open the task in Reply.';
    case 'not-connected':
      return 'Add your Reply API key in the extension’s toolbar popup first.';
    case 'not-executable':
      return d.detail ?? 'This task can’t be executed from here.';
    case 'extension':
      return 'The extension was updated or restarted. Reload this page and try again.';
    case 'not-sent':
      return 'Nothing was sent: the connection to Reply broke before Reply took the task, and Reply still shows it as New. You can send it again.';
    case 'unconfirmed':
      return 'The connection to Reply broke and the extension could not confirm whether the message went out. Check the task in Reply before sending it again.';
    case 'invalid-site':
      return d.detail ?? 'That address can’t be added.';
    case 'no-site-access':
      return 'The browser didn’t grant access to that site, so it wasn’t added.';
    case 'internal':
      return 'Something went wrong inside the extension. Reload this page and try again.';
    case 'bad-message':
      return 'The extension refused a request it could not verify. Reload this page and try again.';
  }
}

function formatWait(seconds: number | undefined): string {
  if (seconds === undefined || seconds <= 1) return 'a moment';
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
