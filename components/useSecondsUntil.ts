import { useEffect, useState } from 'preact/hooks';

/** Whole seconds left until `until` (a timestamp), re-rendering once a second. */
export function useSecondsUntil(until: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return Math.max(0, Math.ceil((until - now) / 1000));
}
