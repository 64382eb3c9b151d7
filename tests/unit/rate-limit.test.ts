import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@/utils/reply/rate-limit';

describe('RateLimiter', () => {
  it('lets calls go until a window is full, then waits for its oldest call to age out', () => {
    let now = 0;
    const limiter = new RateLimiter([{ limit: 3, ms: 1_000 }], () => now);
    for (const t of [0, 100, 200]) {
      now = t;
      expect(limiter.delay()).toBe(0);
      limiter.record();
    }
    now = 300;
    expect(limiter.delay()).toBe(700);
    now = 900;
    expect(limiter.delay()).toBe(100);
    now = 1_000;
    expect(limiter.delay()).toBe(0);
  });

  it('keeps every window: the hourly one binds after the minute one clears', () => {
    let now = 0;
    const limiter = new RateLimiter(
      [
        { limit: 2, ms: 1_000 },
        { limit: 3, ms: 10_000 },
      ],
      () => now,
    );
    for (const t of [0, 10, 2_000]) {
      now = t;
      limiter.record();
    }
    now = 3_000;
    expect(limiter.delay()).toBe(7_000);
  });

  it('holds everything after Reply says to wait', () => {
    let now = 0;
    const limiter = new RateLimiter([{ limit: 100, ms: 60_000 }], () => now);
    limiter.block(30_000);
    now = 10_000;
    expect(limiter.delay()).toBe(20_000);
  });
});
