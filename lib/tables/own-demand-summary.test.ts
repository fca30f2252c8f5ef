import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { intentsOfLog } from '../pipeline/run-pipeline';
import { DemandSummarySchema } from '../schema/demand-summary';
import { demandFamilies, demandKpis } from '../view/demand';
import { buildOwnDemandSummary } from './demand-summary';

// 10 days; categories 0 Red wines, 1 Milk, 2 Soap. Lines: [category, quantity, net].
const log = tinyLog(
  2,
  [
    {
      customer: 0,
      day: 0,
      gross: 500,
      lines: [
        [0, 2, 400],
        [1, 1, 100],
      ],
    },
    { customer: 0, day: 3, gross: 100, lines: [[1, 1, 100]] },
    {
      customer: 1,
      day: 5,
      online: true,
      gross: 300,
      lines: [
        [1, 3, 150],
        [1, 1, 50],
        [2, 1, 100],
      ],
    },
  ],
  { windowDays: 10 },
);

describe('buildOwnDemandSummary', () => {
  const ds = buildOwnDemandSummary(log);
  const row = (name: string) => ds.rows.find((r) => r.family_name === name)!;

  it('gives purchase % as the share of the channel’s orders holding the category', () => {
    expect(row('Red wines').instore_purchase_pct).toBe(50);
    expect(row('Milk').instore_purchase_pct).toBe(100);
    // Two Milk lines in one online order count once.
    expect(row('Milk').online_purchase_pct).toBe(100);
    expect(row('Soap').online_purchase_pct).toBe(100);
    expect(row('Soap').instore_purchase_pct).toBe(0);
  });

  it('gives daily units per channel over the window and unit prices from amount ÷ quantity', () => {
    expect(row('Milk').daily_demand_instore).toBe(0.2);
    expect(row('Milk').daily_demand_online).toBe(0.4);
    expect(row('Red wines').price_avg_usd).toBe(200);
    // Milk: units at 100, 100, 50 ×3, 50 → 400 / 6.
    expect(row('Milk').price_avg_usd).toBe(66.67);
    expect(row('Milk').price_min_usd).toBe(50);
    expect(row('Milk').price_max_usd).toBe(100);
    expect(row('Soap').price_sd_usd).toBeNull();
  });

  it('ranks categories by daily units and leaves public-only fields null', () => {
    expect(row('Milk').online_demand_rank).toBe(1);
    expect(row('Soap').online_demand_rank).toBe(2);
    expect(row('Red wines').online_demand_rank).toBe(3);
    // In store Red wines and Milk tie at 2 units: the category order breaks it.
    expect(row('Red wines').instore_demand_rank).toBe(1);
    expect(row('Milk').instore_cumulative_demand_pct).toBe(100);
    for (const r of ds.rows) {
      expect(r.dwell_seconds).toBeNull();
      expect(r.impulse_rate_pct).toBeNull();
      expect(r.is_emotional).toBeNull();
      expect(r.zone_id).toBeNull();
      expect(r.example_products).toBeNull();
    }
    expect(ds.source).toBe('orders');
    expect(DemandSummarySchema.safeParse(ds).success).toBe(true);
  });

  it('requires 134 rows only of the public table', () => {
    const { source: _drop, ...publicLike } = ds;
    void _drop;
    expect(DemandSummarySchema.safeParse(publicLike).success).toBe(false);
  });

  it('gives the page no NaN and prices in the build currency, whatever the USD rate', () => {
    const families = demandFamilies(ds, 83);
    expect(families.find((f) => f.name === 'Red wines')!.priceAvg).toBe(200);
    const kpis = demandKpis(ds, families);
    expect(kpis[0]!.label).toBe('Product categories');
    expect(kpis.map((k) => `${k.value} ${k.hint}`).join(' ')).not.toMatch(/NaN|undefined/);
  });
});

describe('intentsOfLog', () => {
  it('lists the intents of the categories once, in category order', () => {
    expect(intentsOfLog(log)).toEqual(['Hosting & Entertaining', 'Everyday Essentials', 'Personal Care']);
  });
});
