import type { PersonTasks } from '../messaging';
import type { ReplyClient } from '../reply/client';

/**
 * Lookups are kept this long, for every tab: re-renders and navigation between records must
 * not spend the rep's 100-a-minute budget. An execution clears them.
 */
const LOOKUP_TTL_MS = 60_000;

/**
 * The Reply contacts behind a CRM person or a draft's recipient: the first of their emails
 * (then phones) that is exactly some contacts' address, and each such contact's pending
 * manual emails and SMS. Two contacts sharing the address are both given, for the rep to
 * choose between; none is picked.
 */
export function createPersonLookup(client: () => Promise<ReplyClient>) {
  const lookups = new Map<string, { at: number; answer: Promise<PersonTasks> }>();

  async function lookUp(emails: string[], phones: string[]): Promise<PersonTasks> {
    const reply = await client();
    for (const [property, values] of [
      ['email', emails],
      ['phone', phones],
    ] as const) {
      for (const value of values) {
        const found = await reply.findContacts(property, value);
        if (found.length === 0) continue;
        const contacts: PersonTasks['contacts'] = [];
        for (const contact of found) {
          const tasks = await reply.pendingTasks({ contactId: contact.id });
          contacts.push({
            id: contact.id,
            name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || null,
            email: contact.email,
            phone: contact.phone,
            // Should Reply ignore the filter, another contact's tasks must still not show.
            tasks: tasks.filter((task) => task.contact?.id === contact.id),
          });
        }
        return { contacts };
      }
    }
    return { contacts: [] };
  }

  return {
    find({ emails, phones }: { emails: string[]; phones: string[] }): Promise<PersonTasks> {
      const key = JSON.stringify([[...emails].sort(), [...phones].sort()]);
      const cached = lookups.get(key);
      if (cached && Date.now() - cached.at < LOOKUP_TTL_MS) return cached.answer;
      const answer = lookUp(emails, phones);
      lookups.set(key, { at: Date.now(), answer });
      answer.catch(() => lookups.delete(key));
      return answer;
    },
    clear: () => lookups.clear(),
  };
}
