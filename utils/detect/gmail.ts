/**
 * Gmail compose windows (`mail.google.com`; the caller checks the host).
 *
 * DOM landmarks (Gmail's class names are minified and change; these have held across the
 * 2018, 2021 and 2022 compose redesigns, see InboxSDK and gmail.js):
 *   div[contenteditable="true"][g_editable="true"]   a draft's body, one per compose window;
 *                                   `g_editable` is not translated (the aria-label "Message
 *                                   Body" is: "Nachrichtentext", "Cuerpo del mensaje"), so the
 *                                   label is only a second way in. A hidden textarea labelled
 *                                   the same is not a body.
 *   div[role="dialog"]              a pop-out compose window (new message, popped-out reply,
 *                                   full screen, minimised); the root when the body is inside one
 *   div.M9                          the compose container, also of inline replies in a
 *                                   conversation; the root when there is no dialog; failing
 *                                   both, the nearest ancestor holding the draft's form fields
 *   input[name="subjectbox"]        the subject (inline replies keep it hidden, holding `Re: …`)
 *
 * Recipients (To, Cc and Bcc), lower-cased, de-duplicated, in page order, from:
 *   [role="option"][data-hovercard-id]  chips since the 2021 redesign, inside the row's
 *                                   [role="listbox"], which also holds the row's input
 *   [email]                         older chips, and the collapsed rows' summary
 *   input[name="to"|"cc"|"bcc"]     older chips' hidden inputs, `Name <address>`
 * Not recipients: anything in the body (quoted text, @-mentions, the signature); suggested
 * recipients (chips in a listbox that holds no row input); menus and tooltips. A chip whose
 * address can't be read (its hover-card id is not an address), and text typed in a row's input
 * but not confirmed as a chip, are reported as `unreadable`, as shown, never guessed. Minimised
 * windows are still reported: telling them apart would need layout reads. At most
 * MAX_COMPOSES windows are reported.
 */
import { type ComposeContext, cleanText, emailsInText, MAX_COMPOSES, queryAtMost } from './context';

const BODY = [
  'div[contenteditable="true"][g_editable="true"]',
  'div[contenteditable="true"][role="textbox"][aria-label="Message Body"]',
].join(', ');
const DIALOG = 'div[role="dialog"]';
const COMPOSE_CONTAINER = 'div.M9';
const FORM_FIELDS = 'input[name="subjectbox"], input[name="composeid"], input[name="to"]';
const MAX_CLIMB = 15;
const SUBJECT = 'input[name="subjectbox"]';
const CHIP = '[role="option"]';
const ADDRESS_INPUTS = ['to', 'cc', 'bcc'].map((name) => `input[name="${name}"]`).join(', ');
const RECIPIENT_SOURCES = `[data-hovercard-id], [email], ${ADDRESS_INPUTS}, ${CHIP}`;
const ROW_INPUT = `input[role="combobox"], input.agP, ${ADDRESS_INPUTS}, textarea[name="to"]`;
const TYPED = 'input[role="combobox"], input.agP';
const NOT_RECIPIENT = '[role="menu"], [role="tooltip"], [name="from"]';
const ADDRESS_ATTRIBUTES = ['data-hovercard-id', 'email'] as const;

export function findGmailComposes(doc: Document): ComposeContext[] {
  const composes: ComposeContext[] = [];
  const roots = new Set<Element>();
  for (const body of queryAtMost<HTMLElement>(doc, BODY, MAX_COMPOSES * 2)) {
    const root = composeRoot(body);
    if (roots.has(root)) continue;
    roots.add(root);
    composes.push({
      kind: 'compose',
      site: 'gmail',
      root,
      ...recipientsOf(root, body),
      subjectField: root.querySelector<HTMLInputElement>(SUBJECT),
      bodyField: body,
    });
    if (composes.length >= MAX_COMPOSES) break;
  }
  return composes;
}

function composeRoot(body: HTMLElement): Element {
  const root = body.closest(DIALOG) ?? body.closest(COMPOSE_CONTAINER);
  if (root) return root;
  let node = body.parentElement;
  for (let depth = 0; node && depth < MAX_CLIMB; depth++, node = node.parentElement) {
    if (node.querySelector(FORM_FIELDS)) return node;
  }
  return body.parentElement ?? body;
}

function recipientsOf(root: Element, body: Element) {
  const recipients: string[] = [];
  const unreadable: string[] = [];
  const addUnreadable = (shown: string) => {
    if (shown && !unreadable.includes(shown)) unreadable.push(shown);
  };
  for (const element of queryAtMost(root, RECIPIENT_SOURCES)) {
    if (body.contains(element) || element.closest(NOT_RECIPIENT) || isSuggestion(element)) {
      continue;
    }
    // Read with the chip around it.
    if (element.parentElement?.closest(CHIP)) continue;
    const emails = addressesOf(element);
    for (const email of emails) if (!recipients.includes(email)) recipients.push(email);
    if (emails.length === 0) addUnreadable(shownName(element));
  }
  for (const input of queryAtMost<HTMLInputElement>(root, TYPED)) {
    if (!isSuggestion(input)) addUnreadable(cleanText(input.value).slice(0, 200));
  }
  return { recipients, unreadable: unreadable.filter((shown) => !recipients.includes(shown)) };
}

/** A chip in a listbox that is not a recipient row (no input): a suggestion. */
function isSuggestion(element: Element): boolean {
  const listbox = element.closest('[role="listbox"]');
  return listbox !== null && !listbox.querySelector(ROW_INPUT);
}

function addressesOf(element: Element): string[] {
  if (element.matches(ADDRESS_INPUTS)) return emailsInText((element as HTMLInputElement).value);
  const sources = element.matches(CHIP)
    ? [element, ...queryAtMost(element, '[data-hovercard-id], [email]', 5)]
    : [element];
  const emails: string[] = [];
  for (const source of sources) {
    for (const attribute of ADDRESS_ATTRIBUTES) {
      emails.push(...emailsInText(source.getAttribute(attribute) ?? ''));
    }
  }
  return emails;
}

function shownName(element: Element): string {
  const shown = element.matches('input')
    ? (element as HTMLInputElement).value
    : (element.getAttribute('data-name') ?? element.textContent);
  return cleanText(shown).slice(0, 200);
}
