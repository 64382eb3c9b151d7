import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { dialledNumber } from '@/utils/phone';
import type { SmsCount } from '@/utils/sms-count';
import { loadSmsCount } from './editor/load-chunks';

type Counter = (text: string) => SmsCount;

/**
 * An SMS body: plain text, with what carriers will count (characters, segments, and the
 * character that turned it into UCS-2) and the number it goes to, as dialled.
 */
export function SmsEditor({
  body,
  phone,
  locked,
  onChange,
}: {
  body: string;
  phone: string | null;
  locked: boolean;
  onChange(body: string): void;
}) {
  const [count, setCount] = useState<Counter | null>(null);
  const countId = useId();
  useEffect(() => {
    let gone = false;
    loadSmsCount().then(
      ({ countSms }) => {
        if (!gone) setCount(() => countSms);
      },
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, []);
  // Counted when the text changes, not on every render of the panel (a click renders it twice).
  const facts = useMemo(() => count?.(body) ?? null, [count, body]);

  return (
    <>
      <label>
        {i18n.t('draft.body')}
        <textarea
          rows={4}
          value={body}
          readOnly={locked}
          aria-describedby={countId}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      </label>
      <div id={countId} class="evr-sms-count">
        {facts && <SmsFacts count={facts} />}
        {phone && (
          <p class="evr-muted">
            {i18n.t('sms.dialledAs')} <span class="evr-number">{dialledNumber(phone)}</span>
          </p>
        )}
      </div>
    </>
  );
}

function SmsFacts({ count }: { count: SmsCount }) {
  const { characters, segments, encoding, perSegment, unicode } = count;
  return (
    <>
      <p class="evr-muted" aria-live="polite">
        {i18n.t('sms.characters', characters)} · {i18n.t('sms.segments', segments)}{' '}
        {i18n.t(segments > 1 ? 'sms.perPart' : 'sms.perMessage', { encoding, perSegment })}
      </p>
      {encoding === 'UCS-2' && unicode.length > 0 && (
        <p class="evr-note">
          {i18n.t('sms.notGsm', unicode.length, {
            characters: unicode.map((c) => i18n.t('check.quoted', { text: c })).join(', '),
          })}
        </p>
      )}
    </>
  );
}
