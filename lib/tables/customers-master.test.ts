import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { buildCustomersMaster } from './customers-master';
import { tinyContext, tinyValue } from './test-context.test-util';

// The builder's order of the intent list decides ties; categories: 0 Red wines (Hosting), 1 Milk (Everyday), 2 Soap (Personal Care).
const INTENTS = ['Everyday Essentials', 'Hosting & Entertaining', 'Personal Care'];

// Five customers, window of 10 days from 2025-01-01. Lines: [category, quantity, net].
const log = tinyLog(
  5,
  [
    { customer: 0, day: 2, gross: 100, lines: [[1, 1, 100]] },
    // 25 on wine and 25 on milk: a tie, which goes to the intent listed first (Everyday Essentials).
    {
      customer: 1,
      day: 3,
      gross: 50,
      lines: [
        [0, 1, 25],
        [1, 1, 25],
      ],
    },
    { customer: 2, day: 4, online: true, gross: 80, lines: [[2, 1, 80]] },
    { customer: 2, day: 9, gross: 40, lines: [[0, 1, 40]] },
    { customer: 3, day: 6, online: true, gross: 200, lines: [[0, 2, 200]] },
    { customer: 4, day: 7, gross: 30, lines: [[2, 1, 30]] },
  ],
  { windowDays: 10, ages: [24, 25, 0, 65, 44] },
);
log.attributes.gender.set([0, 1, 2, 255, 0]);
log.attributes.locale.set([0, 1, 2, 255, 0]);

// Features and scores are stated, not derived: the builder only writes them out (rounded) and bands them.
const ctx = tinyContext({
  log,
  clusterOf: [0, 1, 0, 1, 1],
  k: 2,
  personas: ['Alpha', 'Beta'],
  features: {
    first_order_day: [2, 3, 4, 6, 7],
    last_order_day: [2, 3, 9, 6, 7],
    tenure_days: [8, 7, 6, 4, 3],
    order_count: [1, 1, 2, 1, 1],
    orders_per_month: [3.8046875, 4.348, 10.1458333, 7.609, 10.146],
    recency_days: [7, 6, 0, 3, 2],
    total_spend: [100, 50, 120, 200, 30],
    avg_order_value: [100, 50, 60, 200, 30],
    basket_size: [1, 2, 1, 2, 1],
    dwell_minutes: [12.34, 5, 7.5, NaN, 3],
    // Boundary values of the preferred-channel rule (≤ 1/3 in store, ≥ 2/3 online).
    online_ratio: [0, 1 / 3, 0.5, 2 / 3, 1],
    category_diversity: [1, 2, 2, 1, 1],
    discount_share: [0, 0.25, 0, 0.5, 0],
    active_month_share: [1, 1, 1, 1, 1],
    response_rate: [0.5, NaN, 0.25, NaN, 1],
  },
  scores: {
    engagement_index: [55.54, 10, 20, 30, 40],
    loyalty_score: [1, 2, 3, 4, 5],
    // Rounded to one decimal before banding: 39.9 low, 40.0 medium, 59.9 medium, 60.0 high.
    churn_risk: [39.94, 39.96, 59.94, 59.96, 75],
    clv_proxy: [10, 20, 30, 40, 50],
    clv_proxy_value: [1000.004, 2000, 3000, 4000, 5000],
  },
});
const value = tinyValue(5, {
  pAlive: [0.8766, 0.5, NaN, 0.1, 0.9994],
  expectedPurchases: [1.234, 2, NaN, 0.5, 3],
  clv: [1234.4, 800, NaN, 90, 5000],
});

describe('buildCustomersMaster', () => {
  const table = buildCustomersMaster(ctx, INTENTS, value);
  const col = (name: string) => table.rows.map((r) => r[(table.columns as readonly string[]).indexOf(name)]);

  it('writes the 36 columns in the documented order', () => {
    expect(table.columns).toEqual([
      'customer_id',
      'cluster_id',
      'persona',
      'age',
      'age_band',
      'gender',
      'locale',
      'first_order_date',
      'last_order_date',
      'tenure_days',
      'order_count',
      'orders_per_month',
      'recency_days',
      'total_spend',
      'avg_order_value',
      'basket_size',
      'dwell_minutes',
      'online_ratio',
      'preferred_channel',
      'category_diversity',
      'top_intent',
      'discount_share',
      'active_month_share',
      'response_rate',
      'engagement_index',
      'loyalty_score',
      'churn_risk',
      'churn_risk_band',
      'clv_proxy',
      'clv_proxy_value',
      'clv_band',
      'p_alive',
      'expected_purchases',
      'predicted_clv',
      'predicted_clv_p10',
      'predicted_clv_p90',
    ]);
    expect(table.currency).toBe('INR');
    expect(table.rows).toHaveLength(5);
  });

  it('writes one customer’s row with dates, rounding and bands', () => {
    expect(table.rows[0]).toEqual([
      'T1',
      0,
      'Alpha',
      24,
      '18–24',
      'female',
      'urban',
      '2025-01-03', // day 2
      '2025-01-03',
      8,
      1,
      3.805, // 3.8046875 to 3 decimals
      7,
      100,
      100,
      1,
      12.3, // dwell to 1 decimal
      0,
      'in-store',
      1,
      'Everyday Essentials', // all 100 on milk
      0,
      1,
      0.5,
      55.5, // 55.54 to 1 decimal
      1,
      39.9,
      'low',
      10,
      1000, // 1000.004 to 2 decimals
      'bottom 30%',
      0.877, // P(alive) 0.8766 to 3 decimals
      1.23,
      1234,
      null, // no P10/P90 given
      null,
    ]);
  });

  it('bands age, gender, locale and the preferred channel at their boundaries', () => {
    expect(col('age')).toEqual([24, 25, null, 65, 44]); // age 0 = unknown → null
    expect(col('age_band')).toEqual(['18–24', '25–34', 'unknown', '65+', '35–44']);
    expect(col('gender')).toEqual(['female', 'male', 'non-binary or undisclosed', 'unknown', 'female']);
    expect(col('locale')).toEqual(['urban', 'semi-urban', 'rural', 'unknown', 'urban']);
    expect(col('online_ratio')).toEqual([0, 0.333, 0.5, 0.667, 1]);
    expect(col('preferred_channel')).toEqual(['in-store', 'in-store', 'both', 'online', 'online']);
  });

  it('bands churn risk on the rounded value that is written', () => {
    expect(col('churn_risk')).toEqual([39.9, 40, 59.9, 60, 75]);
    expect(col('churn_risk_band')).toEqual(['low', 'medium', 'medium', 'high', 'high']);
  });

  it('bands the CLV proxy by rank: top 10 %, next 20 %, middle 40 %, bottom 30 %', () => {
    // Sorted 10, 20, 30, 40, 50; type-7 quantiles: p90 = 40 + 0.6·10 = 46, p70 = 30 + 0.8·10 = 38,
    // p30 = 20 + 0.2·10 = 22. So 50 ≥ 46 top, 40 ≥ 38 next, 30 ≥ 22 middle, 20 and 10 bottom.
    expect(col('clv_band')).toEqual(['bottom 30%', 'bottom 30%', 'middle 40%', 'next 20%', 'top 10%']);
  });

  it('picks the intent with the most net spend, ties to the intent listed first', () => {
    // 1: 25 wine = 25 milk → Everyday (listed first); 2: 80 soap > 40 wine; 3: wine only; 4: soap only.
    expect(col('top_intent')).toEqual([
      'Everyday Essentials',
      'Everyday Essentials',
      'Personal Care',
      'Hosting & Entertaining',
      'Personal Care',
    ]);
  });

  it('writes unknown values as null: dwell without store visits, response rate without touches, predictions', () => {
    expect(col('dwell_minutes')).toEqual([12.3, 5, 7.5, null, 3]);
    expect(col('response_rate')).toEqual([0.5, null, 0.25, null, 1]);
    expect(col('p_alive')).toEqual([0.877, 0.5, null, 0.1, 0.999]);
    expect(col('predicted_clv')).toEqual([1234, 800, null, 90, 5000]);
    expect(col('last_order_date')).toEqual([
      '2025-01-03',
      '2025-01-04',
      '2025-01-10',
      '2025-01-07',
      '2025-01-08',
    ]);
    expect(col('persona')).toEqual(['Alpha', 'Beta', 'Alpha', 'Beta', 'Beta']);
  });
});
