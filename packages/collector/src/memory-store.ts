import type { EventStore, StoredEvent } from './event-store';
import { summarizeEvents } from './report/summarize-events';

/**
 * An in-memory {@link EventStore}: for tests and throwaway demos. Nothing
 * survives the process.
 *
 * @param now - clock for the `received` stamp; defaults to `Date.now`.
 * @example
 * ```ts
 * const collector = await startCollector({ store: createMemoryStore() });
 * ```
 */
export function createMemoryStore(now: () => number = Date.now): EventStore {
  const byId = new Map<string, StoredEvent>();
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('store is closed');
  };
  return {
    async insert(events, site) {
      ensureOpen();
      const received = now();
      let stored = 0;
      for (const e of events) {
        if (byId.has(e.id)) continue;
        byId.set(e.id, { ...structuredClone(e), site, received });
        stored++;
      }
      return { stored, duplicates: events.length - stored };
    },
    async list({ site, type, limit } = {}) {
      ensureOpen();
      const all = [...byId.values()].filter((e) => (site === undefined || e.site === site) && (type === undefined || e.type === type));
      return structuredClone(limit === undefined ? all : all.slice(Math.max(0, all.length - limit)));
    },
    async count() {
      ensureOpen();
      return byId.size;
    },
    // The events are in memory already: the reference summariser is the aggregation.
    async report(options) {
      ensureOpen();
      return summarizeEvents(byId.values(), options);
    },
    async close() {
      closed = true;
    },
  };
}
