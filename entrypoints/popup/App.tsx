import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import { ApiKeyForm } from '@/components/ApiKeyForm';
import { BulkRun } from '@/components/BulkRun';
import { DueTasks } from '@/components/DueTasks';
import { History } from '@/components/History';
import { QueueStep } from '@/components/queue/QueueStep';
import { TaskPanel } from '@/components/TaskPanel';
import type { Connector } from '@/utils/connector';
import { createPanelStore } from '@/utils/stores/panel';
import { needsTeam, type PopupState, type PopupStore } from '@/utils/stores/popup';

export function App({ store, connector }: { store: PopupStore; connector: Connector }) {
  const connection = useStore(store, (s) => s.connection);
  const openTaskId = useStore(store, (s) => s.openTaskId);
  const review = useStore(store, (s) => s.review);
  const queue = useStore(store, (s) => s.queue);
  return (
    <main class="evr-page">
      <h1>{i18n.t('extName')}</h1>
      {queue ? (
        <QueueStep store={store} connector={connector} queue={queue} />
      ) : review ? (
        <ReviewStep store={store} connector={connector} review={review} />
      ) : openTaskId !== null ? (
        <OpenTask store={store} connector={connector} taskId={openTaskId} />
      ) : (
        <>
          <ApiKeyForm store={store} />
          {connection?.connected && !needsTeam(connection) && (
            <>
              <BulkRun store={store} />
              <DueTasks store={store} />
              <History store={store} />
            </>
          )}
          <p>
            <a href="/options.html" target="_blank" rel="noreferrer">
              {i18n.t('popup.yourSites')}
            </a>
          </p>
        </>
      )}
    </main>
  );
}

/** "Review and send": one due task at a time in the task view; send, skip, or stop. */
function ReviewStep({
  store,
  connector,
  review,
}: {
  store: PopupStore;
  connector: Connector;
  review: NonNullable<PopupState['review']>;
}) {
  const task = review.tasks[review.index];
  if (!task) return null;
  return (
    <section aria-labelledby="evr-review-title">
      <h2 id="evr-review-title">
        {i18n.t('popup.reviewTitle', {
          position: String(review.index + 1),
          total: String(review.tasks.length),
        })}
      </h2>
      <ReviewedTask
        key={task.id}
        store={store}
        connector={connector}
        taskId={task.id}
        after={review.tasks.length - review.index - 1}
      />
    </section>
  );
}

function ReviewedTask({
  store,
  connector,
  taskId,
  after,
}: {
  store: PopupStore;
  connector: Connector;
  taskId: number;
  /** How many tasks follow this one in the review. */
  after: number;
}) {
  const panel = useMemo(() => createPanelStore(connector, taskId), [connector, taskId]);
  useEffect(() => () => panel.dispose(), [panel]);
  const sent = useStore(panel, (s) => s.execution.status === 'done');
  const rest = sent ? after : after + 1;
  return (
    <>
      <TaskPanel store={panel} collapsible={false} />
      <div class="evr-actions">
        <button
          type="button"
          class={sent ? 'evr-primary evr-review-next' : 'evr-review-next'}
          onClick={() => store.getState().nextInReview()}
        >
          {sent ? i18n.t('popup.next') : i18n.t('popup.skip')}
        </button>
        <button type="button" onClick={() => store.getState().stopReview()}>
          {i18n.t('popup.stop')}
        </button>
        {rest > 0 && (
          <button
            type="button"
            class="evr-review-rest"
            onClick={() => void store.getState().sendRestOfReview(sent)}
          >
            {i18n.t('popup.sendRest', rest)}
          </button>
        )}
      </div>
    </>
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
        {i18n.t('popup.backToList')}
      </button>
      <TaskPanel store={panel} collapsible={false} />
    </>
  );
}
