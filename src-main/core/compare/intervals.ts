/**
 * Confidence intervals for proportions, after Newcombe (1998), Statistics in Medicine 17:
 * the Wilson score interval ("Two-sided confidence intervals for the single proportion",
 * method 3) and the hybrid score interval for a difference of independent proportions
 * ("Interval estimation for the difference between independent proportions", method 10).
 * No library on the registry offers the hybrid interval, so both are written here once.
 */

/** The 0.975 quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for x successes out of n (n ≥ 1), without continuity correction. */
export function wilson(x: number, n: number, z = Z95): [number, number] {
  if (!(n > 0) || x < 0 || x > n) throw new RangeError(`wilson: ${x}/${n}`);
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  // At 0/n and n/n the bound is exactly 0 or 1; rounding error must not move it.
  const lower = x === 0 ? 0 : (centre - half) / denom;
  const upper = x === n ? 1 : (centre + half) / denom;
  return [lower, upper];
}

/** Newcombe's hybrid score interval for p1 − p2, built from the two Wilson intervals. */
export function newcombe(x1: number, n1: number, x2: number, n2: number, z = Z95): [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  const d = p1 - p2;
  return [d - Math.hypot(p1 - l1, u2 - p2), d + Math.hypot(u1 - p1, p2 - l2)];
}
