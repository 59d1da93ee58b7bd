import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The eight groups of an IPv6 address, each as four hex digits. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const part = (s: string) => (s ? s.split(':') : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.padStart(4, '0'));
}

/**
 * The key a client is rate limited by, from an IP address: an IPv4 address
 * as it is (also when written IPv4-mapped, `::ffff:1.2.3.4`), an IPv6 one by
 * its /64 prefix, since one host is usually handed a whole /64 and could
 * otherwise take a fresh address, and a fresh bucket, for every request.
 * Anything else: `null`.
 */
export function addressKey(address: string): string | null {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  const kind = isIP(address);
  if (kind === 0) return null;
  if (kind === 4) return address;
  // An IPv6 address written with an IPv4 tail is kept whole.
  if (address.includes('.')) return address.toLowerCase();
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/**
 * Builds the function that tells who sent a request, as the collector can
 * trust it: the connection's peer address, or, when `trustProxy` says how many
 * proxies of the operator's own stand in front (`true`: one), the address the
 * outermost of them saw, which is that many entries from the right of
 * `X-Forwarded-For` (a client can write anything into the entries to the left
 * of it). Answers with its {@link addressKey}; when the header is missing,
 * short of entries or not an address there, the peer's.
 *
 * @throws when `trustProxy` is a number that is not a whole number from 1.
 * @example
 * ```ts
 * // Behind one proxy that sends "X-Forwarded-For: 6.6.6.6, 203.0.113.9":
 * createClientAddress(true)(req); // → '203.0.113.9'
 * ```
 */
export function createClientAddress(trustProxy: boolean | number = false): (req: IncomingMessage) => string {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy;
  if (!Number.isInteger(hops) || hops < 0)
    throw new Error(`trustProxy must be true, false or how many proxies stand in front, not ${trustProxy}`);
  return (req) => {
    const peer = req.socket.remoteAddress ?? '';
    const forwarded = req.headers['x-forwarded-for'];
    if (hops > 0 && typeof forwarded === 'string') {
      const entries = forwarded.split(',').map((s) => s.trim());
      const key = entries.length >= hops ? addressKey(entries[entries.length - hops]!) : null;
      if (key) return key;
    }
    return addressKey(peer) ?? (peer || 'unknown');
  };
}
