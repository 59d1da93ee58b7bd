import { describe, expect, it } from 'vitest';
import { holdoutBucket } from './holdout-bucket';

describe('holdoutBucket', () => {
  it('is sticky: the same visitor and rule always get the same bucket', () => {
    expect(holdoutBucket('visitor-42', 'pricing-help')).toBe(holdoutBucket('visitor-42', 'pricing-help'));
  });

  it('spreads visitors evenly so a 10% holdout keeps about 10%', () => {
    let held = 0;
    for (let i = 0; i < 10_000; i++) if (holdoutBucket(`v-${i}`, 'pricing-help') < 0.1) held++;
    expect(held).toBeGreaterThan(900);
    expect(held).toBeLessThan(1100);
  });

  it('assigns independently per rule', () => {
    let both = 0;
    for (let i = 0; i < 10_000; i++) {
      if (holdoutBucket(`v-${i}`, 'rule-a') < 0.5 && holdoutBucket(`v-${i}`, 'rule-b') < 0.5) both++;
    }
    expect(both).toBeGreaterThan(2200);
    expect(both).toBeLessThan(2800);
  });

  it('stays in [0, 1)', () => {
    for (const id of ['', 'a', 'x'.repeat(1000), '\u{1F600}']) {
      const b = holdoutBucket(id, 'r');
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(1);
    }
  });
});
