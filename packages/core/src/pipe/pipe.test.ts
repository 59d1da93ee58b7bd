import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../safe';
import { createConsent } from './consent';
import { createMemoryQueue } from './event-queue';
import { createPipe } from './pipe';
import type { Transport } from './contracts';
import * as senderModule from './send';
import type { WireBatch } from './wire';

const setup = (
  statuses: (number | { status: number; retryAfter?: number })[] = [],
  initial: 'pending' | 'granted' = 'granted',
  extra: Partial<Parameters<typeof createPipe>[0]> = {},
) => {
  const posts: WireBatch[] = [];
  const beacons: WireBatch[] = [];
  const transport: Transport = {
    post: vi.fn(async (_url: string, body: string) => {
      posts.push(JSON.parse(body));
      const next = statuses.shift() ?? 200;
      return typeof next === 'number' ? { status: next } : next;
    }),
    beacon: (_url, body) => {
      beacons.push(JSON.parse(body));
      return true;
    },
  };
  let clock = 1_700_000_000_000;
  const timers: { at: number; fn: () => void }[] = [];
  const consent = createConsent({ initial });
  const loads = { count: 0 };
  const pipe = createPipe({
    sender: async () => {
      loads.count++;
      return senderModule;
    },
    endpoint: 'https://collect.example/collect',
    site: 'test',
    consent,
    transport,
    log: createLogger(false, { warn: () => {}, info: () => {} }),
    now: () => clock,
    schedule: (fn, ms) => {
      const timer = { at: clock + ms, fn };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    common: () => ({ vid: 'v1', device: 'desktop' }),
    ...extra,
  });
  const advance = async (ms: number) => {
    clock += ms;
    for (const t of timers.filter((t) => t.at <= clock)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  return { pipe, posts, beacons, consent, advance, loads, now: () => clock };
};

describe('createPipe', () => {
  it('batches events and sends them with a unique id, purpose and only allowlisted fields', async () => {
    const { pipe, posts } = setup();
    pipe.push({ type: 'signal', path: '/', signal: 'rage_click', target: 'pricing', count: 4, text: 'Buy now', value: 'secret' });
    pipe.push({ type: 'shown', path: '/', rule: 'r1', title: 'Help' });
    await pipe.flush();
    expect(posts).toHaveLength(1);
    const [a, b] = posts[0]!.events;
    expect(a).toMatchObject({ type: 'signal', purpose: 'measurement', signal: 'rage_click', target: 'pricing', count: 4, vid: 'v1' });
    expect(a).not.toHaveProperty('text');
    expect(a).not.toHaveProperty('value');
    expect(b).toMatchObject({ type: 'shown', purpose: 'help', rule: 'r1' });
    expect(b).not.toHaveProperty('title');
    expect(a!.id).not.toBe(b!.id);
    expect(a!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends nothing while consent is pending and sends what waited once it is granted', async () => {
    const { pipe, posts, consent, advance } = setup([], 'pending');
    pipe.push({ type: 'signal', path: '/', signal: 'rage_click', target: 'x', count: 3 });
    await pipe.flush();
    expect(posts).toHaveLength(0);
    consent.set({ measurement: true });
    await advance(1);
    expect(posts.flatMap((b) => b.events)).toHaveLength(1);
  });

  it('drops queued events of a purpose when it is denied and never sends them', async () => {
    const { pipe, posts, consent } = setup([], 'pending');
    pipe.push({ type: 'signal', path: '/', signal: 'rage_click', target: 'x', count: 3 });
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    consent.set({ measurement: false, help: true });
    await pipe.flush();
    expect(posts.flatMap((b) => b.events).map((e) => e.type)).toEqual(['shown']);
    expect(pipe.push({ type: 'signal', path: '/', signal: 'rage_click', target: 'x', count: 3 })).toBeNull();
  });

  it('keeps events after a 503 and delivers them on retry', async () => {
    const { pipe, posts, advance } = setup([503]);
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    await pipe.flush();
    expect(pipe.size()).toBe(1);
    await advance(70_000);
    expect(pipe.size()).toBe(0);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.events[0]!.id).toBe(posts[0]!.events[0]!.id);
  });

  it('drops a batch the endpoint refuses with a non-retryable 400', async () => {
    const { pipe } = setup([400]);
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    await pipe.flush();
    expect(pipe.size()).toBe(0);
  });

  it('hands what waits to sendBeacon on page hide', () => {
    const { pipe, beacons } = setup();
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    pipe.flushOnHide();
    expect(beacons[0]!.events).toHaveLength(1);
    expect(pipe.size()).toBe(0);
  });

  it('keeps beaconed events queued until a POST is answered, since a beacon has no answer', async () => {
    const queue = createMemoryQueue();
    const { pipe, posts, beacons } = setup([], 'granted', { queue });
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    await new Promise((r) => setTimeout(r, 0));
    expect(await queue.all()).toHaveLength(1);
    pipe.flushOnHide();
    pipe.flushOnHide();
    expect(beacons).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(await queue.all()).toHaveLength(1);
    await pipe.flush();
    expect(posts[0]!.events[0]!.id).toBe(beacons[0]!.events[0]!.id);
    expect(await queue.all()).toHaveLength(0);
  });

  it('waits at least Retry-After seconds after a 429', async () => {
    const { pipe, posts, advance } = setup([{ status: 429, retryAfter: 120 }]);
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    await pipe.flush();
    await advance(100_000);
    expect(posts).toHaveLength(1);
    await advance(21_000);
    expect(posts).toHaveLength(2);
    expect(pipe.size()).toBe(0);
  });

  it('splits a batch the endpoint answers with 413 and delivers every event once', async () => {
    const { pipe, posts } = setup([413]);
    for (let i = 0; i < 6; i++) pipe.push({ type: 'engaged', path: '/', rule: 'r', action: 'link' });
    await pipe.flush();
    expect(posts[0]!.events).toHaveLength(6);
    const delivered = posts.slice(1).flatMap((b) => b.events.map((e) => e.id));
    expect(delivered).toHaveLength(6);
    expect(new Set(delivered).size).toBe(6);
    expect(posts.slice(1).every((b) => b.events.length <= 3)).toBe(true);
  });

  it('purges events older than the retention window instead of sending them', async () => {
    const queue = createMemoryQueue();
    const { pipe, posts, now } = setup([], 'granted', { queue });
    await queue.add([{ id: 'old', type: 'shown', purpose: 'help', ts: now() - 8 * 86_400_000, path: '/', rule: 'r' }]);
    pipe.push({ type: 'shown', path: '/', rule: 'fresh' });
    await pipe.flush();
    expect(posts.flatMap((b) => b.events).map((e) => e.rule)).toEqual(['fresh']);
    expect(await queue.all()).toHaveLength(0);
  });

  it('bounds the queue by dropping the oldest measurement events and reports the count', async () => {
    const { pipe, posts } = setup([], 'granted', { maxQueue: 5, maxBatch: 100 });
    pipe.push({ type: 'shown', path: '/', rule: 'keep' });
    for (let i = 0; i < 7; i++) pipe.push({ type: 'signal', path: '/', signal: 'rage_click', target: `t${i}`, count: 3 });
    await pipe.flush();
    const sent = posts.flatMap((b) => b.events);
    expect(sent.find((e) => e.type === 'shown')).toBeDefined();
    expect(sent.filter((e) => e.type === 'signal').map((e) => e.target)).toEqual(['t3', 't4', 't5', 't6']);
    expect(sent.find((e) => e.type === 'dropped')).toMatchObject({ count: 3, reason: 'queue_full' });
  });

  it('bounds the queue by bytes too, dropping the oldest measurement events first', async () => {
    const { pipe, posts } = setup([], 'granted', { maxQueueBytes: 2_000, maxBatch: 100 });
    pipe.push({ type: 'shown', path: '/', rule: 'keep' });
    for (let i = 0; i < 12; i++) pipe.push({ type: 'signal', path: '/', signal: 'rage_click', target: `t${i}`, count: 3 });
    await pipe.flush();
    const sent = posts.flatMap((b) => b.events);
    const signals = sent.filter((e) => e.type === 'signal').map((e) => e.target);
    const bytes = sent.filter((e) => e.type !== 'dropped').reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    expect(bytes).toBeLessThanOrEqual(2_000);
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.length).toBeLessThan(12);
    // The newest survive: what was dropped is the oldest.
    expect(signals).toEqual(Array.from({ length: signals.length }, (_, i) => `t${12 - signals.length + i}`));
    expect(sent.find((e) => e.type === 'shown')).toBeDefined();
    expect(sent.find((e) => e.type === 'dropped')).toMatchObject({ count: 12 - signals.length, reason: 'queue_full' });
  });

  it('loads the sender only once there is something to send', async () => {
    const { pipe, posts, loads } = setup();
    await pipe.flush();
    await pipe.flush();
    expect(loads.count).toBe(0);
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    await pipe.flush();
    await pipe.flush();
    expect(loads.count).toBe(1);
    expect(posts).toHaveLength(1);
  });

  it('keeps events queued when the sender cannot be loaded, and sends them once it can', async () => {
    const queue = createMemoryQueue();
    let fail = true;
    const { pipe, posts } = setup([], 'granted', {
      queue,
      sender: async () => {
        if (fail) throw new Error('chunk 404');
        return senderModule;
      },
    });
    pipe.push({ type: 'shown', path: '/', rule: 'r' });
    await pipe.flush();
    expect(await queue.all()).toHaveLength(1);
    fail = false;
    await pipe.flush();
    expect(posts.flatMap((b) => b.events).map((e) => e.rule)).toEqual(['r']);
    expect(await queue.all()).toHaveLength(0);
  });

  it('sends events a previous page left in the persistent queue', async () => {
    const queue = createMemoryQueue();
    const first = setup([0, 0, 0, 0], 'granted', { queue });
    first.pipe.push({ type: 'shown', path: '/', rule: 'left-behind' });
    await first.pipe.flush();
    expect(await queue.all()).toHaveLength(1);
    const second = setup([], 'granted', { queue });
    await second.pipe.flush();
    expect(second.posts.flatMap((b) => b.events).map((e) => e.rule)).toEqual(['left-behind']);
    expect(await queue.all()).toHaveLength(0);
  });
});
