import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import type { ProductFamily } from '../sources/stage-sources';
import { buildDemandSummary } from './demand-summary';

/** A published product family with only the figures a test cares about; the rest are plain placeholders. */
function family(
  family_id: number,
  family_name: string,
  demand: { instore: number; online: number },
  price: ProductFamily['price_usd'] = { avg: 5, sd: 1, min: 1, max: 10 },
): ProductFamily {
  return {
    family_id,
    family_name,
    intent: 'Everyday Essentials',
    zone_id: 7,
    zone_id_alternatives: [],
    items_considered: 3,
    price_usd: price,
    weight_lbs: { avg: 1, sd: null, min: 1, max: 1 },
    instore_purchase_pct: 12.5,
    online_purchase_pct: 4.25,
    instore_choice_pct: 1,
    online_choice_pct: 1,
    impulse_rate_pct: 8,
    is_emotional: false,
    daily_demand_instore: demand.instore,
    daily_demand_online: demand.online,
    dwell_seconds: 40,
    product_count: 2,
    example_products: ['A', 'B'],
  };
}

// Family 27 carries a published price erratum. Demand per day: in store 10 / 30 / 60; online 5 / 5 / 0.
const families = [
  family(1, 'Bread', { instore: 10.12345, online: 5 }, { avg: 12.3456, sd: null, min: 1, max: 20.004 }),
  family(27, 'Beers coolers', { instore: 30, online: 5 }),
  family(3, 'Soap', { instore: 60, online: 0 }),
];

// The log knows two categories, in another order than the families: index 0 = family 27, index 1 = family 1.
const log = tinyLog(1, [
  {
    customer: 0,
    day: 1,
    gross: 40,
    lines: [
      [0, 1, 30], // family 27 in store
      [1, 1, 10], // family 1 in store
    ],
  },
  { customer: 0, day: 2, online: true, gross: 50, lines: [[1, 2, 50]] }, // family 1 online
]);
log.categories = [
  { category_id: 27, name: 'Beers coolers', intent: 'Everyday Essentials' },
  { category_id: 1, name: 'Bread', intent: 'Everyday Essentials' },
];

describe('buildDemandSummary', () => {
  const table = buildDemandSummary(families, log);
  const row = (id: number) => table.rows.find((r) => r.family_id === id)!;

  it('keeps the families’ order and their published figures, prices rounded to cents', () => {
    expect(table.rows.map((r) => r.family_id)).toEqual([1, 27, 3]);
    expect(row(1)).toMatchObject({
      family_name: 'Bread',
      is_emotional: false,
      instore_purchase_pct: 12.5,
      online_purchase_pct: 4.25,
      impulse_rate_pct: 8,
      daily_demand_instore: 10.123, // 3 decimals
      dwell_seconds: 40,
      items_considered: 3,
      price_avg_usd: 12.35,
      price_sd_usd: null, // a family with one priced item has no SD
      price_min_usd: 1,
      price_max_usd: 20,
      price_note: null,
      product_count: 2,
      example_products: ['A', 'B'],
      zone_id: 7,
    });
    expect(table.source).toBeUndefined();
  });

  it('flags the family whose published prices are known to be wrong', () => {
    expect(row(27).price_note).toMatch(/coolers/i);
    expect(row(3).price_note).toBeNull();
  });

  it('ranks daily demand per channel with cumulative shares, ties to the earlier family', () => {
    // In store, total 100.12: 60 (family 3) → 59.93 %, + 30 (27) → 89.89 %, + 10.12 (1) → 100 %.
    expect(table.rows.map((r) => r.instore_demand_rank)).toEqual([3, 2, 1]);
    expect(table.rows.map((r) => r.instore_cumulative_demand_pct)).toEqual([100, 89.89, 59.93]);
    // Online 5 / 5 / 0 of 10: the tie goes to family 1 (first listed), 50 % then 100 %; family 3 adds nothing.
    expect(table.rows.map((r) => r.online_demand_rank)).toEqual([1, 2, 3]);
    expect(table.rows.map((r) => r.online_cumulative_demand_pct)).toEqual([50, 100, 100]);
    // Families needed to reach 80 %: two in each channel (59.93 → 89.89; 50 → 100).
    expect(table.pareto).toEqual({ threshold_pct: 80, instore_family_count: 2, online_family_count: 2 });
  });

  it('matches the log’s spend to families by id, and gives a family the log never sold 0 %', () => {
    // In store 30 + 10 = 40: family 27 → 75 %, family 1 → 25 %. Online: all 50 on family 1.
    expect(row(27).synthetic_instore_spend_share_pct).toBe(75);
    expect(row(1).synthetic_instore_spend_share_pct).toBe(25);
    expect(row(1).synthetic_online_spend_share_pct).toBe(100);
    expect(row(27).synthetic_online_spend_share_pct).toBe(0);
    expect(row(3).synthetic_instore_spend_share_pct).toBe(0);
    expect(row(3).synthetic_online_spend_share_pct).toBe(0);
  });

  it('given no online demand at all, needs no family to reach 80 % and writes 0 % shares', () => {
    const offline = families.map((f) => ({ ...f, daily_demand_online: 0 }));
    const t = buildDemandSummary(offline, tinyLog(1, []));
    expect(t.pareto.online_family_count).toBe(0);
    expect(t.rows.map((r) => r.online_cumulative_demand_pct)).toEqual([0, 0, 0]);
    expect(t.rows.map((r) => r.online_demand_rank)).toEqual([1, 2, 3]);
    expect(t.rows.map((r) => r.synthetic_instore_spend_share_pct)).toEqual([0, 0, 0]);
  });
});
