import { clear, delMany, get, setMany } from 'idb-keyval';
import type { Logger } from '../safe';
import type { KeyValueStore } from './key-value';
import { openIdbOrMemory, type IdbOrMemory } from './idb-or-memory';

/**
 * A key-value store in IndexedDB (database `attune`, store `kv`, unless `db` names another)
 * through idb-keyval, in memory when IndexedDB is missing or fails.
 */
export const createIdbStore = (
  log: Logger,
  // No default read of `indexedDB` here: a throwing getter must be read once, by `readIndexedDb`.
  idb: IDBFactory | undefined,
  db: IdbOrMemory = openIdbOrMemory('attune', 'kv', log, idb),
): KeyValueStore => {
  const memory = new Map<string, unknown>();
  return {
    get: <T>(key: string) =>
      db.run(
        (s) => get<T>(key, s),
        () => memory.get(key) as T | undefined,
      ),
    // The same two idb-keyval calls as the event queue, so the bundle carries one of each.
    set: (key, value) =>
      db.run(
        (s) => setMany([[key, value]], s),
        () => void memory.set(key, value),
        true,
      ),
    del: (key) =>
      db.run(
        (s) => delMany([key], s),
        () => void memory.delete(key),
      ),
    clear: () =>
      db.run(
        (s) => clear(s),
        () => memory.clear(),
      ),
  };
};
