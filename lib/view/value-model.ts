/**
 * Data shaping for the "Predicted customer value" section of the Methodology page: pure functions
 * from value_model.json and the committed CDNOW benchmark to the sentences, tables and chart
 * layouts the section draws. Layouts are in the chart kit's percent space (0–100 of the plotting
 * area), so the components only draw. No React, no file system.
 */
import { rangeTicks, zeroAxis } from '@/lib/charts/ticks';
import type { CdnowBenchmark } from '@/lib/data/load-benchmark';
import { formatCount, formatPct } from '@/lib/format/format';
import type { TableData, TableRow } from '@/lib/format/table-data';
import type { ValueModel } from '@/lib/schema/value-model';
import { line } from 'd3-shape';

export type BackTest = NonNullable<ValueModel['back_test']>;

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Relative error of a prediction, in %: (predicted / actual − 1) × 100; null when actual is 0. */
export function pctError(predicted: number, actual: number): number | null {
  return actual > 0 ? (predicted / actual - 1) * 100 : null;
}

function signedPct(v: number | null, decimals = 1): string {
  if (v === null) return '—';
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatPct(Math.abs(v), decimals)}`;
}

/* ------------------------------------------------------------------------------------------------ */
/* Verdict and assumptions                                                                           */
/* ------------------------------------------------------------------------------------------------ */

export type VerdictLevel = 'full' | 'frequency-only' | 'fallback';

export interface Verdict {
  level: VerdictLevel;
  /** One headline sentence, then details. */
  sentences: string[];
  reasons: string[];
}

/** What this build's data supports, in sentences a brand strategist can read. */
export function verdictSentences(vm: ValueModel): Verdict {
  const s = vm.sufficiency;
  const history = `${formatCount(s.customers)} customers, ${formatCount(s.repeat_customers)} of them bought more than once, over ${formatCount(s.history_weeks, 1)} weeks of history`;
  const sentences: string[] = [];
  let level: VerdictLevel;
  if (!s.frequency || !vm.bgnbd) {
    level = 'fallback';
    sentences.push(
      'This build does not have enough purchase history to fit the models: P(alive), expected purchases and predicted CLV are not shown, and the pages fall back to the CLV proxy (the 12-month value extrapolated from the customer’s own recent spend).',
      `The data has ${history}.`,
    );
  } else if (!s.monetary || !vm.gamma_gamma) {
    level = 'frequency-only';
    sentences.push(
      'This build supports the purchase model (BG/NBD) but not the spend model (Gamma-Gamma): P(alive) and expected purchases are given, and money figures fall back to the CLV proxy.',
      `The data has ${history}; ${formatCount(s.positive_repeat_customers)} repeat customers with positive spend.`,
    );
  } else {
    level = 'full';
    sentences.push(
      'This build has enough history for both models: P(alive), expected purchases and predicted CLV with its range are given for every customer.',
      `The data has ${history}; Gamma-Gamma is fitted on the ${formatCount(vm.gamma_gamma.customers)} repeat customers with positive spend.`,
    );
  }
  const unconverged = [
    vm.bgnbd && !vm.bgnbd.converged ? 'BG/NBD' : null,
    vm.gamma_gamma && !vm.gamma_gamma.converged ? 'Gamma-Gamma' : null,
  ].filter((x): x is string => x !== null);
  if (unconverged.length > 0) {
    sentences.push(
      `The ${unconverged.join(' and ')} fit stopped before the optimiser’s convergence test was met: read its parameters as approximate.`,
    );
  }
  // What the fit found about the data, such as no dropout at all (the no-dropout limit is used then).
  sentences.push(...(s.notes ?? []));
  return { level, sentences, reasons: [...s.reasons] };
}

export type CorrelationStrength = 'negligible' | 'small' | 'moderate' | 'strong' | 'unknown';

/** The Gamma-Gamma independence check in words: |r| < 0.1 negligible, < 0.3 small, < 0.5 moderate. */
export function correlationSentence(fsc: ValueModel['frequency_spend_correlation']): {
  strength: CorrelationStrength;
  text: string;
} {
  const r = fsc.pearson;
  if (r === null) {
    return {
      strength: 'unknown',
      text: 'The correlation of purchase frequency and spend per order could not be measured (too few repeat customers).',
    };
  }
  const abs = Math.abs(r);
  const strength: CorrelationStrength =
    abs < 0.1 ? 'negligible' : abs < 0.3 ? 'small' : abs < 0.5 ? 'moderate' : 'strong';
  const measured = `Measured on the ${formatCount(fsc.customers)} repeat customers, the Pearson correlation of repeat purchases and mean repeat spend is ${formatSigned(r, 3)}`;
  const verdict =
    strength === 'negligible' || strength === 'small'
      ? `: ${strength}, so the assumption is reasonable for this data.`
      : `: ${strength}, so the assumption is doubtful here and predicted CLV should be read with care (frequent buyers’ spend is not independent of how often they buy).`;
  return { strength, text: measured + verdict };
}

/** A number with a true minus sign, e.g. −0.115. */
export function formatSigned(v: number, decimals: number): string {
  const text = formatCount(Math.abs(v), decimals);
  return v < 0 ? `−${text}` : text;
}

/* ------------------------------------------------------------------------------------------------ */
/* Fitted parameters                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

/** This build's fitted parameters with what each means; empty rows when a model was not fitted. */
export function parameterTable(vm: ValueModel): TableData {
  const rows: TableRow[] = [];
  const bg = vm.bgnbd;
  if (bg) {
    const meanRate = bg.r / bg.alpha;
    const dropout = bg.a / (bg.a + bg.b);
    // No dropout seen: r and α are the no-dropout (NBD) model's, a and b only show how far the
    // BG/NBD fit ran towards it.
    const nbd = bg.model === 'nbd';
    rows.push(
      { param: 'r', model: 'BG/NBD', value: bg.r, meaning: 'Shape of purchase rates across customers' },
      {
        param: 'α',
        model: 'BG/NBD',
        value: bg.alpha,
        meaning: `Scale of purchase rates: the average customer buys r/α = ${formatCount(meanRate, 3)} times a week while active`,
      },
      {
        param: 'a',
        model: 'BG/NBD',
        value: bg.a,
        meaning: nbd
          ? 'Dropout, first shape: the fit ran to no dropout, so the no-dropout (NBD) model is used'
          : 'Dropout: first shape of the chance to stop after a purchase',
      },
      {
        param: 'b',
        model: 'BG/NBD',
        value: bg.b,
        meaning: nbd
          ? 'Dropout, second shape: every customer counts as still active (P(alive) = 1)'
          : `Dropout: second shape; the average chance to stop after a purchase is a/(a+b) = ${formatPct(100 * dropout, 1)}`,
      },
      {
        param: 'log-likelihood',
        model: 'BG/NBD',
        value: bg.log_likelihood,
        meaning: bg.converged ? 'Fit quality (converged)' : 'Fit quality (did not converge)',
      },
    );
  }
  const gg = vm.gamma_gamma;
  if (gg) {
    const meanSpend = gg.q > 1 ? (gg.p * gg.gamma) / (gg.q - 1) : null;
    rows.push(
      {
        param: 'p',
        model: 'Gamma-Gamma',
        value: gg.p,
        meaning: 'Shape of one customer’s spend from order to order',
      },
      { param: 'q', model: 'Gamma-Gamma', value: gg.q, meaning: 'Shape of average spend across customers' },
      {
        param: 'γ',
        model: 'Gamma-Gamma',
        value: gg.gamma,
        meaning:
          meanSpend === null
            ? 'Scale of average spend across customers'
            : `Scale of average spend; the population’s mean spend per order is pγ/(q−1) = ${formatCount(meanSpend, 0)} ${vm.currency}`,
      },
      {
        param: 'log-likelihood',
        model: 'Gamma-Gamma',
        value: gg.log_likelihood,
        meaning: `Fit quality on ${formatCount(gg.customers)} repeat customers (${gg.converged ? 'converged' : 'did not converge'})`,
      },
    );
  }
  return {
    columns: [
      { key: 'param', label: 'Parameter', format: 'text' },
      { key: 'value', label: 'Value', format: 'number' },
      { key: 'model', label: 'Model', format: 'text' },
      { key: 'meaning', label: 'What it says', format: 'text' },
    ],
    // Parameters to 4 decimals, log-likelihoods to 1, as printed (the table has no chart or CSV).
    rows: rows.map((r) => {
      const v = Number(r.value);
      return { ...r, value: formatSigned(v, String(r.param) === 'log-likelihood' ? 1 : 4) };
    }),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Back-test                                                                                         */
/* ------------------------------------------------------------------------------------------------ */

export interface BackTestKpi {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export function backTestKpis(bt: BackTest): BackTestKpi[] {
  const err = pctError(bt.predicted_total, bt.actual_total);
  return [
    {
      id: 'kpi-value-auc',
      label: 'AUC',
      value: bt.auc === null ? '—' : formatCount(bt.auc, 3),
      hint: 'Ranks who buys again in the holdout; 0.5 is chance, 1 perfect',
    },
    {
      id: 'kpi-value-spearman',
      label: 'Spearman rank correlation',
      value: bt.spearman === null ? '—' : formatSigned(bt.spearman, 3),
      hint: 'Predicted vs actual holdout purchases, by rank',
    },
    {
      id: 'kpi-value-predicted',
      label: 'Holdout purchases, predicted',
      value: formatCount(bt.predicted_total, 0),
      hint: `${signedPct(err)} vs actual`,
    },
    {
      id: 'kpi-value-actual',
      label: 'Holdout purchases, actual',
      value: formatCount(bt.actual_total, 0),
      hint: `Repeat purchases by ${formatCount(bt.customers)} customers in ${formatCount(bt.holdout_weeks, 1)} weeks`,
    },
  ];
}

export interface TrackingModel {
  points: Array<{ week: number; actual: number; predicted: number; holdout: boolean }>;
  /** Calibration/holdout split in weeks from the start of the data (may be fractional). */
  splitWeek: number;
  lastWeek: number;
  holdoutPredicted: number;
  holdoutActual: number;
  holdoutError: number | null;
  takeaway: string;
  summary: string;
  table: TableData;
}

/** Cumulative repeat purchases, actual against predicted, with the calibration/holdout split. */
export function trackingModel(bt: BackTest): TrackingModel {
  const splitWeek = (daysBetween(bt.calibration_start, bt.calibration_end) + 1) / 7;
  const points = [...bt.tracking]
    .sort((a, b) => a.week - b.week)
    .map((t) => ({ week: t.week, actual: t.actual, predicted: t.predicted, holdout: t.week > splitWeek }));
  const last = points[points.length - 1];
  const lastWeek = last?.week ?? 0;
  const holdoutError = pctError(bt.predicted_total, bt.actual_total);
  const endErr = last ? pctError(last.predicted, last.actual) : null;
  const direction =
    holdoutError === null
      ? ''
      : Math.abs(holdoutError) < 0.05
        ? 'exactly'
        : holdoutError > 0
          ? `over by ${formatPct(holdoutError, 1)}`
          : `under by ${formatPct(-holdoutError, 1)}`;
  const takeaway =
    holdoutError === null
      ? `No repeat purchases came in the holdout; the model expected ${formatCount(bt.predicted_total, 0)}.`
      : `In the ${formatCount(bt.holdout_weeks, 0)}-week holdout the model, fitted on the calibration weeks only, expected ${formatCount(bt.predicted_total, 0)} repeat purchases against ${formatCount(bt.actual_total, 0)} that came (${direction}).`;
  const summary = last
    ? `Cumulative repeat purchases by week, 1 to ${lastWeek}; calibration ends at week ${formatCount(splitWeek, 1)}. At week ${lastWeek}: actual ${formatCount(last.actual, 0)}, predicted ${formatCount(last.predicted, 0)} (${signedPct(endErr)}).`
    : 'No tracking data.';
  return {
    points,
    splitWeek,
    lastWeek,
    holdoutPredicted: bt.predicted_total,
    holdoutActual: bt.actual_total,
    holdoutError,
    takeaway,
    summary,
    table: {
      columns: [
        { key: 'week', label: 'Week', format: 'count' },
        { key: 'period', label: 'Period', format: 'text' },
        { key: 'actual', label: 'Actual, cumulative', format: 'count' },
        { key: 'predicted', label: 'Predicted, cumulative', format: 'number', decimals: 1 },
      ],
      rows: points.map((p) => ({
        week: p.week,
        period: p.holdout ? 'holdout' : 'calibration',
        actual: p.actual,
        predicted: p.predicted,
      })),
    },
  };
}

export interface FrequencyModel {
  buckets: Array<{ x: string; customers: number; actual: number; predicted: number; error: number | null }>;
  takeaway: string;
  summary: string;
  table: TableData;
}

/** Mean holdout purchases by calibration repeat purchases (0 … 7+), actual against predicted. */
export function frequencyModel(bt: BackTest): FrequencyModel {
  const buckets = bt.by_frequency.map((b) => ({
    x: b.x,
    customers: b.customers,
    actual: b.actual,
    predicted: b.predicted,
    error: pctError(b.predicted, b.actual),
  }));
  const withError = buckets.filter((b) => b.error !== null && b.customers > 0);
  const worst = withError.reduce<(typeof buckets)[number] | null>(
    (w, b) => (w === null || Math.abs(b.error!) > Math.abs(w.error!) ? b : w),
    null,
  );
  const first = buckets[0];
  const lastB = buckets[buckets.length - 1];
  const rising = first && lastB && lastB.actual > first.actual && lastB.predicted > first.predicted;
  const takeaway =
    buckets.length === 0
      ? 'No frequency buckets.'
      : `${rising ? 'Mean holdout purchases rise with calibration repeat purchases, actual and predicted alike. ' : ''}${
          worst
            ? `Largest gap: customers with ${worst.x} calibration repeat purchases (${formatCount(worst.customers)}), predicted ${formatCount(worst.predicted, 2)} against ${formatCount(worst.actual, 2)} actual (${signedPct(worst.error)}).`
            : ''
        }`.trim();
  const summary = buckets
    .map(
      (b) => `${b.x} repeats: actual ${formatCount(b.actual, 2)}, predicted ${formatCount(b.predicted, 2)}`,
    )
    .join('; ');
  return {
    buckets,
    takeaway,
    summary,
    table: {
      columns: [
        { key: 'x', label: 'Calibration repeat purchases', format: 'text' },
        { key: 'customers', label: 'Customers', format: 'count' },
        { key: 'actual', label: 'Holdout purchases, actual mean', format: 'number', decimals: 2 },
        { key: 'predicted', label: 'Predicted mean', format: 'number', decimals: 2 },
        { key: 'error', label: 'Error', format: 'pct', decimals: 1 },
      ],
      rows: buckets.map((b) => ({ ...b })),
    },
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Chart layouts                                                                                     */
/* ------------------------------------------------------------------------------------------------ */

/** A tick: its value, its position along the axis (0–100) and its label. */
export interface LayoutTick {
  value: number;
  at: number;
  label: string;
}

/**
 * The tracking chart in percent space: paths for a 0–100 viewBox (y from the top), ticks at their
 * 0–100 position along the axis, the split as an x position 0–100.
 */
export interface TrackingLayout {
  xTicks: LayoutTick[];
  yTicks: LayoutTick[];
  actualPath: string;
  predictedPath: string;
  split: { x: number; label: string };
}

export function layoutTracking(model: TrackingModel): TrackingLayout {
  const maxWeek = Math.max(model.lastWeek, model.splitWeek, 1);
  const x = (w: number) => (w / maxWeek) * 100;
  const top = Math.max(0, ...model.points.flatMap((p) => [p.actual, p.predicted]));
  const ys = zeroAxis(top, 5);
  const up = (v: number) => (v / ys.max) * 100;
  const path = (key: 'actual' | 'predicted') =>
    line<TrackingModel['points'][number]>()
      .x((p) => x(p.week))
      .y((p) => 100 - up(p[key]))(model.points) ?? '';
  return {
    xTicks: rangeTicks(0, maxWeek, 8).map((v) => ({ value: v, at: x(v), label: formatCount(v) })),
    yTicks: ys.ticks.map((v) => ({ value: v, at: up(v), label: formatCount(v) })),
    actualPath: path('actual'),
    predictedPath: path('predicted'),
    split: { x: x(model.splitWeek), label: 'holdout →' },
  };
}

/** A bar in percent space: left edge and width along x, height from the baseline (all 0–100). */
export interface LayoutBar {
  x: number;
  width: number;
  height: number;
  value: number;
}

export interface FrequencyLayout {
  yTicks: LayoutTick[];
  groups: Array<{ x: string; centre: number; actual: LayoutBar; predicted: LayoutBar }>;
}

/** Paired bars per frequency bucket: actual (left) and predicted (right), in percent space. */
export function layoutFrequency(model: FrequencyModel): FrequencyLayout {
  const n = Math.max(1, model.buckets.length);
  const band = 100 / n;
  const barW = band * 0.36;
  const gap = band * 0.01;
  const top = Math.max(0, ...model.buckets.flatMap((b) => [b.actual, b.predicted]));
  const ys = zeroAxis(top, 4);
  const up = (v: number) => (Math.max(0, v) / ys.max) * 100;
  const bar = (left: number, value: number): LayoutBar => ({
    x: left,
    width: barW,
    height: up(value),
    value,
  });
  return {
    yTicks: ys.ticks.map((v) => ({
      value: v,
      at: up(v),
      label: formatCount(v, Number.isInteger(v) ? 0 : 1),
    })),
    groups: model.buckets.map((b, i) => {
      const centre = band * (i + 0.5);
      return {
        x: b.x,
        centre,
        actual: bar(centre - barW - gap, b.actual),
        predicted: bar(centre + gap, b.predicted),
      };
    }),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* CDNOW benchmark                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

/** Published estimates on the CDNOW sample (see CDNOW_REFERENCES). */
export const CDNOW_PUBLISHED = {
  r: 0.243,
  alpha: 4.414,
  a: 0.793,
  b: 2.426,
  logLikelihood: -9582.4,
  p: 6.25,
  q: 3.74,
  gamma: 15.44,
} as const;

export const CDNOW_REFERENCES = [
  {
    id: 'fhl-2005-bgnbd',
    text: 'Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). “Counting Your Customers” the Easy Way: An Alternative to the Pareto/NBD Model. Marketing Science, 24(2), 275–284.',
    for: 'BG/NBD: r, α, a, b, log-likelihood',
  },
  {
    id: 'fhl-2005-isovalue',
    text: 'Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: Using Iso-Value Curves for Customer Base Analysis. Journal of Marketing Research, 42(4), 415–430.',
    for: 'Gamma-Gamma: p, q, γ',
  },
  {
    id: 'fh-2013-gg',
    text: 'Fader, P. S. & Hardie, B. G. S. (2013). The Gamma-Gamma Model of Monetary Value. Note.',
    for: 'Gamma-Gamma: p, q, γ',
  },
] as const;

export interface BenchmarkRow {
  parameter: string;
  model: 'BG/NBD' | 'Gamma-Gamma';
  published: number;
  ours: number;
  difference: number;
  /** Difference relative to the published value, in %. */
  relative: number;
  decimals: number;
}

/** Our CDNOW estimates against the published ones; differences are ours − published. */
export function benchmarkRows(ours: CdnowBenchmark): BenchmarkRow[] {
  const P = CDNOW_PUBLISHED;
  const spec: Array<[string, BenchmarkRow['model'], number, number, number]> = [
    ['r', 'BG/NBD', P.r, ours.bgnbd.r, 3],
    ['α', 'BG/NBD', P.alpha, ours.bgnbd.alpha, 3],
    ['a', 'BG/NBD', P.a, ours.bgnbd.a, 3],
    ['b', 'BG/NBD', P.b, ours.bgnbd.b, 3],
    ['log-likelihood', 'BG/NBD', P.logLikelihood, ours.bgnbd.logLikelihood, 1],
    ['p', 'Gamma-Gamma', P.p, ours.gammaGamma.p, 2],
    ['q', 'Gamma-Gamma', P.q, ours.gammaGamma.q, 2],
    ['γ', 'Gamma-Gamma', P.gamma, ours.gammaGamma.gamma, 2],
  ];
  return spec.map(([parameter, model, published, value, decimals]) => ({
    parameter,
    model,
    published,
    ours: value,
    difference: value - published,
    relative: published !== 0 ? (100 * (value - published)) / Math.abs(published) : 0,
    decimals,
  }));
}

/** The benchmark as a table, each value at its published precision (ours rounded the same way). */
export function benchmarkTable(rows: BenchmarkRow[]): TableData {
  const fmt = (v: number, d: number) => formatSigned(v, d);
  return {
    columns: [
      { key: 'parameter', label: 'Parameter', format: 'text' },
      { key: 'published', label: 'Published', format: 'number' },
      { key: 'ours', label: 'Ours', format: 'number' },
      { key: 'difference', label: 'Difference', format: 'number' },
      { key: 'model', label: 'Model', format: 'text' },
    ],
    rows: rows.map((r) => {
      const rounded = (v: number) => Number(v.toFixed(r.decimals));
      const diff = rounded(r.ours) - rounded(r.published);
      const same = Math.abs(diff) < 0.5 * 10 ** -r.decimals;
      return {
        parameter: r.parameter,
        model: r.model,
        published: fmt(r.published, r.decimals),
        ours: fmt(r.ours, r.decimals),
        difference: same ? '0' : `${diff > 0 ? '+' : ''}${fmt(diff, r.decimals)}`,
      };
    }),
  };
}

/** The largest relative gap, in words, for the benchmark's lead sentence. */
export function benchmarkTakeaway(rows: BenchmarkRow[]): string {
  if (rows.length === 0) return '';
  const worst = rows.reduce((w, r) => (Math.abs(r.relative) > Math.abs(w.relative) ? r : w));
  const agree = rows.every((r) => Math.abs(r.difference) < 0.5 * 10 ** -r.decimals);
  return agree
    ? `All ${rows.length} estimates match the published values at the precision they were published to (largest relative gap ${formatPct(Math.abs(worst.relative), 2)}, ${worst.parameter}).`
    : `Largest gap: ${worst.parameter} (${worst.model}), ours ${formatSigned(worst.ours, worst.decimals)} against ${formatSigned(worst.published, worst.decimals)} published (${signedPct(worst.relative, 2)}).`;
}

/** The CDNOW holdout back-test (no published counterpart) as table rows; null when absent. */
export function cdnowBackTestTable(ours: CdnowBenchmark): TableData | null {
  const bt = ours.backTest;
  if (!bt) return null;
  const err = pctError(bt.predictedTotal, bt.actualTotal);
  return {
    columns: [
      { key: 'measure', label: 'Measure', format: 'text' },
      { key: 'value', label: 'Ours', format: 'text' },
    ],
    rows: [
      { measure: 'Customers', value: formatCount(bt.customers) },
      { measure: 'Holdout weeks', value: formatCount(bt.holdoutWeeks, 0) },
      { measure: 'Holdout repeat purchases, predicted', value: formatCount(bt.predictedTotal, 0) },
      { measure: 'Holdout repeat purchases, actual', value: formatCount(bt.actualTotal, 0) },
      { measure: 'Error', value: signedPct(err) },
      { measure: 'AUC', value: bt.auc === null ? '—' : formatCount(bt.auc, 3) },
      {
        measure: 'Spearman rank correlation',
        value: bt.spearman === null ? '—' : formatSigned(bt.spearman, 3),
      },
    ],
  };
}
