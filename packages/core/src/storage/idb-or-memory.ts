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

/**
 * Opens `db`/`name` through idb-keyval. Private modes, blocked storage and a
 * full quota make it warn once and carry on in memory, never throwing into the page.
 */
export const openIdbOrMemory = (db: string, name: string, log: Logger, idb: IDBFactory | undefined): IdbOrMemory => {
  let store: UseStore | null = null;
  try {
    if (idb) store = createStore(db, name);
  } catch {
    store = null;
  }
  // Opening a missing database creates it: before consent that would leave a trace on the device.
  let exists: Promise<boolean> | null = null;
  return {
    async run(idbOp, memoryOp, write = false) {
      if (write) exists = Promise.resolve(true);
      if (store && idb && !(await (exists ??= idbExists(idb, db)))) return memoryOp();
      if (store) {
        try {
          return await idbOp(store);
        } catch (error) {
          log.warn(`IndexedDB unavailable; ${db} stays in memory for this page`, error);
          store = null;
        }
      }
      return memoryOp();
    },
    inMemory: () => !store,
  };
};
