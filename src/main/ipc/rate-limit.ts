export interface RateLimitOptions {
  /** Bucket size: the burst a caller may make. */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
  readonly now?: () => number;
}

/** A token bucket per caller. `take` answers at once; a flood is refused, never queued. */
export function createRateLimiter(opts: RateLimitOptions) {
  const now = opts.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(callerId: string, cost = 1): boolean {
      const t = now();
      const b = buckets.get(callerId) ?? { tokens: opts.capacity, at: t };
      b.tokens = Math.min(opts.capacity, b.tokens + ((t - b.at) / 1000) * opts.refillPerSecond);
      b.at = t;
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
    },
  };
}
