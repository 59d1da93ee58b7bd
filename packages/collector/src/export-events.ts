import type { ServerResponse } from 'node:http';
import type { EventStore } from './event-store';
import { parseSince } from './report/report-query';

/** Options for {@link exportEvents}. */
export interface ExportOptions {
  /** Only this site's events. */
  site?: string;
  /** Only events at or after this time (epoch ms). */
  from?: number;
}

/**
 * The stored events as JSON lines, oldest first, each with its `site` and
 * `received` stamp: what `attune simulate --from` replays and what `attune report`
 * reads. The same input whether it comes from `attune-collector export` or the
 * collector's `GET /export.jsonl`.
 *
 * @example
 * ```ts
 * for await (const line of exportEvents(store, { site: 'shop', from: Date.now() - 7 * 86_400_000 })) out.write(line);
 * ```
 */
export async function* exportEvents(store: EventStore, { site, from }: ExportOptions = {}): AsyncGenerator<string> {
  const events = await store.list(site === undefined ? {} : { site });
  for (const event of events) if (from === undefined || event.ts >= from) yield `${JSON.stringify(event)}\n`;
}

/**
 * `GET /export.jsonl?site=&since=7d`: the export over HTTP, for `attune simulate --from <url>`.
 * An operator page: the collector asks for the report token first.
 */
export async function serveExport(store: EventStore, url: URL, res: ServerResponse, now: number): Promise<void> {
  const since = url.searchParams.get('since');
  const span = since ? parseSince(since) : null;
  if (since && span === null) {
    res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ error: 'since must be a number of days or hours, such as 7d or 24h', path: 'since' }));
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  for await (const line of exportEvents(store, {
    site: url.searchParams.get('site') || undefined,
    from: span === null ? undefined : now - span,
  })) {
    if (!res.write(line)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}
