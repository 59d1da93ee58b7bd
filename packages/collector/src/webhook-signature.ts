import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every webhook delivery is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'X-Attune-Signature';

/** Why a signature was refused. */
export type SignatureFailure = 'malformed' | 'mismatch' | 'expired';

/** What {@link verifyWebhookSignature} decided. */
export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: SignatureFailure };

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/**
 * Signs one webhook body: the HMAC-SHA256, keyed by `secret`, of `"<timestamp>.<body>"`, as the
 * value of {@link SIGNATURE_HEADER}. The timestamp is inside the signed text, so a captured delivery
 * cannot be replayed later with a fresh time.
 *
 * @example signWebhookBody('s3cret', '{"type":"attune.handoff"}', 1767225600) // → 't=1767225600,v1=…'
 */
export function signWebhookBody(secret: string, body: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmac(secret, timestampSeconds, body)}`;
}

/** Input of {@link verifyWebhookSignature}. */
export interface VerifyWebhookInput {
  /** The shared secret (`--webhook-secret`). */
  secret: string;
  /** The raw request body, exactly as received (not re-serialised). */
  body: string;
  /** The value of the `X-Attune-Signature` header. */
  header: string | undefined;
  /** Refuse deliveries signed longer ago than this. Default 300 s; `0` turns the check off. */
  toleranceSeconds?: number;
  /** Current time in epoch ms. Default `Date.now()`. */
  now?: number;
}

/**
 * Checks a delivery on the receiving side, in constant time. A wrong secret, an edited body or a
 * changed timestamp gives `mismatch`; a header that is not `t=…,v1=…` gives `malformed`; a
 * signature older than the tolerance gives `expired`.
 *
 * @example
 * ```ts
 * const check = verifyWebhookSignature({ secret: process.env.ATTUNE_WEBHOOK_SECRET!, body: rawBody, header: req.headers['x-attune-signature'] });
 * if (!check.ok) return res.writeHead(401).end(check.reason);
 * ```
 */
export function verifyWebhookSignature({
  secret,
  body,
  header,
  toleranceSeconds = 300,
  now = Date.now(),
}: VerifyWebhookInput): SignatureCheck {
  const parts = new Map<string, string[]>();
  for (const item of (header ?? '').split(',')) {
    const at = item.indexOf('=');
    if (at < 1) continue;
    const key = item.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), item.slice(at + 1).trim()]);
  }
  const t = parts.get('t')?.[0];
  const signatures = (parts.get('v1') ?? []).filter((s) => /^[0-9a-f]{64}$/.test(s));
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const timestamp = Number(t);
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  // Every v1 is compared (a sender rotating secrets may send two); constant time for each.
  const matched = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  if (!matched) return { ok: false, reason: 'mismatch' };
  if (toleranceSeconds > 0 && Math.abs(now / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, timestamp };
}
