import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventStore } from '../src/event-store';
import { signals, uuidv7 } from './wire-fixtures';
import type { WireEvent } from '../src/wire-batch';

/**
 * The behaviour every EventStore adapter promises. Each adapter's test file
 * calls this inside its own describe with a factory for a fresh, empty store.
 */
export function storeContract(open: () => Promise<EventStore>): void {
  let store: EventStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  const events = (n: number) => signals(n) as WireEvent[];

  it('stores new events and counts them', async () => {
    expect(await store.insert(events(3), 'shop')).toEqual({ stored: 3, duplicates: 0 });
    expect(await store.count()).toBe(3);
  });

  it('stores each id once across inserts', async () => {
    const batch = events(4);
    await store.insert(batch, 'shop');
    expect(await store.insert([...batch.slice(2), ...events(1)], 'shop')).toEqual({ stored: 1, duplicates: 2 });
    expect(await store.count()).toBe(5);
  });

  it('stores an id repeated within one batch once', async () => {
    const [e] = events(1);
    expect(await store.insert([e!, { ...e! }], 'shop')).toEqual({ stored: 1, duplicates: 1 });
    expect(await store.count()).toBe(1);
  });

  it('lists events oldest first with their site, filtered by site and type', async () => {
    const a = events(2);
    const shown = { id: uuidv7(), type: 'shown', purpose: 'help', ts: 1, path: '/', rule: 'r1' } as WireEvent;
    await store.insert(a, 'shop');
    await store.insert([shown], 'blog');
    const all = await store.list();
    expect(all.map((e) => e.id)).toEqual([a[0]!.id, a[1]!.id, shown.id]);
    expect(all[2]).toMatchObject({ ...shown, site: 'blog', received: expect.any(Number) });
    expect((await store.list({ site: 'blog' })).map((e) => e.id)).toEqual([shown.id]);
    expect((await store.list({ type: 'signal', site: 'shop' })).map((e) => e.id)).toEqual(a.map((e) => e.id));
    expect(await store.list({ type: 'signal', site: 'blog' })).toEqual([]);
  });

  it('keeps every field of a stored event as sent', async () => {
    const e = { ...events(1)[0]!, utm: { utm_source: 'mail' }, confidence: 'high' } as WireEvent;
    await store.insert([e], 'shop');
    const [got] = await store.list();
    const { site, received, ...event } = got!;
    expect(event).toEqual(e);
    expect(site).toBe('shop');
    expect(typeof received).toBe('number');
  });

  it('limits a listing to the newest events, still oldest first', async () => {
    const a = events(5);
    await store.insert(a, 'shop');
    expect((await store.list({ limit: 2 })).map((e) => e.id)).toEqual([a[3]!.id, a[4]!.id]);
  });

  it('fails after close', async () => {
    await store.close();
    await expect(store.insert(events(1), 'shop')).rejects.toThrow();
    store = await open();
  });
}
