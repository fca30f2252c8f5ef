import { demandRow, type DemandSummary } from '../schema/demand-summary';
import { priceErratumOf } from '../sources/price-errata';
import type { ProductFamily } from '../sources/stage-sources';
import { CHANNEL_ONLINE, type TransactionLog } from '../transactions/transaction-log';
import { pct, roundNum } from './numbers';

export const PARETO_THRESHOLD_PCT = 80;

/** Rank (1 = highest) and cumulative share of each value, ties broken by family order. */
export function paretoRanks(values: number[]): {
  rank: number[];
  cumulative: number[];
  countTo: (pct: number) => number;
} {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const total = values.reduce((a, b) => a + b, 0);
  const rank = new Array<number>(values.length);
  const cumulative = new Array<number>(values.length);
  let acc = 0;
  order.forEach(([v, i], r) => {
    acc += v;
    rank[i] = r + 1;
    cumulative[i] = total > 0 ? (100 * acc) / total : 0;
  });
  const sortedCum = order.map(([, i]) => cumulative[i]!);
  return { rank, cumulative, countTo: (p) => sortedCum.findIndex((c) => c >= p - 1e-9) + 1 };
}

/**
 * What the order lines say of each category, per channel (0 in store, 1 online): units, net spend,
 * the orders holding it, and each channel's orders; per category over both channels, the unit
 * prices' Σ units × price² and range. The TypeScript reference of sql/category_demand.sql.
 */
export interface CategoryDemand {
  units: [Float64Array, Float64Array];
  spend: [Float64Array, Float64Array];
  ordersWith: [Float64Array, Float64Array];
  orders: [number, number];
  unitsPriceSquared: Float64Array;
  /** Infinity and −Infinity for a category without a line. */
  minUnitPrice: Float64Array;
  maxUnitPrice: Float64Array;
}

/** Nothing yet, for `n` categories. */
export function emptyCategoryDemand(n: number): CategoryDemand {
  const pair = (): [Float64Array, Float64Array] => [new Float64Array(n), new Float64Array(n)];
  return {
    units: pair(),
    spend: pair(),
    ordersWith: pair(),
    orders: [0, 0],
    unitsPriceSquared: new Float64Array(n),
    minUnitPrice: new Float64Array(n).fill(Infinity),
    maxUnitPrice: new Float64Array(n).fill(-Infinity),
  };
}

export function categoryDemand(log: TransactionLog): CategoryDemand {
  const n = log.categories.length;
  const d = emptyCategoryDemand(n);
  const lastOrder = new Int32Array(n).fill(-1);
  for (let o = 0; o < log.orderCount; o++) {
    const ch = log.orderChannel[o] === CHANNEL_ONLINE ? 1 : 0;
    d.orders[ch]++;
    for (let l = log.orderLineStart[o]!; l < log.orderLineStart[o + 1]!; l++) {
      const c = log.lineCategory[l]!;
      const q = log.lineQuantity[l]!;
      const net = log.lineNet[l]!;
      d.units[ch][c]! += q;
      d.spend[ch][c]! += net;
      if (lastOrder[c] !== o) {
        lastOrder[c] = o;
        d.ordersWith[ch][c]!++;
      }
      const unit = q > 0 ? net / q : 0;
      d.unitsPriceSquared[c]! += q * unit * unit;
      if (unit < d.minUnitPrice[c]!) d.minUnitPrice[c] = unit;
      if (unit > d.maxUnitPrice[c]!) d.maxUnitPrice[c] = unit;
    }
  }
  return d;
}

export function buildDemandSummary(
  families: ProductFamily[],
  log: TransactionLog,
  demand: CategoryDemand = categoryDemand(log),
): DemandSummary {
  const { spend } = demand;
  const index = new Map(log.categories.map((c, i) => [c.category_id, i]));
  const totals = spend.map((s) => s.reduce((a, b) => a + b, 0));
  const instore = paretoRanks(families.map((f) => f.daily_demand_instore));
  const online = paretoRanks(families.map((f) => f.daily_demand_online));
  return {
    table: 'demand_summary',
    rows: families.map((f, i) => {
      const cat = index.get(f.family_id) ?? -1;
      return demandRow({
        family_id: f.family_id,
        family_name: f.family_name,
        intent: f.intent,
        is_emotional: f.is_emotional,
        instore_purchase_pct: f.instore_purchase_pct,
        online_purchase_pct: f.online_purchase_pct,
        impulse_rate_pct: f.impulse_rate_pct,
        daily_demand_instore: roundNum(f.daily_demand_instore, 3),
        daily_demand_online: roundNum(f.daily_demand_online, 3),
        dwell_seconds: f.dwell_seconds,
        items_considered: f.items_considered,
        price_avg_usd: roundNum(f.price_usd.avg, 2),
        price_sd_usd: f.price_usd.sd === null ? null : roundNum(f.price_usd.sd, 2),
        price_min_usd: roundNum(f.price_usd.min, 2),
        price_max_usd: roundNum(f.price_usd.max, 2),
        price_note: priceErratumOf(f.family_id),
        product_count: f.product_count,
        example_products: f.example_products,
        zone_id: f.zone_id,
        instore_demand_rank: instore.rank[i]!,
        online_demand_rank: online.rank[i]!,
        instore_cumulative_demand_pct: roundNum(instore.cumulative[i]!, 2),
        online_cumulative_demand_pct: roundNum(online.cumulative[i]!, 2),
        synthetic_instore_spend_share_pct: cat >= 0 ? pct(spend[0]![cat]!, totals[0]!, 3) : 0,
        synthetic_online_spend_share_pct: cat >= 0 ? pct(spend[1]![cat]!, totals[1]!, 3) : 0,
      });
    }),
    pareto: {
      threshold_pct: PARETO_THRESHOLD_PCT,
      instore_family_count: instore.countTo(PARETO_THRESHOLD_PCT),
      online_family_count: online.countTo(PARETO_THRESHOLD_PCT),
    },
  };
}

/**
 * The demand table of a brand's own categories, from its orders alone: purchase % per channel =
 * share of the channel's orders holding the category, daily demand = units a day over the window,
 * unit prices = line amount ÷ quantity (weighted by units; in the build currency), Pareto ranks on
 * daily units. Fields only the public data has (dwell, impulse, emotional flag, zone, products) are null.
 */
export function buildOwnDemandSummary(
  log: TransactionLog,
  demand: CategoryDemand = categoryDemand(log),
): DemandSummary {
  const { units, spend, ordersWith, orders } = demand;
  const sumSq = demand.unitsPriceSquared;
  const min = demand.minUnitPrice;
  const max = demand.maxUnitPrice;
  const totals = spend.map((s) => s.reduce((a, b) => a + b, 0));
  const days = Math.max(1, log.windowDays);
  const daily = units.map((u) => Array.from(u, (v) => v / days));
  const instore = paretoRanks(daily[0]!);
  const online = paretoRanks(daily[1]!);
  return {
    table: 'demand_summary',
    source: 'orders',
    rows: log.categories.map((cat, c) => {
      const q = units[0]![c]! + units[1]![c]!;
      const money = spend[0]![c]! + spend[1]![c]!;
      const avg = q > 0 ? money / q : 0;
      const variance = q > 1 ? Math.max(0, (sumSq[c]! - q * avg * avg) / (q - 1)) : null;
      return demandRow({
        family_id: cat.category_id,
        family_name: cat.name,
        intent: cat.intent,
        is_emotional: null,
        instore_purchase_pct: pct(ordersWith[0]![c]!, orders[0]!, 3),
        online_purchase_pct: pct(ordersWith[1]![c]!, orders[1]!, 3),
        impulse_rate_pct: null,
        daily_demand_instore: roundNum(daily[0]![c]!, 3),
        daily_demand_online: roundNum(daily[1]![c]!, 3),
        dwell_seconds: null,
        items_considered: null,
        price_avg_usd: roundNum(avg, 2),
        price_sd_usd: variance === null ? null : roundNum(Math.sqrt(variance), 2),
        price_min_usd: roundNum(Number.isFinite(min[c]!) ? min[c]! : 0, 2),
        price_max_usd: roundNum(Number.isFinite(max[c]!) ? max[c]! : 0, 2),
        price_note: null,
        product_count: null,
        example_products: null,
        zone_id: null,
        instore_demand_rank: instore.rank[c]!,
        online_demand_rank: online.rank[c]!,
        instore_cumulative_demand_pct: roundNum(instore.cumulative[c]!, 2),
        online_cumulative_demand_pct: roundNum(online.cumulative[c]!, 2),
        synthetic_instore_spend_share_pct: pct(spend[0]![c]!, totals[0]!, 3),
        synthetic_online_spend_share_pct: pct(spend[1]![c]!, totals[1]!, 3),
      });
    }),
    pareto: {
      threshold_pct: PARETO_THRESHOLD_PCT,
      instore_family_count: orders[0]! > 0 ? instore.countTo(PARETO_THRESHOLD_PCT) : 0,
      online_family_count: orders[1]! > 0 ? online.countTo(PARETO_THRESHOLD_PCT) : 0,
    },
  };
}
