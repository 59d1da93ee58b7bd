import type { Purpose } from '@attune/rules';
import { createMemoryQueue } from './event-queue';
import { minimise } from './minimise';
import type { Pipe, PipeOptions, Sender, SenderHost, Transport } from './contracts';
import { uuidv7 } from './uuid';
import { EVENT_FIELDS, WIRE_VERSION, type WireBatch, type WireEvent } from './wire';

/** Keep keepalive and beacon bodies well under the browser's 64 KB in-flight budget. */
const BODY_BYTES = 48_000;

/**
 * Creates the event pipe. Every accepted event is written to the queue before
 * any attempt to send it, and removed only after a 2xx or a non-retryable 4xx.
 * Events whose purpose is pending wait in memory only; denied purposes drop
 * theirs. Batches are POSTed as `text/plain` (a CORS-simple request) by the
 * sender (see `createSender`), loaded only once the queue holds something.
 */
export const createPipe = (options: PipeOptions): Pipe => {
  const flushMs = options.flushMs ?? 5000;
  const maxQueue = options.maxQueue ?? 500;
  const queue = options.queue ?? createMemoryQueue();
  // Events waiting for consent: memory only, never stored.
  let waiting: WireEvent[] = [];
  // Events this page accepted and has not seen sent: what a beacon carries on page hide.
  const mine = new Map<string, WireEvent>();
  let writes: Promise<void> = Promise.resolve();
  let timer: (() => void) | null = null;
  let sender: Promise<Sender> | null = null;
  // Ids made in the same millisecond carry a counter, so the queue replays them in order.
  let seq = 0;
  let lastMs = 0;

  const state = (purpose: Purpose) => options.consent.$consent.get()[purpose];

  const host: SenderHost = {
    _options: options,
    _queue: queue,
    _maxBatch: options.maxBatch ?? 20,
    _sendable: (event) => state(event.purpose) === 'granted',
    _body: (events) => JSON.stringify({ v: WIRE_VERSION, site: options.site, sent: options.now(), events } satisfies WireBatch),
    // Cut events into batches of at most maxBatch events and BODY_BYTES bytes.
    _chunks(events) {
      const out: WireEvent[][] = [];
      let current: WireEvent[] = [];
      let bytes = 64;
      for (const event of events) {
        const size = JSON.stringify(event).length + 1;
        if (current.length && (current.length >= host._maxBatch || bytes + size > BODY_BYTES)) {
          out.push(current);
          current = [];
          bytes = 64;
        }
        current.push(event);
        bytes += size;
      }
      if (current.length) out.push(current);
      return out;
    },
    async _forget(ids) {
      for (const id of ids) mine.delete(id);
      await queue.remove(ids);
    },
    _later(ms) {
      timer?.();
      timer = options.schedule(() => {
        timer = null;
        void pipe.flush();
      }, ms);
    },
    _push: (input) => pipe.push(input),
  };

  const store = (events: WireEvent[]) => {
    for (const e of events) mine.set(e.id, e);
    writes = writes.then(() => queue.add(events)).catch((error: unknown) => options.log.warn('could not queue events', error));
  };

  const pipe: Pipe = {
    push(input) {
      const spec = EVENT_FIELDS[input.type];
      if (!spec || state(spec.purpose) === 'denied') return null;
      const now = options.now();
      const ts = input.ts ?? now;
      const event = minimise({
        ...options.common?.(),
        ...input,
        id: uuidv7(now, now === lastMs ? ++seq : ((lastMs = now), (seq = 0))),
        ts,
        purpose: spec.purpose,
      } as WireEvent);
      if (!event) return null;
      if (state(spec.purpose) === 'pending') {
        waiting.push(event);
        if (waiting.length > maxQueue) waiting.shift();
        return event.id;
      }
      store([event]);
      if (mine.size >= host._maxBatch) void pipe.flush();
      else if (!timer) host._later(flushMs);
      return event.id;
    },
    async flush() {
      const granted = waiting.filter(host._sendable);
      waiting = waiting.filter((e) => state(e.purpose) === 'pending');
      if (granted.length) store(granted);
      try {
        await writes;
        // A page with nothing to send never fetches the sender.
        if (!sender && !(await queue.all()).length) return;
        sender ??= options.sender().then((m) => m.createSender(host));
        await (await sender).flush();
      } catch (error) {
        sender = null;
        options.log.warn('could not send events; they stay queued', error);
      }
    },
    flushOnHide() {
      for (const batch of host._chunks([...mine.values()].filter(host._sendable))) {
        if (!options.transport.beacon(options.endpoint, host._body(batch))) return;
        // A beacon has no answer, so its events stay queued until a POST gets a 2xx (on this
        // page's next flush or the next page's); the collector dedupes the second delivery.
        for (const e of batch) mine.delete(e.id);
      }
    },
    resume() {
      if (sender)
        void sender.then(
          (s) => s.resume(),
          () => {},
        );
      else void pipe.flush();
    },
    size: () => mine.size + waiting.length,
    async clear() {
      waiting = [];
      mine.clear();
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

/** The browser's `sendBeacon`, for page hide. Credentials are never sent. */
export const browserBeacon = (win: Window & typeof globalThis): Transport => ({
  beacon(url, text) {
    // A browser without sendBeacon throws here too: the events then wait for the next page.
    try {
      return win.navigator.sendBeacon(url, new Blob([text], { type: 'text/plain;charset=UTF-8' }));
    } catch {
      return false;
    }
  },
});
