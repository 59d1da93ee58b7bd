import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatPercent, formatPoints, formatVital } from './format-figures';

describe('format-figures', () => {
  it('groups thousands with a thin space', () => {
    expect(formatCount(1234567)).toBe('1\u2009234\u2009567');
    expect(formatCount(999)).toBe('999');
  });

  it('writes rates as percentages and differences as signed percentage points', () => {
    expect(formatPercent(0.32142)).toBe('32.1%');
    expect(formatPoints(0.0524)).toBe('+5.2 pts');
    expect(formatPoints(-0.1611)).toBe('\u221216.1 pts');
    expect(formatPoints(-0.0001)).toBe('0.0 pts');
  });

  it('writes UTC dates and vitals in their units', () => {
    expect(formatDate(Date.UTC(2026, 10, 2, 14, 5))).toBe('2026-11-02');
    expect(formatDate(Date.UTC(2026, 10, 2, 14, 5), true)).toBe('2026-11-02 14:05 UTC');
    expect(formatVital('LCP', 2480)).toBe('2.5 s');
    expect(formatVital('INP', 180.4)).toBe('180 ms');
    expect(formatVital('CLS', 0.1234)).toBe('0.12');
  });
});
