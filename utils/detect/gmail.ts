/**
 * Gmail compose windows (`mail.google.com`; the caller checks the host).
 *
 * DOM landmarks:
 *   div[contenteditable="true"][role="textbox"] with aria-label="Message Body" or g_editable="true"
 *                                   a draft's body; one per compose window. The aria-label is
 *                                   localised, `g_editable` is not.
 *   div[role="dialog"]              a pop-out compose window (new message, popped-out reply,
 *                                   full screen); the root when the body is inside one
 *   div.M9                          the compose container, also of inline replies in a
 *                                   conversation; the root when there is no dialog
 *   input[name="subjectbox"]        the subject (inline replies keep it hidden)
 *   [data-hovercard-id], [email]    recipient chips in the To/Cc/Bcc rows carry the address in
 *                                   `data-hovercard-id` (current chips) or `email` (older chips)
 *
 * Recipients are the addresses on chips inside the compose root (To, Cc and Bcc), lower-cased,
 * de-duplicated, in page order; chips inside the body (quoted text) are ignored. A compose
 * window without chips has `recipients: []`. Minimised windows are still reported: telling
 * them apart would need layout reads. At most MAX_COMPOSES windows are reported.
 */
import { type ComposeContext, emailsInText, MAX_COMPOSES, queryAtMost } from './context';

const BODY = [
  'div[contenteditable="true"][role="textbox"][aria-label="Message Body"]',
  'div[contenteditable="true"][role="textbox"][g_editable="true"]',
].join(', ');
const DIALOG = 'div[role="dialog"]';
const COMPOSE_CONTAINER = 'div.M9';
const SUBJECT = 'input[name="subjectbox"]';
const CHIP = '[data-hovercard-id], [email]';
const CHIP_ATTRIBUTES = ['data-hovercard-id', 'email'] as const;

export function findGmailComposes(doc: Document): ComposeContext[] {
  const composes: ComposeContext[] = [];
  const roots = new Set<Element>();
  for (const body of queryAtMost<HTMLElement>(doc, BODY, MAX_COMPOSES * 2)) {
    const root = body.closest(DIALOG) ?? body.closest(COMPOSE_CONTAINER) ?? body.parentElement;
    if (!root || roots.has(root)) continue;
    roots.add(root);
    composes.push({
      kind: 'compose',
      site: 'gmail',
      root,
      recipients: chipAddresses(root, body),
      subjectField: root.querySelector<HTMLInputElement>(SUBJECT),
      bodyField: body,
    });
    if (composes.length >= MAX_COMPOSES) break;
  }
  return composes;
}

function chipAddresses(root: Element, body: Element): string[] {
  const recipients: string[] = [];
  for (const chip of queryAtMost(root, CHIP)) {
    if (body.contains(chip)) continue;
    for (const attribute of CHIP_ATTRIBUTES) {
      const value = chip.getAttribute(attribute);
      for (const email of value ? emailsInText(value) : []) {
        if (!recipients.includes(email)) recipients.push(email);
      }
    }
  }
  return recipients;
}
