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

export type TaskType = v.InferOutput<typeof TaskTypeSchema>;
export type TaskStatus = v.InferOutput<typeof TaskStatusSchema>;

const nullableString = v.nullish(v.string(), null);
const nullableId = v.nullish(v.number(), null);

const ContentSchema = v.object({ subject: nullableString, body: nullableString });

export const TaskSchema = v.object({
  id: v.pipe(v.number(), v.integer()),
  contactId: nullableId,
  taskType: TaskTypeSchema,
  status: TaskStatusSchema,
  sequenceId: nullableId,
  sequenceStepDisplayName: nullableString,
  creationSource: v.nullish(CreationSourceSchema, null),
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
});
export type WhoAmI = v.InferOutput<typeof WhoAmISchema>;

/** The current docs page an account list; an older page showed a bare array with other names. */
export const EmailAccountsSchema = v.union([
  v.pipe(
    v.object({
      items: v.array(
        v.object({
          id: v.number(),
          email: v.string(),
          senderName: nullableString,
          isDefault: v.nullish(v.boolean(), false),
        }),
      ),
    }),
    v.transform(({ items }) => items),
  ),
  v.pipe(
    v.array(v.object({ id: v.number(), emailAddress: v.string(), senderName: nullableString })),
    v.transform((items) =>
      items.map(({ id, emailAddress, senderName }) => ({
        id,
        email: emailAddress,
        senderName,
        isDefault: false,
      })),
    ),
  ),
]);
export type EmailAccount = v.InferOutput<typeof EmailAccountsSchema>[number];

/** RFC 9457 problem details, as Reply sends on every error but 401. */
export const ProblemSchema = v.object({
  title: v.optional(v.string()),
  detail: v.optional(v.string()),
  errors: v.optional(
    v.array(v.object({ field: v.optional(v.string()), message: v.optional(v.string()) })),
  ),
});

export const ContactsSchema = v.pipe(
  v.object({
    items: v.array(
      v.object({
        id: v.number(),
        email: nullableString,
        phone: nullableString,
        firstName: nullableString,
        lastName: nullableString,
      }),
    ),
  }),
  v.transform(({ items }) => items),
);
export type Contact = v.InferOutput<typeof ContactsSchema>[number];

/** Items of `POST /v3/tasks/filter`: summaries, without content or delivery info. */
export const TaskPageSchema = v.object({
  items: v.array(
    v.object({
      id: v.pipe(v.number(), v.integer()),
      taskType: TaskTypeSchema,
      status: TaskStatusSchema,
      contact: v.nullish(v.object({ id: v.number(), fullName: nullableString }), null),
      dueTo: nullableString,
      sequenceStepId: nullableId,
      /** Not in summaries as documented; the background fills it in from full tasks. */
      sequenceStepDisplayName: nullableString,
    }),
  ),
  hasMore: v.nullish(v.boolean(), false),
});
export type TaskSummary = v.InferOutput<typeof TaskPageSchema>['items'][number];
