import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Connector } from '@/utils/connector';
import type { Failure } from '@/utils/reply/errors';
import { snoozeChoices } from '@/utils/reply/snooze';
import { formatTime } from '@/utils/reply/task';
import { Alert } from '../PanelParts';

/** `YYYY-MM-DDTHH:MM` in local time, as a datetime-local field holds it. */
function localInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Snooze choices for one task: in an hour, tomorrow morning, or a chosen time. Reply moves the
 * task (a read, then a PUT); a failure says why and changes nothing.
 */
export function SnoozeMenu({
  connector,
  taskId,
  onSnoozed,
  onClose,
}: {
  connector: Connector;
  taskId: number;
  onSnoozed: (until: string) => void;
  onClose: () => void;
}) {
  const [{ inAnHour, tomorrow }] = useState(() => snoozeChoices());
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const snooze = async (at: number) => {
    setBusy(true);
    setError(null);
    const until = new Date(at).toISOString();
    const result = await connector.snoozeTask(taskId, until);
    setBusy(false);
    if (result.ok) onSnoozed(until);
    else setError(result.error);
  };

  return (
    <fieldset
      class="evr-snooze"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <legend>{i18n.t('snooze.legend')}</legend>
      <div class="evr-actions">
        <button
          ref={first}
          type="button"
          class="evr-snooze-hour"
          disabled={busy}
          onClick={() => void snooze(inAnHour)}
        >
          <kbd>1</kbd> {i18n.t('snooze.inAnHour', [formatTime(new Date(inAnHour).toISOString())])}
        </button>
        <button
          type="button"
          class="evr-snooze-tomorrow"
          disabled={busy}
          onClick={() => void snooze(tomorrow)}
        >
          <kbd>2</kbd> {i18n.t('snooze.tomorrow', [formatTime(new Date(tomorrow).toISOString())])}
        </button>
      </div>
      <form
        class="evr-form"
        onSubmit={(event) => {
          event.preventDefault();
          const at = Date.parse(chosen);
          if (Number.isNaN(at)) setError(i18n.t('snooze.chooseFirst'));
          else void snooze(at);
        }}
      >
        <label>
          {i18n.t('snooze.chosen')}
          <input
            type="datetime-local"
            class="evr-snooze-at"
            min={localInputValue(Date.now())}
            value={chosen}
            onInput={(e) => setChosen(e.currentTarget.value)}
          />
        </label>
        <div class="evr-actions">
          <button type="submit" disabled={busy}>
            {i18n.t('snooze.submitChosen')}
          </button>
          <button type="button" onClick={onClose}>
            {i18n.t('snooze.cancel')}
          </button>
        </div>
      </form>
      {busy && <p role="status">{i18n.t('snooze.snoozing')}</p>}
      {error && <Alert>{typeof error === 'string' ? error : error.message}</Alert>}
    </fieldset>
  );
}
