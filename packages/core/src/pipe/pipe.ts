import type { Purpose } from '@attune/rules';
import type { Logger } from '../safe';
import type { ConsentGate } from './consent';
import { createMemoryQueue, type EventQueue } from './event-queue';
import { minimise } from './minimise';
import { uuidv7 } from './uuid';
import { EVENT_FIELDS, WIRE_VERSION, type EventType, type WireBatch, type WireEvent } from './wire';

/** An event as the runtime hands it to the pipe: id, purpose and time are filled in here. */
export type PipeInput = { type: EventType; path: string; ts?: number } & Record<string, unknown>;

/** How a batch leaves the device. */
export interface Transport {
  /** POSTs `body`; resolves with the HTTP status, or 0 for a network error. */
  post(url: string, body: string, keepalive: boolean): Promise<{ status: number; retryAfter?: number }>;
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
  log: Logger;
  now(): number;
  /** Schedules `fn` after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  /** Where accepted events wait (default: memory). The browser passes the IndexedDB queue. */
  queue?: EventQueue;
  /** Cross-tab lock so one tab flushes at a time (default: none). */
  lock?: FlushLock;
  /** Fields every event gets (visitor id, device class, referrer class, utm). */
  common?: () => Record<string, unknown>;
  /** Flush when this many events wait (default 20). */
  maxBatch?: number;
  /** Flush this long after the first waiting event (default 5 s). */
  flushMs?: number;
  /** Most events kept waiting; the oldest measurement events go first (default 500). */
  maxQueue?: number;
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

/** Keep keepalive and beacon bodies well under the browser's 64 KB in-flight budget. */
const BODY_BYTES = 48_000;
const RETRYABLE = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

/**
 * Creates the event pipe. Every accepted event is written to the queue before
 * any attempt to send it, and removed only after a 2xx or a non-retryable 4xx.
 * Events whose purpose is pending wait in memory only; denied purposes drop
 * theirs. Batches are POSTed as `text/plain` (a CORS-simple request) with
 * full-jitter exponential backoff on network errors, 408, 429 (honouring
 * Retry-After) and 5xx; a 413 splits the batch.
 */
export const createPipe = (options: PipeOptions): Pipe => {
  const flushMs = options.flushMs ?? 5000;
  const maxQueue = options.maxQueue ?? 500;
  const retentionMs = options.retentionMs ?? 7 * 86_400_000;
  const random = options.random ?? ((b: Uint8Array) => crypto.getRandomValues(b));
  const queue = options.queue ?? createMemoryQueue();
  let maxBatch = options.maxBatch ?? 20;
  // Events waiting for consent: memory only, never stored.
  let waiting: WireEvent[] = [];
  // Events this page accepted and has not seen sent: what a beacon carries on page hide.
  const mine = new Map<string, WireEvent>();
  let writes: Promise<void> = Promise.resolve();
  let dropped = 0;
  let timer: (() => void) | null = null;
  let sending: Promise<void> | null = null;
  let again = false;
  // Ids made in the same millisecond carry a counter, so the queue replays them in order.
  let seq = 0;
  let lastMs = 0;
  let failures = 0;
  let retryAt = 0;

  const state = (purpose: Purpose) => options.consent.$consent.get()[purpose];
  const sendable = (event: WireEvent) => state(event.purpose) === 'granted';

  const body = (events: WireEvent[]): string => {
    const batch: WireBatch = { v: WIRE_VERSION, site: options.site, sent: options.now(), events };
    return JSON.stringify(batch);
  };

  // Cut events into batches of at most maxBatch events and BODY_BYTES bytes.
  const chunks = (events: WireEvent[]): WireEvent[][] => {
    const out: WireEvent[][] = [];
    let current: WireEvent[] = [];
    let bytes = 64;
    for (const event of events) {
      const size = JSON.stringify(event).length + 1;
      if (current.length && (current.length >= maxBatch || bytes + size > BODY_BYTES)) {
        out.push(current);
        current = [];
        bytes = 64;
      }
      current.push(event);
      bytes += size;
    }
    if (current.length) out.push(current);
    return out;
  };

  const schedule = (ms: number) => {
    timer?.();
    timer = options.schedule(() => {
      timer = null;
      void pipe.flush();
    }, ms);
  };

  const store = (events: WireEvent[]) => {
    for (const e of events) mine.set(e.id, e);
    writes = writes.then(() => queue.add(events)).catch((error: unknown) => options.log.warn('could not queue events', error));
  };

  const forgetIds = async (ids: string[]) => {
    for (const id of ids) mine.delete(id);
    await queue.remove(ids);
  };

  // Purge what expired or lost its consent, and keep the queue within bounds.
  const tidy = async (all: WireEvent[]): Promise<WireEvent[]> => {
    const cutoff = options.now() - retentionMs;
    const gone = new Set(all.filter((e) => e.ts < cutoff || state(e.purpose) === 'denied'));
    let kept = all.filter((e) => !gone.has(e));
    if (kept.length > maxQueue) {
      const victims = kept.filter((e) => e.purpose === 'measurement' && e.type !== 'dropped').slice(0, kept.length - maxQueue);
      dropped += victims.length;
      for (const e of victims) gone.add(e);
      kept = kept.filter((e) => !gone.has(e));
    }
    if (gone.size) await forgetIds([...gone].map((e) => e.id));
    return kept;
  };

  const reportDropped = () => {
    if (!dropped) return;
    const count = dropped;
    dropped = 0;
    pipe.push({ type: 'dropped', path: '/', count, reason: 'queue_full' });
  };

  const sendAll = async (): Promise<void> => {
    while (true) {
      const ready = (await tidy(await queue.all())).filter(sendable);
      reportDropped();
      if (!ready.length) return;
      const wait = retryAt - options.now();
      if (wait > 0) return schedule(wait);
      const [batch] = chunks(ready);
      if (!batch) return;
      const text = body(batch);
      const result = await options.transport.post(options.endpoint, text, text.length < BODY_BYTES);
      if (result.status === 413 && batch.length > 1) {
        maxBatch = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      if (RETRYABLE(result.status)) {
        failures++;
        const cap = Math.min(60_000, 1000 * 2 ** Math.min(failures, 6));
        const jitter = (random(new Uint8Array(1))[0]! / 255) * cap;
        const delay = Math.max((result.retryAfter ?? 0) * 1000, jitter);
        retryAt = options.now() + delay;
        options.log.debug(`send failed (${result.status || 'network error'}); next try in ${Math.round(delay)} ms`);
        return schedule(delay);
      }
      failures = 0;
      retryAt = 0;
      if (result.status >= 400) options.log.warn(`the endpoint refused a batch (${result.status}); it was dropped`);
      await forgetIds(batch.map((e) => e.id));
    }
  };

  const pipe: Pipe = {
    push(input) {
      const spec = EVENT_FIELDS[input.type];
      if (!spec || state(spec.purpose) === 'denied') return null;
      const now = options.now();
      const ts = input.ts ?? now;
      const event = minimise({ ...options.common?.(), ...input, id: uuidv7(now, now === lastMs ? ++seq : ((lastMs = now), (seq = 0))), ts, purpose: spec.purpose } as WireEvent);
      if (!event) return null;
      if (state(spec.purpose) === 'pending') {
        waiting.push(event);
        if (waiting.length > maxQueue) waiting.shift();
        return event.id;
      }
      store([event]);
      if (mine.size >= maxBatch) void pipe.flush();
      else if (!timer) schedule(flushMs);
      return event.id;
    },
    flush() {
      const granted = waiting.filter(sendable);
      waiting = waiting.filter((e) => state(e.purpose) === 'pending');
      if (granted.length) store(granted);
      again = true;
      if (!sending) {
        const run = async () => {
          // A flush asked for while one runs makes it go round once more, so nothing waits for a timer.
          while (again) {
            again = false;
            await writes;
            if (!options.lock || queue.inMemory()) await sendAll();
            // Another tab is flushing the shared queue; look again later in case it finished first.
            else if (!(await options.lock(sendAll))) schedule(flushMs);
          }
        };
        sending = run()
          .catch((error: unknown) => options.log.warn('flush failed', error))
          .finally(() => {
            sending = null;
          });
      }
      return sending;
    },
    flushOnHide() {
      for (const batch of chunks([...mine.values()].filter(sendable))) {
        if (!options.transport.beacon(options.endpoint, body(batch))) return;
        // A beacon has no answer, so its events stay queued until a POST gets a 2xx (on this
        // page's next flush or the next page's); the collector dedupes the second delivery.
        for (const e of batch) mine.delete(e.id);
      }
    },
    resume() {
      retryAt = 0;
      failures = 0;
      void pipe.flush();
    },
    size: () => mine.size + waiting.length,
    async clear() {
      waiting = [];
      mine.clear();
      dropped = 0;
      await writes;
      await queue.clear();
    },
  };

  // A revoked purpose loses its queued events at once; a grant sends what waited.
  options.consent.$consent.listen(() => {
    waiting = waiting.filter((e) => state(e.purpose) !== 'denied');
    for (const [id, e] of mine) if (state(e.purpose) === 'denied') mine.delete(id);
    void pipe.flush();
  });

  return pipe;
};

/** The browser transport: `fetch` with keepalive, and `sendBeacon` on page hide. Credentials are never sent. */
export const browserTransport = (win: Window & typeof globalThis): Transport => ({
  async post(url, text, keepalive) {
    try {
      const response = await win.fetch(url, {
        method: 'POST',
        body: text,
        keepalive,
        credentials: 'omit',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });
      const retry = Number(response.headers.get('retry-after'));
      return { status: response.status, ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}) };
    } catch {
      return { status: 0 };
    }
  },
  beacon(url, text) {
    try {
      return (
        typeof win.navigator.sendBeacon === 'function' &&
        win.navigator.sendBeacon(url, new Blob([text], { type: 'text/plain;charset=UTF-8' }))
      );
    } catch {
      return false;
    }
  },
});

/** The Web Locks flush lock: only one tab of the origin flushes at a time; others leave it to that tab. */
export const webLocksFlushLock = (nav: Navigator): FlushLock | undefined => {
  const locks = (nav as Navigator & { locks?: LockManager }).locks;
  if (!locks?.request) return undefined;
  return async (fn) => {
    let ran = false;
    await locks.request('attune-flush', { ifAvailable: true }, async (lock) => {
      if (!lock) return;
      ran = true;
      await fn();
    });
    return ran;
  };
};
