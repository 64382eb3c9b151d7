import { createStore, type StateCreator } from 'zustand/vanilla';
import { afterNextPaint } from '../after-paint';
import type { Connector } from '../connector';
import type { Acknowledgement } from '../execution/executor';
import type { DraftEdits, ExecuteRequest, ExecutionOutcome, LoadedTask } from '../messaging';
import type { CompleteBody } from '../reply/complete';
import type { Failure } from '../reply/errors';
import type { Task } from '../reply/schemas';
import { canPickEmailAccount, unresolvedPlaceholders, whyNotExecutable } from '../reply/task';

/** The preview-edit-execute view's state, one store per panel, built from three slices. */

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; error: Failure }
  | ({ status: 'ready' } & Pick<LoadedTask, 'task' | 'emailAccounts'>);

interface TaskSlice {
  taskId: number;
  load: LoadState;
  reload(): Promise<void>;
}

/** The rep's edits, kept by the background until sent or discarded. */
interface DraftSlice {
  edits: DraftEdits;
  emailAccountId: number | null;
  /** The rep saw the unresolved {{placeholders}} and wants it sent as it is. */
  placeholdersConfirmed: boolean;
  confirmPlaceholders(confirmed: boolean): void;
  editSubject(subject: string): void;
  /** null: the body is the task's own again (the rep undid every change). */
  editBody(body: string | null): void;
  discardEdits(): void;
  pickEmailAccount(id: number | null): void;
}

export type ExecutionState =
  | { status: 'idle' }
  | { status: 'sending' }
  /** Reply's rate limit: nothing was sent; the panel sends again at `until` unless cancelled. */
  | { status: 'waiting'; until: number }
  | { status: 'done'; outcome: ExecutionOutcome }
  | { status: 'failed'; error: Failure };

interface ExecutionSlice {
  execution: ExecutionState;
  execute(): Promise<void>;
  /** Past a pre-send check the rep has seen (a reply since, or checks that failed): send. */
  sendAnyway(): Promise<void>;
  /** The contact opted out: complete the task in Reply without sending anything. */
  completeWithoutSending(): Promise<void>;
  /** A task the rep did themselves (a call, a LinkedIn step, a to-do): complete it, once. */
  complete(body: CompleteBody): Promise<void>;
  /** Asks the background what became of an execution whose outcome is unknown. */
  checkOutcome(): Promise<void>;
  cancelWaiting(): void;
}

export type PanelState = TaskSlice & DraftSlice & ExecutionSlice;
type Slice<T> = StateCreator<PanelState, [], [], T>;

/** Rate-limit waits up to this long are sat out with a countdown; longer ones are reported. */
const MAX_AUTO_WAIT_S = 120;
const DRAFT_SAVE_DELAY_MS = 400;

const NO_EDITS: DraftEdits = { subject: null, body: null };

export function createPanelStore(connector: Connector, taskId: number) {
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Aborted when the panel goes away mid-send, so the background notifies instead. */
  const watching = new AbortController();

  const taskSlice: Slice<TaskSlice> = (set, get) => ({
    taskId,
    load: { status: 'loading' },
    async reload() {
      set({ load: { status: 'loading' } });
      const result = await connector.loadTask(taskId);
      if (!result.ok) {
        set({ load: { status: 'failed', error: result.error } });
        return;
      }
      const { task, emailAccounts, draft, execution, defaultEmailAccountId } = result.value;
      set({
        load: { status: 'ready', task, emailAccounts },
        edits: draft ?? NO_EDITS,
        emailAccountId: defaultEmailAccountId,
      });
      // An execution started elsewhere (another tab, before a restart): show how it ended.
      if (execution === 'sending' || execution === 'unconfirmed') await get().checkOutcome();
    },
  });

  const draftSlice: Slice<DraftSlice> = (set, get) => {
    const saveSoon = () => {
      clearTimeout(draftTimer);
      draftTimer = setTimeout(
        () => void connector.saveDraft(taskId, get().edits),
        DRAFT_SAVE_DELAY_MS,
      );
    };
    return {
      edits: NO_EDITS,
      emailAccountId: null,
      placeholdersConfirmed: false,
      confirmPlaceholders: (placeholdersConfirmed) => set({ placeholdersConfirmed }),
      editSubject(subject) {
        set((s) => ({ edits: { ...s.edits, subject } }));
        saveSoon();
      },
      editBody(body) {
        // The editor reports on every change it sees, its own re-renders included.
        if (get().edits.body === body) return;
        set((s) => ({ edits: { ...s.edits, body } }));
        saveSoon();
      },
      discardEdits() {
        clearTimeout(draftTimer);
        set({ edits: NO_EDITS });
        void connector.saveDraft(taskId, NO_EDITS);
      },
      pickEmailAccount: (emailAccountId) => set({ emailAccountId }),
    };
  };

  const executionSlice: Slice<ExecutionSlice> = (set, get) => {
    const settle = (result: Awaited<ReturnType<Connector['executeTask']>>) => {
      if (result.ok) {
        clearTimeout(draftTimer);
        const { task } = result.value;
        set({ execution: { status: 'done', outcome: result.value } });
        // The status line is what the rep waits for, so it is painted on its own; the task as
        // Reply now has it (its facts) and the cleared edits follow that frame.
        afterNextPaint(() =>
          set((s) => ({
            edits: NO_EDITS,
            load: s.load.status === 'ready' ? { ...s.load, task } : s.load,
          })),
        );
        return;
      }
      const wait = result.error.retryAfterSeconds;
      if (result.error.kind === 'rate-limited' && wait !== undefined && wait <= MAX_AUTO_WAIT_S) {
        set({ execution: { status: 'waiting', until: Date.now() + wait * 1000 } });
        retryTimer = setTimeout(() => {
          if (get().execution.status === 'waiting') void send();
        }, wait * 1000);
        return;
      }
      set({ execution: { status: 'failed', error: result.error } });
    };

    /** What the rep chose to send past, for this panel's task; asked again on a new check. */
    const acknowledged: Acknowledgement[] = [];
    const send = async () => {
      const state = get();
      if (state.load.status !== 'ready') return;
      const request = executeRequest(state, state.load.task);
      if (acknowledged.length > 0) request.acknowledged = [...acknowledged];
      // The request leaves before "Sending…" is rendered (a render first would be a few ms of
      // the rep's wait), and in the same task, so no second click can come between.
      const answer = connector.executeTask(request, watching.signal);
      set({ execution: { status: 'sending' } });
      settle(await answer);
    };

    return {
      execution: { status: 'idle' },
      async execute() {
        const state = get();
        if (state.load.status !== 'ready' || whyNotExecutable(state.load.task)) return;
        const { status } = state.execution;
        if (status === 'sending' || status === 'waiting' || status === 'done') return;
        if (placeholdersIn(state, state.load.task).length > 0 && !state.placeholdersConfirmed)
          return;
        await send();
      },
      async sendAnyway() {
        const { execution } = get();
        if (execution.status !== 'failed') return;
        const { kind } = execution.error;
        if (kind !== 'replied' && kind !== 'unchecked') return;
        if (!acknowledged.includes(kind)) acknowledged.push(kind);
        await send();
      },
      async completeWithoutSending() {
        const { execution } = get();
        if (execution.status !== 'failed' || execution.error.kind !== 'opted-out') return;
        const answer = connector.completeTask(taskId);
        set({ execution: { status: 'sending' } });
        const result = await answer;
        // Never waited out and retried: a retry is the rep's (it sends nothing either way).
        if (result.ok) settle(result);
        else set({ execution: { status: 'failed', error: result.error } });
      },
      async complete(body) {
        const state = get();
        if (state.load.status !== 'ready' || state.load.task.status !== 'new') return;
        const { status } = state.execution;
        if (status === 'sending' || status === 'waiting' || status === 'done') return;
        const answer = connector.completeTask(taskId, body);
        set({ execution: { status: 'sending' } });
        const result = await answer;
        if (result.ok) settle(result);
        else set({ execution: { status: 'failed', error: result.error } });
      },
      async checkOutcome() {
        set({ execution: { status: 'sending' } });
        const result = await connector.executionStatus(taskId);
        if (result.ok && result.value === null) set({ execution: { status: 'idle' } });
        else settle(result as Awaited<ReturnType<Connector['executeTask']>>);
      },
      cancelWaiting() {
        clearTimeout(retryTimer);
        if (get().execution.status === 'waiting') set({ execution: { status: 'idle' } });
      },
    };
  };

  const store = createStore<PanelState>()((...a) => ({
    ...taskSlice(...a),
    ...draftSlice(...a),
    ...executionSlice(...a),
  }));

  return Object.assign(store, {
    /** Stops timers; edits not yet saved are saved now, so nothing typed is lost. */
    dispose() {
      clearTimeout(retryTimer);
      watching.abort();
      if (draftTimer !== undefined) {
        clearTimeout(draftTimer);
        const { edits, execution } = store.getState();
        if (execution.status !== 'done') void connector.saveDraft(taskId, edits);
      }
    },
  });
}

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

/** Unresolved `{{placeholders}}` in what would be sent now. */
export function placeholdersIn(state: PanelState, task: Task): string[] {
  const rendered = task.content ?? task.template;
  return unresolvedPlaceholders(
    state.edits.subject ?? rendered?.subject,
    state.edits.body ?? rendered?.body,
  );
}

export type PanelStore = ReturnType<typeof createPanelStore>;
