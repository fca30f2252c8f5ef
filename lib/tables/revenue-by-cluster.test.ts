import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { buildRevenueByCluster } from './revenue-by-cluster';
import { tinyContext } from './test-context.test-util';

// Window: 59 days from 2025-01-01, so days 0–30 are January and days 31–58 February.
// Customer 0 (cluster 0): day 0 in store 100; day 40 online 150 with a 50 discount (net 100).
// Customer 1 (cluster 0): day 10 in store 200.
// Customer 2 (cluster 1): day 35 online 100.
// Customer 3 (cluster 1): no orders. Cluster 2 has nobody.
const log = tinyLog(
  4,
  [
    { customer: 0, day: 0, gross: 100, lines: [[0, 1, 100]] },
    { customer: 0, day: 40, online: true, gross: 150, discount: 50, lines: [[1, 1, 100]] },
    { customer: 1, day: 10, gross: 200, lines: [[0, 2, 200]] },
    { customer: 2, day: 35, online: true, gross: 100, lines: [[2, 1, 100]] },
  ],
  { windowDays: 59 },
);

const ctx = tinyContext({
  log,
  clusterOf: [0, 0, 1, 1],
  k: 3,
  personas: ['Regulars', 'Occasionals', 'Nobody'],
  scores: { clv_proxy: [80, 60, 20, 0], churn_risk: [10, 30, 50, 90] },
});

describe('buildRevenueByCluster', () => {
  const table = buildRevenueByCluster(ctx);

  it('given two busy clusters, gives each its revenue, shares, index and order figures', () => {
    // Net revenue: cluster 0 = 100 + 100 + 200 = 400, cluster 1 = 100, everyone = 500.
    expect(table.rows[0]).toEqual({
      cluster_id: 0,
      persona: 'Regulars',
      customers: 2,
      customer_share_pct: 50, // 2 / 4
      revenue: 400,
      revenue_share_pct: 80, // 400 / 500
      revenue_index: 1.6, // 0.8 / 0.5
      revenue_per_customer: 200, // 400 / 2
      orders: 3,
      orders_per_customer: 1.5, // 3 / 2
      avg_order_value: 133.33, // 400 / 3
      online_revenue_share_pct: 25, // 100 online of 400
      discount_share_pct: 11.11, // 50 discount of 450 gross
      avg_clv_proxy: 70, // (80 + 60) / 2
      avg_churn_risk: 20, // (10 + 30) / 2
    });
    expect(table.rows[1]).toEqual({
      cluster_id: 1,
      persona: 'Occasionals',
      customers: 2,
      customer_share_pct: 50,
      revenue: 100,
      revenue_share_pct: 20, // 100 / 500
      revenue_index: 0.4, // 0.2 / 0.5
      revenue_per_customer: 50, // 100 over 2 customers, one of whom never ordered
      orders: 1,
      orders_per_customer: 0.5,
      avg_order_value: 100,
      online_revenue_share_pct: 100,
      discount_share_pct: 0,
      avg_clv_proxy: 10, // (20 + 0) / 2
      avg_churn_risk: 70, // (50 + 90) / 2
    });
  });

  it('given an empty cluster, writes a row of zeros rather than NaN', () => {
    expect(table.rows[2]).toEqual({
      cluster_id: 2,
      persona: 'Nobody',
      customers: 0,
      customer_share_pct: 0,
      revenue: 0,
      revenue_share_pct: 0,
      revenue_index: 0,
      revenue_per_customer: 0,
      orders: 0,
      orders_per_customer: 0,
      avg_order_value: 0,
      online_revenue_share_pct: 0,
      discount_share_pct: 0,
      avg_clv_proxy: 0,
      avg_churn_risk: 0,
    });
  });

  it('totals everyone under cluster_id null', () => {
    expect(table.total).toEqual({
      cluster_id: null,
      persona: 'All customers',
      customers: 4,
      customer_share_pct: 100,
      revenue: 500,
      revenue_share_pct: 100,
      revenue_index: 1,
      revenue_per_customer: 125, // 500 / 4
      orders: 4,
      orders_per_customer: 1,
      avg_order_value: 125, // 500 / 4
      online_revenue_share_pct: 40, // (100 + 100) / 500
      discount_share_pct: 9.09, // 50 / 550
      avg_clv_proxy: 40, // (80 + 60 + 20 + 0) / 4
      avg_churn_risk: 45, // (10 + 30 + 50 + 90) / 4
    });
    expect(table.currency).toBe('INR');
  });

  it('puts each order in its calendar month, cluster and channel, with new and active customers', () => {
    // January (days 0–30): customer 0 in store 100 (day 0), customer 1 in store 200 (day 10) — both
    // new, in store. February (days 31–58): customer 2 online 100 (day 35, new online), customer 0
    // online net 100 (day 40, not new: first ordered in January).
    expect(table.monthly).toEqual([
      {
        month: '2025-01',
        days: 31,
        clusters: [
          { revenue: [300, 0], orders: [2, 0], new_customers: [2, 0], active_customers: [2, 0, 2] },
          { revenue: [0, 0], orders: [0, 0], new_customers: [0, 0], active_customers: [0, 0, 0] },
          { revenue: [0, 0], orders: [0, 0], new_customers: [0, 0], active_customers: [0, 0, 0] },
        ],
      },
      {
        month: '2025-02',
        days: 28,
        clusters: [
          { revenue: [0, 100], orders: [0, 1], new_customers: [0, 0], active_customers: [0, 1, 1] },
          { revenue: [0, 100], orders: [0, 1], new_customers: [0, 1], active_customers: [0, 1, 1] },
          { revenue: [0, 0], orders: [0, 0], new_customers: [0, 0], active_customers: [0, 0, 0] },
        ],
      },
    ]);
  });

  it('counts a customer once a month in each channel and once in either, and new only in their first month', () => {
    // One customer: two in-store orders and one online order in March, one online in April; the window
    // starts mid-March (the 15th), so March has 17 of its 31 days.
    const busy = buildRevenueByCluster(
      tinyContext({
        log: tinyLog(
          1,
          [
            { customer: 0, day: 0, gross: 10, lines: [[0, 1, 10]] },
            { customer: 0, day: 3, gross: 20, lines: [[0, 1, 20]] },
            { customer: 0, day: 5, online: true, gross: 30, lines: [[0, 1, 30]] },
            { customer: 0, day: 20, online: true, gross: 40, lines: [[0, 1, 40]] },
          ],
          { windowDays: 47, windowStart: '2025-03-15' },
        ),
        clusterOf: [0],
        k: 1,
      }),
    );
    expect(busy.monthly).toEqual([
      {
        month: '2025-03',
        days: 17,
        clusters: [{ revenue: [30, 30], orders: [2, 1], new_customers: [1, 0], active_customers: [1, 1, 1] }],
      },
      {
        month: '2025-04',
        days: 30,
        clusters: [{ revenue: [0, 40], orders: [0, 1], new_customers: [0, 0], active_customers: [0, 1, 1] }],
      },
    ]);
  });

  it('given no orders at all, gives zero shares and indices instead of dividing by zero', () => {
    const empty = buildRevenueByCluster(
      tinyContext({ log: tinyLog(2, [], { windowDays: 31 }), clusterOf: [0, 1], k: 2 }),
    );
    for (const row of [...empty.rows, empty.total]) {
      expect(row.revenue).toBe(0);
      expect(row.revenue_share_pct).toBe(0);
      expect(row.revenue_index).toBe(0);
      expect(row.avg_order_value).toBe(0);
      expect(row.online_revenue_share_pct).toBe(0);
      expect(row.discount_share_pct).toBe(0);
    }
    // Head-count shares still hold without revenue: one customer of two in each cluster.
    expect(empty.rows.map((r) => r.customer_share_pct)).toEqual([50, 50]);
    expect(empty.monthly).toEqual([
      {
        month: '2025-01',
        days: 31,
        clusters: [0, 1].map(() => ({
          revenue: [0, 0],
          orders: [0, 0],
          new_customers: [0, 0],
          active_customers: [0, 0, 0],
        })),
      },
    ]);
  });
});
