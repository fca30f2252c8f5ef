import type { MarketingEffectiveness, MarketingRow } from '@/lib/schema/marketing-effectiveness';
import { describe, expect, it } from 'vitest';
import {
  discountBars,
  fullMarketingTable,
  leversTakeaway,
  marketingGrid,
  marketingKpis,
  metricMatrix,
  metricTable,
  metricTakeaway,
  recommendLevers,
} from './marketing';

function row(
  cluster_id: number | null,
  persona: string,
  contact_channel: string,
  f: { response: number; conversion: number; revenue: number; discount: number; trend?: number | null },
  extra: Partial<MarketingRow> = {},
): MarketingRow {
  return {
    cluster_id,
    persona,
    contact_channel,
    customers_reached: 100,
    reach_pct: 80,
    touches: 1000,
    responses: f.response * 10,
    response_rate_pct: f.response,
    conversions: f.conversion * 10,
    conversion_rate_pct: f.conversion,
    conversions_per_100_responses: 30,
    attributed_revenue: f.revenue * 1000,
    revenue_per_touch: f.revenue,
    redemptions: 10,
    discount_dependency_pct: f.discount,
    discount_cost: 500,
    response_trend: f.trend === undefined ? 1 : f.trend,
    ...extra,
  };
}

/**
 * Three personas on two channels:
 * - Loyal: 20 % discount dependency (everyone 30 %), steady → engagement, lead = event (highest revenue/touch).
 * - Fading: 25 %, response trend 0.5 → re-engage.
 * - Bargain: 60 % (2× everyone) → offers, on the channel with the lowest dependency among those
 *   earning at least its average: email (50 %, 40/touch ≥ 30) rather than event (70 %).
 */
const ME: MarketingEffectiveness = {
  table: 'marketing_effectiveness',
  currency: 'INR',
  contact_channels: ['email', 'event'],
  rows: [
    row(0, 'Loyal', 'email', { response: 5, conversion: 2, revenue: 100, discount: 20 }),
    row(0, 'Loyal', 'event', { response: 15, conversion: 9, revenue: 900, discount: 20 }),
    row(0, 'Loyal', 'all', { response: 6, conversion: 3, revenue: 200, discount: 20, trend: 1.05 }),
    row(1, 'Fading', 'email', { response: 2, conversion: 1, revenue: 50, discount: 25 }),
    row(1, 'Fading', 'event', { response: 8, conversion: 4, revenue: 400, discount: 25 }),
    row(1, 'Fading', 'all', { response: 3, conversion: 1, revenue: 80, discount: 25, trend: 0.5 }),
    row(2, 'Bargain', 'email', { response: 1, conversion: 0.5, revenue: 40, discount: 50 }),
    row(2, 'Bargain', 'event', { response: 4, conversion: 2, revenue: 300, discount: 70 }),
    row(2, 'Bargain', 'all', { response: 1.5, conversion: 0.6, revenue: 30, discount: 60, trend: 0.7 }),
    row(null, 'All customers', 'email', { response: 3, conversion: 1, revenue: 60, discount: 30 }),
    row(null, 'All customers', 'event', { response: 9, conversion: 5, revenue: 500, discount: 30 }),
    row(
      null,
      'All customers',
      'all',
      { response: 3.5, conversion: 1.5, revenue: 100, discount: 30 },
      { touches: 9000 },
    ),
  ],
};

describe('marketing grid', () => {
  const grid = marketingGrid(ME);

  it('puts personas × channels in table order, with their and everyone’s totals', () => {
    expect(grid.personas.map((p) => p.persona)).toEqual(['Loyal', 'Fading', 'Bargain']);
    expect(grid.channels).toEqual(['email', 'event']);
    expect(metricMatrix(grid, 'response')).toEqual([
      [5, 15],
      [2, 8],
      [1, 4],
    ]);
    expect(grid.personaAll.map((r) => r?.discount_dependency_pct)).toEqual([20, 25, 60]);
    expect(grid.overallAll?.touches).toBe(9000);
  });

  it('says which channel wins for how many personas', () => {
    expect(metricTakeaway(grid, 'revenue', 'INR')).toBe(
      'Events give the highest revenue per contact for every persona; on events, Loyal ₹900 against Bargain ₹300.',
    );
    // Lower is better for discount dependency: e-mail wins for Bargain, a tie elsewhere goes to the first channel.
    expect(metricTakeaway(grid, 'discount', 'INR')).toBe(
      'E-mail gives the lowest discount dependency for every persona; on e-mail, Loyal 20.0% against Bargain 50.0%.',
    );
  });

  it('tables the metric with an all-customers row', () => {
    const t = metricTable(grid, 'conversion');
    expect(t.columns.map((c) => c.key)).toEqual(['persona', 'email', 'event', 'all']);
    expect(t.rows.at(-1)).toEqual({ persona: 'All customers', email: 1, event: 5, all: 1.5 });
    expect(fullMarketingTable(ME).rows).toHaveLength(ME.rows.length);
  });

  it('has the headline figures from the everyone / all-channels row', () => {
    const kpis = marketingKpis(grid, 'INR');
    expect(kpis.find((k) => k.id === 'kpi-touches')!.value).toBe('9,000');
    expect(kpis.find((k) => k.id === 'kpi-discount')!.value).toBe('30.0%');
  });

  it('ranks discount dependency against everyone', () => {
    const bars = discountBars(grid);
    expect(bars.rows.map((r) => r.persona)).toEqual(['Bargain', 'Fading', 'Loyal']);
    expect(bars.overall).toBe(30);
    expect(bars.scale).toEqual({ max: 60, ticks: [0, 20, 40, 60] });
    expect(bars.takeaway).toBe(
      'Bargain need a discount for 60% of converted orders, 2.0× everyone’s 30%; Loyal for only 20%.',
    );
  });
});

describe('recommended lever', () => {
  const levers = recommendLevers(marketingGrid(ME), 'INR');
  const of = (p: string) => levers.find((l) => l.persona === p)!;

  it('favours engagement when discounts are not what converts', () => {
    const l = of('Loyal');
    expect(l.kind).toBe('engage');
    expect(l.leadChannel).toBe('event');
    expect(l.supportChannel).toBe('email');
    expect(l.action).toBe(
      'Grow Loyal through events, kept warm by e-mail: content, previews and events, no discount.',
    );
    expect(l.reasons[0]).toBe(
      '20% of their converted orders used a discount, against 30% for all customers. Discounts add cost, not conversions.',
    );
    expect(l.reasons[1]).toContain('Events earn ₹900 per touch, 4.5× the persona’s average of ₹200');
  });

  it('re-engages a disengaging persona without a discount', () => {
    const l = of('Fading');
    expect(l.kind).toBe('reengage');
    expect(l.reasons[0]).toBe('Their response rate fell to 50% of the earlier rate: they are drifting away.');
    expect(l.action).toContain('no discount');
  });

  it('keeps offers only for a discount-dependent persona, where they are needed least', () => {
    const l = of('Bargain');
    expect(l.kind).toBe('offer'); // 60 % ≥ 1.5 × 30 %, checked before the falling trend
    expect(l.leadChannel).toBe('email');
    expect(l.supportChannel).toBe('event');
    expect(l.reasons[0]).toContain('(2.0×): for this persona, discounts are what converts.');
    expect(l.reasons[2]).toBe(
      'Each redeemed offer costs ₹50 on average: cap the depth and test engagement-only touches against it.',
    );
  });

  it('sits just at the thresholds', () => {
    const at = (discount: number, trend: number) => {
      const me: MarketingEffectiveness = {
        ...ME,
        rows: ME.rows.map((r) =>
          r.cluster_id === 0 && r.contact_channel === 'all'
            ? { ...r, discount_dependency_pct: discount, response_trend: trend }
            : r,
        ),
      };
      return recommendLevers(marketingGrid(me), 'INR')[0]!.kind;
    };
    expect(at(45, 1)).toBe('offer'); // exactly 1.5 × 30
    expect(at(44.9, 1)).toBe('engage');
    expect(at(20, 0.79)).toBe('reengage');
    expect(at(20, 0.8)).toBe('engage');
  });

  it('sums the levers in one line', () => {
    expect(leversTakeaway(levers)).toBe(
      '2 of 3 personas should be won with engagement rather than discounts; offers stay only for Bargain (60% of conversions use one).',
    );
  });
});
