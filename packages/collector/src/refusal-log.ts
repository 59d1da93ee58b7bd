/** What the collector refused: a browser origin off the allowlist, or a site id not among `sites`. */
export type RefusalKind = 'origin' | 'site';

/** See {@link createRefusalLog}. */
export interface RefusalLog {
  /** Notes one refusal; logs it unless the same one was logged within the interval. */
  note(kind: RefusalKind, value: string): void;
}

const HINT: Record<RefusalKind, string> = {
  origin: 'if it is your site, add it with --origin (allowedOrigins)',
  site: 'if it is yours, add it with --site (sites)',
};

// Past this many distinct values within one interval, the rest are summed into one line a
// minute, so a flood of made-up origins cannot grow memory or the log without bound.
const MAX_TRACKED = 1000;

/**
 * Tells the operator about refused origins and sites without flooding the
 * log: each distinct one at most once per `intervalMs` (default a minute),
 * with how many more times it was refused since its last line. Values come
 * from requests, so each is shown JSON-quoted and cut to 100 characters: a
 * line never carries a raw newline or control character of a client's.
 *
 * @param write - takes one line, such as `console.warn`.
 * @example
 * ```ts
 * const refusals = createRefusalLog((line) => console.warn(line));
 * refusals.note('origin', 'https://typo.example');
 * // → [attune-collector] refused origin "https://typo.example" (403): if it is your site, add it with --origin (allowedOrigins)
 * ```
 */
export function createRefusalLog(write: (line: string) => void, now: () => number = Date.now, intervalMs = 60_000): RefusalLog {
  const last = new Map<string, { at: number; since: number }>();
  let overflow = { at: -Infinity, since: 0 };
  return {
    note(kind, value) {
      const t = now();
      const key = `${kind} ${value.slice(0, 200)}`;
      let seen = last.get(key);
      if (!seen && last.size >= MAX_TRACKED) {
        for (const [k, v] of last) if (t - v.at >= intervalMs) last.delete(k);
      }
      if (!seen && last.size >= MAX_TRACKED) {
        overflow.since++;
        if (t - overflow.at < intervalMs) return;
        write(`[attune-collector] refused ${overflow.since} more requests from origins and sites too many to name one by one (403)`);
        overflow = { at: t, since: 0 };
        return;
      }
      if (seen && t - seen.at < intervalMs) {
        seen.since++;
        return;
      }
      const cut = value.length > 100 ? `${value.slice(0, 100)}…` : value;
      const quoted = JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const again = seen?.since ? ` (${seen.since} more since the last line)` : '';
      write(`[attune-collector] refused ${kind} ${quoted} (403)${again}: ${HINT[kind]}`);
      seen = { at: t, since: 0 };
      last.set(key, seen);
    },
  };
}
