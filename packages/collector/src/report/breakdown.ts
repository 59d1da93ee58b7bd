import type { BreakdownRow, BreakdownTable, Cell, MaybeCell, SignalName } from './report-summary';

interface Tally {
  events: number;
  visitors: Set<string>;
  signals: Map<SignalName, { events: number; visitors: Set<string> }>;
}

/** Counts events and distinct visitors per key (and per signal), then folds small groups away. */
export interface Breakdown {
  add(key: string, visitor: string, signal?: SignalName): void;
  /** The visitors seen under `key`, for callers that combine breakdowns. */
  visitors(key: string): number;
  table(minCount: number, maxRows: number): BreakdownTable;
}

/** A cell, `null` when it stands for 1 to `minCount − 1` visitors. */
export const thresholdCell = (events: number, visitors: number, minCount: number): MaybeCell =>
  visitors > 0 && visitors < minCount ? null : { events, visitors };

/** A count of visitors, `null` when between 1 and `minCount − 1`. */
export const thresholdCount = (visitors: number, minCount: number): number | null =>
  visitors > 0 && visitors < minCount ? null : visitors;

const emptyTally = (): Tally => ({ events: 0, visitors: new Set(), signals: new Map() });

const merge = (into: Tally, from: Tally) => {
  into.events += from.events;
  for (const v of from.visitors) into.visitors.add(v);
  for (const [signal, part] of from.signals) {
    const target = into.signals.get(signal) ?? { events: 0, visitors: new Set<string>() };
    target.events += part.events;
    for (const v of part.visitors) target.visitors.add(v);
    into.signals.set(signal, target);
  }
};

const toRow = (key: string, tally: Tally, minCount: number): BreakdownRow => {
  const signals: BreakdownRow['signals'] = {};
  for (const [signal, part] of tally.signals) signals[signal] = thresholdCell(part.events, part.visitors.size, minCount);
  const total: Cell = { events: tally.events, visitors: tally.visitors.size };
  return { key, total, signals };
};

/**
 * A breakdown by one key. Groups with fewer than `minCount` distinct visitors,
 * and groups past the first `maxRows`, are folded into one `other` row, which
 * is itself shown only when it reaches `minCount` visitors; inside a shown
 * row, per-signal cells below `minCount` visitors are `null`.
 */
export function createBreakdown(): Breakdown {
  const tallies = new Map<string, Tally>();
  return {
    add(key, visitor, signal) {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = emptyTally()));
      tally.events++;
      tally.visitors.add(visitor);
      if (signal) {
        let part = tally.signals.get(signal);
        if (!part) tally.signals.set(signal, (part = { events: 0, visitors: new Set() }));
        part.events++;
        part.visitors.add(visitor);
      }
    },
    visitors: (key) => tallies.get(key)?.visitors.size ?? 0,
    table(minCount, maxRows) {
      const sorted = [...tallies].sort(([ka, a], [kb, b]) => b.events - a.events || (ka < kb ? -1 : ka > kb ? 1 : 0));
      const rows: BreakdownRow[] = [];
      const rest = emptyTally();
      let folded = 0;
      for (const [key, tally] of sorted) {
        if (tally.visitors.size >= minCount && rows.length < maxRows) rows.push(toRow(key, tally, minCount));
        else {
          merge(rest, tally);
          folded++;
        }
      }
      const other = folded > 0 && rest.visitors.size >= minCount ? toRow('other', rest, minCount) : null;
      return { rows, other, folded };
    },
  };
}
