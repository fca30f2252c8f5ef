import { formatMonth } from '@/lib/format/format';
import type { ClvDistribution, ClvProxyTable } from '@/lib/schema/clv-proxy';
import type { RevenueByCluster, RevenueRow } from '@/lib/schema/revenue-by-cluster';
import { describe, expect, it } from 'vitest';
import {
  clvBoxes,
  clvHistograms,
  labelBox,
  monthlyRevenue,
  placeBubbleLabels,
  representation,
  revenueByPersona,
  revenueKpis,
  valueRiskQuadrant,
  valueRiskQuadrantOf,
  windowLabel,
} from './revenue';

function revRow(
  cluster_id: number,
  persona: string,
  customers: number,
  revenue: number,
  churn: number,
  clv: number,
  totals: { customers: number; revenue: number },
): RevenueRow & { cluster_id: number } {
  const customerShare = (customers / totals.customers) * 100;
  const revenueShare = (revenue / totals.revenue) * 100;
  return {
    cluster_id,
    persona,
    customers,
    customer_share_pct: customerShare,
    revenue,
    revenue_share_pct: revenueShare,
    revenue_index: revenueShare / customerShare,
    revenue_per_customer: revenue / customers,
    orders: customers * 2,
    orders_per_customer: 2,
    avg_order_value: revenue / (customers * 2),
    online_revenue_share_pct: 40,
    discount_share_pct: 2,
    avg_clv_proxy: clv,
    avg_churn_risk: churn,
  };
}

/** Four personas, one in each quadrant: averages are ₹1,000 per customer and churn risk 50. */
function revenueFixture(): RevenueByCluster {
  const totals = { customers: 100, revenue: 100_000 };
  const rows = [
    revRow(0, 'Loyal Spenders', 30, 60_000, 30, 40, totals), // 2000 / customer, low risk → reward
    revRow(1, 'Fading Premiums', 20, 30_000, 80, 10, totals), // 1500 / customer, high risk → protect
    revRow(2, 'Drifting Browsers', 30, 5_000, 70, 2, totals), // 167 / customer, high risk → reactivate
    revRow(3, 'Steady Starters', 20, 5_000, 20, 5, totals), // 250 / customer, low risk → grow
  ];
  return {
    table: 'revenue_by_cluster',
    currency: 'INR',
    rows,
    total: {
      cluster_id: null,
      persona: 'All customers',
      customers: 100,
      customer_share_pct: 100,
      revenue: 100_000,
      revenue_share_pct: 100,
      revenue_index: 1,
      revenue_per_customer: 1000,
      orders: 200,
      orders_per_customer: 2,
      avg_order_value: 500,
      online_revenue_share_pct: 40,
      discount_share_pct: 2,
      avg_clv_proxy: 15.5,
      avg_churn_risk: 50,
    },
    monthly: [
      monthOf('2024-10', [10_000, 6_000, 1_000, 500]),
      monthOf('2024-11', [10_000, 6_000, 1_000, 500]),
      monthOf('2024-12', [20_000, 9_000, 2_000, 1_500]),
      monthOf('2025-01', [20_000, 9_000, 2_000, 1_500]),
    ],
  };
}

/** A month whose revenue is all in store, with no other figures: the monthly chart reads revenue only. */
function monthOf(month: string, revenue: number[]): RevenueByCluster['monthly'][number] {
  return {
    month,
    days: 30,
    clusters: revenue.map((v) => ({
      revenue: [v, 0],
      orders: [0, 0],
      new_customers: [0, 0],
      active_customers: [0, 0, 0],
    })),
  };
}

function dist(cluster_id: number | null, persona: string, shares: number[], p50: number): ClvDistribution {
  const q = {
    min: 0,
    p05: p50 / 4,
    p10: p50 / 3,
    p25: p50 / 2,
    p50,
    p75: p50 * 2,
    p90: p50 * 3,
    p95: p50 * 4,
    max: 100,
    mean: p50 * 1.5,
  };
  return {
    cluster_id,
    persona,
    customers: 10,
    counts: shares.map((s) => s / 10),
    shares_pct: shares,
    quantiles: q,
    value_quantiles: q,
    predicted: null,
  };
}

function clvFixture(): ClvProxyTable {
  return {
    table: 'clv_proxy',
    currency: 'INR',
    horizon_months: 36,
    columns: [] as never,
    rows: [],
    bin_edges: [0, 25, 50, 75, 100],
    distributions: [
      dist(0, 'Loyal Spenders', [30, 30, 30, 10], 40),
      dist(1, 'Fading Premiums', [87, 13, 0, 0], 5),
      dist(2, 'Drifting Browsers', [100, 0, 0, 0], 1),
    ],
    overall: dist(null, 'All customers', [72.33, 14.33, 10, 3.33], 4),
    predicted_bin_edges: null,
    predicted_clv_spearman: null,
  };
}

describe('revenueByPersona', () => {
  it('orders bars by revenue and keeps the exact figures in the table, with the total last', () => {
    const rev = revenueFixture();
    const out = revenueByPersona(rev);
    expect(out.bars.map((b) => b.persona)).toEqual([
      'Loyal Spenders',
      'Fading Premiums',
      'Drifting Browsers',
      'Steady Starters',
    ]);
    expect(out.bars[0]).toEqual({ cluster_id: 0, persona: 'Loyal Spenders', value: 60_000 });
    expect(out.table.rows).toHaveLength(5);
    expect(out.table.rows[4]).toMatchObject({
      persona: 'All customers',
      revenue: 100_000,
      revenue_share_pct: 100,
    });
    expect(out.table.rows[1]).toMatchObject({
      persona: 'Fading Premiums',
      revenue: 30_000,
      revenue_share_pct: 30,
    });
    expect(out.summary.rows).toBe(out.table.rows);
    expect(out.summary.columns.map((c) => c.key)).toEqual([
      'persona',
      'customers',
      'customer_share_pct',
      'revenue',
      'revenue_share_pct',
      'revenue_per_customer',
      'avg_order_value',
    ]);
    expect(out.takeaway).toContain('Loyal Spenders');
    expect(out.takeaway).toContain('60.0%');
    expect(out.takeaway).toContain('Steady Starters');
  });
});

describe('representation', () => {
  it('names the most over- and under-represented personas with their shares and index', () => {
    const out = representation(revenueFixture());
    expect(out.over?.persona).toBe('Loyal Spenders');
    expect(out.under?.persona).toBe('Drifting Browsers');
    expect(out.rows.map((r) => r.revenue_index)).toEqual(
      [...out.rows.map((r) => r.revenue_index)].sort((a, b) => b - a),
    );
    expect(out.takeaway).toBe(
      'Most over-represented: Loyal Spenders are 30.0% of customers and 60.0% of revenue (index 2.00×). ' +
        'Most under-represented: Drifting Browsers are 30.0% of customers and 5.0% of revenue (index 0.17×).',
    );
    expect(out.axisMax).toBe(60);
  });
});

describe('clvHistograms', () => {
  it('builds one panel per persona plus all customers over the same bins, with one shared y scale', () => {
    const clv = clvFixture();
    const out = clvHistograms(clv);
    expect(out.panels.map((p) => p.persona)).toEqual([
      'Loyal Spenders',
      'Fading Premiums',
      'Drifting Browsers',
      'All customers',
    ]);
    for (const p of out.panels)
      expect(p.bins.map((b) => [b.start, b.end])).toEqual([
        [0, 25],
        [25, 50],
        [50, 75],
        [75, 100],
      ]);
    expect(out.panels[1]!.bins.map((b) => b.share)).toEqual([87, 13, 0, 0]);
    expect(out.yMax).toBe(100);
    expect(out.binWidth).toBe(25);
    // Table: one row per bin, one column per group, values equal to shares_pct.
    expect(out.table.rows).toHaveLength(4);
    expect(out.table.rows[0]).toEqual({ bin: '0–25', c0: 30, c1: 87, c2: 100, all: 72.33 });
    expect(out.takeaway).toBe(
      '100.0% of Drifting Browsers score below 25; Loyal Spenders spread furthest, with 70.0% above 25 and one in ten above 120.0.',
    );
  });

  it('rounds the shared scale up to the next ten above the largest share', () => {
    const clv = clvFixture();
    clv.distributions = [dist(0, 'A', [34, 33, 33, 0], 30)];
    clv.overall = dist(null, 'All customers', [34, 33, 33, 0], 30);
    expect(clvHistograms(clv).yMax).toBe(40);
  });
});

describe('clvBoxes', () => {
  it('lists quantiles per persona by median, then all customers', () => {
    const out = clvBoxes(clvFixture());
    expect(out.rows.map((r) => r.persona)).toEqual([
      'Loyal Spenders',
      'Fading Premiums',
      'Drifting Browsers',
      'All customers',
    ]);
    expect(out.rows[0]).toMatchObject({ p10: 40 / 3, p25: 20, p50: 40, p75: 80, p90: 120, mean: 60 });
    expect(out.table.rows[3]).toMatchObject({ persona: 'All customers', p50: 4 });
    expect(out.takeaway).toContain('from 1.0 (Drifting Browsers) to 40.0 (Loyal Spenders)');
  });
});

describe('valueRiskQuadrant', () => {
  it('places each persona against the overall averages', () => {
    expect(valueRiskQuadrantOf(2, 60, 1, 50)).toBe('protect');
    expect(valueRiskQuadrantOf(2, 40, 1, 50)).toBe('reward');
    expect(valueRiskQuadrantOf(0.5, 60, 1, 50)).toBe('reactivate');
    expect(valueRiskQuadrantOf(0.5, 40, 1, 50)).toBe('grow');
    // At the average counts as not high.
    expect(valueRiskQuadrantOf(1, 50, 1, 50)).toBe('grow');
  });

  it('marks the high-value, high-risk persona and names it in the takeaway', () => {
    const out = valueRiskQuadrant(revenueFixture());
    expect(Object.fromEntries(out.points.map((p) => [p.persona, p.quadrant]))).toEqual({
      'Loyal Spenders': 'reward',
      'Fading Premiums': 'protect',
      'Drifting Browsers': 'reactivate',
      'Steady Starters': 'grow',
    });
    expect(out.members.protect).toEqual(['Fading Premiums']);
    expect(out.avgValue).toBe(1000);
    expect(out.avgRisk).toBe(50);
    expect(out.takeaway).toBe(
      'High value and high risk — protect: Fading Premiums (₹1,500 per customer, churn risk 80.0, 30.0% of revenue); ' +
        'averages ₹1,000 per customer and churn risk 50.0.',
    );
    expect(out.table.rows[0]).toMatchObject({
      persona: 'Fading Premiums',
      quadrant: 'High value · high risk — protect',
    });
  });

  it('says so when no persona is high value and high risk', () => {
    const rev = revenueFixture();
    rev.rows = rev.rows.filter((r) => r.persona !== 'Fading Premiums');
    const out = valueRiskQuadrant(rev);
    expect(out.members.protect).toEqual([]);
    expect(out.takeaway).toMatch(/^No persona is both above-average value and above-average risk/);
  });

  it('spans the personas and the sampled customers with a power-of-ten log domain', () => {
    const out = valueRiskQuadrant(revenueFixture(), [
      [73, 10, 0],
      [1_753_994, 80, 1],
    ]);
    expect(out.xDomain).toEqual([10, 1e7]);
    expect(out.xTicks).toEqual([10, 100, 1e3, 1e4, 1e5, 1e6, 1e7]);
  });
});

describe('monthlyRevenue', () => {
  it('keeps each month and persona exactly, with totals and a computed trend', () => {
    const out = monthlyRevenue(revenueFixture());
    expect(out.period).toBe('Oct 2024 – Jan 2025');
    expect(out.data[0]).toEqual({
      month: '2024-10',
      label: 'Oct 2024',
      c0: 10_000,
      c1: 6_000,
      c2: 1_000,
      c3: 500,
      total: 17_500,
    });
    expect(out.table.rows[2]).toEqual({
      label: 'Dec 2024',
      c0: 20_000,
      c1: 9_000,
      c2: 2_000,
      c3: 1_500,
      total: 32_500,
    });
    expect(out.table.columns.map((c) => c.label)).toEqual([
      'Month',
      'Loyal Spenders',
      'Fading Premiums',
      'Drifting Browsers',
      'Steady Starters',
      'All customers',
    ]);
    // Last two months 65,000 vs first two 35,000: +85.7%. Steady Starters tripled (+200%), Fading Premiums +50%.
    expect(out.takeaway).toBe(
      'Revenue in the last 2 months is +85.7% on the first 2 (₹65,000 vs ₹35,000); ' +
        'Steady Starters +200.0%, Fading Premiums +50.0%. Peak month: Dec 2024, ₹32,500.',
    );
  });
});

describe('revenueKpis', () => {
  it('sums the revenue share of the protect quadrant', () => {
    const rev = revenueFixture();
    const kpis = revenueKpis(rev, clvFixture(), valueRiskQuadrant(rev));
    const protect = kpis.find((k) => k.id === 'kpi-protect')!;
    expect(protect.value).toBe('30.0%');
    expect(protect.hint).toContain('Fading Premiums');
    expect(kpis.find((k) => k.id === 'kpi-revenue')!.value).toBe('₹1.00 L');
  });
});

describe('labels', () => {
  it('formats months and the window', () => {
    expect(formatMonth('2026-09')).toBe('Sep 2026');
    expect(windowLabel({ window_start: '2024-10-01', window_end: '2026-09-30' })).toBe(
      '1 Oct 2024 – 30 Sep 2026',
    );
  });
});

describe('placeBubbleLabels', () => {
  it('puts labels to the right when there is room', () => {
    const sides = placeBubbleLabels(
      [
        { cx: 100, cy: 100, r: 10, textWidth: 80 },
        { cx: 100, cy: 300, r: 10, textWidth: 80 },
      ],
      800,
      400,
    );
    expect(sides).toEqual(['right', 'right']);
  });

  it('moves a label off a neighbouring bubble and inside the plot', () => {
    const bubbles = [
      { cx: 300, cy: 200, r: 20, textWidth: 120 }, // big bubble: placed first, to the right
      { cx: 240, cy: 202, r: 8, textWidth: 160 }, // small bubble just left of it: its right label would cover the big one
      { cx: 790, cy: 50, r: 8, textWidth: 100 }, // at the right edge: label goes left
    ];
    const sides = placeBubbleLabels(bubbles, 800, 400);
    expect(sides[0]).toBe('right');
    expect(sides[1]).toBe('left');
    expect(sides[2]).toBe('left');
    const boxes = bubbles.map((b, i) => labelBox(b, sides[i]!));
    expect(boxes[1]!.x1).toBeLessThanOrEqual(bubbles[0]!.cx - bubbles[0]!.r);
  });
});
