import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import { ApiKeyForm } from '@/components/ApiKeyForm';
import { BulkRun } from '@/components/BulkRun';
import { DueTasks } from '@/components/DueTasks';
import { History } from '@/components/History';
import { TaskPanel } from '@/components/TaskPanel';
import type { Connector } from '@/utils/connector';
import { createPanelStore } from '@/utils/stores/panel';
import type { PopupStore } from '@/utils/stores/popup';

export function App({ store, connector }: { store: PopupStore; connector: Connector }) {
  const connection = useStore(store, (s) => s.connection);
  const openTaskId = useStore(store, (s) => s.openTaskId);
  return (
    <main class="evr-page">
      <h1>Execute via Reply</h1>
      {openTaskId !== null ? (
        <OpenTask store={store} connector={connector} taskId={openTaskId} />
      ) : (
        <>
          <ApiKeyForm store={store} />
          {connection?.connected && (
            <>
              <BulkRun store={store} />
              <DueTasks store={store} />
              <History store={store} />
            </>
          )}
          <p>
            <a href="/options.html" target="_blank" rel="noreferrer">
              Your sites…
            </a>
          </p>
        </>
      )}
    </main>
  );
}

/** The same preview-edit-execute view as the page panel. */
function OpenTask({
  store,
  connector,
  taskId,
}: {
  store: PopupStore;
  connector: Connector;
  taskId: number;
}) {
  const panel = useMemo(() => createPanelStore(connector, taskId), [connector, taskId]);
  useEffect(() => () => panel.dispose(), [panel]);
  return (
    <>
      <button type="button" onClick={() => store.getState().closeTask()}>
        ← Due tasks
      </button>
      <TaskPanel store={panel} />
    </>
  );
}
