import Squire from 'squire-rte';
import { keepUntouchedBlocks } from '@/utils/edited-html';
import { fromEditor, toEditor } from '@/utils/sanitize';

/**
 * The formatted-text editor (Squire) and everything it needs, loaded only when the rep starts
 * editing: in a page, the module `editor.js` (modules/panel-chunk.ts), imported into the
 * panel's content-script world; in the popup, a chunk of its own. It holds no Preact, so the
 * panel's one copy renders the toolbar around it.
 */

export type Format = 'bold' | 'italic' | 'underline' | 'link' | 'bulleted' | 'numbered';
export type Formats = Record<Format, boolean>;

export interface RichEditor {
  toggle(format: Exclude<Format, 'link'>): void;
  /** Links the selection to `url` (already checked by the caller); null removes the link. */
  link(url: string | null): void;
  /** The address of the link at the cursor, if any. */
  linkAt(): string | null;
  undo(): void;
  redo(): void;
  focus(): void;
  destroy(): void;
}

export interface RichEditorOptions {
  /** The body as it is now (the template, or a draft). */
  body: string;
  /** The template's body: what "unchanged" means, and what untouched blocks are sent as. */
  original: string;
  /** The body to send, or null when what the editor holds is the template unchanged. */
  onChange(body: string | null): void;
  onFormats(formats: Formats): void;
  /** Ctrl/Cmd+K: the caller asks for the address. */
  onLinkKey(): void;
}

const TAG_OF: Record<Exclude<Format, 'link' | 'bulleted' | 'numbered'>, string> = {
  bold: 'B',
  italic: 'I',
  underline: 'U',
};

/** Elements a range can't sit inside: a selection there starts or ends before them. */
const LEAVES = new Set(['BR', 'IMG', 'HR', 'INPUT']);

/**
 * Squire reads the selection from the window and focus from `document.activeElement`; a
 * shadow root, where the page panel lives, hides both (Squire issue #327: Chromium reports a
 * selection inside a shadow tree as one around its host, and the document's active element
 * is the host). This Squire reads them from its root's own tree instead: the shadow root's
 * selection where the browser has one (Chromium), the window's elsewhere (Firefox sees
 * inside), and the tree's active element.
 */
class ShadowRootSquire extends Squire {
  constructor(root: HTMLElement, config: ConstructorParameters<typeof Squire>[1]) {
    super(root, config);
    const tree = root.getRootNode() as Document | ShadowRoot;
    Object.defineProperty(this, '_isFocused', {
      get: () => tree.activeElement === root,
      set: () => undefined,
    });
  }

  override getSelection(): Range {
    const root = this.getRoot();
    const tree = root.getRootNode() as ShadowRoot & { getSelection?(): Selection | null };
    const selection =
      (typeof tree.getSelection === 'function' ? tree.getSelection() : null) ??
      window.getSelection();
    if (this._isFocused && selection && selection.rangeCount > 0) {
      const range = selection.getRangeAt(0).cloneRange();
      if (LEAVES.has(range.startContainer.nodeName)) range.setStartBefore(range.startContainer);
      if (LEAVES.has(range.endContainer.nodeName)) range.setEndBefore(range.endContainer);
      if (root.contains(range.commonAncestorContainer)) this._lastSelection = range;
    }
    if (!this._lastSelection || !root.contains(this._lastSelection.commonAncestorContainer)) {
      const start = document.createRange();
      start.setStart(root.firstElementChild ?? root, 0);
      this._lastSelection = start;
    }
    return this._lastSelection;
  }
}

export function createRichEditor(root: HTMLElement, options: RichEditorOptions): RichEditor {
  let pasting = false;
  const editor = new ShadowRootSquire(root, {
    blockTag: 'DIV',
    addLinks: false,
    // Everything that enters (the body, a paste, a drop) is sanitised and made inert first.
    sanitizeToDOMFragment: (html) => {
      const fragment = toEditor(html);
      if (pasting) cleanPaste(fragment);
      return document.importNode(fragment, true);
    },
    // The extension logs nothing; Squire's errors are its own recoveries.
    didError: () => undefined,
  });
  editor.setHTML(options.original);
  const baseline = fromEditor(root);
  if (options.body !== options.original) editor.setHTML(options.body);
  // Everything after the first content is the rep's: pasted, dropped or inserted.
  pasting = true;

  const formats = (): Formats => ({
    bold: editor.hasFormat('B'),
    italic: editor.hasFormat('I'),
    underline: editor.hasFormat('U'),
    link: editor.hasFormat('A'),
    bulleted: editor.hasFormat('UL'),
    numbered: editor.hasFormat('OL'),
  });
  const changed = () => {
    const current = fromEditor(root);
    options.onChange(
      current === baseline ? null : keepUntouchedBlocks(options.original, baseline, current),
    );
  };
  // Pastes are read here rather than by Squire: where a paste event carries no readable
  // clipboard data, Squire's fallback pastes into a hidden element in the page's own body
  // (readable by the page) and the browser's own paste would skip the sanitiser. Either way,
  // nothing but the clipboard's text or HTML, through the sanitiser, enters the editor.
  const paste = (event: ClipboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    const html = event.clipboardData?.getData('text/html');
    if (html) editor.insertHTML(html, true);
    else {
      const text = event.clipboardData?.getData('text/plain');
      if (text) editor.insertPlainText(text, true);
    }
  };
  root.addEventListener('paste', paste, true);
  editor.addEventListener('input', changed);
  editor.addEventListener('pathChange', () => options.onFormats(formats()));
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta-' : 'Ctrl-';
  editor.setKeyHandler(`${mod}k`, (_self, event) => {
    event.preventDefault();
    options.onLinkKey();
  });

  const after = (run: () => void) => {
    run();
    options.onFormats(formats());
  };
  return {
    toggle(format) {
      after(() => {
        if (format === 'bulleted') {
          if (editor.hasFormat('UL')) editor.removeList();
          else editor.makeUnorderedList();
        } else if (format === 'numbered') {
          if (editor.hasFormat('OL')) editor.removeList();
          else editor.makeOrderedList();
        } else {
          const tag = TAG_OF[format];
          if (editor.hasFormat(tag)) editor.changeFormat(null, { tag });
          else editor.changeFormat({ tag });
        }
      });
    },
    link(url) {
      after(() => {
        if (url === null) editor.removeLink();
        else editor.makeLink(url);
      });
    },
    linkAt() {
      const range = editor.getSelection();
      let node: Node | null = range.startContainer;
      while (node && node !== root) {
        if (node.nodeName === 'A') return (node as HTMLAnchorElement).getAttribute('href');
        node = node.parentNode;
      }
      return null;
    },
    undo: () => after(() => editor.undo()),
    redo: () => after(() => editor.redo()),
    focus: () => editor.focus(),
    destroy() {
      root.removeEventListener('paste', paste, true);
      editor.destroy();
    },
  };
}

/**
 * Word, Google Docs and web pages paste their own styling: only what the toolbar can make
 * survives (bold, italic, underline as styles Squire turns into tags); Google Docs' wrapper,
 * a `<b>` whose weight is normal, is unwrapped.
 */
function cleanPaste(fragment: DocumentFragment): void {
  for (const bold of fragment.querySelectorAll('b, strong')) {
    if (/font-weight\s*:\s*(?:normal|[1-4]00)\b/i.test(bold.getAttribute('style') ?? '')) {
      bold.replaceWith(...bold.childNodes);
    }
  }
  for (const styled of fragment.querySelectorAll<HTMLElement>('[style]')) {
    const { fontWeight, fontStyle, textDecorationLine, textDecoration } = styled.style;
    styled.removeAttribute('style');
    if (/^(?:bold|bolder|[6-9]00)$/.test(fontWeight)) styled.style.fontWeight = 'bold';
    if (fontStyle === 'italic') styled.style.fontStyle = 'italic';
    if (/underline/.test(textDecorationLine || textDecoration)) {
      styled.style.textDecoration = 'underline';
    }
    if (!styled.style.length) styled.removeAttribute('style');
  }
  for (const sized of fragment.querySelectorAll(
    '[width], [height], [align], [bgcolor], [color], [face], [size]',
  )) {
    for (const name of ['width', 'height', 'align', 'bgcolor', 'color', 'face', 'size']) {
      if (sized.tagName !== 'IMG' || (name !== 'width' && name !== 'height')) {
        sized.removeAttribute(name);
      }
    }
  }
  // What is left of a paste's styling spans is nothing: their text stays, they go.
  for (const span of fragment.querySelectorAll('span')) {
    if (span.attributes.length === 0) span.replaceWith(...span.childNodes);
  }
}
