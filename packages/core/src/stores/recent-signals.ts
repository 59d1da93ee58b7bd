import { atom, type ReadableAtom } from 'nanostores';
import type { SignalRecord } from '@attune/rules';

/** The recent-signal store: signals of the last `maxAgeMs`, oldest first, at most `max`. */
export interface RecentSignals {
  /** The store itself, for subscribers (`$signals.subscribe(...)`). */
  $signals: ReadableAtom<readonly SignalRecord[]>;
  /** Adds a signal and prunes old ones. */
  add(signal: SignalRecord): void;
  /** Signals still young enough at `now`. */
  current(now: number): readonly SignalRecord[];
  /** Forgets everything. */
  clear(): void;
}

/**
 * Creates the recent-signal store.
 * @param maxAgeMs - how long a signal is kept (default 30 minutes).
 * @param max - the most signals kept (default 200); the oldest go first.
 */
export const createRecentSignals = (maxAgeMs = 30 * 60_000, max = 200): RecentSignals => {
  const $signals = atom<readonly SignalRecord[]>([]);
  const prune = (list: readonly SignalRecord[], now: number) =>
    list.filter((s) => now - s.at <= maxAgeMs).slice(-max);
  return {
    $signals,
    add(signal) {
      $signals.set(prune([...$signals.get(), signal], signal.at));
    },
    current(now) {
      const list = $signals.get();
      const kept = prune(list, now);
      if (kept.length !== list.length) $signals.set(kept);
      return kept;
    },
    clear() {
      $signals.set([]);
    },
  };
};
