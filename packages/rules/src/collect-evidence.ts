import type { Evidence, Facts } from './types';

/**
 * Groups the signals at `indices` of `facts.signals` by type and target: the summed strength
 * figure and how many signals were counted. Indices counted twice count once.
 *
 * @example collectEvidence(facts, [0, 2]) // [{ signal: 'rage_click', target: 'pricing-table', count: 7, occurrences: 2 }]
 */
export function collectEvidence(facts: Facts, indices: readonly number[]): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const i of [...new Set(indices)].sort((a, b) => a - b)) {
    const s = facts.signals[i];
    if (!s) continue;
    const key = `${s.type}\u0000${s.target}`;
    const count = typeof s.count === 'number' && Number.isFinite(s.count) ? s.count : 1;
    const found = byKey.get(key);
    if (found) {
      found.count += count;
      found.occurrences = (found.occurrences ?? 1) + 1;
    } else {
      byKey.set(key, { signal: s.type, target: s.target, count, occurrences: 1 });
    }
  }
  return [...byKey.values()];
}
