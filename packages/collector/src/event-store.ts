import type { ReportSummary } from './report/report-summary';
import type { SummarizeOptions } from './report/summarize-events';
import type { WireEvent } from './wire-batch';

/** What one insert did: `stored + duplicates` equals the number of events given. */
export interface InsertResult {
  /** Events stored for the first time. */
  stored: number;
  /** Events whose id was already stored (or repeated within the batch), left untouched. */
  duplicates: number;
}

/** A filter for {@link EventStore.list}. */
export interface ListQuery {
  site?: string;
  type?: string;
  /** At most this many, the newest ones. */
  limit?: number;
}

/** A stored event: the wire event plus the site it came from and when it arrived (epoch ms). */
export type StoredEvent = WireEvent & { site: string; received: number };

/**
 * Where the collector keeps events. Every adapter stores each event id once,
 * however often it arrives, and stores a batch all or nothing.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.insert(batch.events, batch.site); // → { stored: 3, duplicates: 0 }
 * ```
 */
export interface EventStore {
  /** Stores the events that are new; an error means nothing from this call was stored. */
  insert(events: readonly WireEvent[], site: string): Promise<InsertResult>;
  /** Stored events matching the query, oldest first (newest last). */
  list(query?: ListQuery): Promise<StoredEvent[]>;
  /** How many events are stored. */
  count(): Promise<number>;
  /**
   * The friction report, aggregated where the events live (the same figures as
   * `summarizeEvents` over `list()`). Stores without it get the report from `list()`.
   */
  report?(options: SummarizeOptions): Promise<ReportSummary>;
  /** Releases the store; calls after this fail. */
  close(): Promise<void>;
}
