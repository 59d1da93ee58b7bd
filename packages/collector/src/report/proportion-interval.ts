/** A two-sided confidence interval: `[lower, upper]`. */
export type Interval = readonly [lower: number, upper: number];

/** The normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion `x / n`, without continuity
 * correction (Wilson 1927; method 3 in Newcombe 1998a). It stays inside
 * [0, 1] and behaves well at 0 and at `n`, where the textbook Wald interval
 * collapses. `n` must be positive.
 *
 * @example
 * ```ts
 * wilsonInterval(81, 263); // ≈ [0.2553, 0.3662]
 * ```
 */
export function wilsonInterval(x: number, n: number, z: number = Z_95): Interval {
  const p = x / n;
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Newcombe's hybrid score interval for the difference of two independent
 * proportions `x1/n1 − x2/n2` (method 10 in Newcombe 1998, "Interval
 * estimation for the difference between independent proportions: comparison
 * of eleven methods", Statistics in Medicine 17:873–890), built from the two
 * Wilson score intervals. Unlike the Wald interval it keeps close to its
 * nominal coverage with small samples and rates near 0 or 1.
 *
 * @example
 * ```ts
 * newcombeInterval(56, 70, 48, 80); // difference 0.2, interval ≈ [0.0524, 0.3339]
 * ```
 */
export function newcombeInterval(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z: number = Z_95,
): { difference: number; interval: Interval } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1, z);
  const [l2, u2] = wilsonInterval(x2, n2, z);
  const difference = p1 - p2;
  return {
    difference,
    interval: [difference - Math.hypot(p1 - l1, u2 - p2), difference + Math.hypot(u1 - p1, p2 - l2)],
  };
}
