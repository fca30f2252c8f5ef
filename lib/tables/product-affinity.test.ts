import { tinyLog, type TinyOrder } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { buildProductAffinity } from './product-affinity';
import { tinyContext } from './test-context.test-util';

// Categories (tiny-log): index 0 Red wines (id 1, Hosting), 1 Milk (id 2, Everyday), 2 Soap (id 3, Personal Care).
// "Gifting" has no category: an intent nobody can buy.
const INTENTS = ['Everyday Essentials', 'Hosting & Entertaining', 'Personal Care', 'Gifting'];

// Customer 0 (cluster 0): 20 orders of wine 10 + milk 5 — exactly the 20 orders a family pair needs.
// Customer 1 (cluster 0): milk 20; then soap 5.
// Customer 2 (cluster 1): soap 30 + milk 10 in one order.
const orders: TinyOrder[] = [
  ...Array.from({ length: 20 }, (_, d): TinyOrder => ({
    customer: 0,
    day: d,
    gross: 15,
    lines: [
      [0, 1, 10],
      [1, 1, 5],
    ],
  })),
  { customer: 1, day: 3, gross: 20, lines: [[1, 2, 20]] },
  { customer: 1, day: 9, gross: 5, lines: [[2, 1, 5]] },
  {
    customer: 2,
    day: 4,
    gross: 40,
    lines: [
      [2, 1, 30],
      [1, 1, 10],
    ],
  },
];
const ctx = tinyContext({
  log: tinyLog(3, orders),
  clusterOf: [0, 0, 1],
  k: 2,
  personas: ['Hosts', 'Carers'],
});

// Spend: cluster 0 wine 200, milk 120, soap 5 (325); cluster 1 milk 10, soap 30 (40); all 365.
describe('buildProductAffinity', () => {
  const table = buildProductAffinity(ctx, INTENTS);
  const cell = (cells: typeof table.family_cells, cluster: number, category: string | number) =>
    cells.find((c) => c.cluster_id === cluster && c.category === category)!;

  it('gives each cluster × family its spend share, penetration and index against everyone', () => {
    // Wine, cluster 0: share 200/325 = 61.538 %; index (200/325) ÷ (200/365) = 365/325 = 1.123.
    expect(cell(table.family_cells, 0, 1)).toEqual({
      cluster_id: 0,
      category: 1,
      spend: 200,
      spend_share_pct: 61.538,
      penetration_pct: 50, // customer 0 of 2
      index: 1.123,
    });
    // Milk, cluster 0: 120/325 = 36.923 %; index (120·365)/(325·130) = 1.037; both customers bought it.
    expect(cell(table.family_cells, 0, 2)).toMatchObject({
      spend_share_pct: 36.923,
      penetration_pct: 100,
      index: 1.037,
    });
    // Soap, cluster 1: 30/40 = 75 %; index 0.75 ÷ (35/365) = 7.821.
    expect(cell(table.family_cells, 1, 3)).toMatchObject({
      spend: 30,
      spend_share_pct: 75,
      penetration_pct: 100,
      index: 7.821,
    });
    // Wine, cluster 1: never bought.
    expect(cell(table.family_cells, 1, 1)).toMatchObject({
      spend: 0,
      spend_share_pct: 0,
      penetration_pct: 0,
      index: 0,
    });
    // Cluster-major order, families in log order.
    expect(table.family_cells.map((c) => `${c.cluster_id}:${c.category}`)).toEqual([
      '0:1',
      '0:2',
      '0:3',
      '1:1',
      '1:2',
      '1:3',
    ]);
  });

  it('groups families into intents, and gives an intent nobody buys index 0, not NaN', () => {
    expect(cell(table.intent_cells, 0, 'Hosting & Entertaining')).toMatchObject({ spend: 200, index: 1.123 });
    expect(cell(table.intent_cells, 1, 'Everyday Essentials')).toMatchObject({
      spend_share_pct: 25,
      index: 0.702,
    });
    expect(cell(table.intent_cells, 0, 'Gifting')).toEqual({
      cluster_id: 0,
      category: 'Gifting',
      spend: 0,
      spend_share_pct: 0,
      penetration_pct: 0,
      index: 0,
    });
  });

  it('summarises every family over all customers', () => {
    expect(table.overall_families).toEqual([
      { category: 1, spend: 200, spend_share_pct: 54.795, penetration_pct: 33.33, orders: 20 }, // 200/365, 1 of 3
      { category: 2, spend: 130, spend_share_pct: 35.616, penetration_pct: 100, orders: 22 }, // 130/365
      { category: 3, spend: 35, spend_share_pct: 9.589, penetration_pct: 66.67, orders: 2 }, // 35/365, 2 of 3
    ]);
    expect(table.orders).toBe(23);
    expect(table.families[0]).toEqual({
      family_id: 1,
      family_name: 'Red wines',
      intent: 'Hosting & Entertaining',
    });
  });

  it('gives lift = P(a and b) ÷ (P(a)·P(b)), family pairs only from 20 shared orders', () => {
    // Wine & milk: 20 of 23 orders; wine in 20, milk in 22: 20·23 / (20·22) = 1.045.
    expect(table.family_lift).toEqual([[1, 2, 20, 1.045]]); // milk & soap share 1 order: too thin
    expect(table.min_pair_orders).toBe(20);
    // Intents need 1 shared order: Everyday & Personal Care share customer 2's order: 1·23 / (22·2) = 0.523.
    expect(table.intent_lift).toEqual([
      ['Everyday Essentials', 'Hosting & Entertaining', 20, 1.045],
      ['Everyday Essentials', 'Personal Care', 1, 0.523],
    ]);
  });

  it('ranks top pairs within a cluster; a cluster without 20 shared orders has none', () => {
    // Cluster 0 alone: 22 orders, wine in 20, milk in 21: 20·22 / (20·21) = 1.048.
    expect(table.top_pairs_by_cluster).toEqual([
      { cluster_id: 0, persona: 'Hosts', pairs: [[1, 2, 20, 1.048]] },
      { cluster_id: 1, persona: 'Carers', pairs: [] },
    ]);
  });

  it('ranks cross-sells A → B by what 5 more points of attach rate would be worth', () => {
    // Only wine + milk reach 20 orders together (soap + milk: 1). 23 orders in all; wine is in 20,
    // milk in 22 (spend 100 + 20 + 10 = 130), so milk's spend per order holding it is 130/22 = 5.909.
    // Milk → wine: 20 of 22 milk orders hold wine (90.91 %); 5 % of 22 orders × wine's 200/20 = 11.
    // Wine → milk: 20 of 20 (100 %); 5 % of 20 orders × 5.909 = 5.91. Lift 20·23/(20·22) = 1.045.
    // Every wine + milk order is worth 10 + 5 = 15.
    expect(table.cross_sell).toEqual([
      [2, 1, 22, 20, 90.91, 1.045, 15, 10, 11],
      [1, 2, 20, 20, 100, 1.045, 15, 5.91, 5.91],
    ]);
    expect(table.attach_rise_pct).toBe(5);
  });
});
