import { binWidth, tidy } from '@/lib/stats/bins';
import { range, ticks } from 'd3-array';

/**
 * The one place axes get their round numbers, from d3 (steps of 1, 2 or 5 × 10ⁿ) through the same
 * step rule as the tables' bins (lib/stats/bins.ts), so every chart and every binned table agrees on
 * what "a nice step" is.
 */

/** An axis from 0 to a round top at or above `max`, with at most `count` intervals. */
export function zeroAxis(max: number, count = 4): { max: number; ticks: number[] } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 1] };
  const { hi, ticks } = niceDomain(0, max, count);
  return { max: hi, ticks };
}

/** Round ticks inside [lo, hi] (the domain is not extended), at most `count` + 1 of them. */
export function rangeTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  for (let n = count; n >= 1; n--) {
    const out = ticks(lo, hi, n);
    if (out.length <= count + 1) return out.map(tidy);
  }
  return [lo, hi];
}

/**
 * A domain around [lo, hi] (either may be negative) widened to round ends, with its ticks: a step
 * from `binWidth` for the span, so at most `count` intervals. zeroAxis is this from 0.
 */
export function niceDomain(lo: number, hi: number, count = 5): { lo: number; hi: number; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { lo: 0, hi: 1, ticks: [0, 1] };
  if (!(hi > lo)) return { lo, hi: lo + 1, ticks: [lo, lo + 1] };
  const step = binWidth(hi - lo, count);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks = range(first, last + 1).map((i) => tidy(i * step));
  return { lo: ticks[0]!, hi: ticks[ticks.length - 1]!, ticks };
}
