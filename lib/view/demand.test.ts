import type { DemandRow, DemandSummary } from '@/lib/schema/demand-summary';
import { describe, expect, it } from 'vitest';
import {
  channelContrast,
  DEFAULT_DEMAND_VIEW,
  demandFamilies,
  demandKpis,
  demandViewQuery,
  familiesTable,
  firstFamiliesOfDefaultView,
  intentSplit,
  layoutPareto,
  leanLabel,
  leanOf,
  matchesView,
  paretoChart,
  parseDemandView,
  parseSort,
} from './demand';

function row(
  id: number,
  name: string,
  intent: string,
  instore: number,
  online: number,
  ranks: [number, number, number, number],
  extra: Partial<DemandRow> = {},
): DemandRow {
  return {
    family_id: id,
    family_name: name,
    intent,
    is_emotional: false,
    instore_purchase_pct: 10,
    online_purchase_pct: 5,
    impulse_rate_pct: 4,
    daily_demand_instore: instore,
    daily_demand_online: online,
    dwell_seconds: 20,
    items_considered: 100,
    price_avg_usd: 2,
    price_sd_usd: 1,
    price_min_usd: 1,
    price_max_usd: 5,
    price_note: null,
    product_count: 10,
    example_products: [],
    zone_id: 1,
    instore_demand_rank: ranks[0],
    online_demand_rank: ranks[1],
    instore_cumulative_demand_pct: ranks[2],
    online_cumulative_demand_pct: ranks[3],
    synthetic_instore_spend_share_pct: 0,
    synthetic_online_spend_share_pct: 0,
    ...extra,
  };
}

/**
 * In store: A 600, B 300, C 80, D 20 (of 1,000) → A+B = 90 % (2 families for 80 %).
 * Online: A 10, B 10, C 60, D 20 (of 100) → C+D = 80 % (2 families).
 */
const DS: DemandSummary = {
  table: 'demand_summary',
  rows: [
    row(1, 'Apples', 'Fresh', 600, 10, [1, 3, 60, 90], { is_emotional: true, impulse_rate_pct: 10 }),
    row(2, 'Bread', 'Everyday', 300, 10, [2, 4, 90, 100], { price_sd_usd: null }),
    row(3, 'Cheese', 'Fresh', 80, 60, [3, 1, 98, 60]),
    row(4, 'Dates', 'Everyday', 20, 20, [4, 2, 100, 80]),
  ],
  pareto: { threshold_pct: 80, instore_family_count: 2, online_family_count: 2 },
};

describe('demand families', () => {
  const fs = demandFamilies(DS, 83);

  it('computes channel shares, the online index and the lean', () => {
    const [a, b, c, d] = fs;
    expect(a!.instoreShare).toBeCloseTo(60);
    expect(a!.onlineShare).toBeCloseTo(10);
    expect(a!.onlineIndex).toBeCloseTo(10 / 60);
    expect(a!.lean).toBe('instore');
    expect(b!.lean).toBe('instore'); // 10 / 30 = 0.33
    expect(c!.onlineIndex).toBeCloseTo(60 / 8);
    expect(c!.lean).toBe('online');
    expect(d!.onlineIndex).toBeCloseTo(10);
    expect(d!.lean).toBe('online');
  });

  it('converts prices to the build currency and keeps a missing SD missing', () => {
    expect(fs[0]!.priceAvg).toBe(166);
    expect(fs[0]!.priceMax).toBe(415);
    expect(fs[1]!.priceSd).toBeNull();
  });

  it('marks the Pareto core per channel from the ranks', () => {
    expect(fs.map((f) => f.instoreCore)).toEqual([true, true, false, false]);
    expect(fs.map((f) => f.onlineCore)).toEqual([false, false, true, true]);
  });

  it('leans with the 1.25× band and labels the lean', () => {
    expect(leanOf(1.25)).toBe('online');
    expect(leanOf(1.2)).toBe('balanced');
    expect(leanOf(0.8)).toBe('instore');
    expect(leanOf(0.81)).toBe('balanced');
    expect(leanOf(null)).toBe('balanced');
    expect(leanLabel({ lean: 'online', onlineIndex: 2.5 })).toBe('2.5× online');
    expect(leanLabel({ lean: 'instore', onlineIndex: 0.25 })).toBe('4.0× in store');
    expect(leanLabel({ lean: 'balanced', onlineIndex: 1 })).toBe('Balanced');
  });

  it('tables the families as given, raw numbers for the CSV', () => {
    const t = familiesTable([fs[2]!, fs[0]!], 'INR');
    expect(t.rows.map((r) => r.family)).toEqual(['Cheese', 'Apples']);
    expect(t.rows[1]).toMatchObject({
      instoreDaily: 600,
      lean: '6.0× in store',
      emotional: 'Yes',
      priceAvg: 166,
    });
    expect(t.columns.find((c) => c.key === 'priceAvg')!.label).toBe('Average price, INR');
  });

  it('shows readable family names and keeps the source’s spelling in the table', () => {
    // "Ice cream ice" is how the public data spells the family; a made-up name passes through.
    const named = demandFamilies(
      { ...DS, rows: [row(9, 'Ice cream ice', 'Treats', 5, 5, [1, 1, 100, 100]), DS.rows[0]!] },
      83,
    );
    expect(named.map((f) => [f.name, f.sourceName])).toEqual([
      ['Ice cream & ice', 'Ice cream ice'],
      ['Apples', 'Apples'],
    ]);
    const t = familiesTable(named, 'INR');
    expect(t.columns.slice(0, 2).map((c) => c.label)).toEqual(['Product family', 'Source family name']);
    expect(t.rows.map((r) => [r.family, r.sourceFamily])).toEqual([
      ['Ice cream & ice', 'Ice cream ice'],
      ['Apples', 'Apples'],
    ]);
    // When every name is the source's own (a brand's categories), no second column.
    expect(familiesTable(fs, 'INR').columns.map((c) => c.key)).not.toContain('sourceFamily');
  });

  it('sums the KPIs', () => {
    const kpis = demandKpis(DS, fs);
    expect(kpis.find((k) => k.id === 'kpi-daily')!.value).toBe('1,000 · 100');
    expect(kpis.find((k) => k.id === 'kpi-core')!.value).toBe('2 · 2');
    expect(kpis.find((k) => k.id === 'kpi-emotional')!.value).toBe('1');
  });

  it('splits each channel by intent, largest first', () => {
    const split = intentSplit(fs);
    expect(split.map((s) => s.intent)).toEqual(['Fresh', 'Everyday']);
    expect(split[0]!.instoreShare).toBeCloseTo(68);
    expect(split[0]!.onlineShare).toBeCloseTo(70);
  });
});

describe('the rows the page carries', () => {
  it('are the default view’s first 25: in-store daily demand high to low, ties in the families’ order', () => {
    // 28 families, in-store demand 0, 1, …, 6 four times over (family i has i mod 7).
    const rows = Array.from({ length: 28 }, (_, i) =>
      row(i + 1, `F${i + 1}`, 'Fresh', i % 7, 1, [1, 1, 1, 1]),
    );
    const first = firstFamiliesOfDefaultView(demandFamilies({ ...DS, rows }, 83));
    // Worked by hand: the four 6s (families 7, 14, 21, 28), then the 5s, … the 1s, then the first 0 (family 1).
    expect(first.map((f) => f.id)).toEqual([
      7, 14, 21, 28, 6, 13, 20, 27, 5, 12, 19, 26, 4, 11, 18, 25, 3, 10, 17, 24, 2, 9, 16, 23, 1,
    ]);
    expect(DEFAULT_DEMAND_VIEW.sort).toEqual({ id: 'instoreDaily', desc: true });
  });
});

describe('the view in the URL', () => {
  const intents = ['Fresh', 'Everyday'];

  it('parses a full query and falls back on unknown values', () => {
    const q = new URLSearchParams('intent=Fresh&channel=online&q=che&sort=name');
    expect(parseDemandView((k) => q.get(k), intents)).toEqual({
      intent: 'Fresh',
      channel: 'online',
      search: 'che',
      sort: { id: 'name', desc: false },
    });
    const bad = new URLSearchParams('intent=Nope&channel=phone&sort=-bogus');
    expect(parseDemandView((k) => bad.get(k), intents)).toEqual(DEFAULT_DEMAND_VIEW);
    expect(parseSort('-priceAvg')).toEqual({ id: 'priceAvg', desc: true });
  });

  it('writes only what differs from the default and keeps other parameters', () => {
    expect(demandViewQuery(DEFAULT_DEMAND_VIEW)).toBe('');
    expect(demandViewQuery(DEFAULT_DEMAND_VIEW, 'intent=Fresh&x=1')).toBe('x=1');
    const q = demandViewQuery({
      intent: 'Hosting & Entertaining',
      channel: 'instore',
      search: ' cheese ',
      sort: { id: 'onlineDaily', desc: false },
    });
    const back = new URLSearchParams(q);
    expect(parseDemandView((k) => back.get(k), ['Hosting & Entertaining'])).toEqual({
      intent: 'Hosting & Entertaining',
      channel: 'instore',
      search: 'cheese',
      sort: { id: 'onlineDaily', desc: false },
    });
  });

  it('filters by intent, lean and a case-insensitive name search', () => {
    const fs = demandFamilies(DS, 1);
    const names = (v: Partial<typeof DEFAULT_DEMAND_VIEW>) =>
      fs.filter((f) => matchesView(f, { ...DEFAULT_DEMAND_VIEW, ...v })).map((f) => f.name);
    expect(names({})).toHaveLength(4);
    expect(names({ intent: 'Fresh' })).toEqual(['Apples', 'Cheese']);
    expect(names({ channel: 'online' })).toEqual(['Cheese', 'Dates']);
    expect(names({ intent: 'Fresh', channel: 'online' })).toEqual(['Cheese']);
    expect(names({ search: 'BRE' })).toEqual(['Bread']);
    expect(names({ channel: 'balanced' })).toEqual([]);
  });
});

describe('pareto', () => {
  it('orders families by rank with shares and the core, and says how many carry 80 %', () => {
    const chart = paretoChart(DS, 'online');
    expect(chart.points.map((p) => p.name)).toEqual(['Cheese', 'Dates', 'Apples', 'Bread']);
    expect(chart.points.map((p) => p.core)).toEqual([true, true, false, false]);
    expect(chart.points[0]!.sharePct).toBeCloseTo(60);
    expect(chart.totalDaily).toBe(100);
    expect(chart.takeaway).toContain('2 of 4 families (50%) carry 80% of online demand');
    expect(chart.takeaway).toContain('led by Cheese (60.0%)');
    expect(chart.table.rows[0]).toMatchObject({ rank: 1, family: 'Cheese', core: 'Yes' });
  });

  it('lays bars and the cumulative line out on 0–100, with the cut at the core', () => {
    const chart = paretoChart(DS, 'instore');
    const l = layoutPareto(chart);
    expect(l.bars).toHaveLength(4);
    expect(l.bars[0]!.height).toBeGreaterThan(l.bars[1]!.height);
    expect(l.bars[0]!.x).toBeCloseTo(2.5); // a tenth of a 25-wide band
    expect(l.bars[0]!.y + l.bars[0]!.height).toBeCloseTo(100);
    expect(l.threshold.x).toBe(50); // after 2 of 4 families
    expect(l.threshold.y).toBeCloseTo(20);
    expect(l.linePath.startsWith('M12.5,')).toBe(true);
    expect(l.cumTicks.at(-1)).toEqual({ value: 100, at: 100 });
    expect(l.yTicks[0]).toEqual({ value: 0, at: 0 });
    expect(l.xTicks[0]).toEqual({ value: 1, at: 12.5 });
  });
});

describe('channel contrast', () => {
  it('ranks core families by how far they lean, and counts every lean', () => {
    const c = channelContrast(demandFamilies(DS, 1), 1);
    expect(c.online.map((b) => b.name)).toEqual(['Dates']); // 10× beats Cheese's 7.5×
    expect(c.instore.map((b) => b.name)).toEqual(['Apples']); // 6× in store
    expect(c.counts).toEqual({ instore: 2, online: 2, balanced: 0 });
    expect(c.maxLog2).toBeCloseTo(Math.log2(10));
    expect(c.takeaway).toBe(
      '2 families lean online and 2 in store. Dates is 10.0× as big a part of online demand (20.00%) as of in-store (2.00%); Apples 6.0× the other way (60.00% of in-store demand against 10.00% of online).',
    );
    expect(c.table.rows.map((r) => r.family)).toEqual(['Dates', 'Apples']);
  });
});
