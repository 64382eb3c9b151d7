import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import type { FoundContact, PersonStore } from '@/utils/stores/person';
import { FloatingFrame, RetryableFailure } from './PanelParts';
import { TaskPanel } from './TaskPanel';

/**
 * A CRM person's pending Reply tasks: none, one contact's task panels, or, when several Reply
 * contacts share the address, each contact named with their own tasks, for the rep to tell
 * which one this person is. None is picked for them.
 */
export function PersonPanel({ store }: { store: PersonStore }) {
  const lookup = useStore(store, (s) => s.lookup);
  const person = useStore(store, (s) => s.person);

  useEffect(() => {
    void store.getState().reload();
  }, [store]);

  const who = person.name ?? person.emails[0] ?? person.phones[0] ?? 'this person';
  const contacts = lookup.status === 'ready' ? lookup.contacts : [];
  const [only] = contacts;
  if (contacts.length === 1 && only && only.panels.length > 0) {
    return (
      <section class="evr-stack evr-floating" aria-label={`Reply tasks for ${who}`}>
        {only.panels.map((panel) => (
          <TaskPanel key={panel.getState().taskId} store={panel} />
        ))}
      </section>
    );
  }
  if (contacts.length > 1) {
    return (
      <section class="evr-stack evr-floating" aria-label={`Reply contacts for ${who}`}>
        <div class="evr-panel">
          <div class="evr-body">
            <p role="status" class="evr-note">
              {contacts.length} contacts in Reply have {sharedAddress(contacts) ?? 'this address'}.
              Each one’s tasks are listed under their name: execute only those of the person on this
              page.
            </p>
          </div>
        </div>
        {contacts.map((contact) => (
          <ContactTasks key={contact.id} contact={contact} />
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
          {only ? `No Reply tasks for ${who}` : `${who} is not a contact in Reply.`}
        </p>
      )}
    </FloatingFrame>
  );
}

function ContactTasks({ contact }: { contact: FoundContact }) {
  const name = contact.name ?? `Contact ${contact.id}`;
  return (
    <section class="evr-stack" aria-label={`Reply tasks for ${name} (contact ${contact.id})`}>
      <div class="evr-panel">
        <div class="evr-body">
          <h3 class="evr-contact-name">
            {name} · Reply contact {contact.id}
          </h3>
          {contact.panels.length === 0 && <p>No pending tasks.</p>}
        </div>
      </div>
      {contact.panels.map((panel) => (
        <TaskPanel key={panel.getState().taskId} store={panel} />
      ))}
    </section>
  );
}

const sharedAddress = (contacts: FoundContact[]) =>
  contacts[0]?.email ?? contacts[0]?.phone ?? null;
