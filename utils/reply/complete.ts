/** A Call task's outcome, as Reply numbers it. */
export const CALL_RESOLUTION = { positive: 0, callAgain: 1, negative: 2 } as const;
export type CallResolution = (typeof CALL_RESOLUTION)[keyof typeof CALL_RESOLUTION];

/**
 * The optional body of `POST /v3/tasks/{id}/complete`: the call's outcome (Call tasks only),
 * and whether the prospect's sequence ends with this task (Reply's default: it doesn't).
 */
export interface CompleteBody {
  callResolution?: CallResolution;
  finishProspectInSequence?: boolean;
}
