import * as v from 'valibot';

/** What the background accepts, message by message: every payload is checked against these. */
const TaskId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

export const requestSchemas = {
  getConnection: v.undefined(),
  saveApiKey: v.object({
    apiKey: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(512)),
  }),
  removeApiKey: v.undefined(),
  loadTask: v.object({ taskId: TaskId }),
  executeTask: v.object({
    taskId: TaskId,
    content: v.optional(
      v.object({
        subject: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
        body: v.pipe(v.string(), v.maxLength(500_000)),
      }),
    ),
    emailAccountId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** What the rep saw and chose to send past: a reply since, or checks that failed. */
    acknowledged: v.optional(v.pipe(v.array(v.picklist(['replied', 'unchecked'])), v.maxLength(2))),
  }),
  completeTask: v.object({
    taskId: TaskId,
    /** Call tasks only: 0 reached (positive), 1 call again, 2 reached (negative). */
    callResolution: v.optional(v.picklist([0, 1, 2])),
    finishProspectInSequence: v.optional(v.boolean()),
  }),
  /** Tasks the rep does (never an email or SMS: those are sent), completed in one go. */
  completeTasks: v.object({
    tasks: v.pipe(
      v.array(
        v.object({
          taskId: TaskId,
          taskType: v.picklist(['toDo', 'call', 'meeting', 'linkedIn', 'whatsApp']),
          contactId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
          contact: v.nullable(v.pipe(v.string(), v.maxLength(300))),
        }),
      ),
      v.minLength(1),
      v.maxLength(1_000),
    ),
  }),
  /** Moves a New task to start at `until` (an ISO date-time), keeping its span. */
  snoozeTask: v.object({
    taskId: TaskId,
    until: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()),
  }),
  chooseTeam: v.object({ teamId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  executionStatus: v.object({ taskId: TaskId }),
  saveDraft: v.object({
    taskId: TaskId,
    subject: v.nullable(v.pipe(v.string(), v.maxLength(1_000))),
    body: v.nullable(v.pipe(v.string(), v.maxLength(500_000))),
  }),
  dueTasks: v.undefined(),
  getSettings: v.undefined(),
  saveSettings: v.object({
    authHeader: v.picklist(['auto', 'x-api-key', 'bearer']),
    defaultEmailAccountId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
    notifications: v.boolean(),
    badge: v.boolean(),
    badgeCounts: v.optional(v.picklist(['all', 'sendable']), 'sendable'),
  }),
  emailAccounts: v.undefined(),
  history: v.undefined(),
  clearHistory: v.undefined(),
  startBulk: v.object({
    tasks: v.pipe(
      v.array(
        v.object({
          taskId: TaskId,
          contact: v.nullable(v.pipe(v.string(), v.maxLength(300))),
          contactId: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))),
        }),
      ),
      v.minLength(1),
      v.maxLength(1_000),
    ),
  }),
  pauseBulk: v.undefined(),
  resumeBulk: v.undefined(),
  clearBulk: v.undefined(),
  bulkState: v.undefined(),
  listSites: v.undefined(),
  addSite: v.object({ address: v.pipe(v.string(), v.maxLength(2_000)) }),
  removeSite: v.object({ origin: v.pipe(v.string(), v.maxLength(2_000)) }),
  findPersonTasks: v.object({
    emails: v.pipe(v.array(v.pipe(v.string(), v.email(), v.maxLength(320))), v.maxLength(10)),
    phones: v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(10)),
  }),
} as const;
