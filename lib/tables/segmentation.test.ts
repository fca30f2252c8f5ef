import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import type { MarketingEffectiveness, MarketingRow } from '../schema/marketing-effectiveness';
import type { AffinityCell, ProductAffinity } from '../schema/product-affinity';
import type { RevenueByCluster, RevenueRow } from '../schema/revenue-by-cluster';
import type { ClusterProfile, ProfileMetric, Profiles } from '../segment/cluster-profiles';
import { buildSegmentation } from './segmentation';
import { tinyContext } from './test-context.test-util';

// The 15 profile metrics, written out so a metric dropped from the profile fails the test.
const METRICS: ProfileMetric[] = [
  'orders_per_month',
  'recency_days',
  'avg_order_value',
  'total_spend',
  'basket_size',
  'dwell_minutes',
  'online_ratio',
  'category_diversity',
  'discount_share',
  'active_month_share',
  'response_rate',
  'engagement_index',
  'loyalty_score',
  'churn_risk',
  'clv_proxy',
];
const every = (v: number, overrides: Partial<Record<ProfileMetric, number>> = {}) =>
  Object.fromEntries(METRICS.map((m) => [m, overrides[m] ?? v])) as Record<ProfileMetric, number>;

function profile(
  cluster_id: number,
  customers: number,
  z: Partial<Record<ProfileMetric, number>>,
): ClusterProfile {
  return {
    cluster_id,
    customers,
    mean: every(2, { dwell_minutes: NaN, online_ratio: 0.25, churn_risk: 30 }),
    z: every(0, z),
    ratio: every(1.23456),
  };
}

// Cluster 0: |z| ranks churn 2 > orders/month 1.5 = recency 1.5 (tie → metric name) > AOV 0.5;
// discount share's z is unknown (NaN) and counts as 0.
const profiles: Profiles = {
  overall: every(1.00004),
  overallSd: every(1),
  clusters: [
    profile(0, 2, {
      churn_risk: -2,
      recency_days: 1.5,
      orders_per_month: 1.5,
      avg_order_value: -0.5,
      discount_share: NaN,
    }),
    profile(1, 1, { churn_risk: 1 }),
  ],
};

const ctx = tinyContext({
  log: tinyLog(3, []),
  clusterOf: [0, 0, 1],
  k: 2,
  personas: ['Steady', 'Drifting'],
  profiles,
  matrix: {
    rows: 3,
    cols: 2,
    values: new Float64Array(6),
    means: [50, 5],
    sds: [10, 0.5],
    features: [
      { key: 'loyalty_score', transform: 'none', label: 'Loyalty score' },
      { key: 'avg_order_value', transform: 'log1p', label: 'Average order value (log)' },
    ],
  },
  fit: {
    k: 2,
    assignments: Uint8Array.from([0, 0, 1]),
    centroids: [
      [1, 2],
      [-0.5, 0],
    ],
    inertia: 9.87654,
    iterations: 7,
    restarts: 4,
    fittedOn: 3,
  },
  diagnostics: [{ k: 2, inertia: 123.45678, silhouette: 0.123456 }],
  pca: {
    explained_variance: [0.654321, 0.3],
    loadings: [
      [0.7, 0.7],
      [0.7, -0.7],
    ],
    indices: Uint32Array.from([2, 0]),
    points: [
      [0.123456, -1],
      [2, 3.33333],
    ],
  },
});

function revenueRow(cluster_id: number | null, avg_order_value: number): RevenueRow {
  return {
    cluster_id,
    persona: '',
    customers: 0,
    customer_share_pct: 66.7,
    revenue: 0,
    revenue_share_pct: 80,
    revenue_index: 1,
    revenue_per_customer: 0,
    orders: 0,
    orders_per_customer: 0,
    avg_order_value,
    online_revenue_share_pct: 0,
    discount_share_pct: 4,
    avg_clv_proxy: 0,
    avg_churn_risk: 0,
  };
}
const revenue = {
  table: 'revenue_by_cluster',
  currency: 'INR',
  rows: [revenueRow(0, 123456.7), revenueRow(1, 99)],
  total: revenueRow(null, 100),
  monthly: [],
} as RevenueByCluster;

function contact(channel: string, customers_reached: number, conversions: number): MarketingRow {
  return {
    cluster_id: 0,
    persona: 'Steady',
    contact_channel: channel,
    customers_reached,
    reach_pct: 0,
    touches: 1000,
    responses: 0,
    response_rate_pct: 0,
    conversions,
    conversion_rate_pct: 1.5,
    conversions_per_100_responses: 0,
    attributed_revenue: 0,
    revenue_per_touch: 0,
    redemptions: 0,
    discount_dependency_pct: 20,
    discount_cost: 0,
    response_trend: null,
  };
}
// Conversions per customer reached: e-mail 10/100 = 0.1, SMS 5/10 = 0.5 (the best), app nobody reached,
// "all" 100/10 = 10 (not a channel, so never the best).
const marketing = {
  table: 'marketing_effectiveness',
  currency: 'INR',
  contact_channels: ['email', 'sms', 'app', 'event'],
  rows: [contact('email', 100, 10), contact('sms', 10, 5), contact('app', 0, 0), contact('all', 10, 100)],
} as MarketingEffectiveness;

const intentCell = (cluster_id: number, category: string, index: number): AffinityCell => ({
  cluster_id,
  category,
  spend: 0,
  spend_share_pct: 0,
  penetration_pct: 0,
  index,
});
const affinity = {
  intent_cells: [
    intentCell(0, 'Hosting', 1.5),
    intentCell(0, 'Everyday', 0.8),
    intentCell(0, 'Gifting', 2.25),
    intentCell(0, 'Personal Care', 1), // exactly everyone's share: not an over-index
    intentCell(1, 'Everyday', 3),
  ],
} as ProductAffinity;

describe('buildSegmentation', () => {
  const table = buildSegmentation(ctx, 42, revenue, marketing, affinity);
  const steady = table.personas[0]!;

  it('lists the four strongest traits by |z|, ties by metric name', () => {
    expect(steady.traits.map((t) => [t.metric, t.z])).toEqual([
      ['churn_risk', -2],
      ['orders_per_month', 1.5],
      ['recency_days', 1.5],
      ['avg_order_value', -0.5],
    ]);
    expect(steady.traits[0]).toEqual({
      metric: 'churn_risk',
      label: 'Churn risk',
      value: 30,
      overall: 1, // 1.00004 to 4 decimals
      ratio: 1.235, // 1.23456 to 3 decimals
      z: -2,
    });
  });

  it('keeps every profile metric in order; an unknown mean is null and an unknown z is 0', () => {
    expect(steady.profile.map((t) => t.metric)).toEqual(METRICS);
    const dwell = steady.profile.find((t) => t.metric === 'dwell_minutes')!;
    expect(dwell.value).toBeNull();
    expect(steady.profile.find((t) => t.metric === 'discount_share')!.z).toBe(0);
  });

  it('names the intents the persona over-indexes on (index above 1), strongest first', () => {
    expect(steady.top_intents).toEqual(['Gifting', 'Hosting']);
    expect(table.personas[1]!.top_intents).toEqual(['Everyday']);
  });

  it('writes the description and plays from the persona’s numbers and its best channel per customer reached', () => {
    expect(steady.persona).toBe('Steady');
    expect(steady.customers).toBe(2);
    // Average order value in rupees with Indian grouping: 1,23,457.
    expect(steady.description).toContain('₹1,23,457');
    // Per order on both sides, the ratio against the baseline printed beside it: 123,456.7 ÷ 100.
    expect(steady.description).toContain(
      'spend ₹1,23,457 per order against ₹100 across all orders (1234.6×)',
    );
    expect(steady.description).toContain('66.7% of the base');
    expect(steady.crm_plays[0]).toContain('Gifting and Hosting');
    expect(steady.crm_plays[1]).toContain('sms');
    // Without marketing data there is no best channel, and the plays say so in general words.
    const bare = buildSegmentation(ctx, 42, revenue, null, affinity);
    expect(bare.personas[0]!.crm_plays[1]).not.toContain('sms');
  });

  it('turns centroids back into the features’ own units, undoing log1p', () => {
    expect(table.centroids).toEqual([
      // Loyalty 50 + 1·10 = 60; AOV e^(5 + 2·0.5) − 1 = e^6 − 1 = 402.4288.
      { cluster_id: 0, persona: 'Steady', z: [1, 2], original: [60, 402.4288] },
      // Loyalty 50 − 0.5·10 = 45; AOV e^5 − 1 = 147.4132.
      { cluster_id: 1, persona: 'Drifting', z: [-0.5, 0], original: [45, 147.4132] },
    ]);
    expect(table.features).toEqual([
      { key: 'loyalty_score', label: 'Loyalty score', transform: 'none', mean: 50, sd: 10 },
      { key: 'avg_order_value', label: 'Average order value (log)', transform: 'log1p', mean: 5, sd: 0.5 },
    ]);
  });

  it('carries the k diagnostics, the fit and the PCA sample with each point’s cluster and customer', () => {
    expect(table.k).toBe(2);
    expect(table.seed).toBe(42);
    expect(table.diagnostics).toEqual([{ k: 2, inertia: 123.457, silhouette: 0.1235 }]);
    // Fewer rows than either sample size: both samples are every row.
    expect(table.diagnostics_sample).toEqual({ kmeans_rows: 3, silhouette_rows: 3 });
    expect(table.kmeans).toEqual({
      inertia: 9.877,
      iterations: 7,
      restarts: 4,
      fitted_on: 3,
      library: 'ml-kmeans (k-means++)',
    });
    expect(table.pca.explained_variance).toEqual([0.65432, 0.3]);
    expect(table.pca.points).toEqual([
      [0.1235, -1, 1, 'T3'], // row 2 is customer T3 in cluster 1
      [2, 3.3333, 0, 'T1'],
    ]);
  });
});
