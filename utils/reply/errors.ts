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
  | 'no-site-access';

export interface Failure {
  kind: FailureKind;
  message: string;
  /** For 'rate-limited': how long Reply asked us to wait. */
  retryAfterSeconds?: number;
}

export class ReplyError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly details: { status?: number; detail?: string; retryAfterSeconds?: number } = {},
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
    };
  }
}

function describe(kind: FailureKind, d: ReplyError['details']): string {
  const reason = d.detail ? ` Reply said: “${d.detail}”` : '';
  switch (kind) {
    case 'unauthorized':
      return 'Reply rejected this API key. Copy a current key from Reply (Settings → API key) into the extension’s popup.';
    case 'forbidden':
      return `Your Reply user has no access to this task.${reason}`;
    case 'not-found':
      return 'Reply has no such task: it may have been deleted.';
    case 'invalid-request':
      return `Reply refused the request.${reason || ' It gave no reason.'}`;
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
