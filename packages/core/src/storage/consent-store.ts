import type { KeyValueStore } from './key-value';

/** A store that keeps writes in memory until storage is allowed, then persists them. */
export interface ConsentStore extends KeyValueStore {
  /** Allows or stops persistent writes. Allowing writes through what waited in memory. */
  allow(allowed: boolean): Promise<void>;
}

const DELETED = Symbol('deleted');

/**
 * Wraps a persistent store so that nothing is written to it before consent.
 * Reads see the waiting writes first, then the persistent store (reading stores nothing).
 */
export const createConsentStore = (persistent: KeyValueStore): ConsentStore => {
  const pending = new Map<string, unknown>();
  let allowed = false;
  return {
    async get<T>(key: string) {
      if (pending.has(key)) {
        const value = pending.get(key);
        return value === DELETED ? undefined : (value as T);
      }
      return persistent.get<T>(key);
    },
    async set(key, value) {
      if (allowed) return persistent.set(key, value);
      pending.set(key, value);
    },
    async del(key) {
      if (allowed) return persistent.del(key);
      pending.set(key, DELETED);
    },
    async clear() {
      pending.clear();
      await persistent.clear();
    },
    async allow(next) {
      allowed = next;
      if (!next) return;
      for (const [key, value] of pending) {
        await (value === DELETED ? persistent.del(key) : persistent.set(key, value));
      }
      pending.clear();
    },
  };
};
