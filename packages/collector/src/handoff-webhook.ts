import { handoffWebhookRecord, webhookBody, type WebhookFormat } from './webhook-body';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';
import type { WireEvent } from './wire-batch';

/** Where and how the collector forwards handoffs. */
export interface WebhookOptions {
  /** An `https:` (or `http:`) URL that receives one POST per handoff. */
  url: string;
  /** Signs each body with HMAC-SHA256 in `X-Attune-Signature` (see `verifyWebhookSignature`). Without it, bodies go unsigned. */
  secret?: string;
  /** `json` (default): the record; `slack`: a Slack incoming-webhook message. */
  format?: WebhookFormat;
  /** Attempts per handoff before it is counted as a dead letter. Default 6. */
  maxAttempts?: number;
  /** Wait before the first retry; each later one waits twice as long (capped at 10 min). Default 2 000 ms. */
  backoffMs?: number;
  /** Time allowed per attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /** Deliveries waiting or in flight at most; more are counted as dead letters at once. Default 1 000. */
  maxPending?: number;
}

/** What the webhook did since the collector started (in `/stats` as `counts.webhook`). */
export interface WebhookCounts {
  /** Handoffs the receiver accepted (a 2xx answer). */
  delivered: number;
  /** Attempts that failed and were tried again. */
  retries: number;
  /** Handoffs given up on: attempts used up, a 4xx other than 408/429, the pending limit reached, or the collector shut down first. */
  deadLetters: number;
  /** Handoffs waiting for an attempt or in flight now. */
  pending: number;
}

/** Forwards stored handoffs. */
export interface HandoffWebhook {
  /** Queues every `handoff` event of a stored batch (other types and ids already seen are skipped). */
  forward(events: readonly WireEvent[], site: string): void;
  counts(): WebhookCounts;
  /** Waits for attempts in flight, then counts what is still waiting as dead letters. */
  close(): Promise<void>;
}

/** Dependencies, for tests. */
export interface WebhookDeps {
  fetch?: typeof fetch;
  now?: () => number;
  onError?: (error: unknown) => void;
}

const RECENT_IDS = 10_000;
const MAX_BACKOFF = 10 * 60_000;

/**
 * Forwards each stored `handoff` event (purpose `help`; no typed text exists in it) to a URL as a
 * signed POST, retrying network errors, 408, 429 and 5xx answers with exponential backoff. Each
 * body carries the event id (also in `X-Attune-Delivery`) so a receiver can drop the rare
 * duplicate (a retry after a lost answer, or a batch sent again after a collector restart).
 *
 * @example
 * ```ts
 * const webhook = createHandoffWebhook({ url: 'https://support.example/hooks/attune', secret: process.env.SECRET });
 * webhook.forward(batch.events, batch.site);
 * ```
 */
export function createHandoffWebhook(options: WebhookOptions, deps: WebhookDeps = {}): HandoffWebhook {
  const { url, secret, format = 'json', maxAttempts = 6, backoffMs = 2000, timeoutMs = 10_000, maxPending = 1000 } = options;
  const post = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const onError = deps.onError ?? ((e: unknown) => console.error('[attune-collector] webhook:', e instanceof Error ? e.message : e));
  const counts = { delivered: 0, retries: 0, deadLetters: 0 };
  const recent = new Set<string>();
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  const inFlight = new Set<Promise<void>>();
  let pending = 0;
  let closed = false;

  const giveUp = (id: string, why: string) => {
    pending--;
    counts.deadLetters++;
    onError(new Error(`handoff ${id} not delivered: ${why}`));
  };

  const attempt = (id: string, body: string, tries: number) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Attune-Delivery': id };
    if (secret) headers[SIGNATURE_HEADER] = signWebhookBody(secret, body, Math.floor(now() / 1000));
    const done = post(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' })
      .then(
        async (res) => {
          // Drain the answer so the connection can be reused.
          await res.arrayBuffer().catch(() => undefined);
          if (res.ok) return 'ok' as const;
          const retriable = res.status === 408 || res.status === 429 || res.status >= 500;
          return retriable ? `HTTP ${res.status}` : ({ final: `HTTP ${res.status}` } as const);
        },
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
      .then((outcome) => {
        if (outcome === 'ok') {
          pending--;
          counts.delivered++;
        } else if (typeof outcome === 'object') giveUp(id, `${outcome.final}, not retried`);
        else if (tries >= maxAttempts || closed) giveUp(id, `${outcome} after ${tries} attempts`);
        else {
          counts.retries++;
          const run = () => attempt(id, body, tries + 1);
          const timer = setTimeout(
            () => {
              timers.delete(timer);
              run();
            },
            Math.min(backoffMs * 2 ** (tries - 1), MAX_BACKOFF),
          );
          timer.unref?.();
          timers.set(timer, () => giveUp(id, `${outcome}; the collector shut down before attempt ${tries + 1}`));
        }
      });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  const forward = (events: readonly WireEvent[], site: string) => {
    for (const event of events) {
      if (event.type !== 'handoff' || event.purpose !== 'help' || recent.has(event.id)) continue;
      recent.add(event.id);
      if (recent.size > RECENT_IDS) recent.delete(recent.values().next().value as string);
      pending++;
      if (closed || pending > maxPending) {
        giveUp(event.id, closed ? 'the collector is shutting down' : `more than ${maxPending} deliveries pending`);
        continue;
      }
      attempt(event.id, webhookBody(handoffWebhookRecord(event, site), format), 1);
    }
  };

  const close = async () => {
    closed = true;
    while (inFlight.size) await Promise.all([...inFlight]);
    for (const [timer, drop] of timers) {
      clearTimeout(timer);
      drop();
    }
    timers.clear();
  };

  return { forward, counts: () => ({ ...counts, pending }), close };
}
