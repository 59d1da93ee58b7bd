/** Token-bucket settings: a burst of `burst` requests, refilled at `perSecond`. */
export interface RateLimit {
  /** Bucket size: requests allowed at once after a quiet spell. Default 60. */
  burst: number;
  /** Tokens added per second. Default 10. */
  perSecond: number;
}

/** Whether one request may go ahead, and if not, after how many whole seconds to retry. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A set of token buckets, one per key; see {@link createRateLimiter}. */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket. */
  take(key: string): RateDecision;
}

/** The collector's default: bursts of 60 requests, 10 a second sustained, per client address. */
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 60, perSecond: 10 };

/**
 * Token buckets keyed by any string (the collector uses the client address).
 * Each key starts full; a request takes one token; an empty bucket answers
 * how long until the next token. At most `maxBuckets` are kept: past that,
 * full ones are forgotten (a full bucket is the same as none), then the
 * oldest, down to three quarters, so memory stays bounded and the clean-up
 * runs once per thousands of new keys, not on every request.
 *
 * @param limit - burst size and refill rate.
 * @param now - clock in ms; tests pass a fake one.
 * @param maxBuckets - most keys remembered at once. Default 10 000.
 * @example
 * ```ts
 * const limiter = createRateLimiter({ burst: 2, perSecond: 1 });
 * limiter.take('1.2.3.4 shop'); // → { ok: true }
 * ```
 */
export function createRateLimiter(limit: RateLimit = DEFAULT_RATE_LIMIT, now: () => number = Date.now, maxBuckets = 10_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 1000) * limit.perSecond);
    b.at = t;
  };
  return {
    take(key) {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxBuckets) {
          for (const [k, old] of buckets) {
            refill(old, t);
            if (old.tokens >= limit.burst) buckets.delete(k);
          }
          // Maps iterate in insertion order: the first keys are the oldest.
          for (const k of buckets.keys()) {
            if (buckets.size <= Math.floor(maxBuckets * 0.75)) break;
            buckets.delete(k);
          }
        }
        b = { tokens: limit.burst, at: t };
        buckets.set(key, b);
      }
      refill(b, t);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond)) };
    },
  };
}
