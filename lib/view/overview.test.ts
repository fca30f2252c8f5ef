import type { BehaviourGroup } from '@/lib/schema/behaviour-overview';
import type { ClvDistribution, Quantiles } from '@/lib/schema/clv-proxy';
import type { RevenueRow } from '@/lib/schema/revenue-by-cluster';
import { describe, expect, it } from 'vitest';
import {
  bubbleChart,
  buildHeadlines,
  buildKpis,
  buildOverview,
  channelChart,
  clvChart,
  compositionChart,
  demographicsTable,
  headlineSentence,
  layoutBubbleChart,
  layoutBubbleLabels,
  loyaltyRiskQuadrantOf,
  summarise,
  visitChart,
  type OverviewSources,
} from './overview';

// ---------------------------------------------------------------------------------------------
// A small, made-up customer base: three personas with names the real data never uses.

function group<C extends number | null>(
  clusterId: C,
  persona: string,
  o: Partial<Omit<BehaviourGroup, 'cluster_id'>>,
): BehaviourGroup & { cluster_id: C } {
  return {
    persona,
    customers: 100,
    customer_share_pct: 100,
    revenue: 1000,
    orders: 10,
    avg_spend_per_visit: 100,
    avg_dwell_minutes: 8,
    avg_basket_size: 6,
    online_order_share_pct: 40,
    online_revenue_share_pct: 42,
    repeat_purchase_ratio_pct: 70,
    avg_orders_per_month: 0.4,
    avg_engagement_index: 50,
    avg_loyalty_score: 50,
    avg_churn_risk: 50,
    avg_clv_proxy: 10,
    avg_age: 38,
    gender_split_pct: { female: 55, male: 43, 'non-binary or undisclosed': 2 },
    locale_split_pct: { urban: 60, 'semi-urban': 30, rural: 10 },
    age_band_split_pct: {},
    ...o,
    cluster_id: clusterId,
  };
}

function revenueRow<C extends number | null>(
  clusterId: C,
  persona: string,
  o: Partial<Omit<RevenueRow, 'cluster_id'>>,
): RevenueRow & { cluster_id: C } {
  return {
    persona,
    customers: 100,
    customer_share_pct: 100,
    revenue: 1000,
    revenue_share_pct: 100,
    revenue_index: 1,
    revenue_per_customer: 10,
    orders: 10,
    orders_per_customer: 0.1,
    avg_order_value: 100,
    online_revenue_share_pct: 42,
    discount_share_pct: 2,
    avg_clv_proxy: 10,
    avg_churn_risk: 50,
    ...o,
    cluster_id: clusterId,
  };
}

function quantiles(p50: number, mean: number): Quantiles {
  return {
    min: 0,
    p05: p50 / 4,
    p10: p50 / 3,
    p25: p50 / 2,
    p50,
    p75: p50 * 2,
    p90: p50 * 3,
    p95: p50 * 4,
    max: 100,
    mean,
  };
}

function distribution(clusterId: number | null, p50: number, mean: number): ClvDistribution {
  return {
    cluster_id: clusterId,
    persona: 'x',
    customers: 1,
    counts: [],
    shares_pct: [],
    quantiles: quantiles(p50, mean),
    value_quantiles: quantiles(1, 1),
    predicted: null,
  };
}

/**
 * Alpha: 50% of customers, 70% of revenue (index 1.4), loyal and safe, CLV leader.
 * Beta: 30% of customers, 10% of revenue (index 0.333), most at risk, online-heavy.
 * Gamma: 20% of customers, 20% of revenue (index 1.0), long visits, big baskets.
 */
function fixture(onlineBeta = 48): OverviewSources {
  const behaviour = {
    window_start: '2024-10-01',
    window_end: '2026-09-30',
    personas: [
      group(0, 'Table name A', {
        customers: 500,
        customer_share_pct: 50,
        revenue: 7_000_000,
        orders: 3000,
        avg_dwell_minutes: 8.2,
        avg_basket_size: 6.5,
        online_order_share_pct: 40,
        online_revenue_share_pct: 41,
        avg_loyalty_score: 70,
        avg_churn_risk: 30,
        avg_clv_proxy: 20,
        avg_age: 37.5,
        gender_split_pct: { female: 56, male: 42, 'non-binary or undisclosed': 2 },
        locale_split_pct: { urban: 62, 'semi-urban': 28, rural: 10 },
      }),
      group(1, 'Table name B', {
        customers: 300,
        customer_share_pct: 30,
        revenue: 1_000_000,
        orders: 600,
        avg_dwell_minutes: 7.5,
        avg_basket_size: 5,
        online_order_share_pct: onlineBeta,
        online_revenue_share_pct: 50,
        avg_loyalty_score: 55,
        avg_churn_risk: 75,
        avg_clv_proxy: 3,
        avg_age: 40,
      }),
      group(2, 'Table name C', {
        customers: 200,
        customer_share_pct: 20,
        revenue: 2_000_000,
        orders: 400,
        avg_dwell_minutes: 10.4,
        avg_basket_size: 9.8,
        online_order_share_pct: 38,
        online_revenue_share_pct: 39,
        avg_loyalty_score: 20,
        avg_churn_risk: 45,
        avg_clv_proxy: 8,
        avg_age: 36,
      }),
    ],
    total: group(null, 'All customers', {
      customers: 1000,
      customer_share_pct: 100,
      revenue: 10_000_000,
      orders: 4000,
      avg_spend_per_visit: 2500,
      avg_dwell_minutes: 8.4,
      avg_basket_size: 6.6,
      online_order_share_pct: 41.2,
      online_revenue_share_pct: 43.1,
      repeat_purchase_ratio_pct: 78.25,
      avg_loyalty_score: 50,
      avg_churn_risk: 50,
      avg_clv_proxy: 12.5,
      avg_age: 37.9,
    }),
  };
  const revenue = {
    rows: [
      revenueRow(0, 'Table name A', {
        customers: 500,
        customer_share_pct: 50,
        revenue: 7_000_000,
        revenue_share_pct: 70,
        revenue_index: 1.4,
        revenue_per_customer: 14_000,
      }),
      revenueRow(1, 'Table name B', {
        customers: 300,
        customer_share_pct: 30,
        revenue: 1_000_000,
        revenue_share_pct: 10,
        revenue_index: 0.333,
        revenue_per_customer: 3333.33,
      }),
      revenueRow(2, 'Table name C', {
        customers: 200,
        customer_share_pct: 20,
        revenue: 2_000_000,
        revenue_share_pct: 20,
        revenue_index: 1,
        revenue_per_customer: 10_000,
      }),
    ],
    total: revenueRow(null, 'All customers', {
      customers: 1000,
      revenue: 10_000_000,
      revenue_per_customer: 10_000,
    }),
  };
  return {
    behaviour,
    revenue,
    clv: {
      distributions: [distribution(0, 14, 20), distribution(1, 1.5, 3), distribution(2, 5, 8)],
      overall: distribution(null, 4.2, 12.5),
    },
    segmentation: {
      personas: [
        { cluster_id: 0, persona: 'Alpha' },
        { cluster_id: 1, persona: 'Beta' },
        { cluster_id: 2, persona: 'Gamma' },
      ],
    },
  };
}

describe('summarise', () => {
  it('joins the tables by cluster id and names personas from segmentation', () => {
    const { personas, total } = summarise(fixture());
    expect(personas.map((p) => p.persona)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(personas[0]).toMatchObject({ clusterId: 0, revenueSharePct: 70, revenueIndex: 1.4, avgClv: 20 });
    expect(personas[0]!.clv?.p50).toBe(14);
    expect(total).toMatchObject({ clusterId: null, persona: 'All customers', revenue: 10_000_000 });
  });

  it("falls back to the tables' own names and computes shares when a table is missing", () => {
    const sources = fixture();
    const { personas } = summarise({
      ...sources,
      segmentation: null,
      clv: null,
      revenue: { ...sources.revenue, rows: [] },
    });
    expect(personas.map((p) => p.persona)).toEqual(['Table name A', 'Table name B', 'Table name C']);
    expect(personas[1]!.revenueSharePct).toBe(10);
    expect(personas[1]!.revenueIndex).toBeCloseTo(1 / 3, 6);
    expect(personas[1]!.clv).toBeNull();
  });
});

describe('buildKpis', () => {
  it('formats the seven totals exactly as the page shows them', () => {
    const s = fixture();
    const kpis = buildKpis(s.behaviour.total, s.revenue.total, 'INR', {
      personaCount: 3,
      windowStart: '2024-10-01',
      windowEnd: '2026-09-30',
      clvMedian: 4.2,
    });
    expect(Object.fromEntries(kpis.map((k) => [k.id, k.value]))).toEqual({
      revenue: '₹1.00 Cr',
      customers: '1,000',
      'spend-per-visit': '₹2,500',
      dwell: '8.4 min',
      'online-share': '41.2%',
      repeat: '78.3%',
      clv: '12.5',
    });
    expect(kpis.find((k) => k.id === 'revenue')!.hint).toBe('₹1,00,00,000 net, Oct 2024 – Sept 2026');
    expect(kpis.find((k) => k.id === 'customers')!.hint).toBe('3 personas · 4,000 orders');
    expect(kpis.find((k) => k.id === 'clv')!.hint).toBe('per customer, relative 0–100 · median 4.2');
  });

  it('shows a dash when there were no in-store visits', () => {
    const s = fixture();
    const total = { ...s.behaviour.total, avg_dwell_minutes: null };
    const kpis = buildKpis(total, s.revenue.total, 'INR', {
      personaCount: 3,
      windowStart: 'x',
      windowEnd: 'y',
      clvMedian: null,
    });
    expect(kpis.find((k) => k.id === 'dwell')!.value).toBe('—');
  });
});

describe('buildHeadlines', () => {
  it('given the fixture, writes five true headlines that cite their numbers', () => {
    const headlines = buildHeadlines(summarise(fixture()), 'INR');
    expect(headlines.map((h) => [h.id, h.persona.name])).toEqual([
      ['value-per-customer', 'Alpha'],
      ['most-at-risk', 'Beta'],
      ['revenue-shortfall', 'Beta'],
      ['clv-leader', 'Alpha'],
      ['online', 'Beta'],
    ]);
    expect(headlines.map(headlineSentence)).toEqual([
      'Alpha: 70.0% of revenue from 50.0% of customers — ₹14,000 per customer against ₹10,000 overall (revenue index 1.40×).',
      'Beta: average churn risk 75.0 of 100 against 50.0 overall, with 10.0% of all revenue to date (₹10.00 L) at stake.',
      'Beta: 30.0% of customers but only 10.0% of revenue — a gap of 20.0 percentage points (revenue index 0.33×).',
      'Alpha: average CLV proxy 20.0 of 100 — 1.6× the overall 12.5 (median 14.0 against 4.2 overall).',
      'Beta: 48.0% of orders placed online (50.0% of their revenue) against 41.2% overall; 10.0 points above the lowest, Gamma (38.0%).',
    ]);
  });

  it('says so when channel mix barely differs between personas', () => {
    const online = buildHeadlines(summarise(fixture(41)), 'INR').find((h) => h.id === 'online')!;
    expect(online.persona.name).toBe('Beta');
    expect(online.text).toContain('the spread across personas is only 3.0 points (lowest 38.0%, Gamma)');
  });

  it('leaves out the shortfall when no persona brings less revenue than its head-count', () => {
    const s = fixture();
    const even = {
      ...s,
      revenue: {
        ...s.revenue,
        rows: s.revenue.rows.map((r) => ({
          ...r,
          revenue_share_pct: r.customer_share_pct,
          revenue_index: 1,
        })),
      },
    };
    const ids = buildHeadlines(summarise(even), 'INR').map((h) => h.id);
    expect(ids).not.toContain('revenue-shortfall');
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });

  it('returns nothing without personas', () => {
    expect(buildHeadlines({ personas: [], total: summarise(fixture()).total }, 'INR')).toEqual([]);
  });
});

describe('chart shaping', () => {
  const s = summarise(fixture());

  it('composition: 100% bars and the over- and under-indexing personas', () => {
    const c = compositionChart(s);
    expect(c.customers.map((x) => x.pct)).toEqual([50, 30, 20]);
    expect(c.revenue.map((x) => x.pct)).toEqual([70, 10, 20]);
    expect(c.takeaway).toBe(
      'Alpha: 70.0% of revenue from 50.0% of customers; Beta: 30.0% of customers but 10.0% of revenue.',
    );
    expect(c.table.rows.at(-1)).toMatchObject({ persona: 'All customers', revenue: 10_000_000 });
  });

  it('channel: online and in-store add to 100 and the takeaway gives the range', () => {
    const c = channelChart(s);
    expect(c.rows.map((r) => r.onlinePct + r.inStorePct)).toEqual([100, 100, 100, 100]);
    expect(c.takeaway).toBe('Online share of orders runs from 38.0% (Gamma) to 48.0% (Beta), 41.2% overall.');
  });

  it('visits: one persona leading both measures is named once', () => {
    const v = visitChart(s);
    expect(v.takeaway).toBe(
      'Longest visits and biggest baskets: Gamma, 10.4 min per in-store visit (8.4 overall) and 9.8 units per order (6.6 overall).',
    );
    expect(v.dwell.map((d) => d.value)).toEqual([8.2, 7.5, 10.4]);
  });

  it('bubble: quadrants split at the overall averages, domains pad the values', () => {
    const b = bubbleChart(s);
    expect(b.points.map((p) => p.quadrant)).toEqual([
      'Loyal and secure',
      'Loyal but slipping',
      'Light but steady',
    ]);
    expect(b.xDomain).toEqual([10, 80]);
    expect(b.yDomain).toEqual([20, 90]);
    expect(b.maxCustomers).toBe(500);
    expect(b.takeaway).toBe(
      'Alpha: the most loyal and the least at risk (loyalty 70.0, churn risk 30.0); Beta: the highest churn risk, 75.0 against 50.0 on average, despite above-average loyalty (55.0).',
    );
    expect(loyaltyRiskQuadrantOf(10, 90, { loyalty: 50, churn: 50 })).toBe('Drifting away');
  });

  it('CLV: a nice domain, the leader and the skew of every persona', () => {
    const c = clvChart(s);
    // The highest 90th percentile is Alpha's 42 → steps of 10 up to 50.
    expect(c.domainMax).toBe(50);
    expect(c.ticks).toEqual([0, 10, 20, 30, 40, 50]);
    expect(c.takeaway).toBe(
      "Highest: Alpha, an average of 20.0 of 100 (1.6× the overall 12.5); every persona's median sits below its average (overall median 4.2), so a few high-value customers lift each average.",
    );
  });

  it('demographics: one row per persona, the total last, columns from the data', () => {
    const t = demographicsTable(s);
    expect(t.columns.map((c) => c.label)).toEqual([
      'Persona',
      'Customers',
      'Avg age',
      'Female',
      'Male',
      'Non-binary / undisclosed',
      'Urban',
      'Semi-urban',
      'Rural',
    ]);
    expect(t.rows.map((r) => r.persona)).toEqual(['Alpha', 'Beta', 'Gamma', 'All customers']);
    expect(t.rows.at(-1)).toMatchObject({
      customers: 1000,
      avg_age: 37.9,
      'gender:female': 55,
      'locale:rural': 10,
    });
  });

  it('buildOverview puts it all together', () => {
    const m = buildOverview(fixture(), 'INR');
    expect(m.kpis).toHaveLength(7);
    expect(m.headlines.length).toBeGreaterThanOrEqual(3);
    expect(m.headlines.length).toBeLessThanOrEqual(5);
    expect(m.personas.map((p) => p.persona)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(m.window.label).toBe('Oct 2024 – Sept 2026');
  });
});

describe('layoutBubbleLabels', () => {
  const plot = { x: 40, y: 10, width: 400, height: 300 };

  it('keeps a lone label beside its bubble, on the right', () => {
    const [l] = layoutBubbleLabels([{ id: 1, x: 100, y: 100, r: 10, width: 80 }], plot);
    expect(l).toEqual({ id: 1, x: 114, y: 100, anchor: 'start', leader: false });
  });

  it('flips a label to the left near the right edge', () => {
    const [l] = layoutBubbleLabels([{ id: 1, x: 420, y: 100, r: 10, width: 80 }], plot);
    expect(l).toMatchObject({ x: 406, anchor: 'end' });
  });

  it('pushes overlapping labels at least a line apart and inside the plot', () => {
    const placed = layoutBubbleLabels(
      [
        { id: 1, x: 100, y: 150, r: 8, width: 120 },
        { id: 2, x: 110, y: 152, r: 6, width: 120 },
        { id: 3, x: 105, y: 15, r: 6, width: 120 },
      ],
      plot,
      14,
    );
    const ys = placed.map((p) => p.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-6);
    for (const p of placed) {
      expect(p.y).toBeGreaterThanOrEqual(plot.y + 7);
      expect(p.y).toBeLessThanOrEqual(plot.y + plot.height - 7);
    }
  });

  it("moves a label off another persona's bubble", () => {
    const placed = layoutBubbleLabels(
      [
        { id: 1, x: 100, y: 150, r: 8, width: 120 },
        { id: 2, x: 160, y: 150, r: 12, width: 60 },
      ],
      plot,
      14,
    );
    const first = placed.find((p) => p.id === 1)!;
    expect(Math.abs(first.y - 150)).toBeGreaterThanOrEqual(12 + 7);
  });
});

describe('layoutBubbleChart', () => {
  const chart = bubbleChart(summarise(fixture()));
  const area = { width: 340, height: 250 };
  const l = layoutBubbleChart(chart, area, 30, 12);

  it('maps the domains onto 0–100 and the averages onto the guide lines', () => {
    // x 10–80, y 20–90: loyalty 50 → 40/70 of the width; churn 50 → 30/70 up from the bottom.
    expect(l.reference.x).toBeCloseTo((40 / 70) * 100, 6);
    expect(l.reference.y).toBeCloseTo(100 - (30 / 70) * 100, 6);
    // Round ticks from d3 inside the domain.
    expect(l.xTicks.map((t) => t.value)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(l.xTicks[1]!.at).toBeCloseTo((10 / 70) * 100, 6);
    expect(l.yTicks[0]).toEqual({ value: 20, at: 0 });
  });

  it('sizes bubbles by area (radius ∝ √customers), largest drawn first', () => {
    expect(l.bubbles.map((b) => b.persona)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(l.bubbles[0]!.r).toBe(30);
    expect(l.bubbles[1]!.r).toBeCloseTo(30 * Math.sqrt(300 / 500), 6);
  });

  it('labels every bubble beside it, in px, and keeps labels apart', () => {
    expect(l.labels.map((x) => x.persona).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
    const ys = l.labels.map((x) => x.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThan(0);
    for (const lab of l.labels) {
      const b = l.bubbles.find((x) => x.clusterId === lab.id)!;
      // The offset from the bubble's centre clears its radius, on the label's side.
      expect(Math.abs(lab.dx)).toBeGreaterThanOrEqual(b.r);
      expect(Math.sign(lab.dx)).toBe(lab.anchor === 'start' ? 1 : -1);
      expect(lab.y - lab.dy).toBeCloseTo((b.cy / 100) * area.height, 6);
    }
  });

  it('drops a quadrant name that a bubble covers', () => {
    const crowded = { ...chart, points: [{ ...chart.points[0]!, loyalty: 78, churn: 22 }] };
    const names = layoutBubbleChart(crowded, area, 30, 12).corners.map((c) => c.text);
    expect(names).not.toContain('Loyal and secure');
    expect(names).toContain('Drifting away');
  });
});
