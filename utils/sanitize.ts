import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { i18n } from '#i18n';
import { PLACEHOLDER_SOURCE } from './reply/task';

/**
 * The one HTML subset an email body may have on its way into the editor and out of it. Task
 * bodies are hostile input (templates and contact data anyone may write), so everything is
 * parsed by DOMPurify in an inert document and only this subset survives: text formatting,
 * links, lists, tables and images as email clients render them. No script, no event handler,
 * no `javascript:` link, no form, frame, embed, SVG, `<style>` or `<link>`.
 */
const TAGS = [
  'a', 'abbr', 'address', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'i', 'img', 'ins', 'li', 'ol', 'p', 'pre', 'q', 's', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul',
]; // biome-ignore format: a list, one tag a word
const ATTRIBUTES = [
  'align', 'alt', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'color', 'colspan', 'dir',
  'face', 'height', 'href', 'lang', 'rowspan', 'size', 'src', 'start', 'style', 'target',
  'title', 'type', 'valign', 'width',
]; // biome-ignore format: a list, one attribute a word
/**
 * Attribute values DOMPurify lets through (it tests every attribute's value, not only links'):
 * the web, mail and phone schemes, or no scheme at all (`0`, `left`, `#top`, `{{link}}`), as
 * in DOMPurify's own default with every other scheme taken out.
 */
const URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
/** An image's address: the web, or a Reply variable. */
const IMAGE_URI = /^(?:https?:\/\/|\{\{)/i;
/** Inline images only as data (pictures pasted into a template), never as script. */
const IMAGE_DATA = /^data:image\/(?:png|gif|jpe?g|webp);/i;

/** Attributes the editor's own copy carries, so that what it shows loads nothing. */
const HELD_SRC = 'data-evr-src';
const HELD_STYLE = 'data-evr-style';
/** What an image held aside says (its `alt`), in the rep's language; also how it is found again. */
const imageStandIn = () => i18n.t('editor.imageStandIn');
/** Marks a `{{placeholder}}` token in the editor. */
export const TOKEN_ATTRIBUTE = 'data-evr-placeholder';
/** CSS that loads or runs something: `url(…)`, `image-set(…)`, `@import`, old IE's expression. */
const LOADING_CSS = /url\s*\(|image-set\s*\(|@import|expression\s*\(|behavior\s*:/i;

let purifier: Purifier | undefined;
function purify(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.getAttribute('target') === '_blank' && element.tagName === 'A') {
      element.setAttribute('rel', 'noopener noreferrer');
    } else {
      element.removeAttribute('target');
      element.removeAttribute('rel');
    }
    const src = element.getAttribute('src');
    if (
      src !== null &&
      !(element.tagName === 'IMG' && (IMAGE_URI.test(src) || IMAGE_DATA.test(src)))
    ) {
      element.removeAttribute('src');
    }
  });
  return purifier;
}

const BASE: Config = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: [...ATTRIBUTES, 'rel'],
  ALLOWED_URI_REGEXP: URI,
  ADD_DATA_URI_TAGS: ['img'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
};

/** A body as it may be sent: the subset above, serialised. */
export function sanitizeEmailHtml(html: string): string {
  return purify().sanitize(html, { ...BASE, RETURN_TRUSTED_TYPE: false }) as string;
}

/**
 * The subset above as a fragment of DOMPurify's inert document: nothing in it has loaded,
 * and nothing will until it is imported into a live one.
 */
export function sanitizeToFragment(html: string): DocumentFragment {
  return purify().sanitize(html, { ...BASE, RETURN_DOM_FRAGMENT: true });
}

/**
 * The editor's copy of a body, still inert: sanitised, then made safe for a live document.
 * Images keep their address aside (`data-evr-src`) and show as placeholders; styles that
 * would load something keep their text aside (`data-evr-style`); `{{placeholders}}` become
 * tokens the rep deletes whole or not at all. `fromEditor` undoes all three.
 */
export function toEditor(html: string): DocumentFragment {
  const fragment = sanitizeToFragment(html);
  for (const img of fragment.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    img.removeAttribute('src');
    if (src) img.setAttribute(HELD_SRC, src);
    if (!img.getAttribute('alt')) img.setAttribute('alt', imageStandIn());
  }
  for (const styled of fragment.querySelectorAll('[style]')) {
    const style = styled.getAttribute('style') ?? '';
    if (!LOADING_CSS.test(style)) continue;
    styled.setAttribute(HELD_STYLE, style);
    styled.removeAttribute('style');
  }
  wrapPlaceholders(fragment);
  return fragment;
}

/**
 * What the editor holds, back as a body to send: tokens as text, held attributes restored
 * (in an inert document, so restoring an image's address loads nothing), then sanitised.
 */
export function fromEditor(root: Node): string {
  const inert = document.implementation.createHTMLDocument('');
  for (const child of root.childNodes) inert.body.append(inert.importNode(child, true));
  for (const token of inert.body.querySelectorAll(`[${TOKEN_ATTRIBUTE}]`)) {
    token.replaceWith(token.textContent ?? '');
  }
  for (const held of inert.body.querySelectorAll(`[${HELD_SRC}]`)) {
    held.setAttribute('src', held.getAttribute(HELD_SRC) ?? '');
    held.removeAttribute(HELD_SRC);
  }
  const standIn = imageStandIn();
  for (const img of inert.body.querySelectorAll('img[alt]')) {
    if (img.getAttribute('alt') === standIn) img.removeAttribute('alt');
  }
  for (const held of inert.body.querySelectorAll(`[${HELD_STYLE}]`)) {
    held.setAttribute('style', held.getAttribute(HELD_STYLE) ?? '');
    held.removeAttribute(HELD_STYLE);
  }
  // Squire keeps zero-width spaces where the cursor needs a text node; they are not content.
  const walker = inert.createTreeWalker(inert.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.includes('\u200B')) text.data = text.data.replaceAll('\u200B', '');
  }
  inert.body.normalize();
  return sanitizeEmailHtml(inert.body.innerHTML);
}

function wrapPlaceholders(fragment: DocumentFragment): void {
  const doc = fragment.ownerDocument;
  const walker = doc.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  const whole = new RegExp(`^${PLACEHOLDER_SOURCE}$`);
  for (const text of texts) {
    const parts = text.data.split(new RegExp(`(${PLACEHOLDER_SOURCE})`));
    if (parts.length === 1) continue;
    text.replaceWith(
      ...parts
        .filter((part) => part !== '')
        .map((part) => (whole.test(part) ? token(doc, part) : doc.createTextNode(part))),
    );
  }
}

function token(doc: Document, text: string): HTMLElement {
  const span = doc.createElement('span');
  span.setAttribute(TOKEN_ATTRIBUTE, '');
  span.setAttribute('contenteditable', 'false');
  span.className = 'evr-token';
  span.textContent = text;
  return span;
}
