import { clear, delMany, promisifyRequest, setMany } from 'idb-keyval';
import type { Logger } from '../safe';
import { openIdbOrMemory } from '../storage/idb-or-memory';
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

// UUIDv7 ids sort in the order events were accepted.
const byId = (a: WireEvent, b: WireEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An in-memory queue: the fallback when IndexedDB is blocked. */
export const createMemoryQueue = (): EventQueue => {
  const events = new Map<string, WireEvent>();
  return {
    add: async (list) => {
      for (const e of list) events.set(e.id, e);
    },
    all: async () => [...events.values()].sort(byId),
    remove: async (ids) => {
      for (const id of ids) events.delete(id);
    },
    clear: async () => events.clear(),
    inMemory: () => true,
  };
};

/**
 * The IndexedDB queue (database `attune-queue`), through idb-keyval, one key per
 * event so tabs never overwrite each other. Any IndexedDB failure (private mode,
 * blocked storage, quota) moves it to memory for the rest of the page.
 */
export const createIdbQueue = (log: Logger, idb: IDBFactory | undefined): EventQueue => {
  const db = openIdbOrMemory('attune-queue', 'events', log, idb);
  const memory = createMemoryQueue();
  return {
    add: (list) =>
      db.run(
        (s) =>
          setMany(
            list.map((e) => [e.id, e]),
            s,
          ),
        () => memory.add(list),
        true,
      ),
    async all() {
      const kept = await memory.all();
      // `getAll` (in every browser Attune supports) rather than idb-keyval's `entries`, whose cursor fallback attune.js would carry.
      return db.run(
        async (s) => [...(await s('readonly', (store) => promisifyRequest<WireEvent[]>(store.getAll()))), ...kept].sort(byId),
        () => kept,
      );
    },
    async remove(ids) {
      await memory.remove(ids);
      await db.run(
        (s) => delMany([...ids], s),
        () => {},
      );
    },
    async clear() {
      await memory.clear();
      await db.run(
        (s) => clear(s),
        () => {},
      );
    },
    inMemory: db.inMemory,
  };
};
