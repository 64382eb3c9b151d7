/**
 * Explicit references to Reply tasks, on any supported page.
 *
 * DOM landmarks:
 *   a[href*="reply.io"]        a link; it counts when its href is a Reply task page as
 *                              `taskIdFromUrl` (./reply) reads it (`/tasks/{id}`, `taskId={id}`, …)
 *   [data-reply-task-id]       an element naming a task; the value must be a positive integer
 *                              (digits only, no leading zero; surrounding spaces are ignored)
 *
 * Ids are unique, in document order (an element carrying both names its attribute's task first).
 * Bounded: at most MAX_TASK_REFERENCES ids, and at most MAX_SCANNED elements looked at.
 */
import { taskIdFromUrl } from './reply';

export const MAX_TASK_REFERENCES = 50;
const MAX_SCANNED = 1000;

const TASK_LINK = 'a[href*="reply.io" i]';
const TASK_ATTRIBUTE = 'data-reply-task-id';
const REFERENCES = `${TASK_LINK}, [${TASK_ATTRIBUTE}]`;
/** What a reference is made of, for a follower that watches only for references to appear. */
export const TASK_REFERENCE_ELEMENTS = REFERENCES;
export const TASK_REFERENCE_ATTRIBUTES = ['href', TASK_ATTRIBUTE] as const;
const POSITIVE_INTEGER = /^[1-9]\d{0,14}$/;

export function findTaskReferences(doc: Document, limit = MAX_TASK_REFERENCES): number[] {
  const ids: number[] = [];
  const add = (id: number | null) => {
    if (id !== null && !ids.includes(id)) ids.push(id);
  };
  const elements = doc.querySelectorAll(REFERENCES);
  const count = Math.min(elements.length, MAX_SCANNED);
  for (let index = 0; index < count && ids.length < limit; index++) {
    const element = elements[index];
    if (!element) continue;
    add(attributeTaskId(element.getAttribute(TASK_ATTRIBUTE)));
    if (ids.length < limit && element.matches(TASK_LINK)) {
      add(linkTaskId(element.getAttribute('href'), doc.baseURI));
    }
  }
  return ids;
}

/** The first task the page references, or null: stops looking at the first one found. */
export function firstTaskReference(doc: Document): number | null {
  return findTaskReferences(doc, 1)[0] ?? null;
}

function attributeTaskId(value: string | null): number | null {
  const digits = value?.trim() ?? '';
  if (!POSITIVE_INTEGER.test(digits)) return null;
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : null;
}

function linkTaskId(href: string | null, base: string): number | null {
  if (!href) return null;
  try {
    return taskIdFromUrl(new URL(href, base));
  } catch {
    return null;
  }
}
