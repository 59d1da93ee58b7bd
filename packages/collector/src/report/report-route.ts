import type { ServerResponse } from 'node:http';
import type { EventStore } from '../event-store';
import { REPORT_CSP, renderReportHtml } from './render-report-html';
import { parseReportQuery } from './report-query';
import { summarizeEvents } from './summarize-events';

/** The collector's `report` option, when it is an object. */
export interface ReportOptions {
  /** Smallest number of visitors a shown figure may stand for. Default 20. */
  minCount?: number;
  /** Smallest group (with help, holdout) before a lift is estimated. Default 30. */
  minSamplePerArm?: number;
  /** The site's declared conversion goal; `?goal=` overrides it. Default: every conversion counts. */
  goal?: string;
  /**
   * The operator's token for `/report`, `/report.json`, `/events` and `/stats` (bearer header or the
   * `/report/login` cookie). Without one they are served to loopback connections only.
   */
  token?: string;
}

/**
 * Serves `GET /report` (HTML) and `GET /report.json` from what the store
 * holds, for the query's site, dates and segments (see {@link parseReportQuery}).
 * A store that aggregates itself (`store.report`) is asked for the figures, so
 * the collector holds no event while it answers. The page gets a CSP that allows no
 * script and no external asset, and no CORS headers: only the collector's
 * operator, not the sites that send events, should read it.
 */
export function createReportRoute(store: EventStore, options: ReportOptions, now: () => number) {
  return async (url: URL, res: ServerResponse): Promise<void> => {
    const query = parseReportQuery(
      url.searchParams,
      { minCount: options.minCount, minSamplePerArm: options.minSamplePerArm, goal: options.goal },
      now(),
    );
    if ('error' in query) {
      const body = JSON.stringify(query);
      res.writeHead(400, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)),
        'Cache-Control': 'no-store',
      });
      res.end(body);
      return;
    }
    const summary = store.report
      ? await store.report(query)
      : summarizeEvents(await store.list(query.site ? { site: query.site } : {}), query);
    const json = url.pathname === '/report.json';
    const body = json ? JSON.stringify(summary) : renderReportHtml(summary);
    res.writeHead(200, {
      'Content-Type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': REPORT_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
  };
}
