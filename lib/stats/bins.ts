import { tickIncrement } from 'd3-array';

/** Round steps for binning values (and, through lib/charts/ticks.ts, for axes): 1, 2 or 5 × 10ⁿ, from d3. */

/**
 * A round bin width that cuts [0, max] into at most `bins` bins (never more, so a histogram keeps
 * the number of bars it was designed for).
 */
export function binWidth(max: number, bins: number): number {
  if (!(max > 0) || !Number.isFinite(max) || bins < 1) return 1;
  // d3 rounds to the nearest nice step; ask for fewer until the step leaves no more than `bins` bins.
  for (let count = bins; count >= 1; count--) {
    const step = stepFor(max, count);
    if (Math.ceil(max / step - 1e-9) <= bins) return step;
  }
  return stepFor(max, 1);
}

function stepFor(max: number, count: number): number {
  const inc = tickIncrement(0, max, count);
  // d3 returns a negative inverse step for steps below 1 (so it stays exact): -5 means 1/5.
  return inc >= 0 ? Math.max(inc, 1e-12) : tidy(-1 / inc);
}

/** Rounds away binary noise (0.30000000000000004 → 0.3) so labels and table values stay clean. */
export function tidy(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}
