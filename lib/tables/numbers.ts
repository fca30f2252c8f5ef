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
