import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Alert } from '../PanelParts';
import type { Format, Formats, RichEditor } from './editor-module';
import { loadEditor } from './load-chunks';

const NO_FORMATS: Formats = {
  bold: false,
  italic: false,
  underline: false,
  link: false,
  bulleted: false,
  numbered: false,
};

/** Toolbar buttons: name, what they show, their shortcut. */
const BUTTONS = [
  { format: 'bold', name: 'editor.bold', face: 'B', keys: 'Control+B' },
  { format: 'italic', name: 'editor.italic', face: 'I', keys: 'Control+I' },
  { format: 'underline', name: 'editor.underline', face: 'U', keys: 'Control+U' },
  { format: 'bulleted', name: 'editor.bulleted', face: '•', keys: 'Control+Shift+8' },
  { format: 'numbered', name: 'editor.numbered', face: '1.', keys: 'Control+Shift+9' },
] as const satisfies {
  format: Exclude<Format, 'link'>;
  name: string;
  face: string;
  keys: string;
}[];

/** Only web and mail links can be added. */
const LINKABLE = /^(?:https:\/\/[^\s/]+\S*|mailto:[^\s@]+@[^\s@]+)$/i;

/**
 * The body as formatted text: a toolbar and the editor (loaded on first use, see
 * load-chunks.ts). What the rep sees here is what is sent; `onChange` gets the body to send,
 * or null when it is the template again.
 */
export function RichTextEditor({
  body,
  original,
  readOnly,
  onChange,
}: {
  body: string;
  original: string;
  readOnly: boolean;
  onChange(body: string | null): void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<RichEditor | null>(null);
  const [failed, setFailed] = useState(false);
  const [formats, setFormats] = useState(NO_FORMATS);
  const [linking, setLinking] = useState<string | null>(null);
  const labelId = useId();
  const change = useRef(onChange);
  change.current = onChange;

  // Built once per mount: the editor owns its DOM from then on.
  useEffect(() => {
    let made: RichEditor | null = null;
    let gone = false;
    loadEditor().then(
      ({ createRichEditor }) => {
        if (gone || !root.current) return;
        made = createRichEditor(root.current, {
          body,
          original,
          onChange: (next) => change.current(next),
          onFormats: setFormats,
          onLinkKey: () => setLinking(made?.linkAt() ?? 'https://'),
        });
        setEditor(made);
      },
      () => setFailed(true),
    );
    return () => {
      gone = true;
      made?.destroy();
    };
  }, []);

  useEffect(() => {
    root.current?.setAttribute('contenteditable', editor && !readOnly ? 'true' : 'false');
  }, [editor, readOnly]);

  return (
    <div class="evr-rich">
      <span id={labelId} class="evr-label">
        {i18n.t('draft.body')}
      </span>
      {failed && <Alert>{i18n.t('editor.loadFailed')}</Alert>}
      {!editor && !failed && <p role="status">{i18n.t('editor.loading')}</p>}
      {editor && (
        <div role="toolbar" aria-label={i18n.t('editor.formatting')} class="evr-toolbar">
          {BUTTONS.map(({ format, name, face, keys }) => (
            <ToolButton
              key={format}
              name={i18n.t(name)}
              keys={keys}
              pressed={formats[format]}
              disabled={readOnly}
              extraClass={`evr-tool-${format}`}
              onClick={() => editor.toggle(format)}
            >
              <span aria-hidden="true">{face}</span>
              <span class="evr-sr">{i18n.t(name)}</span>
            </ToolButton>
          ))}
          <ToolButton
            name={i18n.t('editor.link')}
            keys="Control+K"
            pressed={formats.link}
            disabled={readOnly}
            onClick={() => setLinking(editor.linkAt() ?? 'https://')}
          >
            {i18n.t('editor.link')}
          </ToolButton>
          <ToolButton
            name={i18n.t('editor.undo')}
            keys="Control+Z"
            disabled={readOnly}
            onClick={() => editor.undo()}
          >
            <span aria-hidden="true">↶</span>
            <span class="evr-sr">{i18n.t('editor.undo')}</span>
          </ToolButton>
          <ToolButton
            name={i18n.t('editor.redo')}
            keys="Control+Shift+Z"
            disabled={readOnly}
            onClick={() => editor.redo()}
          >
            <span aria-hidden="true">↷</span>
            <span class="evr-sr">{i18n.t('editor.redo')}</span>
          </ToolButton>
        </div>
      )}
      {linking !== null && editor && (
        <LinkForm
          initial={linking}
          hasLink={formats.link}
          onDone={(url) => {
            setLinking(null);
            if (url !== undefined) editor.link(url);
            editor.focus();
          }}
        />
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: formatted text needs contenteditable, not a textarea */}
      <div
        ref={root}
        tabIndex={0}
        class="evr-editor"
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-readonly={readOnly}
        hidden={!editor}
      />
    </div>
  );
}

/** Add, change or remove the link at the selection; undefined means cancelled. */
function LinkForm({
  initial,
  hasLink,
  onDone,
}: {
  initial: string;
  hasLink: boolean;
  onDone(url: string | null | undefined): void;
}) {
  const [url, setUrl] = useState(initial);
  const [wrong, setWrong] = useState(false);
  const apply = () => {
    const address = url.trim();
    if (LINKABLE.test(address)) onDone(address);
    else setWrong(true);
  };
  return (
    <div class="evr-link-form">
      <label>
        {i18n.t('editor.linkAddress')}
        <input
          type="url"
          value={url}
          // biome-ignore lint/a11y/noAutofocus: the rep just asked to type an address
          autoFocus
          onInput={(e) => {
            setUrl(e.currentTarget.value);
            setWrong(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            } else if (e.key === 'Escape') onDone(undefined);
          }}
        />
      </label>
      {wrong && <Alert>{i18n.t('editor.linkInvalid')}</Alert>}
      <div class="evr-actions">
        <button type="button" onClick={apply}>
          {i18n.t('editor.applyLink')}
        </button>
        {hasLink && (
          <button type="button" onClick={() => onDone(null)}>
            {i18n.t('editor.removeLink')}
          </button>
        )}
        <button type="button" onClick={() => onDone(undefined)}>
          {i18n.t('editor.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A toolbar button: named, with its shortcut, and keeping the editor's selection when pressed. */
function ToolButton({
  name,
  keys,
  pressed,
  disabled,
  extraClass,
  onClick,
  children,
}: {
  name: string;
  keys: string;
  pressed?: boolean;
  disabled: boolean;
  extraClass?: string;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      title={name}
      aria-pressed={pressed}
      aria-keyshortcuts={keys}
      disabled={disabled}
      class={extraClass ? `evr-tool ${extraClass}` : 'evr-tool'}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
