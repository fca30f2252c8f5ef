import type { Quantiles } from '../schema/clv-proxy';
import { quantileSorted } from '../stats/quantile';

/** Round for output: fixed decimals keep files small and byte-stable. NaN/±Infinity become null. */
export function round(x: number, decimals = 2): number | null {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Like round, for values that are always defined. A non-finite value is passed through unchanged:
 * the table check (check-finite.ts) then names its table, column and row, instead of a builder
 * stopping the build from deep inside with no clue where.
 */
export function roundNum(x: number, decimals = 2): number {
  return round(x, decimals) ?? x;
}

export const pct = (part: number, whole: number, decimals = 2): number =>
  roundNum(whole > 0 ? (100 * part) / whole : 0, decimals);

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  let k = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (!Number.isFinite(v)) continue;
    s += v;
    k++;
  }
  return k > 0 ? s / k : NaN;
}

/** A distribution's quantiles and mean, rounded for output (zeros for no values). */
export function quantilesOf(values: Float64Array, decimals = 2): Quantiles {
  const s = values.slice().sort();
  const q = (p: number) => roundNum(s.length ? quantileSorted(s, p) : 0, decimals);
  let sum = 0;
  for (const v of s) sum += v;
  return {
    min: q(0),
    p05: q(0.05),
    p10: q(0.1),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    p95: q(0.95),
    max: q(1),
    mean: roundNum(s.length ? sum / s.length : 0, decimals),
  };
}
