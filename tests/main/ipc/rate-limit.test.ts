import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/main/ipc/rate-limit';

describe('rate limiter', () => {
  it('frees a released caller only once its bucket has refilled, so reconnecting buys no fresh burst', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: () => now });
    expect(limiter.take('s', 2)).toBe(true);
    limiter.release('s');
    expect(limiter.size()).toBe(1);
    expect(limiter.take('s')).toBe(false);
    limiter.release('s');
    now += 1000;
    expect(limiter.size()).toBe(1);
    now += 1000;
    expect(limiter.size()).toBe(0);
    expect(limiter.take('s', 2)).toBe(true);
  });

  it('keeps the bucket of a caller that came back before it refilled', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: () => now });
    limiter.take('s', 2);
    limiter.release('s');
    expect(limiter.take('s')).toBe(false);
    now += 10_000;
    expect(limiter.size()).toBe(1);
    limiter.take('other');
    expect(limiter.size()).toBe(2);
  });
});
