import { useLayoutEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
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

  // A layout effect: the request leaves in the task that mounts the view, not after its first
  // paint, which is a frame of the rep's wait.
  useLayoutEffect(() => {
    void store.getState().reload();
  }, [store]);

  const who = person.name ?? person.emails[0] ?? person.phones[0] ?? i18n.t('person.thisPerson');
  const contacts = lookup.status === 'ready' ? lookup.contacts : [];
  const [only] = contacts;
  if (contacts.length === 1 && only && only.panels.length > 0) {
    return (
      <section class="evr-stack evr-floating" aria-label={i18n.t('person.tasksFor', { who })}>
        {only.panels.map((panel) => (
          <TaskPanel key={panel.getState().taskId} store={panel} />
        ))}
      </section>
    );
  }
  if (contacts.length > 1) {
    return (
      <section class="evr-stack evr-floating" aria-label={i18n.t('person.contactsFor', { who })}>
        <div class="evr-panel">
          <div class="evr-body">
            <p role="status" class="evr-note">
              {i18n.t('person.sharedAddress', contacts.length, {
                address: sharedAddress(contacts) ?? i18n.t('person.thisAddress'),
              })}
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
      {lookup.status === 'loading' && <p role="status">{i18n.t('person.lookingUp', { who })}</p>}
      {lookup.status === 'failed' && (
        <RetryableFailure error={lookup.error} onRetry={() => void store.getState().reload()} />
      )}
      {lookup.status === 'ready' && (
        <p role="status">{i18n.t(only ? 'person.noTasks' : 'person.notAContact', { who })}</p>
      )}
    </FloatingFrame>
  );
}

function ContactTasks({ contact }: { contact: FoundContact }) {
  const name = contact.name ?? i18n.t('person.contactNumber', { id: contact.id });
  return (
    <section class="evr-stack" aria-label={i18n.t('person.contactTasks', { name, id: contact.id })}>
      <div class="evr-panel">
        <div class="evr-body">
          <h3 class="evr-contact-name">
            {i18n.t('person.contactHeading', { name, id: contact.id })}
          </h3>
          {contact.panels.length === 0 && <p>{i18n.t('person.noPending')}</p>}
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
