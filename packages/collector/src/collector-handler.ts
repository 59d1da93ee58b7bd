import type { IncomingMessage, ServerResponse } from 'node:http';
import { createClientAddress } from './client-address';
import { createCorsPolicy } from './cors-policy';
import type { EventStore } from './event-store';
import { parseEventsQuery } from './events-query';
import { loadWireSchema } from './load-wire-schema';
import { createMemoryStore } from './memory-store';
import { DEFAULT_RATE_LIMIT, createRateLimiter, type RateLimit } from './rate-limiter';
import { readBody } from './read-body';
import { serveExport } from './export-events';
import { createRefusalLog } from './refusal-log';
import { createReportAccess } from './report-access';
import { createReportRoute, type ReportOptions } from './report/report-route';
import { createSqliteStore } from './sqlite-store';
import { createBatchTriage } from './triage-batch';
import { createHandoffWebhook, type WebhookCounts, type WebhookOptions } from './handoff-webhook';

/** Options for {@link createCollectorHandler} and {@link startCollector}. */
export interface CollectorOptions {
  /** Where events go. Wins over `dbFile`. Closed when the collector closes. */
  store?: EventStore;
  /** SQLite file to store events in, when no `store` is given. Neither: an in-memory store. */
  dbFile?: string;
  /** Exact site origins (scheme, host and port) allowed to send from a browser, a page on the collector's own host included (no `'*'`). Default none. */
  allowedOrigins?: readonly string[];
  /**
   * The site ids this collector stores events for (each batch's `site`, which the script tag sends
   * as `data-site`). Checked first: a batch for any other site gets 403 and nothing of it is stored. Default: any site.
   */
  sites?: readonly string[];
  /** Largest accepted body; larger ones get 413. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Token bucket per client address (an IPv6 one by its /64); `false` turns it off. Default {@link DEFAULT_RATE_LIMIT}. */
  rateLimit?: RateLimit | false;
  /** Dev and tests only: serve `GET /events?site=&type=&limit=` with stored events, newest last. Default false. */
  exposeEvents?: boolean;
  /**
   * Serve the friction report: `GET /report` (HTML) and `GET /report.json`,
   * each with an optional `?site=` (and `?goal=`). Aggregates only; figures
   * standing for fewer than `minCount` visitors (default 20) are hidden. Default false.
   */
  report?: boolean | ReportOptions;
  /**
   * Behind proxies of your own: how many stand in front (`true`: one), so the client address is
   * taken from that many entries from the right of `X-Forwarded-For`. Default false: the peer address.
   */
  trustProxy?: boolean | number;
  /** Forward each stored handoff to a URL, signed (see `docs/handoff.md`). Default: none. */
  webhook?: WebhookOptions;
  /** Clock in ms, for rate limiting and `received` stamps. Default `Date.now`. */
  now?: () => number;
  /** Told about store failures and unexpected errors. Default: `console.error` with an `[attune-collector]` prefix. */
  onError?: (error: unknown) => void;
  /** Told about refused origins and sites, each at most once a minute. Default: `console.warn`. */
  onWarn?: (line: string) => void;
}

/** What the collector has done with what it was sent, since it started. */
export interface CollectorCounts {
  /** Batches that reached `POST /collect`. */
  batches: number;
  /** Events stored. */
  accepted: number;
  /** Events already stored (the same id sent again), not stored twice. */
  duplicates: number;
  /** Events left out of a batch that was otherwise stored, or of one refused for them (PII, schema). */
  rejectedEvents: number;
  /** Batches refused as a whole: not JSON, wrong type or envelope, too large, a site not accepted here. */
  refusedBatches: number;
  /** Requests refused for an `Origin` off the allowlist. */
  refusedOrigins: number;
  /** Batches refused for a `site` not among `sites` (also in `refusedBatches`). */
  refusedSites: number;
  /** Batches answered 429 by the rate limit. */
  rateLimited: number;
  /** Batches the store failed on (answered 500, for the client to retry). */
  storeFailures: number;
  /** Handoffs forwarded, retried and given up on (dead letters), when a `webhook` is set. */
  webhook?: WebhookCounts;
}

/** A `node:http` request handler that can also shut down gracefully. */
export interface CollectorHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** The store events go to. */
  readonly store: EventStore;
  /** Counts of what the collector accepted and refused since it started (also at `GET /stats` with the report). */
  counts(): CollectorCounts;
  /**
   * Stops taking new requests (they get 503 with `Retry-After`), waits for the
   * ones in flight to be answered, then closes the store. Idempotent.
   */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 256 * 1024;
const BODY_TYPES = new Set(['application/json', 'text/plain']);

type Json = Record<string, unknown> | unknown[];

/**
 * Builds the collector as a plain `node:http` request handler, so any Node
 * server can mount it. Routes:
 *
 * - `POST /collect` with a wire batch as `application/json` or `text/plain`
 *   (what `sendBeacon` sends): 200 `{ accepted, duplicates, rejected: [] }`,
 *   where `accepted` counts events stored now and `duplicates` those already
 *   stored; 207 with the same body when some events were left out because
 *   they break the wire schema or carry personal-looking strings, each listed
 *   in `rejected` as `{ index, id, reason, error, path }`, never with the
 *   value; 400 `{ error, path }` when the batch as a whole is
 *   unusable (not JSON, wrong version or site, too many events), and 400 with
 *   the same `rejected` list when every event was rejected (do not retry
 *   either); 403 for an origin off the allowlist, or a site not in `sites`
 *   (checked before the rest of the body, never repeated in the answer; the
 *   client drops it), each logged through `onWarn` at most once a minute;
 *   413 past `maxBodyBytes`; 415 for other content types; 429 with
 *   `Retry-After` when the client address is rate limited; 500
 *   when the store fails and 503 while shutting down (retry both). Every
 *   answer to an allowed origin carries its CORS headers.
 * - `OPTIONS /collect`: the CORS preflight.
 * - `GET /events` when `exposeEvents` is set; a bad query parameter gets 400 `{ error, path }`.
 * - `GET /report` and `GET /report.json` when `report` is set, and with them
 *   `GET /stats`: `{ since, counts }` (see {@link CollectorCounts}).
 * - `GET /health`: 200 `{ ok: true }`.
 *
 * @example
 * ```ts
 * const collect = createCollectorHandler({ dbFile: '.data/attune.sqlite', allowedOrigins: ['http://localhost:5173'] });
 * createServer((req, res) => (req.url?.startsWith('/collect') ? collect(req, res) : serveStatic(req, res))).listen(5173);
 * ```
 */
export function createCollectorHandler(options: CollectorOptions = {}): CollectorHandler {
  const now = options.now ?? Date.now;
  const store = options.store ?? (options.dbFile ? createSqliteStore({ file: options.dbFile, now }) : createMemoryStore(now));
  const cors = createCorsPolicy(options.allowedOrigins ?? []);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const limiter = options.rateLimit === false ? null : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  const triage = createBatchTriage(loadWireSchema());
  const onError = options.onError ?? ((e: unknown) => console.error('[attune-collector]', e));
  const report = options.report ? createReportRoute(store, options.report === true ? {} : options.report, now) : null;
  const operator = createReportAccess({
    token: options.report && options.report !== true ? options.report.token : undefined,
    behindProxy: Boolean(options.trustProxy),
  });
  const sites = options.sites?.length ? new Set(options.sites) : null;
  const clientAddress = createClientAddress(options.trustProxy);
  const refusals = createRefusalLog(options.onWarn ?? ((line) => console.warn(line)), now);
  const started = new Date(now()).toISOString();
  const webhook = options.webhook ? createHandoffWebhook(options.webhook, { now, onError }) : null;
  const counts: CollectorCounts = {
    batches: 0,
    accepted: 0,
    duplicates: 0,
    rejectedEvents: 0,
    refusedBatches: 0,
    refusedOrigins: 0,
    refusedSites: 0,
    rateLimited: 0,
    storeFailures: 0,
  };

  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let closed: Promise<void> | null = null;

  const send = (res: ServerResponse, status: number, body: Json | null, headers: Record<string, string> = {}) => {
    if (res.headersSent) return;
    const text = body === null ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...headers,
      ...(body === null ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': 'no-store',
      ...(closing ? { Connection: 'close' } : {}),
    });
    res.end(text);
  };

  const collect = async (req: IncomingMessage, res: ServerResponse, corsHeaders: Record<string, string>) => {
    counts.batches++;
    const refuse = (status: number, body: Json, headers: Record<string, string> = corsHeaders) => {
      counts.refusedBatches++;
      send(res, status, body, headers);
    };
    // Keyed on the address alone: anything in the body is the client's to vary.
    const verdict = limiter?.take(clientAddress(req));
    if (verdict && !verdict.ok) {
      counts.rateLimited++;
      return send(res, 429, { error: 'too many requests' }, { ...corsHeaders, 'Retry-After': String(verdict.retryAfterSeconds) });
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!BODY_TYPES.has(mediaType)) {
      return refuse(415, { error: 'content type must be application/json or text/plain', path: '$' });
    }
    const body = await readBody(req, maxBody);
    if (!body.ok) {
      if (body.reason === 'aborted') return;
      // Close the connection rather than read a body we refused.
      return refuse(413, { error: `body larger than ${maxBody} bytes`, path: '$' }, { ...corsHeaders, Connection: 'close' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      return refuse(400, { error: 'body is not JSON', path: '$' });
    }
    // Before any other check of the body; the answer never repeats the site (the client drops a 403).
    const site = (parsed as { site?: unknown } | null)?.site;
    if (sites && !(typeof site === 'string' && sites.has(site))) {
      counts.refusedSites++;
      refusals.note('site', typeof site === 'string' ? site : (JSON.stringify(site) ?? 'undefined'));
      return refuse(403, { error: 'site not accepted here', path: '$.site' });
    }
    const sorted = triage(parsed);
    if (!sorted.ok) return refuse(400, { error: sorted.error, path: sorted.path });
    const { batch, rejected } = sorted;
    counts.rejectedEvents += rejected.length;
    const first = rejected[0];
    if (first && batch.events.length === 0) {
      // Nothing in the batch can ever be stored: refuse it as a whole (the client drops it).
      return refuse(400, { error: first.error, path: first.path, accepted: 0, duplicates: 0, rejected });
    }
    let result: Awaited<ReturnType<EventStore['insert']>>;
    try {
      result = batch.events.length ? await store.insert(batch.events, batch.site) : { stored: 0, duplicates: 0 };
    } catch (error) {
      counts.storeFailures++;
      onError(error);
      return send(res, 500, { error: 'store unavailable, retry later' }, corsHeaders);
    }
    counts.accepted += result.stored;
    if (result.stored) webhook?.forward(batch.events, batch.site);
    counts.duplicates += result.duplicates;
    // 207 when some events were left out: still a success to the client, which drops the batch
    // (a rejected event would be rejected again), but visible as partial in logs and proxies.
    send(res, rejected.length ? 207 : 200, { accepted: result.stored, duplicates: result.duplicates, rejected }, corsHeaders);
  };

  const listEvents = async (url: URL, res: ServerResponse, corsHeaders: Record<string, string>) => {
    const q = parseEventsQuery(url.searchParams);
    if (!q.ok) return send(res, 400, { error: q.error, path: q.path }, corsHeaders);
    send(res, 200, await store.list(q.query), corsHeaders);
  };

  // Every answer an allowed origin gets carries its CORS headers, errors included: without them
  // the page cannot read the status or Retry-After and sees only a network error.
  const corsFor = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    const verdict = cors.judge(origin);
    return { origin, verdict, corsHeaders: verdict === 'allowed' && origin ? cors.headers(origin) : {} };
  };

  const route = async (req: IncomingMessage, res: ServerResponse, { origin, verdict, corsHeaders }: ReturnType<typeof corsFor>) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const routes: Record<string, string[]> = { '/collect': ['POST'], '/health': ['GET'] };
    if (options.exposeEvents) routes['/events'] = ['GET'];
    if (report) routes['/report'] = routes['/report.json'] = routes['/stats'] = ['GET'];
    if (report) routes['/report/login'] = ['GET', 'POST'];
    if (report) routes['/export.jsonl'] = ['GET'];
    const methods = routes[url.pathname];
    if (!methods) return send(res, 404, { error: 'not found' }, corsHeaders);
    if (verdict === 'denied') {
      counts.refusedOrigins++;
      refusals.note('origin', origin ?? '');
      return send(res, 403, { error: 'origin not allowed' });
    }
    if (req.method === 'OPTIONS') {
      return verdict === 'allowed' && origin ? send(res, 204, null, cors.preflightHeaders(origin)) : send(res, 204, null);
    }
    if (!methods.includes(req.method ?? '')) {
      return send(res, 405, { error: 'method not allowed' }, { ...corsHeaders, Allow: [...methods, 'OPTIONS'].join(', ') });
    }
    if (url.pathname === '/collect') return collect(req, res, corsHeaders);
    if (url.pathname === '/report/login') return operator.login(req, res);
    if (url.pathname !== '/health' && !operator.allows(req)) return operator.refuse(req, res);
    if (url.pathname === '/export.jsonl') return serveExport(store, url, res, now());
    if (url.pathname === '/events') return listEvents(url, res, corsHeaders);
    // Operators' figures, served with the report (both are for the site owner, not the public).
    if (url.pathname === '/stats') return send(res, 200, { since: started, counts: currentCounts() }, corsHeaders);
    if (report && url.pathname.startsWith('/report')) return report(url, res);
    send(res, 200, { ok: true }, corsHeaders);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const access = corsFor(req);
    if (closing) {
      send(res, 503, { error: 'shutting down, retry later' }, { ...access.corsHeaders, 'Retry-After': '1' });
      return;
    }
    inFlight++;
    const answered = new Promise<void>((resolve) => res.once('close', resolve));
    route(req, res, access)
      .catch((error: unknown) => {
        onError(error);
        send(res, 500, { error: 'internal error, retry later' }, access.corsHeaders);
      })
      .then(() => {
        // A request that ended without an answer (its client went away) is cut off.
        if (!res.writableEnded) res.destroy();
        return answered;
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) drained?.();
      });
  };

  const currentCounts = (): CollectorCounts => (webhook ? { ...counts, webhook: webhook.counts() } : { ...counts });

  const close = () => {
    closed ??= (async () => {
      closing = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await webhook?.close();
      await store.close();
    })();
    return closed;
  };

  return Object.assign(handler, { store, close, counts: currentCounts });
}
