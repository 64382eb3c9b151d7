/** A hidden page paints no frames: past this, what waited for one runs anyway. */
const HIDDEN_PAGE_MS = 250;

/**
 * Runs `work` in a task after the next frame has been painted, for what the rep doesn't wait
 * for (a render behind the one they do, a port closed): the frame goes first.
 */
export function afterNextPaint(work: () => void): void {
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    clearTimeout(fallback);
    work();
  };
  const fallback = setTimeout(run, HIDDEN_PAGE_MS);
  requestAnimationFrame(() => setTimeout(run, 0));
}
