/**
 * The value_model table (one document): what the buy-till-you-die models were fitted to and how
 * well they forecast a holdout, and predicted value per persona; plus the per-persona predicted
 * blocks clv_proxy carries. Everything comes from the CustomerValue of lib/value/customer-value
 * (customerValueFromSums).
 */
import type { PredictedDistribution } from '../schema/clv-proxy';
import type { ValueModel, ValueSummaryRow } from '../schema/value-model';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import { binWidth } from '../stats/bins';
import { quantileSorted } from '../stats/quantile';
import { addDays } from '../transactions/transaction-log';
import { withoutModel, type CustomerValue } from '../value/customer-value';
import { FIT_MESSAGES } from '../value/data-sufficiency';
import { quantilesOf, round, roundNum } from './numbers';

/** Customers of each cluster who have a prediction (some P(alive)), in customer order. */
export function predictedMembers(ctx: AnalysisContext, value: CustomerValue): number[][] {
  const members: number[][] = Array.from({ length: ctx.k }, () => []);
  const p = value.predictions;
  for (let c = 0; c < ctx.log.customerCount; c++)
    if (Number.isFinite(p.pAlive[c]!)) members[ctx.clusterOf[c]!]!.push(c);
  return members;
}

const sumOf = (a: Float64Array, idx: number[]) => {
  let s = 0;
  for (const i of idx) s += a[i]!;
  return s;
};

function summaryRow(
  clusterId: number | null,
  persona: string,
  customers: number,
  idx: number[],
  value: CustomerValue,
): ValueSummaryRow {
  const p = value.predictions;
  const frequency = p.verdict.frequency && p.bgnbd !== null;
  const money = frequency && p.gammaGamma !== null;
  const clv = Float64Array.from(idx, (i) => p.clv[i]!).sort();
  const q = (x: number) => (money && clv.length ? roundNum(quantileSorted(clv, x), 0) : null);
  return {
    cluster_id: clusterId,
    persona,
    customers,
    active_customers: frequency ? roundNum(sumOf(p.pAlive, idx), 1) : null,
    expected_purchases: frequency ? roundNum(sumOf(p.expectedPurchases, idx), 1) : null,
    predicted_revenue: money ? roundNum(sumOf(p.clv, idx), 0) : null,
    predicted_clv_mean: money && idx.length ? roundNum(sumOf(p.clv, idx) / idx.length, 0) : null,
    predicted_clv_p10: q(0.1),
    predicted_clv_p50: q(0.5),
    predicted_clv_p90: q(0.9),
    ...revenueInterval(money, sumOf(p.clv, idx), sumOf(p.clvVariance, idx)),
  };
}

/** z of the 10th and 90th percentile of a normal distribution. */
const Z90 = 1.2815515655446004;

/**
 * The 10th–90th percentile of a group's total predicted revenue: customers' futures are independent
 * given the fitted model, so the total's variance is the sum of theirs and, over hundreds of
 * customers, the total is close to normal. Uncertainty in the fitted parameters is not included.
 */
export function revenueInterval(
  money: boolean,
  total: number,
  variance: number,
): { predicted_revenue_p10: number | null; predicted_revenue_p90: number | null } {
  if (!money || !Number.isFinite(total) || !Number.isFinite(variance)) {
    return { predicted_revenue_p10: null, predicted_revenue_p90: null };
  }
  const sd = Math.sqrt(Math.max(0, variance));
  return {
    predicted_revenue_p10: roundNum(Math.max(0, total - Z90 * sd), 0),
    predicted_revenue_p90: roundNum(total + Z90 * sd, 0),
  };
}

/** Predicted-CLV histogram edges over all customers with a prediction; null without predictions. */
export function predictedBinEdges(value: CustomerValue): number[] | null {
  const p = value.predictions;
  if (p.gammaGamma === null) return null;
  const clv = p.clv.filter(Number.isFinite).sort();
  if (clv.length === 0) return null;
  // About 20 bins up to the 99th-percentile customer.
  const width = binWidth(quantileSorted(clv, 0.99), 20);
  return Array.from({ length: 21 }, (_, i) => roundNum(i * width, 2));
}

/** The predicted block of one clv_proxy distribution (the last bin is open on the right). */
export function predictedDistribution(
  idx: number[],
  value: CustomerValue,
  edges: number[] | null,
): PredictedDistribution | null {
  const p = value.predictions;
  if (edges === null || p.gammaGamma === null) return null;
  const bins = edges.length - 1;
  const width = edges[1]! - edges[0]!;
  const counts = new Array<number>(bins).fill(0);
  for (const i of idx) counts[Math.min(bins - 1, Math.floor(p.clv[i]! / width))]!++;
  return {
    customers: idx.length,
    counts,
    quantiles: quantilesOf(
      Float64Array.from(idx, (i) => p.clv[i]!),
      0,
    ),
    expected_purchases: roundNum(sumOf(p.expectedPurchases, idx), 1),
    predicted_clv: roundNum(sumOf(p.clv, idx), 0),
    active_customers: roundNum(sumOf(p.pAlive, idx), 1),
  };
}

const nullable = (v: number, decimals: number) => (Number.isFinite(v) ? round(v, decimals) : null);

/**
 * A positive parameter to 4 decimals, or to 4 significant digits below 10⁻⁴ (a fit in the
 * no-dropout corner can have a ~ 10⁻⁹, which 4 decimals would turn into an invalid 0).
 */
export function roundPositive(v: number): number {
  return v >= 1e-4 ? roundNum(v, 4) : Number(v.toPrecision(4));
}

/** Every number the back-test block is made of is finite (else it is left out, with the reason). */
function finiteBackTest(bt: NonNullable<CustomerValue['backTest']>): boolean {
  const r = bt.result;
  return [
    r.holdoutWeeks,
    r.predictedTotal,
    r.actualTotal,
    bt.fit.logLikelihood,
    ...Object.values(bt.fit.params),
    ...Object.values(bt.fit.dropout.params),
    ...r.tracking.flatMap((t) => [t.actual, t.predicted]),
    ...r.byFrequency.flatMap((b) => [b.actual, b.predicted]),
  ].every(Number.isFinite);
}

/** Whether every number in a document is finite. */
function allFinite(doc: unknown): boolean {
  if (typeof doc === 'number') return Number.isFinite(doc);
  if (Array.isArray(doc)) return doc.every(allFinite);
  if (doc !== null && typeof doc === 'object') return Object.values(doc).every(allFinite);
  return true;
}

/**
 * The value_model document, with no NaN or ±Infinity whatever the models give: a back-test with
 * anything but finite numbers is left out with its reason, and should any other number fail to be
 * finite (none is expected: customerValueFromSums guarantees its predictions), the document is
 * built as for data that cannot support the model, the verdict saying so, rather than stopping
 * the build.
 */
export function buildValueModel(ctx: AnalysisContext, value: CustomerValue): ValueModel {
  let v = value;
  if (v.backTest && !finiteBackTest(v.backTest))
    v = { ...v, backTest: null, backTestReason: FIT_MESSAGES.backTestNotFinite };
  const doc = valueModelDocument(ctx, v);
  return allFinite(doc) ? doc : valueModelDocument(ctx, withoutAnyModel(v));
}

/** The value without any prediction or back-test, the verdict saying the model could not be computed. */
function withoutAnyModel(value: CustomerValue): CustomerValue {
  return {
    ...value,
    predictions: withoutModel(value.predictions, FIT_MESSAGES.failed),
    backTest: null,
    backTestReason: FIT_MESSAGES.backTestFailed,
  };
}

function valueModelDocument(ctx: AnalysisContext, value: CustomerValue): ValueModel {
  const { log } = ctx;
  const p = value.predictions;
  const v = p.verdict;
  const members = predictedMembers(ctx, value);
  const all = members.flat().sort((a, b) => a - b);
  const clusterSizes = new Array<number>(ctx.k).fill(0);
  for (let c = 0; c < log.customerCount; c++) clusterSizes[ctx.clusterOf[c]!]!++;
  const bt = value.backTest;
  const dayDate = (d: number) => addDays(log.windowStart, d);
  // In the no-dropout limit the predictions use a = 0 (p ≡ 0); a and b are then the penalised
  // BG/NBD fit's, whose a/(a + b) says how little dropout there is (see BgNbdParamsSchema).
  const params = (fit: NonNullable<typeof p.bgnbd>) => ({
    r: roundPositive(fit.params.r),
    alpha: roundPositive(fit.params.alpha),
    a: roundPositive(fit.dropout.params.a),
    b: roundPositive(fit.dropout.params.b),
    log_likelihood: roundNum(fit.logLikelihood, 2),
    converged: fit.converged,
    model: fit.model,
    penalty: fit.penalty,
  });
  return {
    table: 'value_model',
    currency: ctx.currency,
    horizon_months: value.options.horizonMonths,
    monthly_discount: value.options.monthlyDiscount,
    window_start: log.windowStart,
    window_end: dayDate(log.windowDays - 1),
    sufficiency: {
      frequency: v.frequency,
      monetary: v.monetary,
      reasons: v.reasons,
      notes: v.notes,
      customers: v.customers,
      repeat_customers: v.repeatCustomers,
      positive_repeat_customers: v.positiveRepeatCustomers,
      history_weeks: roundNum(v.historyWeeks, 1),
    },
    bgnbd: p.bgnbd ? params(p.bgnbd) : null,
    gamma_gamma: p.gammaGamma
      ? {
          p: roundNum(p.gammaGamma.params.p, 4),
          q: roundNum(p.gammaGamma.params.q, 4),
          gamma: roundNum(p.gammaGamma.params.gamma, 4),
          log_likelihood: roundNum(p.gammaGamma.logLikelihood, 2),
          converged: p.gammaGamma.converged,
          customers: p.gammaGamma.customers,
        }
      : null,
    frequency_spend_correlation: {
      pearson: p.frequencySpend.pearson === null ? null : roundNum(p.frequencySpend.pearson, 3),
      customers: p.frequencySpend.customers,
    },
    range: {
      method:
        'p10 and p90 of simulated discounted value: futures simulated while alive per cell (x, positive mean spend, T in cell_days-day buckets), mixed with each customer’s P(alive) and scaled to their mean spend and T',
      draws: p.range.draws,
      cell_days: p.range.cellDays,
      cells: p.range.cells,
      seed: value.options.seed,
    },
    back_test: bt
      ? {
          holdout_months: value.options.holdoutMonths,
          calibration_start: log.windowStart,
          calibration_end: dayDate(bt.calibrationEndDay),
          holdout_start: dayDate(bt.calibrationEndDay + 1),
          holdout_end: dayDate(bt.holdoutEndDay),
          holdout_weeks: roundNum(bt.result.holdoutWeeks, 2),
          customers: bt.result.customers,
          params: params(bt.fit),
          predicted_total: roundNum(bt.result.predictedTotal, 1),
          actual_total: bt.result.actualTotal,
          tracking: bt.result.tracking.map((t) => ({
            week: t.week,
            actual: t.actual,
            predicted: roundNum(t.predicted, 1),
          })),
          by_frequency: bt.result.byFrequency.map((b) => ({
            x: b.x,
            customers: b.customers,
            actual: roundNum(b.actual, 3),
            predicted: roundNum(b.predicted, 3),
          })),
          auc: nullable(bt.result.auc, 4),
          spearman: nullable(bt.result.spearman, 4),
        }
      : null,
    back_test_reason: bt ? null : value.backTestReason,
    personas: members.map((idx, cl) => summaryRow(cl, personaOf(ctx, cl), clusterSizes[cl]!, idx, value)),
    total: summaryRow(null, 'All customers', log.customerCount, all, value),
  };
}
