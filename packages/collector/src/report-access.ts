import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REPORT_CSP } from './report/render-report-html';

/** The cookie `/report/login` sets: an HMAC of the token, never the token itself. */
export const REPORT_COOKIE = 'attune_report';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const MAX_FORM = 4096;

/** Options for {@link createReportAccess}. */
export interface ReportAccessOptions {
  /** The operator's token. Without one, only loopback connections are served (the local demo). */
  token?: string;
  /** The client address comes through a proxy (`trustProxy`): then loopback proves nothing and only the token counts. */
  behindProxy?: boolean;
}

/** Decides who may read the operator's pages (`/report`, `/report.json`, `/events`, `/stats`) and serves `/report/login`. */
export interface ReportAccess {
  /** True when the request carries the token (bearer header or login cookie), or may go without one. */
  allows(req: IncomingMessage): boolean;
  /** Answers a refused request: 401 with how to get in. */
  refuse(req: IncomingMessage, res: ServerResponse): void;
  /** `GET /report/login` (a form) and `POST /report/login` (sets the cookie, then 303 to `/report`). */
  login(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const digest = (secret: string, what: string) => createHmac('sha256', secret).update(what).digest();

const sameSecret = (secret: string, given: string) =>
  timingSafeEqual(digest('attune-report-compare', secret), digest('attune-report-compare', given));

const cookieOf = (req: IncomingMessage, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width"></head>` +
  `<body style="font:16px system-ui;max-width:28rem;margin:4rem auto"><h1 style="font-size:1.3rem">${title}</h1>${body}</body></html>`;

const LOGIN_FORM =
  '<form method="post" action="/report/login"><label>Report token <input type="password" name="token" autocomplete="current-password" required autofocus></label> <button>Open the report</button></form>';

const answer = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': REPORT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
};

/**
 * Access to the collector's operator pages. With a token: a request needs
 * `Authorization: Bearer <token>` or the cookie `/report/login` sets (an HMAC of
 * the token, `HttpOnly`, `SameSite=Strict`), compared in constant time. Without a
 * token: only connections from this machine's loopback address, judged by the
 * socket, never by a header (the local demo); behind a proxy, never.
 *
 * @example
 * ```ts
 * const access = createReportAccess({ token: process.env.ATTUNE_REPORT_TOKEN });
 * if (!access.allows(req)) return access.refuse(req, res);
 * ```
 */
export function createReportAccess({ token, behindProxy = false }: ReportAccessOptions): ReportAccess {
  const secret = token && token.length > 0 ? token : null;
  const session = secret ? digest(secret, 'attune-report-session').toString('base64url') : null;
  const loopbackOnly = (req: IncomingMessage) => !behindProxy && LOOPBACK.has(req.socket.remoteAddress ?? '');

  const allows = (req: IncomingMessage) => {
    if (!secret || !session) return loopbackOnly(req);
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && sameSecret(secret, auth.slice(7).trim())) return true;
    const cookie = cookieOf(req, REPORT_COOKIE);
    return cookie !== null && sameSecret(session, cookie);
  };

  return {
    allows,
    refuse(req, res) {
      const wantsHtml = (req.headers.accept ?? '').includes('text/html');
      const hint = secret
        ? 'send Authorization: Bearer <token>, or sign in at /report/login'
        : 'no report token is set, so only this machine may read it: set ATTUNE_REPORT_TOKEN (or the report.token option) to open it to others';
      if (wantsHtml && secret) return answer(res, 401, 'text/html; charset=utf-8', page('Sign in to the Attune report', LOGIN_FORM));
      answer(
        res,
        secret ? 401 : 403,
        'application/json; charset=utf-8',
        JSON.stringify({ error: `not allowed: ${hint}` }),
        secret ? { 'WWW-Authenticate': 'Bearer realm="attune-report"' } : {},
      );
    },
    async login(req, res) {
      if (!secret || !session) {
        return answer(
          res,
          404,
          'text/html; charset=utf-8',
          page('No sign-in here', '<p>This collector has no report token; the report is served to this machine only.</p>'),
        );
      }
      if (req.method !== 'POST') return answer(res, 200, 'text/html; charset=utf-8', page('Sign in to the Attune report', LOGIN_FORM));
      let body = '';
      for await (const chunk of req) {
        body += String(chunk);
        if (body.length > MAX_FORM) return answer(res, 413, 'text/plain; charset=utf-8', 'too large');
      }
      const given = new URLSearchParams(body).get('token') ?? '';
      if (!sameSecret(secret, given)) {
        return answer(
          res,
          401,
          'text/html; charset=utf-8',
          page('Sign in to the Attune report', `<p role="alert">That token is not right.</p>${LOGIN_FORM}`),
        );
      }
      res.writeHead(303, {
        Location: '/report',
        'Set-Cookie': `${REPORT_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200`,
        'Cache-Control': 'no-store',
        'Content-Length': '0',
      });
      res.end();
    },
  };
}
