export interface RateLimitOptions {
  /** Bucket size: the burst a caller may make. */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
  readonly now?: () => number;
}

/**
 * A token bucket per caller. `take` answers at once; a flood is refused, never queued.
 * A released caller (a closed session) loses its bucket once it has refilled, so closing and reopening a
 * session never buys a fresh burst, and buckets of gone callers do not pile up.
 */
export function createRateLimiter(opts: RateLimitOptions) {
  const now = opts.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  const released = new Set<string>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(opts.capacity, b.tokens + ((t - b.at) / 1000) * opts.refillPerSecond);
    b.at = t;
  };
  /** Drops the buckets of released callers that are full again (a full bucket is the same as none). */
  const sweep = (t: number) => {
    for (const id of released) {
      const b = buckets.get(id);
      if (b) refill(b, t);
      if (!b || b.tokens >= opts.capacity) {
        buckets.delete(id);
        released.delete(id);
      }
    }
  };
  return {
    take(callerId: string, cost = 1): boolean {
      const t = now();
      released.delete(callerId);
      sweep(t);
      const b = buckets.get(callerId) ?? { tokens: opts.capacity, at: t };
      refill(b, t);
      buckets.set(callerId, b);
      if (b.tokens < cost) return false;
      b.tokens -= cost;
      return true;
    },
    /** Seconds until `cost` tokens are available again. */
    retryAfter(callerId: string, cost = 1): number {
      const b = buckets.get(callerId);
      if (!b) return 0;
      return Math.max(0, (cost - b.tokens) / opts.refillPerSecond);
    },
    forget(callerId: string): void {
      buckets.delete(callerId);
      released.delete(callerId);
    },
    /** The caller is gone (its last socket closed): free its bucket as soon as it has refilled. */
    release(callerId: string): void {
      released.add(callerId);
      sweep(now());
    },
    /** How many callers hold a bucket (for tests and health). */
    size(): number {
      sweep(now());
      return buckets.size;
    },
  };
}
