/** What kind of personal data a string appears to hold. */
export type PiiKind = 'email' | 'phone' | 'card';

/** Where personal-looking data sits in a value, and what it looks like. */
export interface PiiFinding {
  /** JSONPath of the string, such as `$.events[0].target`. */
  path: string;
  kind: PiiKind;
}

const EMAIL = /[^\s@<>()[\]\\,;:"'/]+@[^\s@<>()[\]\\,;:"'/]+\.[a-z]{2,}/i;
// Runs of digits joined by single spaces, dots, dashes or brackets, optionally after a '+',
// standing alone: digits inside a word (a hex visitor id, a hashed class name) are not a number.
const DIGIT_RUN = /(?<![\w+(])\+?\(?\d(?:[ .()-]{0,2}\d)+(?!\w)/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `digits` passes the Luhn checksum that payment card numbers carry. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Says whether a string looks like it holds an email address, a phone number
 * or a payment card number, or returns `null`.
 *
 * A heuristic, and the collector's second line of defence: the SDK never
 * sends typed values, so a match means something upstream went wrong. Cards are
 * 13–19 digits that pass Luhn; phone numbers are 9–15 digits written with a
 * leading `+`, brackets or separators, or a bare run of 10–15 digits; digits
 * glued to letters (hex ids, hashed class names) do not count, and UUIDs are
 * ignored (event ids). A long numeric id in a path (`/orders/5551234567`) does
 * count: the SDK should template such paths before sending. Percent-encoded text is decoded first, so
 * `/u/jane%40example.com` is caught too.
 *
 * @example
 * ```ts
 * classifyPii('+44 20 7946 0958'); // → 'phone'
 * classifyPii('#checkout > button'); // → null
 * ```
 */
export function classifyPii(text: string): PiiKind | null {
  if (UUID.test(text)) return null;
  let decoded = text;
  if (text.includes('%')) {
    try {
      decoded = decodeURIComponent(text);
    } catch {
      // Malformed escapes: check the raw text only.
    }
  }
  if (EMAIL.test(decoded)) return 'email';
  for (const m of decoded.matchAll(DIGIT_RUN)) {
    const run = m[0];
    const digits = run.replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return 'card';
    if (digits.length < 9 || digits.length > 15) continue;
    const formatted = run.startsWith('+') || /[ .()-]/.test(run);
    if (formatted || digits.length >= 10) return 'phone';
  }
  return null;
}

/**
 * Walks a JSON value and returns the first string that looks like personal
 * data (see {@link classifyPii}), with its JSONPath, or `null`.
 *
 * @example
 * ```ts
 * findPii({ events: [{ target: 'jane@example.com' }] });
 * // → { path: '$.events[0].target', kind: 'email' }
 * ```
 */
export function findPii(value: unknown, path = '$'): PiiFinding | null {
  if (typeof value === 'string') {
    const kind = classifyPii(value);
    return kind ? { path, kind } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const f = findPii(value[i], `${path}[${i}]`);
      if (f) return f;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const f = findPii(v, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);
      if (f) return f;
    }
  }
  return null;
}
