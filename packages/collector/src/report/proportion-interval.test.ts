import { describe, expect, it } from 'vitest';
import { newcombeInterval, wilsonInterval } from './proportion-interval';

// Reference figures: Newcombe RG (1998a) "Two-sided confidence intervals for the single proportion",
// Table I, method 3 (Wilson score without continuity correction), and Newcombe RG (1998)
// "Interval estimation for the difference between independent proportions", Table II, method 10.
describe('wilsonInterval', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('matches Newcombe 1998a for %i/%i', (x, n, lower, upper) => {
    const [l, u] = wilsonInterval(x, n);
    expect(l).toBeCloseTo(lower, 4);
    expect(u).toBeCloseTo(upper, 4);
  });

  it('stays inside [0, 1] when every trial succeeds', () => {
    const [l, u] = wilsonInterval(20, 20);
    expect(u).toBe(1);
    expect(l).toBeCloseTo(1 - 0.1611, 4);
  });
});

describe('newcombeInterval', () => {
  it.each([
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [6, 7, 2, 7, 0.5714, 0.0582, 0.8062],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [0, 10, 0, 10, 0, -0.2775, 0.2775],
    [10, 10, 0, 20, 1, 0.6791, 1],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])('matches Newcombe 1998 method 10 for %i/%i − %i/%i', (x1, n1, x2, n2, difference, lower, upper) => {
    const result = newcombeInterval(x1, n1, x2, n2);
    expect(result.difference).toBeCloseTo(difference, 4);
    expect(result.interval[0]).toBeCloseTo(lower, 4);
    expect(result.interval[1]).toBeCloseTo(upper, 4);
  });

  it('mirrors the interval when the two groups swap', () => {
    const forward = newcombeInterval(56, 70, 48, 80);
    const backward = newcombeInterval(48, 80, 56, 70);
    expect(backward.difference).toBeCloseTo(-forward.difference, 12);
    expect(backward.interval[0]).toBeCloseTo(-forward.interval[1], 12);
    expect(backward.interval[1]).toBeCloseTo(-forward.interval[0], 12);
  });
});
