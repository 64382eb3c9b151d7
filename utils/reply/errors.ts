import { i18n } from '#i18n';
import { formatTime } from './task';

/**
 * Everything that can go wrong between the extension and Reply, as kinds a person can act on.
 * Each failure crosses the message boundary as a `Failure`: a kind for code and a sentence for
 * the user. Sentences are written here (in locales/*.yml, `errors.*`) and nowhere else.
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
const FIELD_NAMES: Record<
  string,
  | 'errors.field.subject'
  | 'errors.field.body'
  | 'errors.field.emailAccount'
  | 'errors.field.content'
> = {
  subject: 'errors.field.subject',
  body: 'errors.field.body',
  emailaccountid: 'errors.field.emailAccount',
  content: 'errors.field.content',
};

function fieldName(pointer: string | null): string | null {
  if (!pointer) return null;
  const last = pointer
    .split(/[/.]/)
    .filter(Boolean)
    .at(-1)
    ?.replace(/\[\d+\]$/, '');
  if (!last || last === '$') return null;
  const known = FIELD_NAMES[last.toLowerCase()];
  return known ? i18n.t(known) : i18n.t('errors.field.other', { name: last });
}

function refusedFields(fields: FieldProblem[]): string | null {
  const parts = fields
    .map(({ field, detail }) => {
      const name = fieldName(field);
      if (name && detail) return i18n.t('errors.fieldWithDetail', { field: name, detail });
      return name ?? (detail ? i18n.t('check.quoted', { text: detail }) : null);
    })
    .filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * The sentence for a failure, in the browser's language. Failures are mostly described in the
 * background, which has `browser.i18n` too; optional parts (what Reply said, a status code)
 * arrive as `{reason}`, `{code}`, `{status}` with their own leading space, or as ''.
 */
function describe(kind: FailureKind, d: ErrorDetails): string {
  const reason = d.detail ? ` ${i18n.t('errors.replySaid', { detail: d.detail })}` : '';
  switch (kind) {
    case 'unauthorized':
      return i18n.t('errors.unauthorized');
    case 'user-not-found':
      return i18n.t('errors.userNotFound');
    case 'forbidden':
      return i18n.t('errors.forbidden', { reason });
    case 'missing-scope':
      return i18n.t('errors.missingScope', { reason });
    case 'plan-forbidden':
      return i18n.t('errors.planForbidden', { code: d.code ? ` (${d.code})` : '', reason });
    case 'team-required':
      return i18n.t('errors.teamRequired');
    case 'team-not-accessible':
      return i18n.t('errors.teamNotAccessible', {
        team: d.teamName
          ? i18n.t('check.quoted', { text: d.teamName })
          : i18n.t('errors.theNamedTeam'),
      });
    case 'not-found':
      return i18n.t('errors.notFound');
    case 'invalid-request': {
      const fields = refusedFields(d.fields ?? []);
      if (fields) return i18n.t('errors.invalidFields', { fields });
      return i18n.t('errors.invalidRequest', {
        reason: reason || ` ${i18n.t('errors.noReason')}`,
      });
    }
    case 'opted-out':
      return i18n.t('errors.optedOut');
    case 'replied':
      return i18n.t('errors.replied', {
        when: d.replied?.at ? ` (${formatTime(d.replied.at)})` : '',
      });
    case 'unchecked':
      return i18n.t('errors.unchecked');
    case 'not-completed':
      return i18n.t('errors.notCompleted');
    case 'rate-limited':
      return i18n.t('errors.rateLimited', { wait: formatWait(d.retryAfterSeconds) });
    case 'server':
      return i18n.t('errors.server', {
        status: d.status ? ` ${i18n.t('errors.serverStatus', { status: d.status })}` : '',
        reason,
      });
    case 'network':
      return i18n.t('errors.network');
    case 'timeout':
      return i18n.t('errors.timeout');
    case 'bad-response':
      return i18n.t('errors.badResponse');
    case 'not-connected':
      return i18n.t('errors.notConnected');
    case 'not-executable':
      return d.detail ?? i18n.t('errors.notExecutable');
    case 'extension':
      return i18n.t('errors.extension');
    case 'not-sent':
      return i18n.t('errors.notSent');
    case 'unconfirmed':
      return i18n.t('errors.unconfirmed');
    case 'invalid-site':
      return d.detail ?? i18n.t('errors.invalidSite');
    case 'no-site-access':
      return i18n.t('errors.noSiteAccess');
    case 'internal':
      return i18n.t('errors.internal');
    case 'bad-message':
      return i18n.t('errors.badMessage');
  }
}

function formatWait(seconds: number | undefined): string {
  if (seconds === undefined || seconds <= 1) return i18n.t('errors.wait.moment');
  if (seconds < 90) return i18n.t('errors.wait.seconds', Math.ceil(seconds));
  return i18n.t('errors.wait.minutes', Math.ceil(seconds / 60));
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
