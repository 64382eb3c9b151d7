import { i18n } from '#i18n';
import { dialledNumber } from '@/utils/phone';
import { CALL_RESOLUTION } from '@/utils/reply/complete';
import { Completion, type CompletionChoice, TaskText } from './Completion';
import type { TaskViewProps } from './views';

/** Reply's three call outcomes, as the rep would say them (in the rep's language). */
const callOutcomes = (): CompletionChoice[] => [
  {
    label: i18n.t('taskViews.call.positive'),
    outcome: i18n.t('taskViews.call.positiveOutcome'),
    body: { callResolution: CALL_RESOLUTION.positive },
  },
  {
    label: i18n.t('taskViews.call.again'),
    outcome: i18n.t('taskViews.call.againOutcome'),
    body: { callResolution: CALL_RESOLUTION.callAgain },
  },
  {
    label: i18n.t('taskViews.call.negative'),
    outcome: i18n.t('taskViews.call.negativeOutcome'),
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
          {i18n.t('taskViews.call.dial')} <a href={`tel:${dialled}`}>{phone}</a>
        </p>
      ) : (
        <p class="evr-note">{i18n.t('taskViews.call.noPhone')}</p>
      )}
      <TaskText task={task}>
        <p class="evr-subject">{i18n.t('taskViews.call.notes')}</p>
      </TaskText>
      <Completion store={store} task={task} choices={callOutcomes()} />
    </>
  );
}
