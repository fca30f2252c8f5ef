import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { buildClvProxy } from './clv-proxy';
import { tinyContext, tinyValue } from './test-context.test-util';

// Four customers; the builder reads only their ids from the log. Cluster 2 is empty.
const ctx = tinyContext({
  log: tinyLog(4, []),
  clusterOf: [0, 0, 1, 1],
  k: 3,
  personas: ['Low', 'High', 'Empty'],
  features: {
    avg_order_value: [123.456, 50, 80, 200],
    orders_per_month: [0.12345, 1, 2, 0.5],
  },
  scores: {
    // Bins of 5 points: 3 → bin 0, 7 → bin 1, 42 → bin 8, 100 → bin 19 (the last bin is closed on the right).
    clv_proxy: [3, 7, 100, 42],
    clv_proxy_value: [30, 70, 1000, 420],
    expected_lifespan_months: [27.777, 36, 10, 20],
    engagement_index: [40, 0, 100, 50],
  },
});

describe('buildClvProxy', () => {
  const table = buildClvProxy(ctx, tinyValue(4));

  it('writes one row per customer with the CLV proxy’s parts, in column order', () => {
    expect(table.columns).toEqual([
      'customer_id',
      'cluster_id',
      'clv_proxy',
      'clv_proxy_value',
      'avg_order_value',
      'orders_per_month',
      'expected_lifespan_months',
      'engagement_weight',
    ]);
    // Engagement weight = 0.5 + engagement / 100: 0.5 + 0.4 = 0.9.
    expect(table.rows[0]).toEqual(['T1', 0, 3, 30, 123.46, 0.123, 27.78, 0.9]);
    expect(table.rows.map((r) => r[7])).toEqual([0.9, 0.5, 1.5, 1]);
    expect(table.horizon_months).toBe(36);
    expect(table.bin_edges).toEqual(Array.from({ length: 21 }, (_, i) => 5 * i)); // 0, 5, …, 100
  });

  it('counts each cluster’s customers per 5-point bin, with shares and type-7 quantiles', () => {
    const [low, high] = table.distributions;
    expect(low!.counts.slice(0, 2)).toEqual([1, 1]);
    expect(low!.shares_pct.slice(0, 2)).toEqual([50, 50]);
    // [3, 7]: p25 = 3 + 0.25·4 = 4, p90 = 3 + 0.9·4 = 6.6.
    expect(low!.quantiles).toEqual({
      min: 3,
      p05: 3.2,
      p10: 3.4,
      p25: 4,
      p50: 5,
      p75: 6,
      p90: 6.6,
      p95: 6.8,
      max: 7,
      mean: 5,
    });
    expect(low!.value_quantiles.mean).toBe(50); // (30 + 70) / 2
    // 42 in bin 8 (40–45), 100 in the last bin 19.
    expect(high!.counts[8]).toBe(1);
    expect(high!.counts[19]).toBe(1);
    expect(high!.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(high!.quantiles.p50).toBe(71); // (42 + 100) / 2
  });

  it('describes everyone in `overall`', () => {
    // Sorted 3, 7, 42, 100: p50 at h = 1.5 → 7 + 0.5·35 = 24.5; p75 at h = 2.25 → 42 + 0.25·58 = 56.5.
    expect(table.overall.cluster_id).toBeNull();
    expect(table.overall.persona).toBe('All customers');
    expect(table.overall.customers).toBe(4);
    expect(table.overall.quantiles).toMatchObject({
      min: 3,
      p25: 6,
      p50: 24.5,
      p75: 56.5,
      max: 100,
      mean: 38,
    });
    expect(table.overall.shares_pct[0]).toBe(25);
  });

  it('given an empty cluster, writes zero counts and zero quantiles, not NaN', () => {
    const empty = table.distributions[2]!;
    expect(empty.persona).toBe('Empty');
    expect(empty.customers).toBe(0);
    expect(empty.counts).toEqual(new Array(20).fill(0));
    expect(empty.shares_pct).toEqual(new Array(20).fill(0));
    expect(Object.values(empty.quantiles)).toEqual(new Array(10).fill(0));
  });

  it('without a money model, has no predicted blocks and no correlation', () => {
    expect(table.predicted_bin_edges).toBeNull();
    expect(table.distributions.every((d) => d.predicted === null)).toBe(true);
    expect(table.predicted_clv_spearman).toBeNull();
  });

  it('with predictions, bins predicted CLV and correlates it with the proxy over predicted customers', () => {
    // Customer 3 has no prediction and is left out everywhere below.
    const value = tinyValue(4, {
      withMoneyModel: true,
      pAlive: [0.9, 0.5, 0.8, NaN],
      expectedPurchases: [1, 2, 3, NaN],
      clv: [100, 300, 200, NaN],
    });
    const t = buildClvProxy(ctx, value);
    // p99 of 100, 200, 300 = 200 + 0.98·100 = 298; 298 / 20 bins = 14.9 → the next nice width is 20.
    expect(t.predicted_bin_edges).toEqual(Array.from({ length: 21 }, (_, i) => 20 * i));
    const low = t.distributions[0]!.predicted!;
    expect(low.customers).toBe(2);
    expect(low.counts[5]).toBe(1); // 100 / 20
    expect(low.counts[15]).toBe(1); // 300 / 20
    expect(low.expected_purchases).toBe(3); // 1 + 2
    expect(low.predicted_clv).toBe(400); // 100 + 300
    expect(low.active_customers).toBe(1.4); // 0.9 + 0.5
    expect(t.distributions[1]!.predicted!.customers).toBe(1); // customer 3 has no prediction
    expect(t.overall.predicted!.customers).toBe(3);
    // Proxy 3, 7, 100 ranks 1, 2, 3; predicted 100, 300, 200 ranks 1, 3, 2: Σd² = 2,
    // ρ = 1 − 6·2 / (3·(9 − 1)) = 0.5.
    expect(t.predicted_clv_spearman).toBe(0.5);
  });
});
