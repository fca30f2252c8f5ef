/**
 * The buy-till-you-die view of a customer: x repeat purchases, t_x weeks from the first to the last
 * purchase, T weeks from the first purchase to the end of observation, and the mean value of the
 * repeat purchases. Purchases on the same day count as one (the convention of the papers).
 */
export interface RfmSummary {
  count: number;
  /** Repeat purchases (distinct purchase days − 1). */
  x: Float64Array;
  /** Weeks from first to last purchase. */
  tx: Float64Array;
  /** Weeks from first purchase to the end of the window. */
  T: Float64Array;
  /** Mean value of the repeat purchases (same-day purchases summed); NaN when x = 0. */
  meanRepeatValue: Float64Array;
  /** Day of the first purchase, for cohort curves. */
  firstDay: Float64Array;
}

export const DAYS_PER_WEEK = 7;

/**
 * From purchases grouped by customer and sorted by day within a customer: `start[c] … start[c + 1]`
 * index `day` and `value`. Purchases after `endDay` are ignored (a calibration window).
 */
export function summarisePurchases(
  start: ArrayLike<number>,
  day: ArrayLike<number>,
  value: ArrayLike<number>,
  endDay: number,
): RfmSummary {
  const n = start.length - 1;
  const s: RfmSummary = {
    count: n,
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    meanRepeatValue: new Float64Array(n).fill(NaN),
    firstDay: new Float64Array(n).fill(NaN),
  };
  for (let c = 0; c < n; c++) {
    const i0 = start[c]!;
    const i1 = start[c + 1]!;
    if (i1 <= i0 || day[i0]! > endDay) continue;
    const first = day[i0]!;
    let last = first;
    let repeats = 0;
    let repeatValue = 0;
    for (let i = i0 + 1; i < i1 && day[i]! <= endDay; i++) {
      if (day[i] !== last) {
        repeats++;
        last = day[i]!;
      }
      // Same-day purchases are one purchase: on the first day they are part of the first purchase.
      if (repeats > 0) repeatValue += value[i]!;
    }
    s.x[c] = repeats;
    s.tx[c] = (last - first) / DAYS_PER_WEEK;
    s.T[c] = (endDay - first) / DAYS_PER_WEEK;
    s.meanRepeatValue[c] = repeats > 0 ? repeatValue / repeats : NaN;
    s.firstDay[c] = first;
  }
  return s;
}
