import type { ListQuery } from './event-store';

/** The most events `GET /events` answers with at once. */
export const MAX_EVENTS_LIMIT = 10_000;

const PARAMS = new Set(['site', 'type', 'limit']);

/** A `GET /events` query, or why it was refused (`path` names the parameter). */
export type EventsQuery = { ok: true; query: ListQuery } | { ok: false; error: string; path: string };

/**
 * Reads `GET /events?site=&type=&limit=`: each at most once; `site` and
 * `type` up to 100 characters; `limit` a whole number from 0 to
 * {@link MAX_EVENTS_LIMIT}. Any other parameter is refused, so a misspelt
 * one never silently lists everything.
 *
 * @example
 * ```ts
 * parseEventsQuery(new URL('http://c/events?limit=1e99').searchParams);
 * // → { ok: false, error: 'limit must be a whole number from 0 to 10000', path: 'limit' }
 * ```
 */
export function parseEventsQuery(params: URLSearchParams): EventsQuery {
  const query: ListQuery = {};
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!PARAMS.has(name))
      return { ok: false, error: 'unknown parameter (expected site, type or limit)', path: /^[A-Za-z_]{1,20}$/.test(name) ? name : '…' };
    if (seen.has(name)) return { ok: false, error: `${name} may be given once`, path: name };
    seen.add(name);
    if (name === 'limit') {
      if (!/^\d{1,6}$/.test(value) || Number(value) > MAX_EVENTS_LIMIT) {
        return { ok: false, error: `limit must be a whole number from 0 to ${MAX_EVENTS_LIMIT}`, path: 'limit' };
      }
      query.limit = Number(value);
    } else {
      if (value.length === 0 || value.length > 100) return { ok: false, error: `${name} must be 1 to 100 characters`, path: name };
      query[name as 'site' | 'type'] = value;
    }
  }
  return { ok: true, query };
}
