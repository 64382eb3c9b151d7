import type { DraftEdits } from '../messaging';
import { createRecordMap } from '../record-map';
import { type Draft, draftsItem } from '../storage';

/** Drafts kept at most; the oldest go first. */
const DRAFTS_KEPT = 100;

/** The rep's unsent edits per task (`local:drafts`), kept until sent or discarded. */
export function createDrafts() {
  const drafts = createRecordMap<Draft>(draftsItem, DRAFTS_KEPT);
  return {
    async get(taskId: number): Promise<DraftEdits | null> {
      const draft = await drafts.get(taskId);
      return draft && { subject: draft.subject, body: draft.body };
    },
    /** Keeps the edits; both null means back to Reply's rendering, so nothing is kept. */
    async save(taskId: number, edits: DraftEdits): Promise<null> {
      if (edits.subject === null && edits.body === null) await drafts.remove(taskId);
      else await drafts.set(taskId, { ...edits, at: Date.now() });
      return null;
    },
    /** After a send: written behind the answer (reads still wait for it). */
    removeBehind: (taskId: number) => drafts.remove(taskId, { behind: true }),
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
