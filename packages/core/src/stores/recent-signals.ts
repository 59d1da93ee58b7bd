import type { SignalRecord } from '@attune/rules';

/** The recent-signal store: signals of the last `maxAgeMs`, oldest first, at most `max`. */
export interface RecentSignals {
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
  let list: readonly SignalRecord[] = [];
  const prune = (now: number) => (list = list.filter((s) => now - s.at <= maxAgeMs).slice(-max));
  return {
    add(signal) {
      list = [...list, signal];
      prune(signal.at);
    },
    current: prune,
    clear() {
      list = [];
    },
  };
};
