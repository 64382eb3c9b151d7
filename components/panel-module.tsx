import { type ComponentChild, render } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import css from '@/assets/panel.css?inline';
import { createMessagingConnector } from '@/utils/connector';
import { visibleAddresses } from '@/utils/detect/candidates';
import type { ComposeContext, PersonContext } from '@/utils/detect/context';
import { PANEL_TAG } from '@/utils/panel-port';
import { createChooserStore } from '@/utils/stores/chooser';
import { createComposeStore } from '@/utils/stores/compose';
import { createPanelStore } from '@/utils/stores/panel';
import { createPersonStore } from '@/utils/stores/person';
import { applyUiLanguage } from '@/utils/ui-language';
import { ComposePanel } from './ComposePanel';
import { PersonPanel } from './PersonPanel';
import { ReadFailureChooser } from './ReadFailureChooser';
import { TaskPanel } from './TaskPanel';

/**
 * The page panel, imported into a tab's content-script world only once a task context is
 * found (built apart as the module `panel.js`, see modules/panel-chunk.ts, and loaded by
 * utils/content/load-panel.ts), so pages with nothing to do never pay for Preact, Zustand or
 * styles.
 */

/** Reply's content script hands its tab over to this, once a URL may name a task. */
export { followReplyTasks } from '@/utils/content/follow-reply-page';

/** Shows the floating panel for one task; returns its removal. */
export function mountTaskPanel(taskId: number): PanelMount {
  const store = createPanelStore(createMessagingConnector(), taskId);
  return mountInShadowRoot(<TaskPanel store={store} floating />, store.dispose);
}

/** Shows a CRM person's pending Reply tasks; returns its removal. */
export function mountPersonPanel(person: PersonContext): PanelMount {
  const store = createPersonStore(createMessagingConnector(), person);
  return mountInShadowRoot(<PersonPanel store={store} />, store.dispose);
}

/** Offers to send open drafts to Reply contacts through their pending tasks. */
export function mountComposePanel(composes: ComposeContext[]): PanelMount {
  const store = createComposeStore(createMessagingConnector(), composes);
  const unreadable = composes.flatMap((c) => c.unreadable ?? []);
  return mountInShadowRoot(<ComposePanel store={store} unreadable={unreadable} />, () => undefined);
}

/**
 * A record page whose person can't be read (or shows no email or phone): the rep chooses an
 * address, then gets the usual person panel for it.
 */
export function mountPersonChooser(person: PersonContext): PanelMount {
  const store = createChooserStore({
    reason: person.recordShown ? 'no-details' : 'unreadable',
    candidates: person.recordShown ? [] : visibleAddresses(document),
    unreadable: [],
  });
  return mountInShadowRoot(
    <ReadFailureChooser store={store}>
      {(address) => <ChosenPerson person={person} address={address} />}
    </ReadFailureChooser>,
    () => undefined,
  );
}

/** Open drafts none of whose recipients can be read: the rep chooses who the draft is to. */
export function mountComposeChooser(composes: ComposeContext[]): PanelMount {
  const store = createChooserStore({
    reason: 'unreadable',
    candidates: visibleAddresses(
      document,
      composes.map((c) => c.root),
    ),
    unreadable: composes.flatMap((c) => c.unreadable ?? []),
  });
  // The draft the choice is for: the first that shows a recipient it can't read, else the first.
  const draft = composes.find((c) => (c.unreadable?.length ?? 0) > 0) ?? composes[0];
  return mountInShadowRoot(
    <ReadFailureChooser store={store}>
      {(address) => draft && <ChosenDraft draft={draft} address={address} />}
    </ReadFailureChooser>,
    () => undefined,
  );
}

function ChosenPerson({ person, address }: { person: PersonContext; address: string }) {
  const store = useMemo(
    () =>
      createPersonStore(createMessagingConnector(), { ...person, emails: [address], phones: [] }),
    [person, address],
  );
  useEffect(() => () => store.dispose(), [store]);
  return <PersonPanel store={store} />;
}

function ChosenDraft({ draft, address }: { draft: ComposeContext; address: string }) {
  const store = useMemo(
    () => createComposeStore(createMessagingConnector(), [{ ...draft, recipients: [address] }]),
    [draft, address],
  );
  return <ComposePanel store={store} />;
}

/** A panel on the page: its host element (a page may remove it), and its removal. */
export interface PanelMount {
  host: Element;
  remove(): void;
}

function mountInShadowRoot(view: ComponentChild, dispose: () => void): PanelMount {
  const host = document.createElement(PANEL_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // Inherited page styles (fonts, colours, spacing) stop here: `:host` loses to a page's
  // `* {… !important}`, which reaches the host element, but no page rule reaches the container.
  style.textContent = `:host{all:initial}\n.evr-root{all:initial;display:block}\n${css}`;
  const container = document.createElement('div');
  container.className = 'evr-root';
  applyUiLanguage(container);
  shadow.append(style, container);
  document.body.append(host);
  render(view, container);
  return {
    host,
    remove() {
      render(null, container);
      dispose();
      host.remove();
    },
  };
}
