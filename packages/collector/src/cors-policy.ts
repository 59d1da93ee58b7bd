/** How a request's `Origin` stands against the allowlist. */
export type OriginVerdict = 'allowed' | 'denied' | 'absent';

/** See {@link createCorsPolicy}. */
export interface CorsPolicy {
  /** Judges an `Origin` header; `host` is the request's `Host`, so same-origin pages always pass. */
  judge(origin: string | undefined, host: string | undefined): OriginVerdict;
  /** Headers for a response to an allowed origin. */
  headers(origin: string): Record<string, string>;
  /** Headers for a preflight answer to an allowed origin. */
  preflightHeaders(origin: string): Record<string, string>;
}

/**
 * A CORS allowlist of exact site origins (`https://shop.example`): no
 * wildcard, no credentials. Requests without an `Origin` (not from a browser)
 * are `'absent'`; the collector lets them through, since CORS protects
 * browsers, not servers. A same-origin request (the page and collector share
 * a host, such as a demo server that mounts the handler) is allowed.
 *
 * @throws when an entry is `'*'` or not an origin.
 * @example
 * ```ts
 * const cors = createCorsPolicy(['http://localhost:5173']);
 * cors.judge('http://localhost:5173', 'localhost:8787'); // → 'allowed'
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
  const base = (origin: string) => ({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' });
  return {
    judge(origin, host) {
      if (origin === undefined) return 'absent';
      if (allowed.has(origin)) return 'allowed';
      try {
        if (host !== undefined && new URL(origin).host === host) return 'allowed';
      } catch {
        // An Origin that is not a URL (such as "null" from a sandboxed frame) is denied.
      }
      return 'denied';
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
