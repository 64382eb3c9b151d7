// Reply's enums, keyed by the camelCase names the current docs send. Older docs send the
// integers instead, so the sandbox can answer in either form and reads both.

export type EnumMap = Readonly<Record<string, number>>;
export type EnumForm = 'integer' | 'string';

export const TaskType = {
  toDo: 0,
  call: 2,
  meeting: 4,
  linkedIn: 5,
  manualEmail: 7,
  sms: 8,
  whatsApp: 9,
} as const;

export const TaskStatus = {
  new: 0,
  finished: 1,
  cancelled: 3,
  archived: 4,
  sequenceDetached: 5,
} as const;

export const CreationSource = { user: 0, sequence: 1, meeting: 2 } as const;

/** A Call task's outcome, sent when it is completed. */
export const CallResolution = { positive: 0, toCall: 1, negative: 2 } as const;

/** Why one id of a batch complete failed. */
export const BatchFailure = { notFound: 1, cannotComplete: 7 } as const;

export const LinkedInTaskType = { message: 0, connect: 1, inMail: 2, viewProfile: 3 } as const;

export function enumName(map: EnumMap, value: number): string {
  const entry = Object.entries(map).find(([, v]) => v === value);
  if (!entry) throw new Error(`No name for enum value ${value}`);
  return entry[0];
}

export function formatEnum(map: EnumMap, value: number, form: EnumForm): number | string {
  return form === 'integer' ? value : enumName(map, value);
}

/** Reads an enum value from a request: a known integer, or a name in any letter case. */
export function parseEnum(map: EnumMap, value: unknown): number | undefined {
  if (typeof value === 'number') return Object.values(map).includes(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return Object.entries(map).find(([name]) => name.toLowerCase() === lower)?.[1];
}
