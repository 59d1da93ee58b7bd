import type { KeyValueStore } from './key-value';

/** A store that keeps writes in memory until storage is allowed, then persists them. */
export interface ConsentStore extends KeyValueStore {
  /** Allows or stops persistent writes. Allowing writes through what waited in memory. */
  allow(allowed: boolean): Promise<void>;
}

/**
 * Wraps a persistent store so that nothing is written to it before consent.
 * Reads see the waiting writes first, then the persistent store (reading stores nothing).
 */
export const createConsentStore = (persistent: KeyValueStore): ConsentStore => {
  const pending = new Map<string, unknown>();
  let allowed = false;
  return {
    async get<T>(key: string) {
      // A pending deletion is a pending `undefined`: reading it gives what reading a deleted key gives.
      if (pending.has(key)) return pending.get(key) as T | undefined;
      return persistent.get<T>(key);
    },
    async set(key, value) {
      if (allowed) return persistent.set(key, value);
      pending.set(key, value);
    },
    async del(key) {
      if (allowed) return persistent.del(key);
      pending.set(key, undefined);
    },
    async clear() {
      pending.clear();
      await persistent.clear();
    },
    async allow(next) {
      allowed = next;
      if (!next) return;
      for (const [key, value] of pending) {
        await (value === undefined ? persistent.del(key) : persistent.set(key, value));
      }
      pending.clear();
    },
  };
};
