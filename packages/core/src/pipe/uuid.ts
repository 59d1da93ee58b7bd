/**
 * A UUIDv7 (RFC 9562): 48 bits of millisecond time, a 12-bit counter for ids made in the same
 * millisecond (method 1, so ids sort in the order they were made), then the random bits of a
 * platform `crypto.randomUUID()` (whose variant bits already fit).
 */
export const uuidv7 = (now: number, seq = 0, randomUuid: () => string = () => crypto.randomUUID()): string => {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${(seq & 0xfff).toString(16).padStart(3, '0')}${randomUuid().slice(18)}`;
};
