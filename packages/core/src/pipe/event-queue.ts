import { clear, createStore, delMany, entries, setMany, type UseStore } from 'idb-keyval';
import type { Logger } from '../safe';
import type { WireEvent } from './wire';

/**
 * Where accepted events wait until the endpoint has them. The IndexedDB queue
 * is shared by every tab of the origin, so events left by a closed tab are
 * sent by the next page.
 */
export interface EventQueue {
  /** Writes events; resolves once they are stored. */
  add(events: readonly WireEvent[]): Promise<void>;
  /** Every waiting event, oldest first. */
  all(): Promise<WireEvent[]>;
  /** Removes events by id (after the endpoint accepted or finally refused them). */
  remove(ids: readonly string[]): Promise<void>;
  /** Removes everything. */
  clear(): Promise<void>;
  /** `true` once the queue fell back to memory. */
  inMemory(): boolean;
}

/** An in-memory queue: the fallback when IndexedDB is blocked. */
export const createMemoryQueue = (): EventQueue => {
  const events = new Map<string, WireEvent>();
  return {
    add: async (list) => {
      for (const e of list) events.set(e.id, e);
    },
    all: async () => [...events.values()].sort((a, b) => a.ts - b.ts),
    remove: async (ids) => {
      for (const id of ids) events.delete(id);
    },
    clear: async () => events.clear(),
    inMemory: () => true,
  };
};

/**
 * The IndexedDB queue (database `attune-queue`), through idb-keyval. Any
 * IndexedDB failure (private mode, blocked storage, quota) moves it to memory
 * for the rest of the page, carrying over what it can, and never throws.
 */
export const createIdbQueue = (log: Logger, idb: IDBFactory | undefined = globalThis.indexedDB): EventQueue => {
  const memory = createMemoryQueue();
  let store: UseStore | null = null;
  try {
    if (idb) store = createStore('attune-queue', 'events');
  } catch {
    store = null;
  }
  const degrade = (error: unknown) => {
    if (store) log.warn('IndexedDB unavailable, queueing events in memory for this page', error);
    store = null;
  };
  return {
    async add(list) {
      if (store) {
        try {
          return await setMany(
            list.map((e) => [e.id, e]),
            store,
          );
        } catch (error) {
          degrade(error);
        }
      }
      return memory.add(list);
    },
    async all() {
      const kept = await memory.all();
      if (!store) return kept;
      try {
        const stored = (await entries<string, WireEvent>(store)).map(([, e]) => e);
        return [...stored, ...kept].sort((a, b) => a.ts - b.ts);
      } catch (error) {
        degrade(error);
        return kept;
      }
    },
    async remove(ids) {
      await memory.remove(ids);
      if (!store) return;
      try {
        await delMany([...ids], store);
      } catch (error) {
        degrade(error);
      }
    },
    async clear() {
      await memory.clear();
      if (!store) return;
      try {
        await clear(store);
      } catch (error) {
        degrade(error);
      }
    },
    inMemory: () => !store,
  };
};
