import { createStore } from 'zustand/vanilla';
import type { Connector } from '../connector';
import type { PersonContext } from '../detect/context';
import type { PersonTasks } from '../messaging';
import type { Failure } from '../reply/errors';
import { createPanelStore, type PanelStore } from './panel';

/** A CRM person's panel: the lookup in Reply, then one task panel store per pending task. */
export interface PersonState {
  person: PersonContext;
  lookup:
    | { status: 'loading' }
    | { status: 'failed'; error: Failure }
    | ({ status: 'ready'; panels: PanelStore[] } & PersonTasks);
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
      panels = result.value.tasks.map((task) => createPanelStore(connector, task.id));
      set({ lookup: { status: 'ready', panels, ...result.value } });
    },
  }));
  return Object.assign(store, {
    dispose: () => {
      for (const panel of panels) panel.dispose();
    },
  });
}

export type PersonStore = ReturnType<typeof createPersonStore>;
