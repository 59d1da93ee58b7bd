// The event pipe's contracts, shared by its two halves: the pipe in attune.js (pipe.ts) and the
// lazily loaded sender (send.ts), so neither half imports the other.
import type { Logger } from '../safe';
import type { ConsentGate } from './consent';
import type { EventQueue } from './event-queue';
import type { EventType, WireEvent } from './wire';

/** An event as the runtime hands it to the pipe: id, purpose and time are filled in here. */
export type PipeInput = { type: EventType; path: string; ts?: number } & Record<string, unknown>;

/** How a batch leaves the device. */
export interface Transport {
  /** POSTs `body`; resolves with the HTTP status, or 0 for a network error (default: `fetch`, in the sender chunk). */
  post?(url: string, body: string, keepalive: boolean): Promise<{ status: number; retryAfter?: number }>;
  /** Hands `body` to the browser to send after the page is gone; `false` if it refused. */
  beacon(url: string, body: string): boolean;
}

/**
 * Runs `fn` while holding the one cross-tab flush lock; resolves `false` without
 * running it when another tab holds the lock (that tab sends the shared queue).
 */
export type FlushLock = (fn: () => Promise<void>) => Promise<boolean>;

/** Event-pipe options. */
export interface PipeOptions {
  /** The site owner's endpoint: the only origin Attune sends to. */
  endpoint: string;
  /** Site id sent with each batch. */
  site: string;
  consent: ConsentGate;
  transport: Transport;
  /**
   * Loads the sending half (retries, backoff, the queue's bounds). The script tag fetches it
   * as `attune-send.js` the first time there is something to send.
   */
  sender(): Promise<SenderModule>;
  log: Logger;
  now(): number;
  /** Schedules `fn` after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  /** Where accepted events wait (default: memory). The browser passes the IndexedDB queue. */
  queue?: EventQueue;
  /** Cross-tab lock so one tab flushes at a time (default: none, or Web Locks with `webLocks`). */
  lock?: FlushLock;
  /** Use the Web Locks API as the flush lock where the browser has it. */
  webLocks?: boolean;
  /** Fields every event gets (visitor id, device class, referrer class, utm). */
  common?: () => Record<string, unknown>;
  /** Flush when this many events wait (default 20). */
  maxBatch?: number;
  /** Flush this long after the first waiting event (default 5 s). */
  flushMs?: number;
  /** Most events kept waiting; the oldest measurement events go first (default 500). */
  maxQueue?: number;
  /** Most bytes (of event JSON) kept waiting; the oldest measurement events go first (default 512,000). */
  maxQueueBytes?: number;
  /** Events older than this are purged, never sent (default 7 days). */
  retentionMs?: number;
  /** Random source for the backoff jitter (tests pass a seeded one). */
  random?: (bytes: Uint8Array) => Uint8Array;
}

/** The event pipe: minimise → consent gate → persistent queue → batch → send. */
export interface Pipe {
  /** Accepts an event. Returns its id, or `null` when consent or minimisation refused it. */
  push(event: PipeInput): string | null;
  /** Sends everything that may be sent now; resolves when the queue is empty or sending must wait. */
  flush(): Promise<void>;
  /** Sends what this page accepted through `sendBeacon`, for page hide. */
  flushOnHide(): void;
  /** Forgets any backoff and tries again at once (on `online`). */
  resume(): void;
  /** Events accepted by this page and not yet known to be sent. */
  size(): number;
  /** Drops every waiting event, here and in the queue (used by `forget()` and `optOut()`). */
  clear(): Promise<void>;
}

/** What the pipe in attune.js hands the sender: its queue, batching and bookkeeping (`_` names: mangled, shared by both bundles). */
export interface SenderHost {
  _options: PipeOptions;
  _queue: EventQueue;
  /** Largest batch, halved by a 413. */
  _maxBatch: number;
  _chunks(events: WireEvent[]): WireEvent[][];
  _body(events: WireEvent[]): string;
  _sendable(event: WireEvent): boolean;
  /** Removes events from the queue and from what the page would beacon. */
  _forget(ids: string[]): Promise<void>;
  /** Asks for a flush `ms` from now. */
  _later(ms: number): void;
  _push: Pipe['push'];
}

/** The sending half of the pipe: retries, backoff, 413 splits, the cross-tab lock and the queue's bounds. */
export interface Sender {
  /** Sends everything that may be sent now; resolves when the queue is empty or sending must wait. */
  flush(): Promise<void>;
  /** Forgets any backoff and tries again at once. */
  resume(): void;
}

/** The lazily loaded sender module (`attune-send.js` next to the script tag). */
export interface SenderModule {
  createSender(host: SenderHost): Sender;
}
