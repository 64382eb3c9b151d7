/**
 * Reply allows 100 requests a minute and 3,000 an hour per user, shared by every app using
 * the key. The client spaces its own calls to stay a little under both, and after a 429 holds
 * every call until Reply's Retry-After has passed.
 */
export interface RateWindow {
  limit: number;
  ms: number;
}

/**
 * A bench build (`wxt build --mode bench`) runs Reply's windows at a tenth of their length,
 * against a sandbox scaled alike, so pacing is measured in seconds; any other build folds this
 * to 1.
 */
const WINDOW_SCALE = import.meta.env.MODE === 'bench' ? 0.1 : 1;

export const REPLY_WINDOWS: readonly RateWindow[] = [
  { limit: 95, ms: 60_000 * WINDOW_SCALE },
  { limit: 2_900, ms: 3_600_000 * WINDOW_SCALE },
];

/**
 * Time between the starts of units of work making `calls` calls each, for a steady pace at
 * the per-minute limit: Reply asks bulk work not to burst, and other apps share the key.
 */
export function steadyIntervalMs(calls: number, [minute] = REPLY_WINDOWS): number {
  return minute ? (calls * minute.ms) / minute.limit : 0;
}

export class RateLimiter {
  private readonly sent: number[] = [];
  private blockedUntil = 0;
  private recorded = 0;

  constructor(
    private readonly windows: readonly RateWindow[] = REPLY_WINDOWS,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long a call made now must wait; 0 when it may go at once. */
  delay(): number {
    const now = this.now();
    this.forget(now);
    let until = this.blockedUntil;
    for (const { limit, ms } of this.windows) {
      const inWindow = this.sent.filter((t) => t > now - ms);
      const oldest = inWindow[inWindow.length - limit];
      if (inWindow.length >= limit && oldest !== undefined) until = Math.max(until, oldest + ms);
    }
    return Math.max(0, until - now);
  }

  /** Counts a call going out now. */
  record(): void {
    this.sent.push(this.now());
    this.recorded += 1;
  }

  /** Calls counted since this limiter was made: what a unit of work cost, by difference. */
  get calls(): number {
    return this.recorded;
  }

  /** Reply said wait: nothing goes out before then. */
  block(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }

  private forget(now: number): void {
    const horizon = now - Math.max(...this.windows.map((w) => w.ms));
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= horizon) this.sent.shift();
  }
}
