import { describe, expect, it } from 'vitest';
import { createDeferredApi } from './deferred-api';

interface Api {
  track(goal: string): string;
  flush(): Promise<void>;
}

describe('createDeferredApi', () => {
  it('holds calls until start, then runs them in order, each promise settling with its result', async () => {
    const order: string[] = [];
    const deferred = createDeferredApi<Api, 'track' | 'flush'>(['track', 'flush'], { limit: 10 });
    const a = deferred.api.track('a');
    const b = deferred.api.track('b');
    expect(order).toEqual([]);
    deferred.start({ track: (goal) => (order.push(goal), `tracked ${goal}`), flush: async () => void order.push('flush') });
    expect(order).toEqual(['a', 'b']);
    await expect(a).resolves.toBe('tracked a');
    await expect(b).resolves.toBe('tracked b');
    expect(deferred.api.track('c')).toBe('tracked c');
  });

  it('keeps at most `limit` calls waiting and counts the ones it dropped, which settle with nothing', async () => {
    const ran: string[] = [];
    const deferred = createDeferredApi<Api, 'track'>(['track'], { limit: 2 });
    const calls = ['a', 'b', 'c', 'd'].map((goal) => deferred.api.track(goal));
    expect(deferred.dropped()).toBe(2);
    deferred.start({ track: (goal) => (ran.push(goal), goal), flush: async () => {} });
    expect(ran).toEqual(['a', 'b']);
    expect(await Promise.all(calls)).toEqual(['a', 'b', undefined, undefined]);
  });

  it('with no target, every waiting and later call settles with nothing and nothing is counted as dropped', async () => {
    const deferred = createDeferredApi<Api, 'track'>(['track'], { limit: 1 });
    const waiting = deferred.api.track('a');
    deferred.start(null);
    await expect(waiting).resolves.toBeUndefined();
    await expect(deferred.api.track('b')).resolves.toBeUndefined();
    expect(deferred.dropped()).toBe(0);
  });

  it('after wait(), calls wait again for the next start', async () => {
    const ran: string[] = [];
    const deferred = createDeferredApi<Api, 'track'>(['track'], { limit: 5 });
    deferred.start({ track: (goal) => (ran.push(`first ${goal}`), goal), flush: async () => {} });
    deferred.wait();
    const later = deferred.api.track('x');
    expect(ran).toEqual([]);
    deferred.start({ track: (goal) => (ran.push(`second ${goal}`), goal), flush: async () => {} });
    await expect(later).resolves.toBe('x');
    expect(ran).toEqual(['second x']);
  });
});
