import { createStore } from 'zustand/vanilla';
import type { Connector } from '../connector';
import type { PersonContext } from '../detect/context';
import type { PersonContact } from '../messaging';
import type { Failure } from '../reply/errors';
import { createPanelStore, type PanelStore } from './panel';

/** One Reply contact found for the person, with a task panel store per pending task. */
export interface FoundContact extends PersonContact {
  panels: PanelStore[];
}

/**
 * A CRM person's panel: the lookup in Reply, then each contact found (none: not in Reply; two
 * or more share the address, and the rep tells which is this person) with their task panels.
 */
export interface PersonState {
  person: PersonContext;
  lookup:
    | { status: 'loading' }
    | { status: 'failed'; error: Failure }
    | { status: 'ready'; contacts: FoundContact[] };
  reload(): Promise<void>;
}

export function createPersonStore(connector: Connector, person: PersonContext) {
  let panels: PanelStore[] = [];
  const store = createStore<PersonState>()((set) => ({
    person,
    lookup: { status: 'loading' },
    async reload() {
      set({ lookup: { status: 'loading' } });
      const result = await connector.findPersonTasks(person);
      if (!result.ok) {
        set({ lookup: { status: 'failed', error: result.error } });
        return;
      }
      for (const panel of panels) panel.dispose();
      const contacts = result.value.contacts.map((contact) => ({
        ...contact,
        panels: contact.tasks.map((task) => createPanelStore(connector, task.id)),
      }));
      panels = contacts.flatMap((c) => c.panels);
      set({ lookup: { status: 'ready', contacts } });
    },
  }));
  return Object.assign(store, {
    dispose: () => {
      for (const panel of panels) panel.dispose();
    },
  });
}

export type PersonStore = ReturnType<typeof createPersonStore>;
