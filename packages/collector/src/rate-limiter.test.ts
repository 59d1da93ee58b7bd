import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('createRateLimiter', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    let t = 0;
    const limiter = createRateLimiter({ burst: 3, perSecond: 0.5 }, () => t);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    t = 2000;
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a').ok).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 1 }, () => 0);
    expect(limiter.take('1.2.3.4 shop').ok).toBe(true);
    expect(limiter.take('1.2.3.4 shop').ok).toBe(false);
    expect(limiter.take('1.2.3.4 blog').ok).toBe(true);
    expect(limiter.take('5.6.7.8 shop').ok).toBe(true);
  });

  it('never lets a bucket fill past its burst size', () => {
    let t = 0;
    const limiter = createRateLimiter({ burst: 2, perSecond: 100 }, () => t);
    limiter.take('a');
    t = 60_000;
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, false]);
  });

  it('keeps at most maxBuckets keys: full buckets go first, then the oldest, down to three quarters', () => {
    const t = 0;
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001 }, () => t, 4);
    for (const k of ['a', 'b', 'c', 'd']) expect(limiter.take(k).ok).toBe(true);
    // All four are empty; a fifth key drops the oldest (a) to make room, keeping b, c and d.
    expect(limiter.take('e').ok).toBe(true);
    expect(['b', 'c', 'd'].map((k) => limiter.take(k).ok)).toEqual([false, false, false]);
    expect(limiter.take('a').ok).toBe(true);
  });
});
