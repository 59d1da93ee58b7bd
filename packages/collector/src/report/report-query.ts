import type { SummarizeOptions } from './summarize-events';

const DAY = 86_400_000;
const DEVICES = new Set(['desktop', 'tablet', 'mobile', 'unknown']);

/** A report query parameter that is not valid: answered with 400 and this message. */
export interface QueryProblem {
  error: string;
  path: string;
}

/** `7d`, `24h`, or a whole number of days. */
export const parseSince = (value: string): number | null => {
  const m = /^(\d{1,4})([dh]?)$/.exec(value);
  if (!m) return null;
  return Number(m[1]) * (m[2] === 'h' ? 3_600_000 : DAY);
};

/** A date (`2026-11-02`, UTC midnight) or epoch milliseconds. */
const parseTime = (value: string): number | null => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const t = Date.parse(`${value}T00:00:00Z`);
    return Number.isFinite(t) ? t : null;
  }
  if (/^\d{1,15}$/.test(value)) return Number(value);
  return null;
};

/**
 * The report's options from a URL's query: `site`, `goal`, `from` and `to`
 * (a UTC date, `to` exclusive, or epoch ms), `since` (`7d`, `24h`, relative to
 * now), `device`, `referrer`, `min-count`. Anything malformed is a
 * {@link QueryProblem}, never a silently ignored parameter.
 */
export function parseReportQuery(params: URLSearchParams, defaults: SummarizeOptions, now: number): SummarizeOptions | QueryProblem {
  const options: SummarizeOptions = { ...defaults, now };
  const get = (name: string) => {
    const v = params.get(name);
    return v === null || v === '' ? null : v;
  };
  const site = get('site');
  if (site !== null) options.site = site;
  const goal = get('goal');
  if (goal !== null) options.goal = goal;
  for (const name of ['from', 'to'] as const) {
    const v = get(name);
    if (v === null) continue;
    const t = parseTime(v);
    if (t === null) return { error: `${name} must be a date (YYYY-MM-DD) or epoch milliseconds`, path: name };
    options[name] = t;
  }
  const since = get('since');
  if (since !== null) {
    const span = parseSince(since);
    if (span === null) return { error: 'since must be a number of days or hours, such as 7d or 24h', path: 'since' };
    options.from = Math.max(options.from ?? 0, now - span);
  }
  const device = get('device');
  if (device !== null) {
    if (!DEVICES.has(device)) return { error: 'device must be desktop, tablet, mobile or unknown', path: 'device' };
    options.device = device;
  }
  const referrer = get('referrer');
  if (referrer !== null) {
    if (referrer.length > 100) return { error: 'referrer must be at most 100 characters', path: 'referrer' };
    options.referrer = referrer;
  }
  const minCount = get('min-count');
  if (minCount !== null) {
    const n = Number(minCount);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return { error: 'min-count must be a whole number from 1', path: 'min-count' };
    options.minCount = n;
  }
  return options;
}
