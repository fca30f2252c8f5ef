/**
 * Predicted customer value from a transaction history, for the pipeline's tables: the RFM summary
 * at the end of the window, the sufficiency verdict, BG/NBD and Gamma-Gamma fitted on the whole
 * history, and per customer P(alive), expected purchases and discounted CLV over the horizon with a
 * simulated 10th–90th percentile range; and a calibration/holdout back-test. Pure and synchronous
 * (no I/O, no Node APIs): the same code runs in the command line and in the browser worker.
 */
import { createRng } from '../random/rng';
import { pearson } from '../stats/correlation';
import type { TransactionLog } from '../transactions/transaction-log';
import { backTest, holdoutCounts, type BackTest, type HoldoutCounts } from './back-test';
import {
  expectedPurchasesWhileAlive,
  fitBgNbd,
  groupRfm,
  NO_DROPOUT_CRITICAL_VALUE,
  probabilityAlive,
  type BgNbdFit,
  type RfmGroups,
} from './bg-nbd';
import {
  DEFAULT_SUFFICIENCY,
  FIT_MESSAGES,
  judgeSufficiency,
  type SufficiencyRules,
  type SufficiencyVerdict,
} from './data-sufficiency';
import { expectedAverageValue, fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import {
  DEFAULT_CLV_OPTIONS,
  mixtureQuantile,
  simulateAliveUnitClv,
  spendScale,
  WEEKS_PER_MONTH,
  type ClvOptions,
} from './predicted-clv';
import { DAYS_PER_WEEK, summarisePurchases, type RfmSummary } from './rfm-summary';

/** Purchases grouped by customer, sorted by day within a customer: start[c] … start[c + 1] index day and value. */
export interface Purchases {
  start: ArrayLike<number>;
  day: ArrayLike<number>;
  value: ArrayLike<number>;
}

export interface ValueOptions extends ClvOptions {
  /** Seed of the range simulation. */
  seed: number;
  /** Simulated futures per range cell. */
  draws: number;
  /**
   * Width in days of the T buckets of a range cell (1 = customers share a simulation only when
   * their x and T are identical). See predictCustomerValue.
   */
  rangeCellDays: number;
  /** Months at the end of the window held out for the back-test (0: no back-test). */
  holdoutMonths: number;
  rules?: SufficiencyRules;
  /** The BG/NBD fit's penalty coefficient (default DEFAULT_BGNBD_PENALTY, see bg-nbd.ts). */
  bgnbdPenalty?: number;
}

/**
 * Range cells of 7 days of T, 200 simulated futures each: see predictCustomerValue for why and
 * benchmarks/value.md for the measurements.
 */
export const DEFAULT_VALUE_OPTIONS: ValueOptions = {
  ...DEFAULT_CLV_OPTIONS,
  seed: 42,
  draws: 200,
  rangeCellDays: 7,
  holdoutMonths: 6,
};

export interface FrequencySpendCorrelation {
  /** Pearson correlation of repeat purchases x and mean repeat value; null with fewer than 3 customers or no spread. */
  pearson: number | null;
  /** Customers with at least one repeat purchase of positive value (those Gamma-Gamma is fitted on). */
  customers: number;
}

export interface ValuePredictions {
  rfm: RfmSummary;
  /** The verdict on the data, with any failed fit added to its reasons and a boundary fit to its notes. */
  verdict: SufficiencyVerdict;
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  frequencySpend: FrequencySpendCorrelation;
  /** Per customer; NaN where there is no prediction (insufficient data, or a customer without purchases). */
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clv: Float64Array;
  clvP10: Float64Array;
  clvP90: Float64Array;
  /**
   * Variance of the customer's simulated discounted value (the same mixture as the range): what a
   * group's total interval is made of, since customers' futures are independent given the fit.
   */
  clvVariance: Float64Array;
  range: { draws: number; cellDays: number; cells: number; histories: number };
}

/** Customers seen by `rfm` (a first purchase on or before its end), grouped by (x, t_x, T). */
export function groupSeen(rfm: RfmSummary): { groups: RfmGroups; seen: Uint32Array } {
  let n = 0;
  for (let c = 0; c < rfm.count; c++) if (!Number.isNaN(rfm.firstDay[c]!)) n++;
  const seen = new Uint32Array(n);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let c = 0, i = 0; c < rfm.count; c++) {
    if (Number.isNaN(rfm.firstDay[c]!)) continue;
    seen[i] = c;
    x[i] = rfm.x[c]!;
    tx[i] = rfm.tx[c]!;
    T[i] = rfm.T[c]!;
    i++;
  }
  return { groups: groupRfm(x, tx, T), seen };
}

/** A 32-bit random stream for a range cell, from its key alone (not from which customers are in the run). */
export function rangeStream(x: number, positive: number, tBucket: number): number {
  let h = Math.imul(x + 1, 0x9e3779b1) ^ Math.imul(positive + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(tBucket + 1, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The range cell of a history: x, whether it has a positive mean repeat value, and the T bucket. */
export function rangeCellOf(
  x: number,
  T: number,
  meanValue: number,
  cellDays: number,
): { x: number; positive: number; tBucket: number } {
  return {
    x,
    positive: x > 0 && meanValue > 0 ? 1 : 0,
    tBucket: Math.floor(Math.round(T * DAYS_PER_WEEK) / cellDays),
  };
}

/**
 * Fits both models on the purchases up to `endDay` and predicts every customer.
 *
 * Expected purchases and P(alive) depend on (x, t_x, T) only: computed once per distinct history.
 *
 * The range: 200 simulated futures per customer would be 200M futures at 1M customers, far over
 * the 10 s budget (one future costs about a microsecond). Three facts cut it down:
 * (1) the simulated value is exactly proportional to γ + m·x (see simulateAliveUnitClv), so the
 *     mean spend m does not need a simulation of its own;
 * (2) given alive, the posterior of λ and p depends on x and T, not on t_x: t_x only sets P(alive),
 *     so a customer's distribution is "0 with 1 − P(alive), else the alive draws" (mixtureQuantile),
 *     with the customer's exact P(alive);
 * (3) T enters through α + T and the horizon, smoothly: customers with the same x and "has a
 *     positive mean" whose T falls in the same `rangeCellDays` bucket (a week by default) share
 *     one simulation at the cell's mean T, scaled to each member's own expected purchases while
 *     alive (a ratio within a percent or two of 1 for a week's difference).
 * So a range cell is (x, positive mean, T week): a few thousand cells at 1M customers instead of
 * ~500K distinct (x, t_x, T). Customers with the same history always get the same range, and with
 * rangeCellDays = 1 and whole days a customer's range equals simulateClvRange on the cell's stream.
 */
export function predictCustomerValue(
  purchases: Purchases,
  endDay: number,
  options: ValueOptions = DEFAULT_VALUE_OPTIONS,
  /** Called at the end of each stage with the milliseconds since the previous one (for benchmarks). */
  lap?: (stage: string, ms: number) => void,
): ValuePredictions {
  const startedAt = performance.now();
  const rfm = summarisePurchases(purchases.start, purchases.day, purchases.value, endDay);
  return predictFromSummary(rfm, options, lap, startedAt);
}

/**
 * The same, from the buy-till-you-die summary (value_summary.sql's x, t_x, T, mean repeat value).
 * `startedAt`: when the summary's making began, which the first lap ('RFM summary') counts from.
 */
export function predictFromSummary(
  rfm: RfmSummary,
  options: ValueOptions = DEFAULT_VALUE_OPTIONS,
  lap?: (stage: string, ms: number) => void,
  startedAt = performance.now(),
): ValuePredictions {
  let last = startedAt;
  const mark = (stage: string) => {
    const now = performance.now();
    lap?.(stage, now - last);
    last = now;
  };
  const verdict = judgeSufficiency(rfm, options.rules);
  const out = unpredicted(rfm, verdict, options);
  if (!verdict.frequency) return out;

  mark('RFM summary');
  const { groups, seen } = groupSeen(rfm);
  mark('group (x, t_x, T)');
  const bg = fitBgNbd(groups, { penalty: options.bgnbdPenalty });
  mark('BG/NBD fit');
  if (!usableFit(bg)) {
    out.verdict = {
      ...verdict,
      frequency: false,
      monetary: false,
      reasons: [...verdict.reasons, FIT_MESSAGES.frequencyNotFitted],
    };
    return out;
  }
  out.bgnbd = bg;
  if (bg.model === 'nbd') {
    out.verdict = {
      ...out.verdict,
      notes: [...out.verdict.notes, FIT_MESSAGES.noDropout(bg.dropoutStatistic, NO_DROPOUT_CRITICAL_VALUE)],
    };
  }
  let monetary = verdict.monetary;
  if (monetary) {
    const gg = fitGammaGamma(rfm.x, rfm.meanRepeatValue);
    mark('Gamma-Gamma fit');
    const ggOk =
      gg.converged && Object.values(gg.params).every((v) => Number.isFinite(v) && v > 0) && gg.params.q > 1;
    if (ggOk) out.gammaGamma = gg;
    else {
      monetary = false;
      out.verdict = {
        ...out.verdict,
        monetary: false,
        reasons: [
          ...out.verdict.reasons,
          gg.converged && Number.isFinite(gg.params.q)
            ? FIT_MESSAGES.monetaryUnbounded(gg.params.q)
            : FIT_MESSAGES.monetaryNotFitted,
        ],
      };
    }
  }

  // Per distinct history: P(alive) × (expected and discounted expected purchases while alive);
  // the second factor depends on (x, T) only, so it is computed once per (x, T): a few ten
  // thousand hypergeometric series at 1M customers instead of 12 per distinct (x, t_x, T).
  const curve = aliveCurves(bg.params, options);
  const G = groups.x.length;
  const gAlive = new Float64Array(G);
  const gPurchases = new Float64Array(G);
  const gDiscounted = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const x = groups.x[g]!;
    const T = groups.T[g]!;
    const alive = probabilityAlive(bg.params, x, groups.tx[g]!, T);
    const c = curve(x, T);
    gAlive[g] = alive;
    gPurchases[g] = alive * c.purchases;
    gDiscounted[g] = alive * c.discounted;
  }
  out.range.histories = G;
  mark('P(alive), expected purchases');
  for (let i = 0; i < seen.length; i++) {
    const c = seen[i]!;
    const g = groups.groupOf[i]!;
    out.pAlive[c] = finite(gAlive[g]!);
    out.expectedPurchases[c] = finite(gPurchases[g]!);
  }
  if (!allFinite(seen, out.pAlive, out.expectedPurchases)) return withoutPredictions(out, 'frequency');
  if (!monetary || !out.gammaGamma) return out;
  const gg = out.gammaGamma.params;

  // Range cells (see above).
  const cellDays = Math.max(1, Math.floor(options.rangeCellDays));
  const cellIndex = new Map<number, number>();
  const cellKey: Array<ReturnType<typeof rangeCellOf>> = [];
  const tDays: number[] = [];
  const members: number[] = [];
  const cellOf = new Uint32Array(seen.length);
  for (let i = 0; i < seen.length; i++) {
    const c = seen[i]!;
    const key = rangeCellOf(rfm.x[c]!, rfm.T[c]!, rfm.meanRepeatValue[c]!, cellDays);
    // x < 2^30 and T buckets < 2^20 keep the numeric key exact (< 2^53).
    const k = (key.x * 2 + key.positive) * 1_048_576 + key.tBucket;
    let cell = cellIndex.get(k);
    if (cell === undefined) {
      cell = cellKey.length;
      cellIndex.set(k, cell);
      cellKey.push(key);
      tDays.push(0);
      members.push(0);
    }
    // Sums of whole days are exact, so a cell of customers with the same T has exactly their T.
    tDays[cell]! += Math.round(rfm.T[c]! * DAYS_PER_WEEK);
    members[cell]!++;
    cellOf[i] = cell;
  }
  const C = cellKey.length;
  out.range.cells = C;
  mark('range cells');
  const cellT = new Float64Array(C);
  const cellDraws: Float64Array[] = new Array(C);
  const cellAliveD = new Float64Array(C);
  // First and second moments of each cell's alive draws, for the customers' variances.
  const cellMean = new Float64Array(C);
  const cellMeanSq = new Float64Array(C);
  for (let cell = 0; cell < C; cell++) {
    const key = cellKey[cell]!;
    const T = tDays[cell]! / members[cell]! / DAYS_PER_WEEK;
    cellT[cell] = T;
    const rng = createRng(options.seed, rangeStream(key.x, key.positive, key.tBucket));
    cellDraws[cell] = simulateAliveUnitClv(
      bg.params,
      gg,
      key.x,
      T,
      key.positive ? key.x : 0,
      rng,
      options,
      options.draws,
    );
    cellAliveD[cell] = curve(key.x, T).discounted;
    const draws = cellDraws[cell]!;
    let sum = 0;
    let sumSq = 0;
    for (const d of draws) {
      sum += d;
      sumSq += d * d;
    }
    cellMean[cell] = draws.length ? sum / draws.length : 0;
    cellMeanSq[cell] = draws.length ? sumSq / draws.length : 0;
  }
  mark('range simulation');
  for (let i = 0; i < seen.length; i++) {
    const c = seen[i]!;
    const g = groups.groupOf[i]!;
    const cell = cellOf[i]!;
    const x = rfm.x[c]!;
    const m = rfm.meanRepeatValue[c]!;
    const alive = gAlive[g]!;
    out.clv[c] = finite(gDiscounted[g]! * expectedAverageValue(gg, x, m));
    // Scale the cell's draws to this customer's own T (exactly 1 when the cell's T is theirs).
    const own = curve(x, rfm.T[c]!).discounted;
    const ratio = rfm.T[c] === cellT[cell] ? 1 : cellAliveD[cell]! > 0 ? own / cellAliveD[cell]! : 0;
    const scale = spendScale(gg, x, m) * ratio;
    out.clvP10[c] = finite(mixtureQuantile(cellDraws[cell]!, alive, 0.1) * scale);
    out.clvP90[c] = finite(mixtureQuantile(cellDraws[cell]!, alive, 0.9) * scale);
    // 0 with 1 − P(alive), else a scaled draw: E[V] = P·μ·s, E[V²] = P·E[d²]·s².
    const m1 = alive * cellMean[cell]! * scale;
    const m2 = alive * cellMeanSq[cell]! * scale * scale;
    out.clvVariance[c] = finite(Math.max(0, m2 - m1 * m1));
  }
  mark('CLV and ranges per customer');
  if (!allFinite(seen, out.clv, out.clvP10, out.clvP90, out.clvVariance))
    return withoutPredictions(out, 'monetary');
  return out;
}

/** A fit the predictions can use: converged, r and α positive, a ≥ 0 (0: the no-dropout limit), b positive. */
function usableFit(bg: BgNbdFit): boolean {
  const { r, alpha, a, b } = bg.params;
  const positive = (v: number) => Number.isFinite(v) && v > 0;
  return (
    bg.converged &&
    positive(r) &&
    positive(alpha) &&
    Number.isFinite(a) &&
    a >= 0 &&
    positive(b) &&
    Number.isFinite(bg.logLikelihood)
  );
}

function allFinite(seen: Uint32Array, ...arrays: Float64Array[]): boolean {
  for (const a of arrays) for (const c of seen) if (!Number.isFinite(a[c]!)) return false;
  return true;
}

/**
 * The last line of defence: a prediction that is not a finite number (none is expected: every
 * formula is finite for any parameters) takes the model's predictions away, with the verdict
 * saying why, rather than reaching a table.
 */
function withoutPredictions(out: ValuePredictions, part: 'frequency' | 'monetary'): ValuePredictions {
  const nan = () => new Float64Array(out.rfm.count).fill(NaN);
  const money = { clv: nan(), clvP10: nan(), clvP90: nan(), clvVariance: nan() };
  if (part === 'monetary') {
    return {
      ...out,
      ...money,
      gammaGamma: null,
      verdict: {
        ...out.verdict,
        monetary: false,
        reasons: [...out.verdict.reasons, FIT_MESSAGES.monetaryNotFinite],
      },
    };
  }
  return withoutModel(out, FIT_MESSAGES.frequencyNotFinite);
}

/**
 * Expected purchases over the horizon while alive, plain and discounted month by month, for a given
 * (x, T); memoised, as many customers share one.
 */
function aliveCurves(
  bg: BgNbdFit['params'],
  options: ClvOptions,
): (x: number, T: number) => { purchases: number; discounted: number } {
  const memo = new Map<number, Map<number, { purchases: number; discounted: number }>>();
  const discount = Array.from(
    { length: options.horizonMonths + 1 },
    (_, m) => 1 / Math.pow(1 + options.monthlyDiscount, m),
  );
  return (x, T) => {
    let byT = memo.get(x);
    if (!byT) memo.set(x, (byT = new Map()));
    let c = byT.get(T);
    if (!c) {
      let before = 0;
      let discounted = 0;
      for (let m = 1; m <= options.horizonMonths; m++) {
        const cumulative = expectedPurchasesWhileAlive(bg, m * WEEKS_PER_MONTH, x, T);
        discounted += Math.max(0, cumulative - before) * discount[m]!;
        before = Math.max(before, cumulative);
      }
      c = { purchases: before, discounted };
      byT.set(T, c);
    }
    return c;
  };
}

const finite = (v: number) => (Number.isFinite(v) ? v : NaN);

function frequencySpend(rfm: RfmSummary): FrequencySpendCorrelation {
  const x: number[] = [];
  const m: number[] = [];
  for (let c = 0; c < rfm.count; c++) {
    if (rfm.x[c]! >= 1 && rfm.meanRepeatValue[c]! > 0) {
      x.push(rfm.x[c]!);
      m.push(rfm.meanRepeatValue[c]!);
    }
  }
  const r = x.length >= 3 ? pearson(x, m) : NaN;
  return { pearson: Number.isFinite(r) ? r : null, customers: x.length };
}

export interface ValueBackTest {
  calibrationEndDay: number;
  holdoutEndDay: number;
  fit: BgNbdFit;
  result: BackTest;
}

/**
 * Calibrate on the purchases up to `calibrationEndDay`, forecast (calibrationEndDay, holdoutEndDay]:
 * BG/NBD is fitted on the customers seen in calibration only. Null with a reason when the
 * calibration window cannot support the model.
 */
export function backTestPurchases(
  purchases: Purchases,
  calibrationEndDay: number,
  holdoutEndDay: number,
  options: { rules?: SufficiencyRules; maxTrackingPoints?: number; bgnbdPenalty?: number } = {},
): { backTest: ValueBackTest; reason: null } | { backTest: null; reason: string } {
  if (!(calibrationEndDay >= 0) || holdoutEndDay <= calibrationEndDay)
    return { backTest: null, reason: 'the history is shorter than the holdout' };
  return backTestFromSummary(backTestSumsOfPurchases(purchases, calibrationEndDay, holdoutEndDay), options);
}

/** What the back-test reads of the purchases: the calibration window's summary and the holdout's actuals. */
export interface BackTestSums {
  calibrationEndDay: number;
  holdoutEndDay: number;
  calibration: RfmSummary;
  holdout: HoldoutCounts;
}

export function backTestSumsOfPurchases(
  purchases: Purchases,
  calibrationEndDay: number,
  holdoutEndDay: number,
): BackTestSums {
  const calibration = summarisePurchases(purchases.start, purchases.day, purchases.value, calibrationEndDay);
  return {
    calibrationEndDay,
    holdoutEndDay,
    calibration,
    holdout: holdoutCounts(purchases.start, purchases.day, calibration, calibrationEndDay, holdoutEndDay),
  };
}

/** The back-test from its sums (backTestSumsOfPurchases, or the contract's SQL). */
export function backTestFromSummary(
  sums: BackTestSums,
  options: { rules?: SufficiencyRules; maxTrackingPoints?: number; bgnbdPenalty?: number } = {},
): { backTest: ValueBackTest; reason: null } | { backTest: null; reason: string } {
  const { calibration: rfm, calibrationEndDay, holdoutEndDay } = sums;
  const verdict = judgeSufficiency(rfm, options.rules);
  if (!verdict.frequency)
    return {
      backTest: null,
      reason: `the calibration window before the holdout cannot support the model: ${verdict.reasons.join('; ')}`,
    };
  const fit = fitBgNbd(groupSeen(rfm).groups, { penalty: options.bgnbdPenalty });
  if (!usableFit(fit)) return { backTest: null, reason: FIT_MESSAGES.backTestNotFitted };
  const result = backTest({
    params: fit.params,
    calibration: rfm,
    holdout: sums.holdout,
    calibrationEndDay,
    holdoutEndDay,
    maxTrackingPoints: options.maxTrackingPoints ?? 110,
  });
  const forecasts = [
    result.predictedTotal,
    ...result.tracking.map((t) => t.predicted),
    ...result.byFrequency.map((b) => b.predicted),
  ];
  if (!forecasts.every((v) => Number.isFinite(v) && v >= 0))
    return { backTest: null, reason: FIT_MESSAGES.backTestNotFinite };
  return { backTest: { calibrationEndDay, holdoutEndDay, fit, result }, reason: null };
}

/** The parts of a transaction log the value model reads. */
export type ValueLog = Pick<
  TransactionLog,
  | 'windowStart'
  | 'windowDays'
  | 'customerOrderStart'
  | 'orderCount'
  | 'orderDay'
  | 'orderGross'
  | 'orderDiscount'
>;

/** A log's orders as purchases: one per order, worth its net amount (gross − discount). */
export function purchasesOfLog(log: ValueLog): Purchases {
  const value = new Float64Array(log.orderCount);
  for (let o = 0; o < log.orderCount; o++) value[o] = log.orderGross[o]! - log.orderDiscount[o]!;
  return { start: log.customerOrderStart, day: log.orderDay, value };
}

/** Day index (from the window start) of the first day of the last `months` calendar months of the window. */
export function holdoutStartDay(
  log: Pick<TransactionLog, 'windowStart' | 'windowDays'>,
  months: number,
): number {
  const start = Date.parse(`${log.windowStart}T00:00:00Z`);
  const end = new Date(start + log.windowDays * 86_400_000);
  const from = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months, end.getUTCDate());
  return Math.round((from - start) / 86_400_000);
}

export interface CustomerValue {
  options: ValueOptions;
  predictions: ValuePredictions;
  backTest: ValueBackTest | null;
  /** Why there is no back-test, when there is none. */
  backTestReason: string | null;
}

/**
 * What the value tables read of the orders: the summary at the window's end, and the back-test's
 * sums, or why the window has no back-test. Made with the options the model is then run with.
 */
export type ValueSums = { rfm: RfmSummary } & (
  { backTest: BackTestSums; backTestReason: null } | { backTest: null; backTestReason: string }
);

/**
 * The back-test's calibration and holdout ends for a window (the last `holdoutMonths` calendar
 * months held out), or why the window cannot have one.
 */
export function backTestWindow(
  frame: Pick<TransactionLog, 'windowStart' | 'windowDays'>,
  options: ValueOptions,
): { calibrationEndDay: number; holdoutEndDay: number } | { reason: string } {
  if (!(options.holdoutMonths > 0)) return { reason: 'no holdout was asked for' };
  const holdoutEndDay = frame.windowDays - 1;
  const calibrationEndDay = holdoutStartDay(frame, options.holdoutMonths) - 1;
  const minWeeks = (options.rules ?? DEFAULT_SUFFICIENCY).minHistoryWeeks;
  const calibrationWeeks = Math.max(0, calibrationEndDay + 1) / DAYS_PER_WEEK;
  if (calibrationWeeks < minWeeks)
    return {
      reason: `the history (${frame.windowDays} days) is too short for a ${options.holdoutMonths}-month holdout: it leaves ${calibrationWeeks.toFixed(1)} weeks to calibrate on, at least ${minWeeks} are needed`,
    };
  if (!(calibrationEndDay >= 0) || holdoutEndDay <= calibrationEndDay)
    return { reason: 'the history is shorter than the holdout' };
  return { calibrationEndDay, holdoutEndDay };
}

/** The value model's sums, from a log in memory (the contract's SQL gives the same: lib/duckdb/table-sums). */
export function valueSumsOfLog(log: ValueLog, options: ValueOptions = DEFAULT_VALUE_OPTIONS): ValueSums {
  // Sums only: nothing here can give up on the data (no RangeError), so customerValueFromSums's
  // guards around the models are the only ones the "never throws" promise needs.
  const purchases = purchasesOfLog(log);
  const rfm = summarisePurchases(purchases.start, purchases.day, purchases.value, log.windowDays - 1);
  const window = backTestWindow(log, options);
  return 'reason' in window
    ? { rfm, backTest: null, backTestReason: window.reason }
    : {
        rfm,
        backTest: backTestSumsOfPurchases(purchases, window.calibrationEndDay, window.holdoutEndDay),
        backTestReason: null,
      };
}

/**
 * Everything the value tables need, from a log: predictions at the end of the window, and the
 * back-test. Never throws: data the models cannot support gets a verdict (or a back-test reason)
 * that says why, and every other table still builds.
 */
export function computeCustomerValue(
  log: ValueLog,
  options: ValueOptions = DEFAULT_VALUE_OPTIONS,
): CustomerValue {
  return customerValueFromSums(valueSumsOfLog(log, options), options);
}

/** The same, from the value model's sums however they were summed. */
export function customerValueFromSums(
  sums: ValueSums,
  options: ValueOptions = DEFAULT_VALUE_OPTIONS,
): CustomerValue {
  let predictions: ValuePredictions;
  // A RangeError is the mathematics giving up on this data (₂F₁ out of reach): a verdict. Anything
  // else is a fault of ours and stops the build, loudly, rather than blaming the data.
  try {
    predictions = predictFromSummary(sums.rfm, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    predictions = withoutModel(
      unpredicted(sums.rfm, judgeSufficiency(sums.rfm, options.rules), options),
      FIT_MESSAGES.failed,
    );
  }
  let bt: ReturnType<typeof backTestFromSummary>;
  if (sums.backTest === null) bt = { backTest: null, reason: sums.backTestReason };
  else {
    try {
      bt = backTestFromSummary(sums.backTest, { rules: options.rules, bgnbdPenalty: options.bgnbdPenalty });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      bt = { backTest: null, reason: FIT_MESSAGES.backTestFailed };
    }
  }
  return { options, predictions, backTest: bt.backTest, backTestReason: bt.reason };
}

/** Every customer's predictions unknown (NaN), before the models are fitted. */
function unpredicted(rfm: RfmSummary, verdict: SufficiencyVerdict, options: ValueOptions): ValuePredictions {
  const nan = () => new Float64Array(rfm.count).fill(NaN);
  return {
    rfm,
    verdict,
    bgnbd: null,
    gammaGamma: null,
    frequencySpend: frequencySpend(rfm),
    pAlive: nan(),
    expectedPurchases: nan(),
    clv: nan(),
    clvP10: nan(),
    clvP90: nan(),
    clvVariance: nan(),
    range: { draws: options.draws, cellDays: options.rangeCellDays, cells: 0, histories: 0 },
  };
}

/** The predictions taken away (purchases and money), the verdict saying why: for data the models cannot serve. */
export function withoutModel(p: ValuePredictions, reason: string): ValuePredictions {
  const nan = () => new Float64Array(p.rfm.count).fill(NaN);
  return {
    ...p,
    verdict: { ...p.verdict, frequency: false, monetary: false, reasons: [...p.verdict.reasons, reason] },
    bgnbd: null,
    gammaGamma: null,
    pAlive: nan(),
    expectedPurchases: nan(),
    clv: nan(),
    clvP10: nan(),
    clvP90: nan(),
    clvVariance: nan(),
  };
}
