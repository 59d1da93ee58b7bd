/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units: small, fast, stable across
 * runtimes, so the browser, the CLI and the collector agree on every bucket.
 *
 * @example fnv1a('visitor-1:pricing-help') // an integer in [0, 2^32)
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
