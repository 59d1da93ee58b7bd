/** How a request's `Origin` stands against the allowlist. */
export type OriginVerdict = 'allowed' | 'denied' | 'absent';

/** See {@link createCorsPolicy}. */
export interface CorsPolicy {
  /** Judges an `Origin` header against the allowlist alone. */
  judge(origin: string | undefined): OriginVerdict;
  /** Headers for a response to an allowed origin. */
  headers(origin: string): Record<string, string>;
  /** Headers for a preflight answer to an allowed origin. */
  preflightHeaders(origin: string): Record<string, string>;
}

/**
 * A CORS allowlist of exact site origins (`https://shop.example`): no
 * wildcard, no credentials. Requests without an `Origin` (not from a browser)
 * are `'absent'`; the collector lets them through, since CORS protects
 * browsers, not servers. An origin is allowed only when its scheme, host and
 * port equal an entry's: the request's `Host` is never taken as proof of
 * the same origin, since a page on a hostile name that resolves to the
 * collector (DNS rebinding) sends a `Host` equal to its own origin. A page
 * served from the collector's own host is listed like any other.
 *
 * @throws when an entry is `'*'` or not an origin.
 * @example
 * ```ts
 * const cors = createCorsPolicy(['http://localhost:5173']);
 * cors.judge('http://localhost:5173'); // → 'allowed'
 * cors.judge('https://localhost:5173'); // → 'denied' (another scheme)
 * ```
 */
export function createCorsPolicy(allowedOrigins: readonly string[]): CorsPolicy {
  const allowed = new Set<string>();
  for (const o of allowedOrigins) {
    if (o.includes('*')) throw new Error(`allowedOrigins must list exact origins, not ${o}`);
    let origin: string;
    try {
      origin = new URL(o).origin;
    } catch {
      throw new Error(`allowedOrigins: ${o} is not an origin`);
    }
    if (origin === 'null' || origin !== o.replace(/\/$/, '')) throw new Error(`allowedOrigins: ${o} is not an origin`);
    allowed.add(origin);
  }
  // Retry-After is not a CORS-safelisted response header: without exposing it, a browser reads null.
  const base = (origin: string) => ({
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  });
  return {
    judge(origin) {
      if (origin === undefined) return 'absent';
      // Exact: an Origin header is always scheme://host[:port] in lower case, no default port,
      // as is each entry after new URL(); "null" (a sandboxed frame) is never an entry.
      return allowed.has(origin) ? 'allowed' : 'denied';
    },
    headers: base,
    preflightHeaders: (origin) => ({
      ...base(origin),
      'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '86400',
    }),
  };
}
