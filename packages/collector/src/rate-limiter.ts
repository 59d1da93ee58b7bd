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

/** The collector's default: bursts of 60 requests, 10 a second sustained, per client and site. */
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 60, perSecond: 10 };

// Past this many buckets, full ones are forgotten: a full bucket is the same as no bucket.
const PRUNE_AT = 10_000;

/**
 * Token buckets keyed by any string (the collector uses client address and
 * site). Each key starts full; a request takes one token; an empty bucket
 * answers how long until the next token.
 *
 * @param limit - burst size and refill rate.
 * @param now - clock in ms; tests pass a fake one.
 * @example
 * ```ts
 * const limiter = createRateLimiter({ burst: 2, perSecond: 1 });
 * limiter.take('1.2.3.4 shop'); // → { ok: true }
 * ```
 */
export function createRateLimiter(limit: RateLimit = DEFAULT_RATE_LIMIT, now: () => number = Date.now): RateLimiter {
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
        if (buckets.size >= PRUNE_AT) {
          for (const [k, old] of buckets) {
            refill(old, t);
            if (old.tokens >= limit.burst) buckets.delete(k);
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
