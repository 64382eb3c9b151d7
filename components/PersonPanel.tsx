import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import type { PersonStore } from '@/utils/stores/person';
import { FloatingFrame, RetryableFailure } from './PanelParts';
import { TaskPanel } from './TaskPanel';

/** A CRM person's pending Reply tasks: none, one, or a short list, each its own task panel. */
export function PersonPanel({ store }: { store: PersonStore }) {
  const lookup = useStore(store, (s) => s.lookup);
  const person = useStore(store, (s) => s.person);

  useEffect(() => {
    void store.getState().reload();
  }, [store]);

  const who = person.name ?? person.emails[0] ?? person.phones[0] ?? 'this person';
  if (lookup.status === 'ready' && lookup.panels.length > 0) {
    return (
      <section class="evr-stack evr-floating" aria-label={`Reply tasks for ${who}`}>
        {lookup.panels.map((panel) => (
          <TaskPanel key={panel.getState().taskId} store={panel} />
        ))}
      </section>
    );
  }
  return (
    <FloatingFrame>
      {lookup.status === 'loading' && <p role="status">Looking up {who} in Reply…</p>}
      {lookup.status === 'failed' && (
        <RetryableFailure error={lookup.error} onRetry={() => void store.getState().reload()} />
      )}
      {lookup.status === 'ready' && (
        <p role="status">
          {lookup.contact ? `No Reply tasks for ${who}` : `${who} is not a contact in Reply.`}
        </p>
      )}
    </FloatingFrame>
  );
}
