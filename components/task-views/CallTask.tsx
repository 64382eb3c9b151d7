import { dialledNumber } from '@/utils/phone';
import { CALL_RESOLUTION } from '@/utils/reply/complete';
import { Completion, type CompletionChoice, TaskText } from './Completion';
import type { TaskViewProps } from './views';

/** Reply's three call outcomes, as the rep would say them. */
const CALL_OUTCOMES: CompletionChoice[] = [
  {
    label: 'Reached: positive',
    outcome: 'reached, positive',
    body: { callResolution: CALL_RESOLUTION.positive },
  },
  {
    label: 'Call again',
    outcome: 'to call again',
    body: { callResolution: CALL_RESOLUTION.callAgain },
  },
  {
    label: 'Reached: negative',
    outcome: 'reached, negative',
    body: { callResolution: CALL_RESOLUTION.negative },
  },
];

/** A call: the number for the rep's own dialer, the notes, and how the call went. */
export function CallTask({ store, task }: TaskViewProps) {
  const phone = task.deliveryInfo?.phoneNumber?.trim();
  const dialled = phone ? dialledNumber(phone) : '';
  return (
    <>
      {dialled ? (
        <p>
          Call <a href={`tel:${dialled}`}>{phone}</a>
        </p>
      ) : (
        <p class="evr-note">Reply has no phone number for this contact. Find it in Reply.</p>
      )}
      <TaskText task={task}>
        <p class="evr-subject">Notes</p>
      </TaskText>
      <Completion store={store} task={task} choices={CALL_OUTCOMES} />
    </>
  );
}
