import type { PipeInput, PipeOptions, Sender, SenderHost, Transport } from './contracts';
import type { WireEvent } from './wire';

const RETRYABLE = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

/** `fetch` with keepalive for small bodies; credentials are never sent. */
export const fetchPost =
  (win: typeof globalThis): NonNullable<Transport['post']> =>
  async (url, text, keepalive) => {
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
  };

/** The Web Locks flush lock: only one tab of the origin flushes at a time; others leave it to that tab. */
export const webLocksFlushLock = (nav: Navigator): PipeOptions['lock'] => {
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

/**
 * Creates the sender. Every event is removed from the queue only after a 2xx or
 * a non-retryable 4xx. Network errors, 408, 429 (honouring Retry-After) and 5xx
 * wait with full-jitter exponential backoff, one probe at a time; a 413 halves
 * the batch. Before each round the queue is tidied: expired events and those of
 * denied purposes are purged unsent, and when the queue holds more than
 * `maxQueue` events or `maxQueueBytes` bytes the oldest measurement events are
 * dropped and a `dropped` event reports how many.
 */
export const createSender = (host: SenderHost): Sender => {
  const { _options: options, _queue: queue } = host;
  const maxQueue = options.maxQueue ?? 500;
  const maxBytes = options.maxQueueBytes ?? 512_000;
  const retentionMs = options.retentionMs ?? 7 * 86_400_000;
  const random = options.random ?? ((b: Uint8Array) => crypto.getRandomValues(b));
  const post = options.transport.post ?? fetchPost(globalThis);
  const lock = options.lock ?? (options.webLocks ? webLocksFlushLock(navigator) : undefined);
  const state = (e: WireEvent) => options.consent.$consent.get()[e.purpose];
  let failures = 0;
  let retryAt = 0;
  let dropped = 0;
  let sending: Promise<void> | null = null;
  let again = false;

  const tidy = async (all: WireEvent[]): Promise<WireEvent[]> => {
    const cutoff = options.now() - retentionMs;
    const gone = new Set(all.filter((e) => e.ts < cutoff || state(e) === 'denied'));
    let kept = all.filter((e) => !gone.has(e));
    let count = kept.length;
    let bytes = kept.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    for (const e of kept) {
      if (count <= maxQueue && bytes <= maxBytes) break;
      if (e.purpose !== 'measurement' || e.type === 'dropped') continue;
      gone.add(e);
      dropped++;
      count--;
      bytes -= JSON.stringify(e).length;
    }
    kept = kept.filter((e) => !gone.has(e));
    if (gone.size) await host._forget([...gone].map((e) => e.id));
    return kept;
  };

  const sendAll = async (): Promise<void> => {
    while (true) {
      const ready = (await tidy(await queue.all())).filter(host._sendable);
      if (dropped) {
        host._push({ type: 'dropped', path: '/', count: dropped, reason: 'queue_full' } as PipeInput);
        dropped = 0;
      }
      if (!ready.length) return;
      const wait = retryAt - options.now();
      if (wait > 0) return host._later(wait);
      const batch = host._chunks(ready)[0]!;
      const text = host._body(batch);
      const result = await post(options.endpoint, text, text.length < 48_000);
      if (result.status === 413 && batch.length > 1) {
        host._maxBatch = Math.max(1, batch.length >> 1);
        continue;
      }
      if (RETRYABLE(result.status)) {
        failures++;
        const cap = Math.min(60_000, 1000 * 2 ** Math.min(failures, 6));
        const jitter = (random(new Uint8Array(1))[0]! / 255) * cap;
        const delay = Math.max((result.retryAfter ?? 0) * 1000, jitter);
        retryAt = options.now() + delay;
        options.log.debug(`send failed (${result.status || 'network error'}); next try in ${Math.round(delay)} ms`);
        return host._later(delay);
      }
      failures = 0;
      retryAt = 0;
      if (result.status >= 400) options.log.warn(`the endpoint refused a batch (${result.status}); it was dropped`);
      await host._forget(batch.map((e) => e.id));
    }
  };

  const sender: Sender = {
    flush() {
      again = true;
      // A flush asked for while one runs makes it go round once more, so nothing waits for a timer.
      sending ??= (async () => {
        while (again) {
          again = false;
          if (!lock || queue.inMemory()) await sendAll();
          // Another tab is flushing the shared queue; look again later in case it finished first.
          else if (!(await lock(sendAll))) host._later(options.flushMs ?? 5000);
        }
      })()
        .catch((error: unknown) => options.log.warn('flush failed', error))
        .finally(() => {
          sending = null;
        });
      return sending;
    },
    resume() {
      retryAt = 0;
      failures = 0;
      void sender.flush();
    },
  };
  return sender;
};
