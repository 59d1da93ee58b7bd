import { describe, expect, it } from 'vitest';
import { createConsentStore } from './consent-store';
import { createMemoryStore } from './key-value';

describe('createConsentStore', () => {
  it('writes nothing to the persistent store before storage is allowed', async () => {
    const persistent = createMemoryStore();
    const store = createConsentStore(persistent);
    await store.set('visitor', { id: 'a' });
    expect(await store.get('visitor')).toEqual({ id: 'a' });
    expect(await persistent.get('visitor')).toBeUndefined();
  });

  it('persists what waited once allowed, and later writes directly', async () => {
    const persistent = createMemoryStore();
    const store = createConsentStore(persistent);
    await store.set('a', 1);
    await store.allow(true);
    expect(await persistent.get('a')).toBe(1);
    await store.set('b', 2);
    expect(await persistent.get('b')).toBe(2);
  });

  it('clear() wipes both what waited and what was persisted', async () => {
    const persistent = createMemoryStore();
    await persistent.set('old', 1);
    const store = createConsentStore(persistent);
    await store.set('new', 2);
    await store.clear();
    expect(await store.get('old')).toBeUndefined();
    expect(await store.get('new')).toBeUndefined();
  });
});
