// Reply's per-user limits (100 a minute, 3,000 an hour) as sliding windows. Only accepted
// requests count, so a client that keeps retrying too early stays limited no longer than needed.

export interface RateLimit {
  perMinute: number;
  perHour: number;
  /** Shrinks both windows, e.g. 0.1 makes the "minute" 6 s so tests need not wait. */
  windowScale?: number;
}

export const REPLY_RATE_LIMIT: RateLimit = { perMinute: 100, perHour: 3000 };

export class RateLimiter {
  private readonly windows: Array<{ limit: number; ms: number }>;
  private readonly accepted = new Map<number, number[]>();

  constructor(limit: RateLimit) {
    const scale = limit.windowScale ?? 1;
    this.windows = [
      { limit: limit.perMinute, ms: 60_000 * scale },
      { limit: limit.perHour, ms: 3_600_000 * scale },
    ];
  }

  /** Counts a request; returns the seconds to wait when it is over a limit, else undefined. */
  take(userId: number, now: number): number | undefined {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    const times = (this.accepted.get(userId) ?? []).filter((t) => now - t < longest);
    this.accepted.set(userId, times);
    for (const { limit, ms } of this.windows) {
      const inWindow = times.filter((t) => now - t < ms);
      if (inWindow.length >= limit) {
        // A slot frees when the request `limit` places back leaves the window.
        const freedAt = (inWindow[inWindow.length - limit] ?? now) + ms;
        return Math.max(1, Math.ceil((freedAt - now) / 1000));
      }
    }
    times.push(now);
    return undefined;
  }

  reset(): void {
    this.accepted.clear();
  }
}
