import * as v from 'valibot';

/**
 * Reply's answers, decoded. Two versions of Reply's docs disagree on enum form (integers vs
 * camelCase strings), so every enum accepts both and decodes to one canonical name. Unknown
 * values decode to 'unknown' instead of failing: a new task type must not break the panel.
 * Unknown fields are dropped.
 */
function replyEnum<const Name extends string>(byNumber: Record<number, Name>) {
  const byLowerName = new Map(Object.values(byNumber).map((name) => [name.toLowerCase(), name]));
  return v.pipe(
    v.union([v.number(), v.string()]),
    v.transform(
      (raw): Name | 'unknown' =>
        (typeof raw === 'number' ? byNumber[raw] : byLowerName.get(raw.toLowerCase())) ?? 'unknown',
    ),
  );
}

export const TaskTypeSchema = replyEnum({
  0: 'toDo',
  2: 'call',
  4: 'meeting',
  5: 'linkedIn',
  7: 'manualEmail',
  8: 'sms',
  9: 'whatsApp',
});
export const TaskStatusSchema = replyEnum({
  0: 'new',
  1: 'finished',
  3: 'cancelled',
  4: 'archived',
  5: 'sequenceDetached',
});
export const CreationSourceSchema = replyEnum({ 0: 'user', 1: 'sequence', 2: 'meeting' });
/** What a LinkedIn task asks of the rep. */
export const LinkedInTaskTypeSchema = replyEnum({
  0: 'message',
  1: 'connect',
  2: 'inMail',
  3: 'viewProfile',
});
export type LinkedInTaskType = v.InferOutput<typeof LinkedInTaskTypeSchema>;

export type TaskType = v.InferOutput<typeof TaskTypeSchema>;
export type TaskStatus = v.InferOutput<typeof TaskStatusSchema>;

const nullableString = v.nullish(v.string(), null);
const nullableId = v.nullish(v.number(), null);

const ContentSchema = v.object({ subject: nullableString, body: nullableString });

export const TaskSchema = v.object({
  id: v.pipe(v.number(), v.integer()),
  contactId: nullableId,
  taskType: TaskTypeSchema,
  linkedInTaskType: v.nullish(LinkedInTaskTypeSchema, null),
  status: TaskStatusSchema,
  sequenceId: nullableId,
  sequenceStepDisplayName: nullableString,
  creationSource: v.nullish(CreationSourceSchema, null),
  /** When the task was made: a reply after it means the contact answered since. */
  createdAt: nullableString,
  startAt: nullableString,
  dueTo: nullableString,
  finishedAt: nullableString,
  isFailed: v.nullish(v.boolean(), false),
  template: v.nullish(ContentSchema, null),
  content: v.nullish(ContentSchema, null),
  deliveryInfo: v.nullish(
    v.object({ email: nullableString, phoneNumber: nullableString, linkedInUrl: nullableString }),
    null,
  ),
});
export type Task = v.InferOutput<typeof TaskSchema>;

export const WhoAmISchema = v.object({
  userId: v.number(),
  username: v.optional(v.string()),
  /** Newer pages: the team the key's calls go to when no X-TEAM-ID says otherwise. */
  teamId: v.nullish(v.number()),
});
export type WhoAmI = v.InferOutput<typeof WhoAmISchema>;

/**
 * The current docs page an account list (`{items, hasMore}`); an older page showed a bare
 * array with other names, which is one page with nothing after it.
 */
export const EmailAccountsSchema = v.union([
  v.object({
    items: v.array(
      v.object({
        id: v.number(),
        email: v.string(),
        senderName: nullableString,
        isDefault: v.nullish(v.boolean(), false),
      }),
    ),
    hasMore: v.nullish(v.boolean(), false),
  }),
  v.pipe(
    v.array(v.object({ id: v.number(), emailAddress: v.string(), senderName: nullableString })),
    v.transform((items) => ({
      items: items.map(({ id, emailAddress, senderName }) => ({
        id,
        email: emailAddress,
        senderName,
        isDefault: false,
      })),
      hasMore: false,
    })),
  ),
]);
export type EmailAccount = v.InferOutput<typeof EmailAccountsSchema>['items'][number];

/** A Reply team, as a 403 TEAM_REQUIRED lists them. */
export const TeamSchema = v.object({ teamId: v.number(), teamName: nullableString });
export type Team = v.InferOutput<typeof TeamSchema>;

/**
 * RFC 9457 problem details, as Reply sends on every error (and on some 401s). Validation
 * errors point at fields as `{pointer, detail}` (Reply's own clients) or `{field, message}`
 * (older pages); a 403 for a missing scope carries `reasons`; team errors list `teams`.
 */
export const ProblemSchema = v.object({
  title: v.nullish(v.string()),
  detail: v.nullish(v.string()),
  code: v.nullish(v.string()),
  errors: v.nullish(
    v.array(
      v.pipe(
        v.object({
          pointer: v.nullish(v.string()),
          field: v.nullish(v.string()),
          detail: v.nullish(v.string()),
          message: v.nullish(v.string()),
        }),
        v.transform((e) => ({
          field: e.pointer ?? e.field ?? null,
          detail: e.detail ?? e.message ?? null,
        })),
      ),
    ),
  ),
  reasons: v.nullish(v.array(v.unknown())),
  teams: v.nullish(v.array(TeamSchema)),
});
export type Problem = v.InferOutput<typeof ProblemSchema>;

/** A page of `POST /v3/contacts/filter`: what matched the search, by containment. */
export const ContactPageSchema = v.object({
  items: v.array(
    v.object({
      id: v.number(),
      email: nullableString,
      phone: nullableString,
      firstName: nullableString,
      lastName: nullableString,
      company: nullableString,
    }),
  ),
  hasMore: v.nullish(v.boolean(), false),
});
export type Contact = v.InferOutput<typeof ContactPageSchema>['items'][number];

/** `GET /v3/contacts/{id}/statuses`. */
export const ContactStatusesSchema = v.object({ isOptedOut: v.nullish(v.boolean(), false) });

/**
 * A page of `POST /v3/inbox/threads/filter` with `source: "inbox"`: threads holding at least
 * one message from the contact. The thread's last activity and a preview of its last message;
 * the contact may be named by `contact.id` or `contactId`, or not at all.
 */
export const InboxThreadPageSchema = v.object({
  items: v.array(
    v.pipe(
      v.object({
        contact: v.nullish(v.object({ id: v.nullish(v.number()) }), null),
        contactId: v.nullish(v.number()),
        lastActivityDate: nullableString,
        bodyPreview: nullableString,
        subject: nullableString,
      }),
      v.transform((t) => ({
        contactId: t.contact?.id ?? t.contactId ?? null,
        at: t.lastActivityDate,
        preview: t.bodyPreview ?? t.subject,
      })),
    ),
  ),
  hasMore: v.nullish(v.boolean(), false),
});
export type InboxThread = v.InferOutput<typeof InboxThreadPageSchema>['items'][number];

/** Items of `POST /v3/tasks/filter`: summaries, without content or delivery info. */
export const TaskPageSchema = v.object({
  items: v.array(
    v.object({
      id: v.pipe(v.number(), v.integer()),
      taskType: TaskTypeSchema,
      status: TaskStatusSchema,
      contact: v.nullish(v.object({ id: v.number(), fullName: nullableString }), null),
      /** When the task opens (a snoozed task's new time): later today means not yet. */
      startAt: nullableString,
      dueTo: nullableString,
      sequenceStepId: nullableId,
      /** Not in summaries as documented; the background fills it in from full tasks. */
      sequenceStepDisplayName: nullableString,
    }),
  ),
  hasMore: v.nullish(v.boolean(), false),
});
export type TaskSummary = v.InferOutput<typeof TaskPageSchema>['items'][number];
