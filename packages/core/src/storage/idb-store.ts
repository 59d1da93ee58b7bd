import { createStore, get, set, del, clear, type UseStore } from 'idb-keyval';
import type { Logger } from '../safe';
import { createMemoryStore, type KeyValueStore } from './key-value';

/**
 * A key-value store in IndexedDB (database `attune`, store `kv`) through idb-keyval.
 * When IndexedDB is missing or fails (private modes, blocked storage, quota),
 * it warns once and carries on in memory, never throwing into the page.
 */
export const createIdbStore = (log: Logger, idb: IDBFactory | undefined = globalThis.indexedDB): KeyValueStore => {
  const memory = createMemoryStore();
  let store: UseStore | null = null;
  try {
    if (idb) store = createStore('attune', 'kv');
  } catch {
    store = null;
  }
  const degrade = (error: unknown) => {
    if (store) log.warn('IndexedDB unavailable, keeping data in memory for this page', error);
    store = null;
  };
  const run = async <T>(idbCall: (s: UseStore) => Promise<T>, memoryCall: () => Promise<T>): Promise<T> => {
    if (store) {
      try {
        return await idbCall(store);
      } catch (error) {
        degrade(error);
      }
    }
    return memoryCall();
  };
  return {
    get: <T>(key: string) => run((s) => get<T>(key, s), () => memory.get<T>(key)),
    set: (key, value) => run((s) => set(key, value, s), () => memory.set(key, value)),
    del: (key) => run((s) => del(key, s), () => memory.del(key)),
    clear: async () => {
      await memory.clear();
      await run((s) => clear(s), async () => {});
    },
  };
};
