import { useEffect, useState } from 'preact/hooks';

/**
 * False in the first render, true from a later task on: for parts costly enough to make the
 * render they join one long task on the rep's page (a frame builds a whole document).
 */
export function useNextTask(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const later = setTimeout(() => setReady(true));
    return () => clearTimeout(later);
  }, []);
  return ready;
}
