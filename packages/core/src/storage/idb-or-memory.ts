import { createStore, type UseStore } from 'idb-keyval';
import type { Logger } from '../safe';
import { idbExists } from './idb-exists';

/** An IndexedDB object store that falls back to memory for the rest of the page on its first failure. */
export interface IdbOrMemory {
  /**
   * Runs `idbOp` on the object store, or `memoryOp` once IndexedDB is missing or has failed.
   * Only a `write` may create the database; until one has, reads and deletes on a database
   * that does not exist yet run `memoryOp` instead.
   */
  run<T>(idbOp: (store: UseStore) => Promise<T>, memoryOp: () => T | Promise<T>, write?: boolean): Promise<T>;
  /** `true` once writes go to memory. */
  inMemory(): boolean;
}

/** How long an IndexedDB request may stay unanswered before storage counts as failed. */
export const IDB_WAIT_MS = 3000;

// One warning per page (one script, one logger), however many databases fail at once.
let warned = false;
const warnOnce = (log: Logger) => {
  if (!warned) log.warn('IndexedDB failed; using memory');
  warned = true;
};

// A request that never settles (a wedged browser profile, a hostile patch) is a failure after IDB_WAIT_MS.
const bounded = <T>(work: Promise<T>): Promise<T> => Promise.race([work, new Promise<T>((_, reject) => setTimeout(reject, IDB_WAIT_MS))]);

/**
 * Opens `db`/`name` through idb-keyval. Private modes, blocked storage, a full quota, and an
 * IndexedDB that does not answer within 3 s make it warn once and carry on in memory, never
 * throwing into the page and never leaving a caller waiting.
 */
export const openIdbOrMemory = (db: string, name: string, log: Logger, idb: IDBFactory | undefined): IdbOrMemory => {
  let store: UseStore | null = null;
  try {
    if (idb) store = createStore(db, name);
  } catch {
    // Only a throwing `indexedDB` getter gets here, and `readIndexedDb` has warned about it.
  }
  // Opening a missing database creates it: before consent that would leave a trace on the device.
  let exists: Promise<boolean> | null = null;
  return {
    async run(idbOp, memoryOp, write = false) {
      if (write) exists = Promise.resolve(true);
      if (store) {
        try {
          // `store` exists only when `idb` does.
          if (!(await bounded((exists ??= idbExists(idb as IDBFactory, db))))) return memoryOp();
          return await bounded(idbOp(store));
        } catch {
          warnOnce(log);
          store = null;
        }
      }
      return memoryOp();
    },
    inMemory: () => !store,
  };
};

/**
 * Reads `win.indexedDB`, which a hostile or broken page may have replaced with a getter that
 * throws: then `undefined` (storage in memory) with the one warning, never an exception.
 */
export const readIndexedDb = (win: Window, log: Logger): IDBFactory | undefined => {
  try {
    return win.indexedDB;
  } catch {
    warnOnce(log);
  }
};
