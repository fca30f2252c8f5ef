import type { ProductAffinity } from '@/lib/schema/product-affinity';
import { describe, expect, it } from 'vitest';
import {
  affinityTable,
  affinityTakeaways,
  buildAffinityGrid,
  buildLiftGrid,
  combinedShare,
  crossSellLists,
  crossSellSentence,
  crossSellTable,
  crossSellTakeaway,
  crowd,
  divergingLabels,
  divergingValueAt,
  familyColumns,
  familyLiftGrid,
  indexLimit,
  intentLiftGrid,
  liftLimit,
  liftTable,
  liftTakeaway,
  lowerTriangle,
  matrixMax,
  metricTakeaway,
  personaSignatures,
  personasOf,
  seriateByLift,
  sharedPairs,
  subsetColumns,
  topFamilyIds,
} from './affinity';

const cell = (
  cluster_id: number,
  category: string | number,
  share: number,
  pen: number,
  index: number,
  spend = 100,
) => ({
  cluster_id,
  category,
  spend,
  spend_share_pct: share,
  penetration_pct: pen,
  index,
});

/** Two personas, two intents, four families (intent B listed first in families to test ordering). */
const PA: ProductAffinity = {
  table: 'product_affinity',
  currency: 'INR',
  intents: ['Hosting', 'Everyday'],
  families: [
    { family_id: 1, family_name: 'Bread', intent: 'Everyday' },
    { family_id: 2, family_name: 'Cheese', intent: 'Hosting' },
    { family_id: 3, family_name: 'Wine', intent: 'Hosting' },
    { family_id: 4, family_name: 'Milk', intent: 'Everyday' },
  ],
  intent_cells: [
    cell(0, 'Hosting', 60, 90, 1.2, 600),
    cell(0, 'Everyday', 40, 95, 0.8, 400),
    cell(1, 'Hosting', 30, 40, 0.6, 300),
    cell(1, 'Everyday', 70, 99, 1.4, 700),
  ],
  family_cells: [
    cell(0, 1, 10, 50, 0.5),
    cell(0, 2, 35, 60, 1.1),
    cell(0, 3, 25, 30, 1.6),
    cell(0, 4, 30, 70, 1.0),
    cell(1, 1, 30, 80, 1.5),
    cell(1, 2, 20, 20, 0.6),
    cell(1, 3, 0.2, 1, 3.5),
    cell(1, 4, 49.8, 90, 1.0),
  ],
  overall_intents: [
    { category: 'Hosting', spend: 900, spend_share_pct: 50, penetration_pct: 70, orders: 10 },
    { category: 'Everyday', spend: 1100, spend_share_pct: 50, penetration_pct: 97, orders: 12 },
  ],
  overall_families: [
    { category: 1, spend: 1, spend_share_pct: 20, penetration_pct: 1, orders: 1 },
    { category: 2, spend: 1, spend_share_pct: 30, penetration_pct: 1, orders: 1 },
    { category: 3, spend: 1, spend_share_pct: 0.3, penetration_pct: 1, orders: 1 },
    { category: 4, spend: 1, spend_share_pct: 49.7, penetration_pct: 1, orders: 1 },
  ],
  orders: 1000,
  intent_lift: [['Hosting', 'Everyday', 400, 1.3]],
  family_lift: [
    [1, 2, 50, 2.5],
    [1, 4, 300, 0.9],
    [2, 4, 40, 1.2],
  ],
  min_pair_orders: 20,
  cross_sell: [],
  attach_rise_pct: 5,
  top_pairs_by_cluster: [
    { cluster_id: 1, persona: 'Premium but At-Risk', pairs: [[1, 2, 25, 2.1]] },
    {
      cluster_id: 0,
      persona: 'Engaged Regulars',
      pairs: [
        [2, 4, 30, 1.5],
        [1, 2, 22, 3.25],
      ],
    },
  ],
};

describe('persona × category grids', () => {
  it('names personas by cluster id, in cluster order', () => {
    expect(personasOf(PA)).toEqual([
      { clusterId: 0, persona: 'Engaged Regulars' },
      { clusterId: 1, persona: 'Premium but At-Risk' },
    ]);
  });

  it('builds the intent grid with every metric in the table’s intent order', () => {
    const g = buildAffinityGrid(PA, 'intent');
    expect(g.columns.map((c) => c.id)).toEqual(['Hosting', 'Everyday']);
    expect(g.share).toEqual([
      [60, 40],
      [30, 70],
    ]);
    expect(g.penetration[1]).toEqual([40, 99]);
    expect(g.index[0]).toEqual([1.2, 0.8]);
    expect(g.spend[1]).toEqual([300, 700]);
    expect(g.overallShare).toEqual([50, 50]);
    expect(g.overallPenetration).toEqual([70, 97]);
  });

  it('orders family columns by intent, then by everyone’s spend share, with the intent as group', () => {
    expect(familyColumns(PA)).toEqual([
      { id: '2', label: 'Cheese', group: 'Hosting' },
      { id: '3', label: 'Wine', group: 'Hosting' },
      { id: '4', label: 'Milk', group: 'Everyday' },
      { id: '1', label: 'Bread', group: 'Everyday' },
    ]);
    const g = buildAffinityGrid(PA, 'family');
    expect(g.share[1]).toEqual([20, 0.2, 49.8, 30]);
    expect(g.overallShare).toEqual([30, 0.3, 49.7, 20]);
  });

  it('leaves missing cells null', () => {
    const pa = { ...PA, intent_cells: PA.intent_cells.slice(0, 3) };
    expect(buildAffinityGrid(pa, 'intent').share[1]).toEqual([30, null]);
  });

  it('picks the top families by overall spend share and keeps the intent ordering when subsetting', () => {
    expect(topFamilyIds(PA, 2)).toEqual(['4', '2']);
    const g = subsetColumns(buildAffinityGrid(PA, 'family'), topFamilyIds(PA, 2));
    expect(g.columns.map((c) => c.label)).toEqual(['Cheese', 'Milk']);
    expect(g.index).toEqual([
      [1.1, 1.0],
      [0.6, 1.0],
    ]);
    expect(g.overallShare).toEqual([30, 49.7]);
    expect(combinedShare(buildAffinityGrid(PA, 'family'), ['4', '2'])).toBeCloseTo(79.7);
  });
});

describe('colour scales', () => {
  it('scales sequential colours to the largest visible cell', () => {
    expect(matrixMax([[1, null, 7], [3]])).toBe(7);
    expect(matrixMax([[null]])).toBe(0);
  });

  it('chooses a diverging limit that covers 95% of the cells on a log scale', () => {
    expect(indexLimit([[1.1, 0.9, 1.2]])).toBe(1.25);
    expect(indexLimit([[0.69, 1.3]])).toBe(1.5); // 1 / 0.69 = 1.45
    expect(indexLimit([[0.4, 1]])).toBe(3);
    expect(indexLimit([[10]])).toBe(4);
    expect(indexLimit([[null]])).toBe(2);
    // One outlier in 40 cells does not stretch the scale.
    expect(indexLimit([[...Array.from({ length: 39 }, () => 1.2), 9]])).toBe(1.25);
  });

  it('labels the diverging legend symmetrically around 1×', () => {
    expect(divergingLabels(2)).toEqual(['≤0.5×', '1×', '≥2×']);
    expect(divergingLabels(1.25)).toEqual(['≤0.8×', '1×', '≥1.25×']);
    expect(divergingValueAt(0, 2)).toBeCloseTo(0.5);
    expect(divergingValueAt(0.5, 2)).toBeCloseTo(1);
    expect(divergingValueAt(1, 2)).toBeCloseTo(2);
  });
});

describe('tables', () => {
  it('lays the grid out one row per category, one column per persona, for the metric shown', () => {
    const t = affinityTable(buildAffinityGrid(PA, 'intent'), 'share');
    expect(t.columns.map((c) => c.key)).toEqual(['category', 'p0', 'p1', 'all']);
    expect(t.columns[1]).toEqual({
      key: 'p0',
      label: 'Engaged Regulars (Share %)',
      format: 'pct',
      decimals: 1,
    });
    expect(t.rows).toEqual([
      { category: 'Hosting', p0: 60, p1: 30, all: 50 },
      { category: 'Everyday', p0: 40, p1: 70, all: 50 },
    ]);
    const pen = affinityTable(buildAffinityGrid(PA, 'intent'), 'penetration');
    expect(pen.rows[1]).toEqual({ category: 'Everyday', p0: 95, p1: 99, all: 97 });
  });

  it('has no all-customers column for the index (1× by definition) and adds the intent for families', () => {
    const t = affinityTable(buildAffinityGrid(PA, 'family'), 'index');
    expect(t.columns.map((c) => c.key)).toEqual(['category', 'intent', 'p0', 'p1']);
    expect(t.columns[2]?.format).toBe('ratio');
    expect(t.rows[0]).toEqual({ category: 'Cheese', intent: 'Hosting', p0: 1.1, p1: 0.6 });
    expect(t.rows).toHaveLength(4);
  });
});

describe('takeaways', () => {
  it('reads persona names as plural subjects', () => {
    expect(crowd('Occasional Premiums')).toBe('Occasional Premiums');
    expect(crowd('Premium but At-Risk')).toBe('Premium but At-Risk shoppers');
  });

  it('names the strongest over- and under-index', () => {
    expect(metricTakeaway(buildAffinityGrid(PA, 'intent'), 'index')).toBe(
      'Premium but At-Risk shoppers over-index most on Everyday (1.40×) and under-index most on Hosting (0.60×).',
    );
  });

  it('ignores tiny families in family-level index takeaways and says so', () => {
    // Wine (0.3% of spend) has the highest index (3.5×) but is too small to headline.
    expect(metricTakeaway(buildAffinityGrid(PA, 'family'), 'index')).toBe(
      'Premium but At-Risk shoppers over-index most on Bread (1.50×); ' +
        'Engaged Regulars under-index most on Bread (0.50×) (among families with at least 0.5% of all spend).',
    );
  });

  it('names the category with the largest share of spend and for how many personas', () => {
    expect(metricTakeaway(buildAffinityGrid(PA, 'intent'), 'share')).toBe(
      'Hosting takes the largest share of spend for 1 of 2 personas (30.0%–60.0% of each persona’s spend).',
    );
  });

  it('names the widest- and narrowest-reaching category', () => {
    expect(metricTakeaway(buildAffinityGrid(PA, 'intent'), 'penetration')).toBe(
      'Everyday reaches the most customers (95%–99% of each persona); Hosting the fewest (40%–90%).',
    );
  });

  it('builds headline takeaways from the data', () => {
    const lines = affinityTakeaways(PA);
    expect(lines[0]).toBe(
      'Premium but At-Risk shoppers over-index most on Everyday (1.40×): 70.0% of their spend against 50.0% for all customers.',
    );
    expect(lines[1]).toContain('under-index most on Hosting (0.60×)');
    expect(lines[2]).toContain('Bread (1.50×');
    expect(lines[3]).toBe(
      'Hosting and Everyday are the most natural companions: bought in the same order 1.30× as often as chance (400 orders).',
    );
    expect(lines[4]).toBe(
      'Among Engaged Regulars, customers who buy Bread are 3.3× as likely to buy Cheese in the same order: the strongest cross-sell pair.',
    );
    expect(lines[5]).toContain('Bread + Cheese is a top cross-sell pair for 2 personas');
  });

  it('gives each persona its signature intents and top family', () => {
    const sig = personaSignatures(buildAffinityGrid(PA, 'intent'), buildAffinityGrid(PA, 'family'));
    expect(sig[0]).toEqual({
      clusterId: 0,
      persona: 'Engaged Regulars',
      leansTo: { category: 'Hosting', index: 1.2 },
      leansAway: { category: 'Everyday', index: 0.8 },
      topFamily: { category: 'Cheese', index: 1.1 },
    });
    // Wine's 3.5× is left out: under 0.5% of all spend.
    expect(sig[1]?.topFamily).toEqual({ category: 'Bread', index: 1.5 });
  });
});

describe('lift', () => {
  it('builds a symmetric matrix with an empty diagonal', () => {
    const g = intentLiftGrid(PA);
    expect(g.lift).toEqual([
      [null, 1.3],
      [1.3, null],
    ]);
    expect(g.orders[1]?.[0]).toBe(400);
    expect(g.totalOrders).toBe(1000);
  });

  it('leaves pairs below the minimum order count null for families', () => {
    const g = familyLiftGrid(PA, 3);
    expect(g.categories.map((c) => c.label)).toEqual(['Cheese', 'Milk', 'Bread']);
    expect(g.lift).toEqual([
      [null, 1.2, 2.5],
      [1.2, null, 0.9],
      [2.5, 0.9, null],
    ]);
    expect(g.minPairOrders).toBe(20);
    const sparse = buildLiftGrid(g.categories, [[2, 4, 40, 1.2]], 1000, 20);
    expect(sparse.lift[0]?.[2]).toBeNull();
  });

  it('lists each pair once, strongest first, and says which pull hardest', () => {
    const g = familyLiftGrid(PA, 3);
    expect(liftTable(g, 'family').rows).toEqual([
      { a: 'Cheese', b: 'Bread', orders: 50, lift: 2.5 },
      { a: 'Cheese', b: 'Milk', orders: 40, lift: 1.2 },
      { a: 'Milk', b: 'Bread', orders: 300, lift: 0.9 },
    ]);
    expect(liftTakeaway(g)).toBe(
      'Cheese and Bread land in the same order 2.50× as often as chance would predict; Milk with Bread the least (0.90×).',
    );
  });
});

describe('the lift heatmap', () => {
  // A, B, C, D with lifts A–B 1.1, A–C 2.0, A–D 0.9, B–C 1.0, B–D 1.5, C–D 0.8.
  const lift = [
    [null, 1.1, 2.0, 0.9],
    [1.1, null, 1.0, 1.5],
    [2.0, 1.0, null, 0.8],
    [0.9, 1.5, 0.8, null],
  ];

  it('orders categories so related ones sit side by side', () => {
    // Start from A–C (2.0). Ends A and C: B joins A (1.1, the best). Ends B and C: D joins B (1.5).
    expect(seriateByLift(lift)).toEqual([3, 1, 0, 2]);
    // An intent with no measured lift to the chain comes next in its own order.
    expect(
      seriateByLift([
        [null, 1.4, null],
        [1.4, null, null],
        [null, null, null],
      ]),
    ).toEqual([0, 1, 2]);
  });

  it('shows each pair once, below the diagonal', () => {
    expect(lowerTriangle(lift)).toEqual([
      [null, null, null, null],
      [1.1, null, null, null],
      [2.0, 1.0, null, null],
      [0.9, 1.5, 0.8, null],
    ]);
  });

  it('ends its scale at 2× or at the widest lift, so nothing saturates and weak lifts stay pale', () => {
    expect(liftLimit([[0.97, 1.29]])).toBe(2);
    expect(liftLimit([[1.1, 2.5]])).toBe(3);
    expect(liftLimit([[0.3, 1.2]])).toBe(4); // 1 ÷ 0.3 = 3.3
    expect(liftLimit([[null, 1.1]])).toBe(2);
  });
});

describe('cross-sell', () => {
  it('names the families of each persona’s pairs, strongest first, in cluster order', () => {
    const lists = crossSellLists(PA);
    expect(lists.map((l) => l.persona)).toEqual(['Engaged Regulars', 'Premium but At-Risk']);
    expect(lists[0]?.pairs[0]).toEqual({
      a: 'Bread',
      b: 'Cheese',
      aIntent: 'Everyday',
      bIntent: 'Hosting',
      aId: 1,
      bId: 2,
      orders: 22,
      lift: 3.25,
    });
    expect(crossSellTable(lists).rows).toHaveLength(3);
  });

  it('phrases a pair for a merchandiser', () => {
    expect(crossSellSentence({ a: 'Bread', b: 'Cheese', lift: 3.25 })).toBe(
      'Customers who buy Bread are 3.3× as likely to buy Cheese in the same order',
    );
  });

  it('finds pairs shared across personas and the strongest pair', () => {
    const lists = crossSellLists(PA);
    expect(sharedPairs(lists)).toEqual([
      { a: 'Bread', b: 'Cheese', personas: ['Engaged Regulars', 'Premium but At-Risk'] },
    ]);
    expect(crossSellTakeaway(lists)).toBe(
      'Strongest pull: for Engaged Regulars, Bread + Cheese (3.3×, 22 orders together). Bread + Cheese appears in the top-2 lists of 2 personas.',
    );
  });
});
