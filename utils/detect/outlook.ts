/**
 * Outlook on the web compose forms (`outlook.office.com`, `outlook.live.com`,
 * `outlook.office365.com`, `outlook.cloud.microsoft`; the caller checks the host): new
 * messages, pop-outs (`/mail/deeplink/compose`) and replies in the reading pane.
 *
 * DOM landmarks (class names are hashed and change with every release; ids, roles and the
 * persona attributes below have held across the 2021–2025 redesigns):
 *   div[contenteditable="true"][aria-label^="Message body"]   a draft's body ("Message body",
 *                                   "Message body, press Alt+F10 to exit"); also any
 *                                   contenteditable inside [id^="editorParent_"], which does
 *                                   not depend on the UI language
 *   [id$="_TO"], [id$="_CC"], [id$="_BCC"]   the recipient wells (role="group"; the id prefix is
 *                                   random per draft, the suffix is stable), and inside them
 *                                   div[aria-label="To"|"Cc"|"Bcc"][contenteditable="true"]
 *                                   (an English-only second way in)
 *   ._EType_RECIPIENT_ENTITY, [data-lpc-hover-target-id], [draggable="true"], [role="listitem"]
 *                                   the pills in a well (older ones carry the class, newer ones
 *                                   only the persona hover target or the drag handle)
 *   input[id$="_SUBJECT"], input[aria-label="Add a subject"], input[placeholder="Add a subject"]
 *                                   the subject (replies in the reading pane have none)
 *   div[role="dialog"]              a compose window opened over the page
 *
 * The root of a draft is the nearest ancestor of its body that holds a recipient well or a
 * subject and no other draft's body; failing that, its dialog or the body's parent. Recipients
 * are the addresses pills in that root's wells (To, Cc, Bcc) show: in the pill's (or its
 * parts') aria-label or title, else its text, which may be an address or `Name <address>`;
 * lower-cased, de-duplicated, in page order. A pill showing only a name, and text typed in a
 * well but not resolved into a pill, are `unreadable`, as shown, never guessed. The From field
 * and the reading pane's message headers are not wells and are never read. At most
 * MAX_COMPOSES drafts are reported.
 */
import {
  type ComposeContext,
  cleanText,
  emailsInText,
  MAX_COMPOSES,
  queryAtMost,
  within,
} from './context';

const BODY = [
  'div[contenteditable="true"][aria-label^="Message body"]',
  '[id^="editorParent_"] div[contenteditable="true"][role="textbox"]',
].join(', ');
const WELLS = [
  '[id$="_TO"]',
  '[id$="_CC"]',
  '[id$="_BCC"]',
  'div[aria-label="To"]',
  'div[aria-label="Cc"]',
  'div[aria-label="Bcc"]',
] as const;
const CHIPS = [
  '._EType_RECIPIENT_ENTITY',
  '[data-lpc-hover-target-id]',
  '[draggable="true"]',
  '[role="listitem"]',
] as const;
const ANY_CHIP = CHIPS.join(', ');
/** The editable part of a well, where unresolved typing sits between the pills. */
const WELL_INPUT = '[contenteditable="true"]';
const MAX_TYPED_NODES = 50;
const CHIP_ATTRIBUTES = ['aria-label', 'title'] as const;
const SUBJECT = [
  'input[aria-label="Add a subject"]',
  'input[placeholder="Add a subject"]',
  'input[id$="_SUBJECT"]',
].join(', ');
const HEADER_FIELD = [...WELLS, SUBJECT].join(', ');
const DIALOG = 'div[role="dialog"]';
/** How far above a body its header fields may be. */
const MAX_CLIMB = 25;

export function findOutlookComposes(doc: Document): ComposeContext[] {
  const bodies = queryAtMost<HTMLElement>(doc, BODY, MAX_COMPOSES * 2);
  const composes: ComposeContext[] = [];
  const roots = new Set<Element>();
  for (const body of bodies) {
    const root = composeRoot(body, bodies);
    if (roots.has(root)) continue;
    roots.add(root);
    composes.push({
      kind: 'compose',
      site: 'outlook',
      root,
      ...recipientsOf(root),
      subjectField: root.querySelector<HTMLInputElement>(SUBJECT),
      bodyField: body,
    });
    if (composes.length >= MAX_COMPOSES) break;
  }
  return composes;
}

function composeRoot(body: HTMLElement, bodies: readonly HTMLElement[]): Element {
  const others = bodies.filter((other) => other !== body);
  const ownsOnlyThisBody = (node: Element) => !others.some((other) => node.contains(other));
  let node = body.parentElement;
  for (let depth = 0; node && depth < MAX_CLIMB; depth++, node = node.parentElement) {
    if (!ownsOnlyThisBody(node)) break;
    if (node.querySelector(HEADER_FIELD)) return node;
  }
  const dialog = body.closest(DIALOG);
  if (dialog && ownsOnlyThisBody(dialog)) return dialog;
  return body.parentElement ?? body;
}

function recipientsOf(root: Element) {
  const recipients: string[] = [];
  const unreadable: string[] = [];
  const addUnreadable = (shown: string) => {
    if (shown && !unreadable.includes(shown)) unreadable.push(shown);
  };
  const wells = WELLS.join(', ');
  for (const chip of queryAtMost(root, within(WELLS, CHIPS))) {
    // A part of a pill is read with the pill.
    const outer = chip.parentElement?.closest(ANY_CHIP);
    if (outer?.closest(wells)) continue;
    const emails = pillAddresses(chip);
    for (const email of emails) if (!recipients.includes(email)) recipients.push(email);
    if (emails.length === 0) addUnreadable(cleanText(chip.textContent).slice(0, 200));
  }
  for (const input of queryAtMost(root, within(WELLS, [WELL_INPUT]))) {
    for (const typed of typedText(input)) addUnreadable(typed);
  }
  return { recipients, unreadable };
}

/** A pill's addresses: its and its parts' aria-label or title, else what it shows. */
function pillAddresses(chip: Element): string[] {
  const emails: string[] = [];
  for (const part of [chip, ...queryAtMost(chip, '[aria-label], [title]', 5)]) {
    for (const attribute of CHIP_ATTRIBUTES) {
      emails.push(...emailsInText(part.getAttribute(attribute) ?? ''));
    }
  }
  return emails.length > 0 ? emails : emailsInText(chip.textContent ?? '');
}

/** Text typed straight into a well, outside any pill: not resolved into a recipient. */
function typedText(input: Element): string[] {
  const typed: string[] = [];
  const nodes = input.childNodes;
  for (let index = 0; index < Math.min(nodes.length, MAX_TYPED_NODES); index++) {
    const node = nodes[index];
    if (node?.nodeType !== 3) continue;
    const text = cleanText(node.textContent?.replace(/\u200b/g, '')).slice(0, 200);
    if (text) typed.push(text);
  }
  return typed;
}
