import { describe, expect, it } from 'vitest';
import type { SignalRecord } from '@attune/rules';
import { createRecentSignals } from './recent-signals';

const signal = (at: number, target = 'a'): SignalRecord => ({ type: 'rage_click', target, count: 3, at, path: '/' });

describe('createRecentSignals', () => {
  it('keeps signals in order and drops those older than maxAgeMs', () => {
    const recent = createRecentSignals(1000);
    recent.add(signal(0, 'first'));
    recent.add(signal(600, 'second'));
    expect(recent.current(900).map((s) => s.target)).toEqual(['first', 'second']);
    expect(recent.current(1500).map((s) => s.target)).toEqual(['second']);
    // Pruned for good, not only filtered for one read.
    expect(recent.current(600).map((s) => s.target)).toEqual(['second']);
  });

  it('keeps at most `max`, the newest, and forgets everything on clear', () => {
    const recent = createRecentSignals(60_000, 2);
    for (const at of [1, 2, 3]) recent.add(signal(at, `s${at}`));
    expect(recent.current(3).map((s) => s.target)).toEqual(['s2', 's3']);
    recent.clear();
    expect(recent.current(3)).toEqual([]);
  });
});
