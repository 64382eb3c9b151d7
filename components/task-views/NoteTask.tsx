import { Completion, markDone, TaskText } from './Completion';
import type { TaskViewProps } from './views';

/** A to-do, meeting or WhatsApp task: what it says, then "Mark done". */
export function NoteTask({ store, task }: TaskViewProps) {
  return (
    <>
      <TaskText task={task} />
      <Completion store={store} task={task} choices={markDone()} />
    </>
  );
}
