import { readSharedSources } from '@/test/helpers/shared-sources';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, buildTables } from '../pipeline/run-pipeline';
import { TABLE_NAMES, TABLE_SCHEMAS, type Tables } from '../schema';
import { cell } from '../schema/customers-master';
import { stageSources, type StagedSources } from '../sources/stage-sources';
import { generateTransactions } from '../synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG } from '../synth/synth-config';

const CUSTOMERS = 2_000;
const K = 5;
let tables: Tables;
let sources: StagedSources;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

beforeAll(() => {
  sources = stageSources(readSharedSources());
  const config = { ...DEFAULT_SYNTH_CONFIG, customers: CUSTOMERS };
  const ctx = analyse(generateTransactions(sources, config), { seed: config.seed, k: K, currency: 'INR' });
  tables = buildTables(ctx, sources, config.seed);
});

describe('every table', () => {
  it('matches its schema', () => {
    for (const name of TABLE_NAMES) {
      const result = TABLE_SCHEMAS[name].safeParse(tables[name]);
      expect(result.success, `${name}: ${result.error?.message}`).toBe(true);
    }
  });
});

describe('customers_master (the spine)', () => {
  it('has one row per customer with unique ids', () => {
    const ids = tables.customers_master.rows.map((r) => cell(r, 'customer_id'));
    expect(ids.length).toBe(CUSTOMERS);
    expect(new Set(ids).size).toBe(CUSTOMERS);
  });

  it('puts every customer in exactly one cluster, named as in the segmentation', () => {
    const names = new Map(tables.segmentation.personas.map((p) => [p.cluster_id, p.persona]));
    for (const row of tables.customers_master.rows) {
      const cl = cell(row, 'cluster_id') as number;
      expect(cl).toBeGreaterThanOrEqual(0);
      expect(cl).toBeLessThan(K);
      expect(cell(row, 'persona')).toBe(names.get(cl));
    }
    expect(sum(tables.segmentation.personas.map((p) => p.customers))).toBe(CUSTOMERS);
  });

  it('gets the five named personas at k = 5', () => {
    expect(tables.segmentation.personas.map((p) => p.persona).sort()).toEqual([
      'Engaged Regulars',
      'Occasional Premiums',
      'Premium but At-Risk',
      'Price-Sensitive Shoppers',
      'Transitional Shoppers',
    ]);
  });
});

describe('revenue_by_cluster', () => {
  it('has shares that sum to 100 % and totals that reconcile with the spine', () => {
    const t = tables.revenue_by_cluster;
    expect(sum(t.rows.map((r) => r.customer_share_pct))).toBeCloseTo(100, 1);
    expect(sum(t.rows.map((r) => r.revenue_share_pct))).toBeCloseTo(100, 1);
    expect(sum(t.rows.map((r) => r.customers))).toBe(t.total.customers);
    const spine = sum(tables.customers_master.rows.map((r) => cell(r, 'total_spend') as number));
    expect(Math.abs(t.total.revenue - spine)).toBeLessThan(CUSTOMERS * 0.005 + 0.01);
    const monthly = sum(t.monthly.flatMap((m) => m.clusters.flatMap((c) => c.revenue)));
    expect(Math.abs(monthly - t.total.revenue)).toBeLessThan(t.monthly.length * K * 2 * 0.005 + 0.01);
    expect(sum(t.monthly.flatMap((m) => m.clusters.flatMap((c) => c.orders)))).toBe(t.total.orders);
    expect(t.monthly.length).toBe(24);
  });

  it('counts each customer new once, in the month of their first order, and active in the months they bought', () => {
    const t = tables.revenue_by_cluster;
    const rows = tables.customers_master.rows;
    // New customers per month and cluster, from the spine's first-order dates.
    const expected = new Map<string, number>();
    for (const r of rows) {
      const key = `${String(cell(r, 'first_order_date')).slice(0, 7)}/${cell(r, 'cluster_id')}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const m of t.monthly)
      m.clusters.forEach((c, id) =>
        expect(sum(c.new_customers), `${m.month}/${id}`).toBe(expected.get(`${m.month}/${id}`) ?? 0),
      );
    // Active in either channel ≤ in store + online, and ≥ each alone.
    for (const m of t.monthly)
      for (const c of m.clusters) {
        expect(c.active_customers[2]).toBeLessThanOrEqual(c.active_customers[0] + c.active_customers[1]);
        expect(c.active_customers[2]).toBeGreaterThanOrEqual(
          Math.max(c.active_customers[0], c.active_customers[1]),
        );
      }
    expect(t.monthly.every((m) => m.days >= 28)).toBe(true);
  });
});

describe('clv_proxy', () => {
  it('has histograms whose counts are the cluster sizes and ordered quantiles', () => {
    const t = tables.clv_proxy;
    for (const d of t.distributions) {
      expect(sum(d.counts)).toBe(d.customers);
      expect(sum(d.shares_pct)).toBeCloseTo(100, 0);
      const q = d.quantiles;
      const ordered = [q.min, q.p05, q.p10, q.p25, q.p50, q.p75, q.p90, q.p95, q.max];
      expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    }
    expect(sum(t.overall.counts)).toBe(CUSTOMERS);
    expect(t.rows.length).toBe(CUSTOMERS);
    expect(t.bin_edges[0]).toBe(0);
    expect(t.bin_edges[t.bin_edges.length - 1]).toBe(100);
  });
});

describe('product_affinity', () => {
  it('has spend shares that sum to 100 % per cluster at both levels', () => {
    const t = tables.product_affinity;
    for (let cl = 0; cl < K; cl++) {
      expect(
        sum(t.intent_cells.filter((c) => c.cluster_id === cl).map((c) => c.spend_share_pct)),
      ).toBeCloseTo(100, 1);
      expect(
        sum(t.family_cells.filter((c) => c.cluster_id === cl).map((c) => c.spend_share_pct)),
      ).toBeCloseTo(100, 0);
    }
    expect(t.family_cells.length).toBe(K * 134);
    expect(t.intent_cells.length).toBe(K * t.intents.length);
  });

  it('has a spend-weighted mean index of 1 for every category', () => {
    const t = tables.product_affinity;
    const clusterSpend = Array.from({ length: K }, (_, cl) =>
      sum(t.intent_cells.filter((c) => c.cluster_id === cl).map((c) => c.spend)),
    );
    const total = sum(clusterSpend);
    for (const intent of t.intents) {
      const cells = t.intent_cells.filter((c) => c.category === intent);
      const weighted = sum(cells.map((c) => (clusterSpend[c.cluster_id]! / total) * c.index));
      expect(weighted).toBeCloseTo(1, 2);
    }
  });

  it('has penetration within 0–100 % and lift pairs in canonical order', () => {
    const t = tables.product_affinity;
    for (const c of t.family_cells) expect(c.penetration_pct).toBeLessThanOrEqual(100);
    for (const [a, b, both, lift] of t.family_lift) {
      expect(Number(a)).toBeLessThan(Number(b));
      expect(both).toBeGreaterThanOrEqual(t.min_pair_orders);
      expect(lift).toBeGreaterThan(0);
    }
    expect(t.intent_lift.length).toBe((t.intents.length * (t.intents.length - 1)) / 2);
    expect(t.top_pairs_by_cluster.length).toBe(K);
  });
});

describe('marketing_effectiveness', () => {
  it('funnels narrow (touches ≥ responses ≥ conversions ≥ redemptions) and "all" rows add up', () => {
    const t = tables.marketing_effectiveness!;
    for (const r of t.rows) {
      expect(r.responses).toBeLessThanOrEqual(r.touches);
      expect(r.redemptions).toBeLessThanOrEqual(r.conversions);
    }
    for (let cl = 0; cl < K; cl++) {
      const rows = t.rows.filter((r) => r.cluster_id === cl);
      const all = rows.find((r) => r.contact_channel === 'all')!;
      const channels = rows.filter((r) => r.contact_channel !== 'all');
      expect(all.touches).toBe(sum(channels.map((r) => r.touches)));
      expect(all.conversions).toBe(sum(channels.map((r) => r.conversions)));
    }
    const everyone = t.rows.find((r) => r.cluster_id === null && r.contact_channel === 'all')!;
    expect(everyone.touches).toBe(
      sum(t.rows.filter((r) => r.cluster_id !== null && r.contact_channel === 'all').map((r) => r.touches)),
    );
  });
});

describe('operational_efficiency and arrivals_summary', () => {
  it('reconciles orders per channel with the total rows', () => {
    const t = tables.operational_efficiency;
    for (const channel of ['in-store', 'online'] as const) {
      const clusters = t.rows.filter((r) => r.channel === channel && r.cluster_id !== null);
      const total = t.rows.find((r) => r.channel === channel && r.cluster_id === null)!;
      expect(sum(clusters.map((r) => r.orders))).toBe(total.orders);
    }
    expect(sum(t.rows.filter((r) => r.cluster_id === null).map((r) => r.orders))).toBe(
      sum(tables.revenue_by_cluster.rows.map((r) => r.orders)),
    );
  });

  it('splits every ordering customer into in-store only, online only or both', () => {
    const t = tables.operational_efficiency;
    for (const ov of t.channel_overlap) {
      expect(ov.instore_only + ov.online_only + ov.both).toBe(ov.customers);
      const rows = t.rows.filter((r) => r.cluster_id === ov.cluster_id);
      const instore = rows.find((r) => r.channel === 'in-store')!;
      const online = rows.find((r) => r.channel === 'online')!;
      expect(instore.customers).toBe(ov.instore_only + ov.both);
      expect(online.customers).toBe(ov.online_only + ov.both);
    }
    const total = t.channel_overlap.find((o) => o.cluster_id === null)!;
    expect(total.customers).toBeLessThanOrEqual(CUSTOMERS);
    expect(sum(t.channel_overlap.filter((o) => o.cluster_id !== null).map((o) => o.customers))).toBe(
      total.customers,
    );
    for (const r of t.rows) expect(r.digital_prompted_orders).toBeLessThanOrEqual(r.orders);
  });

  it('keeps the public arrival figures as published and the synthetic orders follow them', () => {
    const t = tables.arrivals_summary;
    t.cells.forEach((c, i) => {
      expect(c.instore_arrivals).toBeCloseTo(sources.arrivals[i]!.instore_arrivals, 3);
      expect(c.online_arrivals).toBeCloseTo(sources.arrivals[i]!.online_arrivals, 3);
    });
    // Closed hours get no in-store orders.
    for (const c of t.cells) if (c.instore_arrivals === 0) expect(c.synthetic_instore_orders).toBe(0);
    expect(t.synthetic_fit.instore_correlation).toBeGreaterThan(0.9);
    expect(t.synthetic_fit.online_correlation).toBeGreaterThan(0.9);
    expect(t.peak_windows.length).toBe(14);
  });
});

describe('demand_summary', () => {
  it('ranks 134 families and finds the Pareto counts', () => {
    const t = tables.demand_summary;
    const top = t.rows.find((r) => r.instore_demand_rank === 1)!;
    expect(top.instore_cumulative_demand_pct).toBeCloseTo(
      (100 * top.daily_demand_instore) / sum(t.rows.map((r) => r.daily_demand_instore)),
      1,
    );
    const within = t.rows.filter((r) => r.instore_cumulative_demand_pct < 80).length;
    expect(t.pareto.instore_family_count).toBe(within + 1);
    expect(sum(t.rows.map((r) => r.synthetic_online_spend_share_pct))).toBeCloseTo(100, 0);
    expect(t.rows.filter((r) => r.price_note !== null).map((r) => r.family_id)).toEqual([27, 31]);
  });
});

describe('behaviour_overview and segmentation', () => {
  it('splits demographics to 100 % and counts every customer', () => {
    const t = tables.behaviour_overview;
    expect(t.total.customers).toBe(CUSTOMERS);
    for (const g of [...t.personas, t.total]) {
      expect(sum(Object.values(g.gender_split_pct))).toBeCloseTo(100, 0);
      expect(sum(Object.values(g.locale_split_pct))).toBeCloseTo(100, 0);
      expect(sum(Object.values(g.age_band_split_pct))).toBeCloseTo(100, 0);
    }
  });

  it('records k = 2…10 diagnostics, k centroids, and PCA points of real customers', () => {
    const s = tables.segmentation;
    expect(s.diagnostics.map((d) => d.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.centroids.length).toBe(K);
    const ids = new Set(tables.customers_master.rows.map((r) => cell(r, 'customer_id')));
    for (const [, , cl, id] of s.pca.points) {
      expect(ids.has(id)).toBe(true);
      expect(cl).toBeLessThan(K);
    }
    for (const p of s.personas) {
      expect(p.crm_plays.length).toBeGreaterThanOrEqual(3);
      expect(p.description).toMatch(/\d/);
      expect(p.traits.length).toBe(4);
    }
  });
});
