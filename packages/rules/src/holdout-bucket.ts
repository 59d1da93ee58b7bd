import { fnv1a } from './fnv1a';

/** MurmurHash3's finalizer: FNV-1a alone barely moves its high bits when only the tail of the input differs. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Where a visitor falls for a rule, in `[0, 1)`: a hash of the pseudonymous visitor id and
 * the rule id, so the same visitor always lands in the same place for the same rule (sticky,
 * never re-rolled on each trigger) and independently across rules.
 *
 * @example holdoutBucket('v-123', 'pricing-help') < 0.1 // true for about 10% of visitors
 */
export function holdoutBucket(visitorId: string, ruleId: string): number {
  return mix(fnv1a(`${visitorId}\u0000${ruleId}`)) / 0x1_0000_0000;
}
