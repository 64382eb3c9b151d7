import { createStore, type StateCreator } from 'zustand/vanilla';
import type { Connector } from '../connector';
import type { ExecuteRequest, LoadedTask } from '../messaging';
import type { Failure } from '../reply/errors';
import type { Task } from '../reply/schemas';
import { canPickEmailAccount, whyNotExecutable } from '../reply/task';

/** The preview-edit-execute view's state, one store per panel, built from three slices. */

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; error: Failure }
  | ({ status: 'ready' } & LoadedTask);

interface TaskSlice {
  taskId: number;
  load: LoadState;
  reload(): Promise<void>;
}

/** The rep's edits. Null fields mean "as Reply rendered it", so `{}` is sent when untouched. */
interface DraftSlice {
  edits: { subject: string | null; body: string | null };
  emailAccountId: number | null;
  editSubject(subject: string): void;
  editBody(body: string): void;
  discardEdits(): void;
  pickEmailAccount(id: number | null): void;
}

type ExecutionState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'done'; task: Task }
  | { status: 'failed'; error: Failure };

interface ExecutionSlice {
  execution: ExecutionState;
  execute(): Promise<void>;
}

export type PanelState = TaskSlice & DraftSlice & ExecutionSlice;
type Slice<T> = StateCreator<PanelState, [], [], T>;

const taskSlice =
  (connector: Connector, taskId: number): Slice<TaskSlice> =>
  (set) => ({
    taskId,
    load: { status: 'loading' },
    async reload() {
      set({ load: { status: 'loading' } });
      const result = await connector.loadTask(taskId);
      set({
        load: result.ok
          ? { status: 'ready', ...result.value }
          : { status: 'failed', error: result.error },
      });
    },
  });

const NO_EDITS = { subject: null, body: null };

const draftSlice: Slice<DraftSlice> = (set) => ({
  edits: NO_EDITS,
  emailAccountId: null,
  editSubject: (subject) => set((s) => ({ edits: { ...s.edits, subject } })),
  editBody: (body) => set((s) => ({ edits: { ...s.edits, body } })),
  discardEdits: () => set({ edits: NO_EDITS }),
  pickEmailAccount: (emailAccountId) => set({ emailAccountId }),
});

const executionSlice =
  (connector: Connector): Slice<ExecutionSlice> =>
  (set, get) => ({
    execution: { status: 'idle' },
    async execute() {
      const state = get();
      if (state.load.status !== 'ready' || state.execution.status === 'sending') return;
      if (state.execution.status === 'done' || whyNotExecutable(state.load.task)) return;
      set({ execution: { status: 'sending' } });
      const result = await connector.executeTask(executeRequest(state, state.load.task));
      if (!result.ok) {
        set({ execution: { status: 'failed', error: result.error } });
        return;
      }
      set((s) => ({
        execution: { status: 'done', task: result.value },
        load: s.load.status === 'ready' ? { ...s.load, task: result.value } : s.load,
      }));
    },
  });

/** `{}` when nothing was edited, `content` when something was, the account only if picked. */
export function executeRequest(state: PanelState, task: Task): ExecuteRequest {
  const request: ExecuteRequest = { taskId: task.id };
  const { subject, body } = state.edits;
  if (subject !== null || body !== null) {
    const rendered = task.content ?? task.template;
    const finalBody = body ?? rendered?.body ?? '';
    request.content =
      task.taskType === 'sms'
        ? { body: finalBody }
        : { subject: subject ?? rendered?.subject ?? '', body: finalBody };
  }
  if (state.emailAccountId !== null && canPickEmailAccount(task)) {
    request.emailAccountId = state.emailAccountId;
  }
  return request;
}

export function createPanelStore(connector: Connector, taskId: number) {
  return createStore<PanelState>()((...a) => ({
    ...taskSlice(connector, taskId)(...a),
    ...draftSlice(...a),
    ...executionSlice(connector)(...a),
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;
