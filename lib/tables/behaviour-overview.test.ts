import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { buildBehaviourOverview } from './behaviour-overview';
import { tinyContext } from './test-context.test-util';

// Customer 0 (cluster 0, 30, female, urban): in store 100 (2 units, 20 min); online 300 − 100 discount (3 units).
// Customer 1 (cluster 0, age unknown, male, rural): in store 60 (1 unit, 10 min).
// Customer 2 (cluster 1 alone, 67, gender unknown, semi-urban): online 90 (1 unit).
const log = tinyLog(
  3,
  [
    { customer: 0, day: 5, gross: 100, dwell: 20, lines: [[0, 2, 100]] },
    { customer: 0, day: 20, online: true, gross: 300, discount: 100, lines: [[1, 3, 200]] },
    { customer: 1, day: 8, gross: 60, dwell: 10, lines: [[2, 1, 60]] },
    { customer: 2, day: 12, online: true, gross: 90, lines: [[0, 1, 90]] },
  ],
  { windowDays: 31, ages: [30, 0, 67] },
);
// Index into GENDERS (female, male, non-binary or undisclosed) and LOCALES (urban, semi-urban, rural); 255 = unknown.
log.attributes.gender.set([0, 1, 255]);
log.attributes.locale.set([0, 2, 1]);

const ctx = tinyContext({
  log,
  clusterOf: [0, 0, 1],
  k: 2,
  personas: ['Mixed', 'Solo'],
  features: { order_count: [2, 1, 1], orders_per_month: [2, 1, 0.5] },
  scores: {
    engagement_index: [60, 40, 80],
    loyalty_score: [70, 30, 50],
    churn_risk: [20, 60, 40],
    clv_proxy: [90, 10, 50],
  },
});

describe('buildBehaviourOverview', () => {
  const table = buildBehaviourOverview(ctx);

  it('given a two-customer cluster, gives its KPIs, score means and demographic splits', () => {
    expect(table.personas[0]).toEqual({
      cluster_id: 0,
      persona: 'Mixed',
      customers: 2,
      customer_share_pct: 66.67, // 2 / 3
      revenue: 360, // 100 + 200 + 60
      orders: 3,
      avg_spend_per_visit: 120, // 360 / 3
      avg_dwell_minutes: 15, // (20 + 10) / 2 in-store visits
      avg_basket_size: 2, // (2 + 3 + 1) / 3
      online_order_share_pct: 33.33, // 1 / 3
      online_revenue_share_pct: 55.56, // 200 / 360
      repeat_purchase_ratio_pct: 50, // customer 0 only has ≥ 2 orders
      avg_orders_per_month: 1.5, // (2 + 1) / 2
      avg_engagement_index: 50,
      avg_loyalty_score: 50,
      avg_churn_risk: 40,
      avg_clv_proxy: 50,
      avg_age: 30, // the unknown age (0) is left out
      gender_split_pct: { female: 50, male: 50, 'non-binary or undisclosed': 0 },
      locale_split_pct: { urban: 50, 'semi-urban': 0, rural: 50 },
      age_band_split_pct: {
        '18–24': 0,
        '25–34': 50,
        '35–44': 0,
        '45–54': 0,
        '55–64': 0,
        '65+': 0,
        unknown: 50,
      },
    });
  });

  it('given a single online-only customer, has no dwell and an "unknown" gender share', () => {
    const solo = table.personas[1]!;
    expect(solo.customers).toBe(1);
    expect(solo.customer_share_pct).toBe(33.33);
    expect(solo.avg_dwell_minutes).toBeNull();
    expect(solo.online_order_share_pct).toBe(100);
    expect(solo.repeat_purchase_ratio_pct).toBe(0);
    expect(solo.avg_age).toBe(67);
    expect(solo.gender_split_pct).toEqual({
      female: 0,
      male: 0,
      'non-binary or undisclosed': 0,
      unknown: 100,
    });
    expect(solo.locale_split_pct).toEqual({ urban: 0, 'semi-urban': 100, rural: 0 });
    expect(solo.age_band_split_pct['65+']).toBe(100);
  });

  it('totals everyone, and names the window by its first and last day', () => {
    const t = table.total;
    expect(t.cluster_id).toBeNull();
    expect(t.persona).toBe('All customers');
    expect(t.revenue).toBe(450); // 360 + 90
    expect(t.orders).toBe(4);
    expect(t.avg_spend_per_visit).toBe(112.5); // 450 / 4
    expect(t.avg_dwell_minutes).toBe(15); // online orders do not dilute dwell
    expect(t.avg_basket_size).toBe(1.75); // 7 units / 4 orders
    expect(t.online_order_share_pct).toBe(50); // 2 / 4
    expect(t.online_revenue_share_pct).toBe(64.44); // 290 / 450
    expect(t.repeat_purchase_ratio_pct).toBe(33.33); // 1 / 3
    expect(t.avg_orders_per_month).toBe(1.167); // 3.5 / 3
    expect([t.avg_engagement_index, t.avg_loyalty_score, t.avg_churn_risk, t.avg_clv_proxy]).toEqual([
      60, 50, 40, 50,
    ]);
    expect(t.avg_age).toBe(48.5); // (30 + 67) / 2
    expect(t.gender_split_pct.unknown).toBe(33.33);
    expect(table.window_start).toBe('2025-01-01');
    expect(table.window_end).toBe('2025-01-31'); // 31 days
  });
});
