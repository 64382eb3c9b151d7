import { useLayoutEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import type { EmailAccount, Task } from '@/utils/reply/schemas';
import {
  canPickEmailAccount,
  dueText,
  isEmailTask,
  recipient,
  statusText,
  typeLabel,
  whyNotExecutable,
} from '@/utils/reply/task';
import { type PanelStore, placeholdersIn } from '@/utils/stores/panel';
import { BodyEditor, EmailPreview } from './editor/BodyEditor';
import { Alert, RetryableFailure } from './PanelParts';
import { isHeldByChecks, PreSendCheck } from './PreSendCheck';
import { SmsEditor } from './SmsEditor';
import { DONE_BY_REP_VIEWS } from './task-views/views';
import { useSecondsUntil } from './useSecondsUntil';

/** The one preview-edit-execute view, for the page panel and the popup alike. */
export function TaskPanel({
  store,
  floating = false,
  collapsible = true,
}: {
  store: PanelStore;
  floating?: boolean;
  /** On a page the panel folds away; in the popup it is the whole view. */
  collapsible?: boolean;
}) {
  const load = useStore(store, (s) => s.load);
  const taskId = useStore(store, (s) => s.taskId);
  const [open, setOpen] = useState(true);

  // A layout effect: the request leaves in the task that mounts the view, not after its first
  // paint, which is a frame of the rep's wait.
  useLayoutEffect(() => {
    void store.getState().reload();
  }, [store]);

  return (
    <section
      class={floating ? 'evr-panel evr-floating' : 'evr-panel'}
      aria-label={i18n.t('extName')}
    >
      <header class="evr-header">
        <h2>{i18n.t('extName')}</h2>
        <span class="evr-muted">{i18n.t('panel.taskNumber', { id: taskId })}</span>
        {collapsible && (
          <button
            type="button"
            class="evr-icon"
            aria-expanded={open}
            aria-label={i18n.t(open ? 'panel.collapse' : 'panel.expand')}
            onClick={() => setOpen(!open)}
          >
            {open ? '–' : '+'}
          </button>
        )}
      </header>
      {open && (
        <div class="evr-body">
          {load.status === 'loading' && <p role="status">{i18n.t('panel.loading')}</p>}
          {load.status === 'failed' && (
            <RetryableFailure error={load.error} onRetry={() => void store.getState().reload()} />
          )}
          {load.status === 'ready' && (
            <LoadedTaskView store={store} task={load.task} accounts={load.emailAccounts} />
          )}
        </div>
      )}
    </section>
  );
}

/** A loaded task, its sending accounts (one-off emails only), and the panel's store. */
interface LoadedProps {
  store: PanelStore;
  task: Task;
  accounts: EmailAccount[] | null;
}

function LoadedTaskView({ store, task, accounts }: LoadedProps) {
  // Why the task can't be executed, unless this panel just executed it (the editor stays,
  // locked): a primitive, so neither "Sending…" nor the outcome renders the facts again; the
  // task coming back finished does, once.
  const blocked = useStore(store, (s) =>
    s.execution.status === 'done' ? null : whyNotExecutable(task),
  );
  const to = recipient(task);
  const due = dueText(task);
  // Tasks the rep does themselves (a call, a LinkedIn step) get their type's own view.
  const DoneByRep = DONE_BY_REP_VIEWS[task.taskType];

  return (
    <>
      <dl class="evr-facts">
        <dt>{i18n.t('facts.type')}</dt>
        <dd>{typeLabel(task)}</dd>
        <dt>{i18n.t('facts.status')}</dt>
        <dd>{statusText(task)}</dd>
        {task.sequenceStepDisplayName && (
          <>
            <dt>{i18n.t('facts.step')}</dt>
            <dd>{task.sequenceStepDisplayName}</dd>
          </>
        )}
        {due && (
          <>
            <dt>{i18n.t('facts.due')}</dt>
            <dd>{due}</dd>
          </>
        )}
        {to && (
          <>
            <dt>{i18n.t('facts.to')}</dt>
            <dd>{to}</dd>
          </>
        )}
      </dl>
      {DoneByRep ? (
        <DoneByRep store={store} task={task} />
      ) : blocked ? (
        <>
          <p class="evr-note">{blocked}</p>
          <ContentPreview task={task} />
        </>
      ) : (
        <DraftEditor store={store} task={task} accounts={accounts} />
      )}
    </>
  );
}

function ContentPreview({ task }: { task: Task }) {
  const content = task.content ?? task.template;
  if (!content?.body) return null;
  return (
    <div class="evr-preview-block">
      {content.subject && <p class="evr-subject">{content.subject}</p>}
      <BodyPreview task={task} body={content.body} />
    </div>
  );
}

function BodyPreview({ task, body }: { task: Task; body: string }) {
  if (!isEmailTask(task)) return <p class="evr-preview evr-plain">{body}</p>;
  return <EmailPreview body={body} />;
}

function DraftEditor({ store, task, accounts }: LoadedProps) {
  const edits = useStore(store, (s) => s.edits);
  const emailAccountId = useStore(store, (s) => s.emailAccountId);
  const locked = useStore(
    store,
    (s) => s.execution.status !== 'idle' && s.execution.status !== 'failed',
  );
  const actions = store.getState();
  const rendered = task.content ?? task.template;
  const subject = edits.subject ?? rendered?.subject ?? '';
  const body = edits.body ?? rendered?.body ?? '';
  const edited = edits.subject !== null || edits.body !== null;

  return (
    <form
      class="evr-form"
      onSubmit={(event) => {
        event.preventDefault();
        void actions.execute();
      }}
    >
      {accounts && accounts.length > 0 && canPickEmailAccount(task) && (
        <label>
          {i18n.t('draft.sendFrom')}
          <select
            value={emailAccountId === null ? '' : String(emailAccountId)}
            disabled={locked}
            onChange={(e) => {
              const value = e.currentTarget.value;
              actions.pickEmailAccount(value === '' ? null : Number(value));
            }}
          >
            <option value="">{i18n.t('draft.defaultAccount')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={String(account.id)}>
                {account.senderName ? `${account.senderName} <${account.email}>` : account.email}
              </option>
            ))}
          </select>
        </label>
      )}
      {isEmailTask(task) && (
        <label>
          {i18n.t('draft.subject')}
          <input
            type="text"
            value={subject}
            readOnly={locked}
            onInput={(e) => actions.editSubject(e.currentTarget.value)}
          />
        </label>
      )}
      {isEmailTask(task) ? (
        <BodyEditor
          body={body}
          original={rendered?.body ?? ''}
          locked={locked}
          onChange={actions.editBody}
        />
      ) : (
        <SmsEditor
          body={body}
          phone={recipient(task)}
          locked={locked}
          onChange={actions.editBody}
        />
      )}
      {!locked && <PlaceholderCheck store={store} task={task} />}
      <ExecutionActions store={store} edited={edited} />
      <ExecutionStatus store={store} />
    </form>
  );
}

/** Reply sends `{{placeholders}}` as written: flag them and ask before sending. */
function PlaceholderCheck({ store, task }: { store: PanelStore; task: Task }) {
  const placeholders = useStore(store, (s) => placeholdersIn(s, task).join(' '));
  const confirmed = useStore(store, (s) => s.placeholdersConfirmed);
  if (!placeholders) return null;
  return (
    <>
      <Alert>{i18n.t('draft.placeholdersLeft', { placeholders })}</Alert>
      <label class="evr-check">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(e) => store.getState().confirmPlaceholders(e.currentTarget.checked)}
        />
        {i18n.t('draft.sendWithPlaceholders')}
      </label>
    </>
  );
}

function ExecutionActions({ store, edited }: { store: PanelStore; edited: boolean }) {
  const execution = useStore(store, (s) => s.execution);
  const blocked = useStore(store, (s) =>
    s.load.status === 'ready'
      ? placeholdersIn(s, s.load.task).length > 0 && !s.placeholdersConfirmed
      : false,
  );
  const actions = store.getState();
  if (execution.status === 'done') return null;
  if (execution.status === 'waiting') {
    return (
      <div class="evr-actions">
        <button type="button" onClick={() => actions.cancelWaiting()}>
          {i18n.t('actions.dontSend')}
        </button>
      </div>
    );
  }
  if (execution.status === 'failed' && isHeldByChecks(execution.error)) {
    return (
      <PreSendCheck
        error={execution.error}
        onSendAnyway={() => void actions.sendAnyway()}
        onCheckAgain={() => void actions.execute()}
        onComplete={() => void actions.completeWithoutSending()}
      />
    );
  }
  if (execution.status === 'failed' && execution.error.kind === 'unconfirmed') {
    return (
      <div class="evr-actions">
        <button type="button" class="evr-primary" onClick={() => void actions.checkOutcome()}>
          {i18n.t('actions.checkWithReply')}
        </button>
      </div>
    );
  }
  const sending = execution.status === 'sending';
  return (
    <div class="evr-actions">
      <button type="submit" class="evr-primary" disabled={sending || blocked}>
        {i18n.t(sending ? 'actions.sending' : 'actions.execute')}
      </button>
      {edited && (
        <button type="button" disabled={sending} onClick={() => actions.discardEdits()}>
          {i18n.t('actions.discardEdits')}
        </button>
      )}
    </div>
  );
}

const CONFIRMATIONS = {
  'after-connection-loss': 'outcome.confirmedAfterConnectionLoss',
  'already-sent': 'outcome.alreadySent',
  'already-finished': 'outcome.alreadyFinished',
} as const;

function ExecutionStatus({ store }: { store: PanelStore }) {
  const execution = useStore(store, (s) => s.execution);
  switch (execution.status) {
    case 'idle':
      return null;
    case 'sending':
      return <p role="status">{i18n.t('outcome.sendingThroughReply')}</p>;
    case 'waiting':
      return <RateLimitWait until={execution.until} />;
    case 'failed':
      // What the pre-send checks found is said beside its choices (ExecutionActions).
      return isHeldByChecks(execution.error) ? null : <Alert>{execution.error.message}</Alert>;
    case 'done': {
      const { task, confirmed, completed } = execution.outcome;
      if (completed) {
        return (
          <p role="status" class="evr-success">
            {i18n.t('outcome.completedWithoutSending', { status: statusText(task) })}
          </p>
        );
      }
      return task.isFailed ? (
        <Alert>{statusText(task)}</Alert>
      ) : (
        <p role="status" class="evr-success">
          {i18n.t('outcome.sent', { status: statusText(task) })}
          {confirmed ? ` ${i18n.t(CONFIRMATIONS[confirmed])}` : ''}
        </p>
      );
    }
  }
}

/** The sentence is announced once; the countdown beside it ticks quietly. */
function RateLimitWait({ until }: { until: number }) {
  const seconds = useSecondsUntil(until);
  return (
    <>
      <Alert>{i18n.t('outcome.rateLimitWait')}</Alert>
      <p class="evr-muted" aria-hidden="true">
        {i18n.t('outcome.sendingIn', { seconds })}
      </p>
    </>
  );
}
