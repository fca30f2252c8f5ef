/**
 * Holdout back-test of a BG/NBD fit: how many repeat purchases it expects in the weeks after the
 * calibration window against how many came, by customer, by calibration frequency and week by week
 * for the cohort, with the AUC for "bought again" and the rank correlation with holdout purchases.
 */
import { ranks, spearman } from '../stats/correlation';
import {
  expectedPurchasesFromStart,
  expectedPurchasesWhileAlive,
  probabilityAlive,
  type BgNbdParams,
} from './bg-nbd';
import { DAYS_PER_WEEK, type RfmSummary } from './rfm-summary';

export interface BackTest {
  holdoutWeeks: number;
  /** Customers seen in the calibration window (the only ones forecast). */
  customers: number;
  actualTotal: number;
  predictedTotal: number;
  /** Mean holdout purchases by calibration repeat purchases 0, 1, …, `cap` (and more). */
  byFrequency: Array<{ x: string; customers: number; actual: number; predicted: number }>;
  /** Cumulative repeat purchases of the cohort, week by week from the start of the data. */
  tracking: Array<{ week: number; actual: number; predicted: number }>;
  /** AUC of predicted holdout purchases for "made at least one holdout purchase". */
  auc: number;
  /** Spearman rank correlation of predicted with actual holdout purchases. */
  spearman: number;
}

/** Distinct purchase days per customer in (fromDay, toDay]. */
export function countPurchaseDays(
  start: ArrayLike<number>,
  day: ArrayLike<number>,
  fromDay: number,
  toDay: number,
): Float64Array {
  const n = start.length - 1;
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let last = NaN;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const d = day[i]!;
      if (d > fromDay && d <= toDay && d !== last) out[c]!++;
      last = d;
    }
  }
  return out;
}

/** The back-test's actuals: what the customers seen in calibration did up to the holdout's end. */
export interface HoldoutCounts {
  /** Distinct purchase days in the holdout, per customer; 0 for a customer not seen in calibration. */
  purchases: Float64Array;
  /**
   * Repeat purchase days (each after the customer's first) per week, from day 0 to the holdout's
   * end, ceil((holdoutEndDay + 1) / 7) weeks, of the customers seen in calibration.
   */
  repeatsByWeek: Float64Array;
}

/**
 * The holdout counts of a history: purchases grouped by customer (`start`) and sorted by day (days
 * from the start of the data), with `calibration` its summary at the calibration end. The
 * TypeScript reference of sql/holdout_purchases.sql and sql/repeat_weeks.sql.
 */
export function holdoutCounts(
  start: ArrayLike<number>,
  day: ArrayLike<number>,
  calibration: RfmSummary,
  calibrationEndDay: number,
  holdoutEndDay: number,
): HoldoutCounts {
  const seen = (c: number) => !Number.isNaN(calibration.firstDay[c]!);
  const purchases = countPurchaseDays(start, day, calibrationEndDay, holdoutEndDay);
  for (let c = 0; c < purchases.length; c++) if (!seen(c)) purchases[c] = 0;
  const repeatsByWeek = new Float64Array(Math.ceil((holdoutEndDay + 1) / DAYS_PER_WEEK));
  for (let c = 0; c < calibration.count; c++) {
    if (!seen(c)) continue;
    let last = NaN;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const d = day[i]!;
      if (d !== last && i > start[c]! && d <= holdoutEndDay) repeatsByWeek[Math.floor(d / DAYS_PER_WEEK)]!++;
      last = d;
    }
  }
  return { purchases, repeatsByWeek };
}

/** Probability that a random positive scores above a random negative (ties count half). */
export function areaUnderCurve(score: ArrayLike<number>, positive: ArrayLike<boolean>): number {
  const r = ranks(score);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < r.length; i++) {
    if (positive[i]) {
      pos++;
      rankSum += r[i]!;
    }
  }
  const neg = r.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface BackTestInput {
  params: BgNbdParams;
  calibration: RfmSummary;
  /** What the holdout shows: holdoutCounts on a history, or the same from SQL. */
  holdout: HoldoutCounts;
  calibrationEndDay: number;
  holdoutEndDay: number;
  /** Highest frequency bucket of its own (the last one is "cap+"). */
  cap?: number;
  /**
   * At most this many points on the tracking curve (every week when the history is short enough,
   * else every n-th week and the last): each point costs one E[X(t)] per distinct first day.
   */
  maxTrackingPoints?: number;
}

export function backTest(input: BackTestInput): BackTest {
  const {
    params,
    calibration: rfm,
    holdout,
    calibrationEndDay,
    holdoutEndDay,
    cap = 7,
    maxTrackingPoints = Infinity,
  } = input;
  const holdoutWeeks = (holdoutEndDay - calibrationEndDay) / DAYS_PER_WEEK;
  // Only customers seen in the calibration window are forecast; those who first buy in the holdout
  // are new customers, not repeat purchases, and are left out of every figure.
  const seen: number[] = [];
  for (let c = 0; c < rfm.count; c++) if (!Number.isNaN(rfm.firstDay[c]!)) seen.push(c);
  const actual = Float64Array.from(seen, (c) => holdout.purchases[c]!);
  // E[purchases | x, t_x, T] = E[purchases | x, T, alive] × P(alive): the first factor once per (x, T).
  const whileAlive = new Map<number, Map<number, number>>();
  const predicted = Float64Array.from(seen, (c) => {
    const x = rfm.x[c]!;
    const T = rfm.T[c]!;
    let byT = whileAlive.get(x);
    if (!byT) whileAlive.set(x, (byT = new Map()));
    let e = byT.get(T);
    if (e === undefined) byT.set(T, (e = expectedPurchasesWhileAlive(params, holdoutWeeks, x, T)));
    return holdoutWeeks > 0 ? e * probabilityAlive(params, x, rfm.tx[c]!, T) : 0;
  });
  const buckets = Array.from({ length: cap + 1 }, (_, i) => ({
    x: i === cap ? `${cap}+` : String(i),
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  seen.forEach((c, i) => {
    const b = buckets[Math.min(cap, rfm.x[c]!)]!;
    b.customers++;
    b.actual += actual[i]!;
    b.predicted += predicted[i]!;
  });
  for (const b of buckets) {
    b.actual = b.customers ? b.actual / b.customers : 0;
    b.predicted = b.customers ? b.predicted / b.customers : 0;
  }

  // Cohort tracking: actual repeat purchase days per week, against Σ_i E[X(t − s_i)].
  const weeks = Math.ceil((holdoutEndDay + 1) / DAYS_PER_WEEK);
  const { repeatsByWeek } = holdout;
  const firstWeeks = new Map<number, number>();
  for (let c = 0; c < rfm.count; c++) {
    const s = rfm.firstDay[c]!;
    if (!Number.isNaN(s)) firstWeeks.set(s, (firstWeeks.get(s) ?? 0) + 1);
  }
  const tracking: BackTest['tracking'] = [];
  let cumulative = 0;
  const step = Math.max(1, Math.ceil(weeks / maxTrackingPoints));
  // E[X(t)] depends on the days since the first purchase only: once per distinct number of days.
  const fromStart = new Map<number, number>();
  const expectedAfter = (days: number) => {
    let e = fromStart.get(days);
    if (e === undefined) fromStart.set(days, (e = expectedPurchasesFromStart(params, days / DAYS_PER_WEEK)));
    return e;
  };
  for (let w = 1; w <= weeks; w++) {
    cumulative += repeatsByWeek[w - 1]!;
    if (w % step !== 0 && w !== weeks) continue;
    const t = Math.min(w * DAYS_PER_WEEK, holdoutEndDay + 1);
    let expected = 0;
    for (const [s, count] of firstWeeks) expected += count * expectedAfter(t - (s + 1));
    tracking.push({ week: w, actual: cumulative, predicted: expected });
  }
  return {
    holdoutWeeks,
    customers: seen.length,
    actualTotal: actual.reduce((s, v) => s + v, 0),
    predictedTotal: predicted.reduce((s, v) => s + v, 0),
    byFrequency: buckets,
    tracking,
    auc: areaUnderCurve(
      predicted,
      Array.from(actual, (v) => v > 0),
    ),
    spearman: spearman(predicted, actual),
  };
}
