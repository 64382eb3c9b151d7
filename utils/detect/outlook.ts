/**
 * Outlook on the web compose forms (`outlook.office.com`, `outlook.live.com`,
 * `outlook.office365.com`; the caller checks the host).
 *
 * DOM landmarks:
 *   div[contenteditable="true"][aria-label^="Message body"]   a draft's body ("Message body",
 *                                   "Message body, press Alt+F10 to exit"); also any
 *                                   contenteditable textbox inside [id^="editorParent_"], which
 *                                   does not depend on the UI language
 *   [id$="_TO"], [id$="_CC"], [id$="_BCC"]   the recipient wells (role="group"; the id prefix is
 *                                   random per draft, the suffix is stable), and inside them
 *                                   div[aria-label="To"|"Cc"|"Bcc"][contenteditable="true"]
 *   ._EType_RECIPIENT_ENTITY, [data-lpc-hover-target-id]      persona chips in a well; the
 *                                   address is in the chip's aria-label or title (the visible
 *                                   text is usually the display name)
 *   input[aria-label="Add a subject"], input[placeholder="Add a subject"], input[id$="_SUBJECT"]
 *                                   the subject (inline replies in the reading pane have none)
 *   div[role="dialog"]              a compose window opened over the page
 *
 * The root of a draft is the nearest ancestor of its body that holds a recipient well or a
 * subject and no other draft's body; failing that, its dialog or the body's parent. Recipients
 * are the addresses on chips in that root's wells (To, Cc, Bcc), lower-cased, de-duplicated, in
 * page order; a chip with no address in aria-label or title is read by its text (an address the
 * user typed that isn't resolved to a contact). The From field and the reading pane's message
 * headers are not wells and are never read. At most MAX_COMPOSES drafts are reported.
 */
import { type ComposeContext, emailsInText, MAX_COMPOSES, queryAtMost, within } from './context';

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
const CHIPS = ['._EType_RECIPIENT_ENTITY', '[data-lpc-hover-target-id]'] as const;
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
      recipients: chipAddresses(root),
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

function chipAddresses(root: Element): string[] {
  const recipients: string[] = [];
  const add = (emails: string[]) => {
    for (const email of emails) if (!recipients.includes(email)) recipients.push(email);
  };
  for (const chip of queryAtMost(root, within(WELLS, CHIPS))) {
    let found = false;
    for (const attribute of CHIP_ATTRIBUTES) {
      const emails = emailsInText(chip.getAttribute(attribute) ?? '');
      found ||= emails.length > 0;
      add(emails);
    }
    if (!found) add(emailsInText(chip.textContent ?? ''));
  }
  return recipients;
}
