import type { CdnowBenchmark } from '@/lib/data/load-benchmark';
import { ValueModelSchema, type ValueModel } from '@/lib/schema/value-model';
import { describe, expect, it } from 'vitest';
import {
  backTestKpis,
  benchmarkRows,
  benchmarkTable,
  benchmarkTakeaway,
  cdnowBackTestTable,
  correlationSentence,
  daysBetween,
  frequencyModel,
  layoutFrequency,
  layoutTracking,
  parameterTable,
  pctError,
  trackingModel,
  verdictSentences,
  type BackTest,
} from './value-model';

const summary = (persona: string) => ({
  cluster_id: null,
  persona,
  customers: 3,
  active_customers: null,
  expected_purchases: null,
  predicted_revenue: null,
  predicted_clv_mean: null,
  predicted_clv_p10: null,
  predicted_clv_p50: null,
  predicted_clv_p90: null,
  predicted_revenue_p10: null,
  predicted_revenue_p90: null,
});

// Calibration 2025-01-01 … 2025-01-14 (14 days = 2 weeks), holdout 2 weeks.
const BT: BackTest = {
  holdout_months: 1,
  calibration_start: '2025-01-01',
  calibration_end: '2025-01-14',
  holdout_start: '2025-01-15',
  holdout_end: '2025-01-28',
  holdout_weeks: 2,
  customers: 4,
  params: { r: 1, alpha: 2, a: 1, b: 3, log_likelihood: -10, converged: true },
  predicted_total: 11,
  actual_total: 10,
  tracking: [
    { week: 3, actual: 8, predicted: 9 },
    { week: 1, actual: 2, predicted: 1.5 },
    { week: 2, actual: 4, predicted: 4 },
    { week: 4, actual: 14, predicted: 15 },
  ],
  by_frequency: [
    { x: '0', customers: 2, actual: 0.5, predicted: 0.4 },
    { x: '1', customers: 1, actual: 1, predicted: 1.5 },
    { x: '2+', customers: 1, actual: 3, predicted: 3.3 },
  ],
  auc: 0.75,
  spearman: -0.2,
};

const VM: ValueModel = ValueModelSchema.parse({
  table: 'value_model',
  currency: 'INR',
  horizon_months: 12,
  monthly_discount: 0.01,
  window_start: '2025-01-01',
  window_end: '2025-01-28',
  sufficiency: {
    frequency: true,
    monetary: true,
    reasons: [],
    customers: 400,
    repeat_customers: 120,
    positive_repeat_customers: 110,
    history_weeks: 30,
  },
  bgnbd: { r: 0.5, alpha: 5, a: 1, b: 3, log_likelihood: -100, converged: true },
  gamma_gamma: { p: 4, q: 3, gamma: 50, log_likelihood: -80, converged: true, customers: 110 },
  frequency_spend_correlation: { pearson: -0.115, customers: 110 },
  range: { method: 'simulated', draws: 200, cell_days: 7, cells: 10, seed: 42 },
  back_test: BT,
  back_test_reason: null,
  personas: [],
  total: summary('All customers'),
});

describe('helpers', () => {
  it('counts days between ISO dates and relative error', () => {
    expect(daysBetween('2025-01-01', '2025-01-14')).toBe(13);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(pctError(11, 10)).toBeCloseTo(10, 10);
    expect(pctError(9, 10)).toBeCloseTo(-10, 10);
    expect(pctError(3, 0)).toBeNull();
  });
});

describe('verdictSentences', () => {
  it('says both models are fitted when the data is sufficient', () => {
    const v = verdictSentences(VM);
    expect(v.level).toBe('full');
    expect(v.reasons).toEqual([]);
    expect(v.sentences.join(' ')).toContain('both models');
    expect(v.sentences.join(' ')).toContain('400 customers, 120 of them bought more than once');
  });

  it('falls back to the CLV proxy with the reasons when BG/NBD is null', () => {
    const vm = {
      ...VM,
      sufficiency: {
        ...VM.sufficiency,
        frequency: false,
        monetary: false,
        reasons: ['12 customers; at least 200 are needed'],
      },
      bgnbd: null,
      gamma_gamma: null,
    };
    const v = verdictSentences(vm);
    expect(v.level).toBe('fallback');
    expect(v.sentences[0]).toContain('fall back to the CLV proxy');
    expect(v.reasons).toEqual(['12 customers; at least 200 are needed']);
    expect(parameterTable(vm).rows).toEqual([]);
  });

  it('distinguishes a missing spend model and flags an unconverged fit', () => {
    const vm = {
      ...VM,
      sufficiency: { ...VM.sufficiency, monetary: false },
      bgnbd: { ...VM.bgnbd!, converged: false },
      gamma_gamma: null,
    };
    const v = verdictSentences(vm);
    expect(v.level).toBe('frequency-only');
    expect(v.sentences[0]).toContain('not the spend model');
    expect(v.sentences.at(-1)).toContain('The BG/NBD fit stopped');
  });
});

describe('correlationSentence', () => {
  it('grades |r| and says whether the independence assumption holds', () => {
    const small = correlationSentence({ pearson: -0.115, customers: 110 });
    expect(small.strength).toBe('small');
    expect(small.text).toContain('−0.115');
    expect(small.text).toContain('reasonable');
    expect(correlationSentence({ pearson: 0.05, customers: 9 }).strength).toBe('negligible');
    const strong = correlationSentence({ pearson: 0.62, customers: 9 });
    expect(strong.strength).toBe('strong');
    expect(strong.text).toContain('doubtful');
    expect(correlationSentence({ pearson: null, customers: 0 }).strength).toBe('unknown');
  });
});

describe('parameterTable', () => {
  it('lists BG/NBD then Gamma-Gamma parameters with derived means', () => {
    const t = parameterTable(VM);
    expect(t.rows.map((r) => `${r.model} ${r.param}`)).toEqual([
      'BG/NBD r',
      'BG/NBD α',
      'BG/NBD a',
      'BG/NBD b',
      'BG/NBD log-likelihood',
      'Gamma-Gamma p',
      'Gamma-Gamma q',
      'Gamma-Gamma γ',
      'Gamma-Gamma log-likelihood',
    ]);
    expect(t.rows.map((r) => r.value)).toEqual([
      '0.5000',
      '5.0000',
      '1.0000',
      '3.0000',
      '−100.0',
      '4.0000',
      '3.0000',
      '50.0000',
      '−80.0',
    ]);
    expect(t.rows[1]!.meaning).toContain('r/α = 0.100'); // 0.5 / 5
    expect(t.rows[3]!.meaning).toContain('a/(a+b) = 25.0%'); // 1 / 4
    expect(t.rows[7]!.meaning).toContain('pγ/(q−1) = 100 INR'); // 4 × 50 / 2
  });
});

describe('back-test models', () => {
  it('KPIs carry AUC, Spearman and the holdout error', () => {
    const k = backTestKpis(BT);
    expect(k.map((x) => x.value)).toEqual(['0.750', '−0.200', '11', '10']);
    expect(k[2]!.hint).toBe('+10.0% vs actual');
  });

  it('tracking: sorts by week, splits at the end of calibration and tables every point', () => {
    const m = trackingModel(BT);
    expect(m.splitWeek).toBe(2);
    expect(m.points.map((p) => p.week)).toEqual([1, 2, 3, 4]);
    expect(m.points.map((p) => p.holdout)).toEqual([false, false, true, true]);
    expect(m.lastWeek).toBe(4);
    expect(m.holdoutError).toBeCloseTo(10, 10);
    expect(m.takeaway).toContain('expected 11 repeat purchases against 10');
    expect(m.takeaway).toContain('over by 10.0%');
    expect(m.table.rows).toEqual([
      { week: 1, period: 'calibration', actual: 2, predicted: 1.5 },
      { week: 2, period: 'calibration', actual: 4, predicted: 4 },
      { week: 3, period: 'holdout', actual: 8, predicted: 9 },
      { week: 4, period: 'holdout', actual: 14, predicted: 15 },
    ]);
  });

  it('tracking layout puts the split line halfway and lines through every point', () => {
    const l = layoutTracking(trackingModel(BT));
    // Percent space: week 2 of 4 is at the middle.
    expect(l.split.x).toBeCloseTo(50, 6);
    expect((l.actualPath.match(/[ML]/g) ?? []).length).toBe(4);
    expect(l.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(15);
    expect(l.yTicks.at(-1)!.at).toBe(100);
  });

  it('frequency: errors per bucket and the largest gap in the takeaway', () => {
    const m = frequencyModel(BT);
    expect(m.buckets.map((b) => b.x)).toEqual(['0', '1', '2+']);
    expect(m.buckets[0]!.error).toBeCloseTo(-20, 10);
    expect(m.buckets[1]!.error).toBeCloseTo(50, 10);
    expect(m.takeaway).toContain('rise with calibration repeat purchases');
    expect(m.takeaway).toContain('customers with 1 calibration repeat purchases');
    expect(m.table.rows[2]).toMatchObject({ x: '2+', customers: 1, actual: 3, predicted: 3.3 });
    const l = layoutFrequency(m);
    expect(l.groups).toHaveLength(3);
    // Actual left of predicted in each band; taller bar for the larger value.
    for (const g of l.groups) expect(g.actual.x).toBeLessThan(g.predicted.x);
    expect(l.groups[2]!.predicted.height).toBeGreaterThan(l.groups[2]!.actual.height);
    expect(l.groups[1]!.centre).toBeCloseTo(50, 6);
  });
});

describe('CDNOW benchmark', () => {
  const ours: CdnowBenchmark = {
    bgnbd: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259, logLikelihood: -9582.43 },
    gammaGamma: { p: 6.2496, q: 3.7442, gamma: 15.4435 },
    backTest: {
      holdoutWeeks: 39,
      customers: 2357,
      actualTotal: 1882,
      predictedTotal: 1653.4,
      auc: 0.7725,
      spearman: 0.4493,
    },
  };

  it('rows: ours − published, relative in %', () => {
    const rows = benchmarkRows(ours);
    expect(rows.map((r) => r.parameter)).toEqual(['r', 'α', 'a', 'b', 'log-likelihood', 'p', 'q', 'γ']);
    expect(rows[0]).toMatchObject({ model: 'BG/NBD', published: 0.243, ours: 0.2426 });
    expect(rows[0]!.difference).toBeCloseTo(-0.0004, 10);
    expect(rows[4]!.difference).toBeCloseTo(-0.03, 10);
    expect(rows[7]!.relative).toBeCloseTo((100 * 0.0035) / 15.44, 8);
    expect(benchmarkTakeaway(rows)).toContain('All 8 estimates match');
  });

  it('table: each row at its published precision; a real gap is shown signed', () => {
    const t = benchmarkTable(benchmarkRows(ours));
    expect(t.rows[0]).toEqual({
      parameter: 'r',
      model: 'BG/NBD',
      published: '0.243',
      ours: '0.243',
      difference: '0',
    });
    expect(t.rows[4]).toMatchObject({ published: '−9,582.4', ours: '−9,582.4' });
    const off = benchmarkRows({ ...ours, gammaGamma: { ...ours.gammaGamma, q: 3.9 } });
    expect(benchmarkTable(off).rows[6]).toMatchObject({ ours: '3.90', difference: '+0.16' });
    expect(benchmarkTakeaway(off)).toContain('Largest gap: q (Gamma-Gamma)');
  });

  it('back-test table, and none without a back-test', () => {
    const t = cdnowBackTestTable(ours)!;
    expect(t.rows.find((r) => r.measure === 'Error')!.value).toBe('−12.1%');
    expect(t.rows.find((r) => r.measure === 'AUC')!.value).toBe('0.773');
    expect(cdnowBackTestTable({ bgnbd: ours.bgnbd, gammaGamma: ours.gammaGamma })).toBeNull();
  });
});
