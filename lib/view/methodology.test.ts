import { limitations, sourceQuirks } from '@/content/limitations';
import { metricGroups } from '@/content/metrics';
import { TABLE_INFO } from '@/lib/schema';
import { SCHEMA_VERSION, type Manifest } from '@/lib/schema/manifest';
import type { Segmentation } from '@/lib/schema/segmentation';
import { describe, expect, it } from 'vitest';
import {
  centroidView,
  dataModel,
  elbowOf,
  kChoice,
  layoutKChart,
  layoutScatter,
  layoutStar,
  layoutTree,
  methodKpis,
  pcaScatter,
  versionRows,
  type DiagramBox,
} from './methodology';

const FEATURES: Segmentation['features'] = [
  { key: 'loyalty_score', label: 'Loyalty score', transform: 'none', mean: 50, sd: 25 },
  { key: 'avg_order_value', label: 'Average order value (log)', transform: 'log1p', mean: 9.3, sd: 0.9 },
  { key: 'discount_share', label: 'Discount share', transform: 'none', mean: 0.025, sd: 0.05 },
];

function segmentation(overrides: Partial<Segmentation> = {}): Segmentation {
  const persona = (cluster_id: number, name: string, customers: number) => ({
    cluster_id,
    persona: name,
    archetype: null,
    archetype_fit: null,
    customers,
    description: name,
    crm_plays: ['play'],
    traits: [],
    profile: [],
    top_intents: [],
  });
  return {
    table: 'segmentation',
    k: 3,
    seed: 42,
    features: FEATURES,
    // A clear elbow at k = 3; silhouette highest at k = 2.
    diagnostics: [
      { k: 2, inertia: 1000, silhouette: 0.4 },
      { k: 3, inertia: 500, silhouette: 0.35 },
      { k: 4, inertia: 420, silhouette: 0.3 },
      { k: 5, inertia: 380, silhouette: 0.28 },
    ],
    diagnostics_sample: { kmeans_rows: 400, silhouette_rows: 150 },
    kmeans: { inertia: 1200, iterations: 10, restarts: 4, fitted_on: 600, library: 'ml-kmeans (k-means++)' },
    centroids: [
      { cluster_id: 0, persona: 'Regulars', z: [1.2, 0.1, -0.2], original: [80, 11000, 0.02] },
      { cluster_id: 1, persona: 'Bargain Hunters', z: [-0.3, -0.4, 2.5], original: [40, 7000, 0.15] },
      { cluster_id: 2, persona: 'Big Baskets', z: [-0.5, -1.8, 0.1], original: [30, 30000, 0.01] },
    ],
    personas: [
      persona(0, 'Regulars', 300),
      persona(1, 'Bargain Hunters', 200),
      persona(2, 'Big Baskets', 100),
    ],
    pca: {
      explained_variance: [0.5, 0.3, 0.2],
      loadings: [
        [0.7, 0.1, -0.6],
        [0.05, -0.8, 0.55],
      ],
      points: [
        [1, 2, 0, 'C1'],
        [-1, 0.5, 0, 'C2'],
        [0, -1, 1, 'C3'],
        [2.5, -2, 2, 'C4'],
        [-2, 1, 0, 'C5'],
      ],
    },
    ...overrides,
  };
}

function manifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    schema_version: SCHEMA_VERSION,
    title: 't',
    config: {
      seed: 7,
      customers: 600,
      months: 24,
      window_start: '2024-10-01',
      window_end: '2026-09-30',
      recent_months: 6,
      k: 3,
      currency: 'INR',
      usd_to_currency: 83,
    },
    sources: { repository: 'r', commit: 'c', citation: 'cite', licence: 'l', files: [] },
    versions: { app: '0.1.0', packages: { 'ml-kmeans': '7.0.1', 'ml-pca': '4.1.1' } },
    counts: { customers: 600, orders: 3000, order_lines: 15000, marketing_touches: 50000 },
    tables: [
      { name: 'customers_master', grain: 'g', key: 'customer_id', rows: 600, files: [], description: '' },
      { name: 'segmentation', grain: 'g', key: 'cluster_id', rows: 3, files: [], description: '' },
    ],
    notes: [
      'Customers, orders and marketing touches are synthetic.',
      'Generator price substitution: Beers coolers: priced like the median family of its intent.',
      'Demand and Shopping Behavior.csv, aisle 83 (Fresh vegetables): emotional flag "2", read as Yes.',
    ],
    provenance: { kind: 'synthetic' },
    ...overrides,
  };
}

const overlaps = (a: DiagramBox, b: DiagramBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('dataModel', () => {
  const info = {
    customers_master: { grain: 'one row per customer', key: 'customer_id', description: '' },
    clv_proxy: { grain: 'customer', key: 'customer_id, cluster_id', description: '' },
    revenue_by_cluster: { grain: 'cluster', key: 'cluster_id', description: '' },
    product_affinity: { grain: 'cluster × category', key: 'cluster_id, category', description: '' },
    demand_summary: { grain: 'family', key: 'family_id', description: '' },
    lonely: { grain: 'x', key: 'x_id', description: '' },
  };

  it('given keys, puts customers_master at the centre and joins each table on the keys it carries', () => {
    const model = dataModel(info, manifest());
    expect(model.nodes.map((n) => [n.name, n.kind])).toEqual([
      ['customers_master', 'centre'],
      ['clv_proxy', 'customer'],
      ['revenue_by_cluster', 'cluster'],
      ['product_affinity', 'cluster'],
      ['demand_summary', 'reference'],
      ['lonely', 'reference'],
    ]);
    expect(model.edges).toEqual([
      { from: 'clv_proxy', to: 'customers_master', on: 'customer_id', type: 'customer_id' },
      { from: 'clv_proxy', to: 'customers_master', on: 'cluster_id', type: 'cluster_id' },
      { from: 'revenue_by_cluster', to: 'customers_master', on: 'cluster_id', type: 'cluster_id' },
      { from: 'product_affinity', to: 'customers_master', on: 'cluster_id', type: 'cluster_id' },
      { from: 'demand_summary', to: 'product_affinity', on: 'family_id = category', type: 'reference' },
    ]);
    // Rows from the manifest where it has them.
    expect(model.nodes.find((n) => n.name === 'customers_master')!.rows).toBe(600);
    expect(model.nodes.find((n) => n.name === 'clv_proxy')!.rows).toBeNull();
    expect(model.joins.get('clv_proxy')).toBe('customers_master on customer_id, cluster_id');
    expect(model.takeaway).toContain('1 join it on customer_id, 2 on cluster_id');
  });

  it('covers every table of the registry, each once, with its grain and key', () => {
    const model = dataModel(TABLE_INFO, null);
    expect(model.nodes.map((n) => n.name).sort()).toEqual(Object.keys(TABLE_INFO).sort());
    expect([...model.joins.keys()].sort()).toEqual(Object.keys(TABLE_INFO).sort());
    for (const node of model.nodes) {
      const entry = TABLE_INFO[node.name as keyof typeof TABLE_INFO];
      expect(node.grain).toBe(entry.grain);
      expect(node.key).toBe(entry.key);
    }
    // Every non-centre table is connected to something.
    for (const n of model.nodes.filter((x) => x.kind !== 'centre')) {
      expect(
        model.edges.some((e) => e.from === n.name),
        n.name,
      ).toBe(true);
    }
  });

  it('lays the star out inside its frame without overlapping boxes, lines starting on box edges', () => {
    const model = dataModel(TABLE_INFO, null);
    for (const layout of [layoutStar(model), layoutTree(model)]) {
      expect(layout.boxes).toHaveLength(model.nodes.length);
      for (const b of layout.boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
        expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
      }
      for (let i = 0; i < layout.boxes.length; i++) {
        for (let j = i + 1; j < layout.boxes.length; j++) {
          expect(
            overlaps(layout.boxes[i]!, layout.boxes[j]!),
            `${layout.boxes[i]!.name} × ${layout.boxes[j]!.name}`,
          ).toBe(false);
        }
      }
    }
    const star = layoutStar(model);
    const centre = star.boxes.find((b) => b.name === 'customers_master')!;
    expect(centre.x + centre.width / 2).toBeCloseTo(star.width / 2);
    // Every star join ends on the centre box's border.
    for (const l of star.lines.filter((x) => x.type !== 'reference')) {
      const [ex, ey] = l.points[l.points.length - 1]!;
      const onX = Math.abs(ex - centre.x) < 1e-6 || Math.abs(ex - centre.x - centre.width) < 1e-6;
      const onY = Math.abs(ey - centre.y) < 1e-6 || Math.abs(ey - centre.y - centre.height) < 1e-6;
      expect(onX || onY, l.from).toBe(true);
    }
    // clv_proxy joins on both keys: two parallel lines, apart.
    const clv = star.lines.filter((l) => l.from === 'clv_proxy');
    expect(clv.map((l) => l.on)).toEqual(['customer_id', 'cluster_id']);
    expect(clv[0]!.points[0]).not.toEqual(clv[1]!.points[0]);
  });
});

describe('kChoice', () => {
  it('finds the elbow as the point farthest below the chord', () => {
    expect(
      elbowOf([
        { k: 2, inertia: 100 },
        { k: 3, inertia: 40 },
        { k: 4, inertia: 35 },
        { k: 5, inertia: 30 },
      ]),
    ).toBe(3);
    expect(elbowOf([{ k: 2, inertia: 10 }])).toBe(2);
  });

  it('given the diagnostics, marks the chosen k, the falls in inertia and the best silhouette', () => {
    const k = kChoice(segmentation());
    expect(k.chosenK).toBe(3);
    expect(k.rows.map((r) => r.chosen)).toEqual([false, true, false, false]);
    expect(k.rows[0]!.inertiaDropPct).toBeNull();
    expect(k.rows[1]!.inertiaDropPct).toBeCloseTo(50);
    expect(k.elbowK).toBe(3);
    expect(k.bestSilhouetteK).toBe(2);
    expect(k.elbowTakeaway).toContain('Inertia falls 62.0% from k = 2 to k = 5');
    expect(k.elbowTakeaway).toContain('bends most at k = 3, the chosen k');
    expect(k.silhouetteTakeaway).toContain(
      'Silhouette is highest at k = 2 (0.400); the chosen k = 3 scores 0.350',
    );
    expect(k.silhouetteTakeaway).toContain('weak but real structure');
    expect(k.table.rows).toEqual([
      { k: '2', inertia: 1000, silhouette: 0.4, drop: null, mark: '' },
      { k: '3', inertia: 500, silhouette: 0.35, drop: 50, mark: 'chosen' },
      { k: '4', inertia: 420, silhouette: 0.3, drop: 16, mark: '' },
      { k: '5', inertia: 380, silhouette: 0.28, drop: expect.closeTo(9.52, 2), mark: '' },
    ]);
  });

  it('says so when the chosen k also has the best silhouette', () => {
    const k = kChoice(segmentation({ k: 2 }));
    expect(k.silhouetteTakeaway).toContain('The chosen k = 2 has the highest silhouette, 0.400');
    expect(k.elbowTakeaway).toContain('the chosen k = 2 is before the bend');
  });

  it('lays out the line chart with the chosen k on its point and every point inside the plot', () => {
    const k = kChoice(segmentation());
    for (const metric of ['inertia', 'silhouette'] as const) {
      const l = layoutKChart(k.rows, metric);
      expect(l.points).toHaveLength(4);
      expect(l.chosen!.x).toBeCloseTo(l.points[1]!.x);
      expect(l.chosen!.label).toBe('chosen k = 3');
      // Percent space: every point inside 0–100 of the plotting area.
      for (const p of l.points) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(100);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(100);
      }
      expect(l.path.startsWith('M')).toBe(true);
      expect(l.xTicks.map((t) => t.label)).toEqual(['2', '3', '4', '5']);
    }
    // Larger inertia is higher up.
    const l = layoutKChart(k.rows, 'inertia');
    expect(l.points[0]!.y).toBeLessThan(l.points[3]!.y);
  });
});

describe('pcaScatter', () => {
  it('groups the sample by persona and reads the loadings out', () => {
    const p = pcaScatter(segmentation());
    expect(p.total).toBe(5);
    expect(p.groups.map((g) => [g.persona, g.points.length])).toEqual([
      ['Regulars', 3],
      ['Bargain Hunters', 1],
      ['Big Baskets', 1],
    ]);
    expect(p.explained).toEqual([50, 30]);
    expect(p.xLabel).toBe('PC1, 50.0% of variance (z units)');
    expect(p.takeaway).toContain('keep 80.0% of the variance of the 3 z-scored features');
    expect(p.takeaway).toContain(
      'PC1 (50.0%) rises with loyalty score (+0.70) and falls with discount share (−0.60)',
    );
    expect(p.takeaway).toContain(
      'PC2 (30.0%) rises with discount share (+0.55) and falls with average order value (−0.80)',
    );
    expect(p.table.rows[0]).toMatchObject({ persona: 'Regulars', n: 3, pc1: expect.closeTo(-2 / 3, 5) });
  });

  it('draws one round-capped subpath per sampled customer, the largest persona first', () => {
    const p = pcaScatter(segmentation());
    const l = layoutScatter(p);
    expect(l.paths.map((x) => x.persona)).toEqual(['Regulars', 'Bargain Hunters', 'Big Baskets']);
    expect(l.paths.map((x) => (x.d.match(/M/g) ?? []).length)).toEqual([3, 1, 1]);
    expect(l.paths.reduce((s, x) => s + x.count, 0)).toBe(5);
    for (const path of l.paths) {
      for (const [, px, py] of path.d.matchAll(/M([\d.-]+) ([\d.-]+)h0/g)) {
        expect(Number(px)).toBeGreaterThanOrEqual(0);
        expect(Number(px)).toBeLessThanOrEqual(100);
        expect(Number(py)).toBeGreaterThanOrEqual(0);
        expect(Number(py)).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('centroidView', () => {
  it('names each persona’s strongest trait and gives the centroids in their own units', () => {
    const c = centroidView(segmentation(), 'INR');
    expect(c.takeaway).toContain('Regulars loyalty score +1.20');
    expect(c.takeaway).toContain('Bargain Hunters discount share +2.50');
    expect(c.takeaway).toContain('Big Baskets average order value −1.80');
    expect(c.features.map((f) => f.label)).toEqual([
      'Loyalty score',
      'Average order value',
      'Discount share',
    ]);
    expect(c.zTable.rows[1]).toEqual({ persona: 'Bargain Hunters', z0: -0.3, z1: -0.4, z2: 2.5 });
    expect(c.unitsTable.columns.map((col) => col.label)).toEqual([
      'Persona',
      'Customers',
      'Loyalty, 0–100',
      'AOV, INR',
      'Discount, %',
    ]);
    expect(c.unitsTable.rows[1]).toEqual({
      persona: 'Bargain Hunters',
      customers: 200,
      o0: 40,
      o1: 7000,
      o2: 15,
    });
    expect(c.featureTable.rows[1]).toMatchObject({ key: 'avg_order_value', transform: 'log(1 + x)' });
  });
});

describe('definitions, limitations and the manifest', () => {
  it('defines the four scores with the CLV horizon from the code', () => {
    const groups = metricGroups(6, 'INR');
    const scores = groups.find((g) => g.id === 'scores')!;
    expect(scores.metrics.map((x) => x.column)).toEqual([
      'engagement_index',
      'loyalty_score',
      'churn_risk',
      'clv_proxy',
    ]);
    expect(scores.metrics[3]!.definition).toContain('36 months × (1 − churn risk ÷ 100)');
    expect(
      groups.find((g) => g.id === 'features')!.metrics.some((x) => x.definition.includes('last 6 months')),
    ).toBe(true);
    expect(groups.flatMap((g) => g.metrics.map((x) => x.column))).toEqual(
      expect.arrayContaining(['index', 'lift', 'avg_order_value', 'discount_share']),
    );
  });

  it('lists the source quirks of the manifest notes, and the choice of k honestly', () => {
    const m = manifest();
    expect(sourceQuirks(m.notes)).toEqual([m.notes[1], m.notes[2]]);
    const seg = segmentation();
    const list = limitations(m, seg, kChoice(seg), pcaScatter(seg));
    expect(list.map((l) => l.id)).toEqual(['synthetic', 'relative', 'grocery-proxy', 'k', 'pca', 'quirks']);
    expect(list.find((l) => l.id === 'quirks')!.items).toEqual([m.notes[1], m.notes[2]]);
    expect(list.find((l) => l.id === 'k')!.text).toContain(
      'highest at k = 2; the elbow of the inertia is at k = 3',
    );
    expect(list.find((l) => l.id === 'synthetic')!.text).toContain('seed 7');
    expect(list.find((l) => l.id === 'pca')!.text).toContain('keep 80.0% of the variance');
    // No quirks in the notes: no quirks entry.
    expect(
      limitations(manifest({ notes: [] }), seg, kChoice(seg), pcaScatter(seg)).map((l) => l.id),
    ).not.toContain('quirks');
  });

  it('gives the versions and the headline figures from the manifest and the segmentation', () => {
    const m = manifest();
    expect(versionRows(m)).toEqual([
      { name: 'omnichannel-insights (this project)', version: '0.1.0' },
      { name: 'ml-kmeans', version: '7.0.1' },
      { name: 'ml-pca', version: '4.1.1' },
    ]);
    const seg = segmentation();
    const kpis = methodKpis(m, seg, kChoice(seg), pcaScatter(seg));
    expect(kpis.map((x) => [x.id, x.value])).toEqual([
      ['kpi-k', '3'],
      ['kpi-silhouette', '0.350'],
      ['kpi-pca', '80.0%'],
      ['kpi-tables', '2'],
    ]);
  });
});

describe('layoutStar labels', () => {
  it('moves the labels of parallel join lines apart, to either side', () => {
    const star = layoutStar(dataModel(TABLE_INFO, null));
    const [a, b] = star.lines.filter((l) => l.from === 'clv_proxy');
    expect(a!.label.anchor).not.toBe(b!.label.anchor);
    expect(Math.abs(a!.label.x - b!.label.x)).toBeGreaterThan(12);
  });
});

describe('layoutTree', () => {
  it('runs each reference bracket in its own lane, inside the frame', () => {
    const tree = layoutTree(dataModel(TABLE_INFO, null));
    const refs = tree.lines.filter((l) => l.type === 'reference');
    expect(refs.length).toBeGreaterThan(1);
    const lanes = refs.map((l) => l.points[1]![0]);
    expect(new Set(lanes).size).toBe(refs.length);
    for (const x of lanes) expect(x).toBeLessThan(tree.width);
  });
});
