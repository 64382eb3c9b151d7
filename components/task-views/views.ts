import type { ComponentType } from 'preact';
import type { Task, TaskType } from '@/utils/reply/schemas';
import type { PanelStore } from '@/utils/stores/panel';
import { CallTask } from './CallTask';
import { LinkedInTask } from './LinkedInTask';
import { NoteTask } from './NoteTask';

export interface TaskViewProps {
  store: PanelStore;
  task: Task;
}

/**
 * The view of each task type the rep does themselves and then completes. Emails and SMS are
 * sent instead (TaskPanel's editor); a type Reply adds is one new view and one line here.
 */
export const DONE_BY_REP_VIEWS: Partial<Record<TaskType, ComponentType<TaskViewProps>>> = {
  call: CallTask,
  linkedIn: LinkedInTask,
  toDo: NoteTask,
  meeting: NoteTask,
  whatsApp: NoteTask,
};
