import { useLayoutEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { QUEUE_KEYS } from '@/utils/queue';

/** The `?` list of every key the queue answers to: a dialog, closed by Escape or its button. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  // Before the dialog is first painted, so a key pressed as soon as it shows is the dialog's.
  useLayoutEffect(() => {
    dialog.current?.querySelector('button')?.focus();
  }, []);
  const rows: [string, string][] = [
    [QUEUE_KEYS.done.toUpperCase(), i18n.t('keys.done')],
    [
      `${QUEUE_KEYS.outcome1} ${QUEUE_KEYS.outcome2} ${QUEUE_KEYS.outcome3}`,
      i18n.t('keys.outcomes'),
    ],
    [QUEUE_KEYS.skip.toUpperCase(), i18n.t('keys.skip')],
    [QUEUE_KEYS.snooze.toUpperCase(), i18n.t('keys.snooze')],
    [QUEUE_KEYS.next.toUpperCase(), i18n.t('keys.next')],
    [QUEUE_KEYS.help, i18n.t('keys.help')],
    ['Esc', i18n.t('keys.escape')],
  ];
  return (
    <div
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-labelledby="evr-keys-title"
      class="evr-dialog"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id="evr-keys-title">{i18n.t('keys.title')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('keys.keyColumn')}</th>
            <th scope="col">{i18n.t('keys.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, what]) => (
            <tr key={key}>
              <td>
                <kbd>{key}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="evr-muted">{i18n.t('keys.typing')}</p>
      <button type="button" onClick={onClose}>
        {i18n.t('keys.close')}
      </button>
    </div>
  );
}
