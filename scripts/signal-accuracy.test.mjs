import { describe, expect, it } from 'vitest';
import { score } from './signal-accuracy.mjs';

describe('signal-accuracy score', () => {
  it('counts hits, misses and unexpected signals per type, and leaves tolerated types out', () => {
    const rows = score([
      {
        name: 'rage on dead',
        expected: ['rage_click'],
        tolerated: ['dead_click'],
        observed: [{ signal: 'rage_click' }, { signal: 'dead_click' }],
      },
      { name: 'rage missed', expected: ['rage_click'], observed: [] },
      { name: 'stepper', expected: [], observed: [{ signal: 'rage_click' }] },
      { name: 'calm', expected: [], observed: [] },
    ]);
    expect(rows.rage_click).toMatchObject({ tp: 1, fn: 1, fp: 1, negatives: 2, misses: ['rage missed'], false: ['stepper'] });
    expect(rows.dead_click).toMatchObject({ tp: 0, fn: 0, fp: 0, negatives: 3 });
  });
});
