import { useEffect, useId, useState } from 'preact/hooks';
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

  return (
    <>
      <label>
        Body
        <textarea
          rows={4}
          value={body}
          readOnly={locked}
          aria-describedby={countId}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      </label>
      <div id={countId} class="evr-sms-count">
        {count && <SmsFacts count={count(body)} />}
        {phone && (
          <p class="evr-muted">
            Dialled as <span class="evr-number">{dialledNumber(phone)}</span>
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
        {characters} {characters === 1 ? 'character' : 'characters'} · {segments}{' '}
        {segments === 1 ? 'segment' : 'segments'} ({encoding}, {perSegment} per{' '}
        {segments > 1 ? 'part' : 'message'})
      </p>
      {encoding === 'UCS-2' && unicode.length > 0 && (
        <p class="evr-note">
          {unicode.map((c) => `“${c}”`).join(', ')} {unicode.length === 1 ? 'is' : 'are'} not in the
          GSM-7 alphabet, so the whole message goes as UCS-2: 70 characters per message instead of
          160 (67 instead of 153 per part).
        </p>
      )}
    </>
  );
}
