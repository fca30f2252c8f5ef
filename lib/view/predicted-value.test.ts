import { describe, expect, it } from 'vitest';
import type { ValueModel, ValueSummaryRow } from '../schema/value-model';
import { moneyWithRange, personaPrediction, predictedValue, unavailableSentence } from './predicted-value';

const row = (
  clusterId: number | null,
  persona: string,
  customers: number,
  active: number,
  revenue: number,
): ValueSummaryRow => ({
  cluster_id: clusterId,
  persona,
  customers,
  active_customers: active,
  expected_purchases: active * 2,
  predicted_revenue: revenue,
  predicted_clv_mean: revenue / customers,
  predicted_clv_p10: 10,
  predicted_clv_p50: 100,
  predicted_clv_p90: 1000,
  predicted_revenue_p10: revenue * 0.9,
  predicted_revenue_p90: revenue * 1.1,
});

function model(overrides: Partial<ValueModel> = {}): ValueModel {
  return {
    table: 'value_model',
    currency: 'INR',
    horizon_months: 12,
    monthly_discount: 0.01,
    window_start: '2024-10-01',
    window_end: '2026-09-30',
    sufficiency: {
      frequency: true,
      monetary: true,
      reasons: [],
      customers: 300,
      repeat_customers: 200,
      positive_repeat_customers: 200,
      history_weeks: 104,
    },
    bgnbd: { r: 0.8, alpha: 7, a: 1.9, b: 21, log_likelihood: -100, converged: true },
    gamma_gamma: { p: 1.6, q: 2.3, gamma: 13000, log_likelihood: -50, converged: true, customers: 200 },
    frequency_spend_correlation: { pearson: -0.1, customers: 200 },
    range: { method: 'sim', draws: 200, cell_days: 7, cells: 10, seed: 42 },
    back_test: null,
    back_test_reason: 'short',
    personas: [row(0, 'Hosts', 100, 90, 600_000), row(1, 'Drifters', 200, 50, 400_000)],
    total: row(null, 'All customers', 300, 140, 1_000_000),
    ...overrides,
  };
}

describe('predictedValue', () => {
  it('gives active customers, expected purchases and predicted revenue with its interval', () => {
    const view = predictedValue(model(), null, null, 'INR');
    expect(view.available).toBe(true);
    const byId = Object.fromEntries(view.kpis.map((k) => [k.id, k]));
    expect(byId['kpi-active-customers']!.value).toBe('140');
    expect(byId['kpi-active-customers']!.hint).toContain('47%');
    expect(byId['kpi-expected-purchases']!.value).toBe('280');
    expect(byId['kpi-predicted-revenue']!.hint).toContain('80 % interval');
    // Without the clv_proxy table there is no rank correlation and no per-customer chart.
    expect(byId['kpi-proxy-rank-correlation']).toBeUndefined();
    expect(view.ranges).toBeNull();
  });

  it('names the persona bringing most of the predicted revenue and the one most likely lapsed', () => {
    const { takeaway } = predictedValue(model(), null, null, 'INR');
    expect(takeaway).toMatch(/^Hosts should bring .* \(60%\)\./);
    expect(takeaway).toContain(
      'Drifters are the most likely to have lapsed: 25% still active, against 47% of everyone.',
    );
  });

  it('says "existing customers only" beside every forecast figure, which leaves new customers out', () => {
    const view = predictedValue(model(), null, null, 'INR');
    const byId = Object.fromEntries(view.kpis.map((k) => [k.id, k]));
    for (const id of ['kpi-expected-purchases', 'kpi-predicted-revenue']) {
      expect(byId[id]!.label).toMatch(/, existing customers only$/);
    }
    const labels = Object.fromEntries(view.table.columns.map((c) => [c.key, c.label]));
    expect(labels.purchases).toMatch(/, existing customers only$/);
    expect(labels.revenue).toMatch(/, existing customers only$/);
    expect(view.takeaway).toContain('today’s customers should spend in the next 12 months');
  });

  it('puts one table row per persona and the total, with the active share', () => {
    const { table } = predictedValue(model(), null, null, 'INR');
    expect(table.rows.map((r) => r.persona)).toEqual(['Hosts', 'Drifters', 'All customers']);
    expect(table.rows[1]!.active_pct).toBe(25);
    expect(table.rows[2]!.revenue_p90).toBeCloseTo(1_100_000);
  });

  it('says why when the model could not be fitted, and offers no figures', () => {
    const insufficient = model({
      bgnbd: null,
      gamma_gamma: null,
      sufficiency: {
        ...model().sufficiency,
        frequency: false,
        monetary: false,
        reasons: ['40 customers; at least 200 are needed'],
      },
      personas: [],
      total: { ...row(null, 'All customers', 40, 0, 0), active_customers: null, predicted_revenue: null },
    });
    const view = predictedValue(insufficient, null, null, 'INR');
    expect(view.available).toBe(false);
    expect(view.kpis).toEqual([]);
    expect(view.takeaway).toBe(
      'Predictions need more history than this data has (40 customers; at least 200 are needed), so the pages show the CLV proxy only.',
    );
    expect(predictedValue(null, null, null, 'INR').takeaway).toContain('table is missing');
    expect(unavailableSentence(null)).toContain('CLV proxy stands alone');
  });
});

describe('personaPrediction and moneyWithRange', () => {
  it('gives a persona its active customers and revenue interval, or null without predictions', () => {
    expect(personaPrediction(model(), 1)).toMatchObject({
      activeCustomers: 50,
      activeSharePct: 25,
      predictedRevenue: 400_000,
    });
    expect(personaPrediction(model(), 9)).toBeNull();
    expect(personaPrediction(null, 0)).toBeNull();
  });
  it('writes a total with its interval, or a dash', () => {
    expect(moneyWithRange(null, 1, 2, 'INR')).toBe('—');
    expect(moneyWithRange(1_000_000, 900_000, 1_100_000, 'INR')).toBe('₹10.00 L (₹9.00 L–₹11.00 L)');
  });
});
