import { personaColor } from '@/lib/charts/theme';
import type { BehaviourOverview } from '@/lib/schema/behaviour-overview';
import { CUSTOMER_COLUMNS, type CustomerRow, type CustomersMaster } from '@/lib/schema/customers-master';
import type { ProductAffinity } from '@/lib/schema/product-affinity';
import type { RevenueByCluster } from '@/lib/schema/revenue-by-cluster';
import type { Persona, Segmentation, Trait } from '@/lib/schema/segmentation';
import { buildPersonaDistributions } from '@/lib/tables/persona-distributions';
import { describe, expect, it } from 'vitest';
import {
  ALL_CUSTOMERS_KEY,
  ALL_CUSTOMERS_LABEL,
  buildKeyMetrics,
  buildPersonaCards,
  describeTrait,
  distinguishingTraits,
  distributionTakeaway,
  lowerFirst,
  neighbours,
  personaDistributions,
  personaLede,
  personasTakeaway,
  profileRows,
  topFamilies,
  topIntents,
  type Distribution,
} from './personas';

const trait = (metric: string, label: string, value: number, overall: number, z: number): Trait => ({
  metric,
  label,
  value,
  overall,
  ratio: Math.round((value / overall) * 1000) / 1000,
  z,
});

function persona(
  clusterId: number,
  name: string,
  customers: number,
  traits: Trait[],
  profile: Trait[] = traits,
): Persona {
  return {
    cluster_id: clusterId,
    persona: name,
    archetype: null,
    archetype_fit: null,
    customers,
    description: `${name} description`,
    crm_plays: [`Play for ${name}`],
    traits,
    profile,
    top_intents: ['Home Care', 'Wellness', 'Comfort Living', 'Personal Care'],
  };
}

const regulars = persona(
  0,
  'Regulars',
  60,
  [
    trait('orders_per_month', 'Orders per month', 0.7342, 0.4359, 0.7),
    trait('churn_risk', 'Churn risk', 31.89, 50, -0.8),
  ],
  [
    trait('orders_per_month', 'Orders per month', 0.7342, 0.4359, 0.7),
    trait('churn_risk', 'Churn risk', 31.89, 50, -0.8),
    trait('discount_share', 'Discount share of spend', 0.0233, 0.0246, -0.03),
    trait('avg_order_value', 'Average order value', 15348.61, 16466.22, -0.06),
    trait('recency_days', 'Days since last order', 42.8, 221.3, -0.9),
  ],
);
const deal = persona(1, 'Deal Seekers', 40, [
  trait('discount_share', 'Discount share of spend', 0.1742, 0.0246, 3.1),
  trait('engagement_index', 'Engagement index', 34.29, 50, -0.66),
  trait('loyalty_score', 'Loyalty score', 33.68, 50, -0.65),
  trait('category_diversity', 'Product families bought', 12.37, 20.41, -0.57),
]);

const segmentation = {
  table: 'segmentation',
  k: 2,
  seed: 1,
  features: [],
  diagnostics: [],
  diagnostics_sample: { kmeans_rows: 0, silhouette_rows: 0 },
  kmeans: { inertia: 0, iterations: 0, restarts: 0, fitted_on: 0, library: 'test' },
  centroids: [],
  personas: [regulars, deal],
  pca: { explained_variance: [], loadings: [], points: [] },
} satisfies Segmentation;

const revRow = (
  cluster_id: number | null,
  persona: string,
  customers: number,
  over: Partial<RevenueByCluster['total']>,
) => ({
  cluster_id,
  persona,
  customers,
  customer_share_pct: customers,
  revenue: 1000,
  revenue_share_pct: 50,
  revenue_index: 1,
  revenue_per_customer: 100,
  orders: 10,
  orders_per_customer: 2,
  avg_order_value: 13981.65,
  online_revenue_share_pct: 40,
  discount_share_pct: 2.29,
  avg_clv_proxy: 11.56,
  avg_churn_risk: 50,
  ...over,
});

const revenue = {
  table: 'revenue_by_cluster',
  currency: 'INR',
  rows: [
    {
      ...revRow(0, 'Regulars', 60, { revenue_share_pct: 80.26, avg_clv_proxy: 23.55, avg_churn_risk: 31.89 }),
      cluster_id: 0,
    },
    {
      ...revRow(1, 'Deal Seekers', 40, {
        revenue_share_pct: 19.74,
        avg_clv_proxy: 3.92,
        avg_churn_risk: 61.2,
      }),
      cluster_id: 1,
    },
  ],
  total: revRow(null, 'All customers', 100, { revenue_share_pct: 100 }),
  monthly: [],
} satisfies RevenueByCluster;

const behRow = (cluster_id: number | null, online: number) => ({
  cluster_id,
  persona: 'x',
  customers: 1,
  customer_share_pct: 1,
  revenue: 1,
  orders: 1,
  avg_spend_per_visit: 1,
  avg_dwell_minutes: null,
  avg_basket_size: 1,
  online_order_share_pct: online,
  online_revenue_share_pct: online,
  repeat_purchase_ratio_pct: 50,
  avg_orders_per_month: 0.5,
  avg_engagement_index: 50,
  avg_loyalty_score: 50,
  avg_churn_risk: 50,
  avg_clv_proxy: 10,
  avg_age: 40,
  gender_split_pct: {},
  locale_split_pct: {},
  age_band_split_pct: {},
});

const behaviour = {
  table: 'behaviour_overview',
  currency: 'INR',
  window_start: '2024-10-01',
  window_end: '2026-09-30',
  personas: [
    { ...behRow(0, 40.65), cluster_id: 0 },
    { ...behRow(1, 55), cluster_id: 1 },
  ],
  total: behRow(null, 45),
} satisfies BehaviourOverview;

const cellOf = (cluster_id: number, category: string | number, index: number, spend_share_pct: number) => ({
  cluster_id,
  category,
  spend: 1,
  spend_share_pct,
  penetration_pct: 10,
  index,
});

const affinity = {
  table: 'product_affinity',
  currency: 'INR',
  intents: ['Home Care', 'Wellness'],
  families: [
    { family_id: 1, family_name: 'Candles', intent: 'Home Care' },
    { family_id: 2, family_name: 'Teas', intent: 'Wellness' },
    { family_id: 3, family_name: 'Tiny niche', intent: 'Wellness' },
    { family_id: 4, family_name: 'Linen', intent: 'Comfort Living' },
    { family_id: 5, family_name: 'Soap', intent: 'Personal Care' },
  ],
  intent_cells: [cellOf(0, 'Home Care', 1.3, 12), cellOf(0, 'Wellness', 0.9, 8)],
  family_cells: [
    cellOf(0, 1, 1.4, 5),
    cellOf(0, 2, 1.1, 20),
    cellOf(0, 3, 3.2, 0.2), // highest index but negligible spend: left out
    cellOf(0, 4, 0.8, 30),
    cellOf(0, 5, 1.2, 0.7), // qualifies only once the threshold is relaxed
    cellOf(1, 1, 2.0, 10),
  ],
  overall_intents: [],
  overall_families: [],
  orders: 10,
  intent_lift: [],
  family_lift: [],
  min_pair_orders: 5,
  cross_sell: [],
  attach_rise_pct: 5,
  top_pairs_by_cluster: [],
} satisfies ProductAffinity;

const tables = { segmentation, revenue, behaviour, affinity };

/** A compact customers_master with the given (cluster, churn risk, discount share) per customer. */
function master(
  rows: Array<{ cluster: number; churn: number; discount: number; clv: number }>,
): CustomersMaster {
  const base = (i: number) =>
    [
      `C${i}`,
      0,
      'x',
      40,
      '35–44',
      'female',
      'urban',
      '2025-01-01',
      '2025-06-01',
      100,
      2,
      0.5,
      10,
      1000,
      500,
      3,
      5,
      0.5,
      'both',
      4,
      'Home Care',
      0,
      0.5,
      0.1,
      50,
      50,
      50,
      'medium',
      10,
      1000,
      'middle 40%',
    ] as unknown[];
  const col = (c: (typeof CUSTOMER_COLUMNS)[number]) => CUSTOMER_COLUMNS.indexOf(c);
  return {
    table: 'customers_master',
    currency: 'INR',
    columns: [...CUSTOMER_COLUMNS] as never,
    rows: rows.map((r, i) => {
      const row = base(i);
      row[col('cluster_id')] = r.cluster;
      row[col('churn_risk')] = r.churn;
      row[col('discount_share')] = r.discount;
      row[col('clv_proxy')] = r.clv;
      return row as CustomerRow;
    }),
  };
}

describe('traits in plain words', () => {
  it('phrases frequency as a ratio and scores as "x vs y"', () => {
    expect(
      describeTrait(trait('orders_per_month', 'Orders per month', 0.7342, 0.4359, 0.7), 'INR'),
    ).toMatchObject({
      text: 'Orders 1.7× as often (0.73 a month vs 0.44)',
      direction: 'higher',
    });
    expect(describeTrait(trait('churn_risk', 'Churn risk', 76.31, 50, 1.2), 'INR').text).toBe(
      'Churn risk 76 vs 50',
    );
    expect(describeTrait(trait('clv_proxy', 'CLV proxy', 4.5843, 11.5585, -0.4), 'INR')).toMatchObject({
      text: 'CLV proxy 4.6 vs 11.6',
      direction: 'lower',
    });
    expect(describeTrait(trait('discount_share', 'Discount share', 0.1742, 0.0246, 3), 'INR').text).toBe(
      'Discounts are 17.4% of spend vs 2.5%',
    );
    expect(
      describeTrait(trait('recency_days', 'Days since last order', 42.84, 221.28, -0.9), 'INR').text,
    ).toBe('Last order 43 days ago vs 221');
    expect(
      describeTrait(trait('avg_order_value', 'Average order value', 34409.31, 16466.22, 1), 'INR').text,
    ).toBe('Spends 2.1× as much per order (₹34,409 vs ₹16,466)');
  });

  it('uses the currency it is given', () => {
    expect(describeTrait(trait('avg_order_value', 'AOV', 200, 100, 1), 'EUR').text).toContain('€200');
  });

  it('keeps the pipeline traits and tops them up to three from the profile by |z|', () => {
    const ts = distinguishingTraits(regulars, 'INR');
    expect(ts.map((t) => t.metric)).toEqual(['orders_per_month', 'churn_risk', 'recency_days']);
    expect(distinguishingTraits(deal, 'INR')).toHaveLength(4);
  });
});

describe('categories', () => {
  it('lists top intents in the pipeline order with their affinity index', () => {
    expect(topIntents(regulars, affinity, 3)).toEqual([
      { intent: 'Home Care', index: 1.3, spendSharePct: 12 },
      { intent: 'Wellness', index: 0.9, spendSharePct: 8 },
      { intent: 'Comfort Living', index: null, spendSharePct: null },
    ]);
  });

  it('ranks families by index among those with a meaningful spend share', () => {
    expect(topFamilies(0, affinity, 2).map((f) => f.name)).toEqual(['Candles', 'Teas']);
    // Three wanted, two qualify at 1%: the threshold halves and Soap (0.7%) joins; the 0.2% niche never does.
    expect(topFamilies(0, affinity, 3).map((f) => f.name)).toEqual(['Candles', 'Soap', 'Teas']);
    expect(topFamilies(0, null)).toEqual([]);
  });
});

describe('persona cards', () => {
  const cards = buildPersonaCards(tables, 'INR');

  it('has one card per persona with its numbers from the tables', () => {
    expect(cards).toHaveLength(2);
    const [a, b] = cards;
    expect(a).toMatchObject({
      clusterId: 0,
      name: 'Regulars',
      color: personaColor(0),
      customers: 60,
      customerSharePct: 60,
      revenueSharePct: 80.26,
      avgClvProxy: 23.55,
      avgChurnRisk: 31.89,
      overallChurnRisk: 50,
      churnBand: 'low',
      onlineOrderSharePct: 40.65,
      crmPlays: ['Play for Regulars'],
    });
    expect(b?.churnBand).toBe('high');
    expect(b?.topFamilies.map((f) => f.name)).toEqual(['Candles']);
  });

  it('summarises where value and risk sit', () => {
    expect(personasTakeaway(cards)).toBe(
      '2 personas from 100 customers. Regulars are 60.0% of customers and bring 80.3% of revenue. Deal Seekers carry the highest churn risk (61 vs 50 overall).',
    );
    expect(personasTakeaway([])).toBe('No personas in this build.');
  });

  it('still builds cards when the side tables are missing', () => {
    const bare = buildPersonaCards({ segmentation, revenue: null, behaviour: null, affinity: null }, 'INR');
    expect(bare[0]).toMatchObject({
      customerSharePct: 60,
      revenueSharePct: null,
      onlineOrderSharePct: null,
      churnBand: null,
    });
  });
});

describe('key metrics', () => {
  it('keys every persona and all customers, formatted', () => {
    const metrics = buildKeyMetrics(tables, 'INR');
    const byKey = Object.fromEntries(metrics.map((m) => [m.key, m.values]));
    expect(byKey.revenue_share_pct?.['0']).toEqual({ value: 80.26, text: '80.3%' });
    expect(byKey.customers?.[ALL_CUSTOMERS_KEY]).toEqual({ value: 100, text: '100' });
    expect(byKey.avg_order_value?.['1']?.text).toBe('₹13,982');
    expect(byKey.online_order_share_pct?.['1']?.value).toBe(55);
  });
});

describe('distributions', () => {
  const data = master([
    { cluster: 0, churn: 5, discount: 0, clv: 1 },
    { cluster: 0, churn: 15, discount: 0, clv: 2 },
    { cluster: 0, churn: 15, discount: 0.01, clv: 3 },
    { cluster: 0, churn: 25, discount: 0.02, clv: 4 },
    { cluster: 1, churn: 95, discount: 0.2, clv: 1 },
    { cluster: 1, churn: 100, discount: 0.3, clv: 1 },
    { cluster: 1, churn: 85, discount: 0, clv: 1 },
    { cluster: 1, churn: 15, discount: 0, clv: 1 },
  ]);
  const dists = personaDistributions(buildPersonaDistributions(data), 'INR');
  const churn = dists.find((d) => d.metric === 'churn_risk')!;

  it('gives every group the same bins, as % of the group', () => {
    expect(churn.binLabels).toHaveLength(10);
    expect(churn.binLabels[0]).toBe('0–10');
    expect(Object.keys(churn.groups).sort()).toEqual(['0', '1', ALL_CUSTOMERS_KEY]);
    for (const g of Object.values(churn.groups)) {
      expect(g.pct).toHaveLength(10);
      expect(g.pct.reduce((s, v) => s + v, 0)).toBeCloseTo(100, 1);
    }
    expect(churn.groups['0']?.pct.slice(0, 3)).toEqual([25, 50, 25]);
    expect(churn.groups['1']?.pct[9]).toBe(50); // 95 and 100 (closed top bin)
    expect(churn.groups[ALL_CUSTOMERS_KEY]).toMatchObject({
      count: 8,
      median: 20,
      medianText: '20',
      aboveOverallMedianPct: 50,
    });
    expect(churn.groups['1']?.aboveOverallMedianPct).toBe(75);
    expect(churn.overallMedianText).toBe('20');
  });

  it('reads discount shares as percentages', () => {
    const discount = dists.find((d) => d.metric === 'discount_share')!;
    expect(discount.binLabels[0]).toMatch(/^0%–/);
    expect(discount.groups['0']?.medianText).toBe('0.5%');
  });

  it('writes a takeaway with both medians and the share above the all-customer median', () => {
    const a = { key: '0', name: 'Regulars' };
    const all = { key: ALL_CUSTOMERS_KEY, name: ALL_CUSTOMERS_LABEL };
    expect(distributionTakeaway(churn, { key: '1', name: 'Deal Seekers' }, a)).toBe(
      'Median churn risk: 90 for Deal Seekers vs 15 for Regulars (6.0×); 75% of Deal Seekers are above the all-customer median (20), against 25% of Regulars.',
    );
    expect(distributionTakeaway(churn, a, all)).toBe(
      'Median churn risk: 15 for Regulars vs 20 for all customers (0.8×); 25% of Regulars are above the all-customer median (20).',
    );
  });

  it('falls back to averages when both medians are zero, and notes similar shares', () => {
    const d: Distribution = {
      metric: 'discount_share',
      label: 'Discount share of spend',
      axisLabel: '',
      binLabels: ['0%–2%', '2% or more'],
      overallMedianText: '0.0%',
      overallMedianIsZero: true,
      groups: {
        a: {
          pct: [90, 10],
          count: 10,
          median: 0,
          medianText: '0.0%',
          mean: 0.02,
          meanText: '2.0%',
          aboveOverallMedianPct: 40,
        },
        b: {
          pct: [89, 11],
          count: 10,
          median: 0,
          medianText: '0.0%',
          mean: 0.01,
          meanText: '1.0%',
          aboveOverallMedianPct: 38,
        },
      },
    };
    expect(distributionTakeaway(d, { key: 'a', name: 'A' }, { key: 'b', name: 'B' })).toBe(
      'Average discount share of spend: 2.0% for A vs 1.0% for B (2.0×); about as many of each have a non-zero discount share of spend: 40% vs 38%.',
    );
    expect(distributionTakeaway(d, { key: 'a', name: 'A' }, { key: 'zz', name: 'Z' })).toMatch(/^No /);
  });

  it('keeps acronyms when lower-casing a label', () => {
    expect(lowerFirst('CLV proxy')).toBe('CLV proxy');
    expect(lowerFirst('Orders per month')).toBe('orders per month');
  });
});

describe('profile and navigation', () => {
  it('formats profile values in their units', () => {
    const rows = profileRows(regulars, 'INR');
    expect(rows.find((r) => r.metric === 'discount_share')).toMatchObject({ value: '2.3%', overall: '2.5%' });
    expect(rows.find((r) => r.metric === 'avg_order_value')).toMatchObject({
      value: '₹15,349',
      overall: '₹16,466',
    });
    expect(rows.find((r) => r.metric === 'orders_per_month')?.ratio).toBe(1.684);
  });

  it('wraps previous and next around the list', () => {
    expect(neighbours([1, 2, 3], 0)).toEqual({ prev: 3, next: 2 });
    expect(neighbours([1, 2, 3], 2)).toEqual({ prev: 2, next: 1 });
    expect(neighbours([1], 0)).toEqual({ prev: null, next: null });
  });
});

describe('personaLede', () => {
  it('keeps the first sentence, where decimals do not end one', () => {
    expect(
      personaLede('Valuable customers whose activity is falling away. 1,940 customers (19.4% of the base).'),
    ).toBe('Valuable customers whose activity is falling away.');
    expect(personaLede('One sentence only.')).toBe('One sentence only.');
  });
});
