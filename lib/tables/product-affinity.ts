import { categoryIntents } from '../intents/category-intents';
import {
  affinityCell,
  ATTACH_RISE_POINTS,
  crossSellRow,
  liftPair,
  overallCategory,
  type AffinityCell,
  type CrossSellRow,
  type LiftPair,
  type ProductAffinity,
} from '../schema/product-affinity';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import { pct, roundNum } from './numbers';

/** Pairs bought together less often than this are too thin to recommend. */
export const MIN_PAIR_ORDERS = 20;
export const TOP_PAIRS_PER_CLUSTER = 10;
/** Cross-sell opportunities kept, the most valuable first. */
export const TOP_CROSS_SELL = 25;
/** The rise in attach rate the opportunities are valued at, as a share of the orders holding A. */
const ATTACH_RISE = ATTACH_RISE_POINTS / 100;

/** Spend, customer reach and co-purchase counts per cluster for one level of category. */
export interface LevelCounts {
  size: number;
  spend: Float64Array; // [cluster * size + cat]
  customers: Float64Array; // [cluster * size + cat]
  orders: Float64Array; // [cluster * size + cat]
  pairs: Float64Array; // [cluster * size * size + a * size + b], a < b
  /** Net value of the orders holding both, summed: same index as `pairs`. */
  pairValue: Float64Array;
  clusterOrders: Float64Array;
}

/** Zero counts of `k` personas over `size` categories. */
export function emptyLevelCounts(k: number, size: number): LevelCounts {
  return {
    size,
    spend: new Float64Array(k * size),
    customers: new Float64Array(k * size),
    orders: new Float64Array(k * size),
    pairs: new Float64Array(k * size * size),
    pairValue: new Float64Array(k * size * size),
    clusterOrders: new Float64Array(k),
  };
}

/** The TypeScript reference of sql/category_cells.sql and sql/category_pairs.sql (one level). */
export function countLevel(
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
  size: number,
  levelOf: (category: number) => number,
): LevelCounts {
  const { log, k } = ctx;
  const counts = emptyLevelCounts(k, size);
  const custMark = new Uint32Array(size);
  const orderMark = new Uint32Array(size);
  const basket = new Int32Array(size);
  let orderStamp = 0;
  for (let c = 0; c < log.customerCount; c++) {
    const cl = ctx.clusterOf[c]!;
    const base = cl * size;
    for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++) {
      orderStamp++;
      counts.clusterOrders[cl]!++;
      let n = 0;
      let orderNet = 0;
      for (let l = log.orderLineStart[o]!; l < log.orderLineStart[o + 1]!; l++) {
        const cat = levelOf(log.lineCategory[l]!);
        counts.spend[base + cat]! += log.lineNet[l]!;
        orderNet += log.lineNet[l]!;
        if (custMark[cat] !== c + 1) {
          custMark[cat] = c + 1;
          counts.customers[base + cat]!++;
        }
        if (orderMark[cat] !== orderStamp) {
          orderMark[cat] = orderStamp;
          counts.orders[base + cat]!++;
          basket[n++] = cat;
        }
      }
      const pairBase = cl * size * size;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = Math.min(basket[i]!, basket[j]!);
          const b = Math.max(basket[i]!, basket[j]!);
          counts.pairs[pairBase + a * size + b]!++;
          counts.pairValue[pairBase + a * size + b]! += orderNet;
        }
      }
    }
  }
  return counts;
}

function cells(
  ctx: AnalysisContext,
  lc: LevelCounts,
  label: (cat: number) => string | number,
): AffinityCell[] {
  const { k } = ctx;
  const size = lc.size;
  const clusterSpend = new Float64Array(k);
  const catSpend = new Float64Array(size);
  for (let cl = 0; cl < k; cl++) {
    for (let cat = 0; cat < size; cat++) {
      clusterSpend[cl]! += lc.spend[cl * size + cat]!;
      catSpend[cat]! += lc.spend[cl * size + cat]!;
    }
  }
  const total = clusterSpend.reduce((a, b) => a + b, 0);
  const clusterCustomers = new Float64Array(k);
  for (const cl of ctx.clusterOf) clusterCustomers[cl]!++;
  const out: AffinityCell[] = [];
  for (let cl = 0; cl < k; cl++) {
    for (let cat = 0; cat < size; cat++) {
      const spend = lc.spend[cl * size + cat]!;
      const share = clusterSpend[cl]! > 0 ? spend / clusterSpend[cl]! : 0;
      const overall = total > 0 ? catSpend[cat]! / total : 0;
      out.push(
        affinityCell({
          cluster_id: cl,
          category: label(cat),
          spend: roundNum(spend, 2),
          spend_share_pct: roundNum(100 * share, 3),
          penetration_pct: pct(lc.customers[cl * size + cat]!, clusterCustomers[cl]!, 2),
          index: roundNum(overall > 0 ? share / overall : 0, 3),
        }),
      );
    }
  }
  return out;
}

/** A level's counts summed over some clusters: orders, and per category its spend, customers and orders. */
function pooled(lc: LevelCounts, clusters: readonly number[]) {
  const size = lc.size;
  const spend = new Float64Array(size);
  const customers = new Float64Array(size);
  const catOrders = new Float64Array(size);
  let orders = 0;
  for (const cl of clusters) {
    orders += lc.clusterOrders[cl]!;
    for (let cat = 0; cat < size; cat++) {
      spend[cat]! += lc.spend[cl * size + cat]!;
      customers[cat]! += lc.customers[cl * size + cat]!;
      catOrders[cat]! += lc.orders[cl * size + cat]!;
    }
  }
  return { orders, spend, customers, catOrders };
}

/** A pair's count (or summed order value) over some clusters; a < b. */
function pairSum(
  counts: Float64Array,
  size: number,
  clusters: readonly number[],
  a: number,
  b: number,
): number {
  let sum = 0;
  for (const cl of clusters) sum += counts[cl * size * size + a * size + b]!;
  return sum;
}

function overall(
  ctx: AnalysisContext,
  lc: LevelCounts,
  label: (cat: number) => string | number,
  clusters: readonly number[],
) {
  const { spend, customers, catOrders } = pooled(lc, clusters);
  const total = spend.reduce((a, b) => a + b, 0);
  return Array.from({ length: lc.size }, (_, cat) =>
    overallCategory({
      category: label(cat),
      spend: roundNum(spend[cat]!, 2),
      spend_share_pct: pct(spend[cat]!, total, 3),
      penetration_pct: pct(customers[cat]!, ctx.log.customerCount, 2),
      orders: catOrders[cat]!,
    }),
  );
}

/** Lift pairs over the orders of the given clusters, pooled. */
function liftPairs(
  lc: LevelCounts,
  label: (cat: number) => string | number,
  clusters: readonly number[],
  minOrders: number,
): LiftPair[] {
  const size = lc.size;
  const { orders, catOrders } = pooled(lc, clusters);
  const out: LiftPair[] = [];
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const both = pairSum(lc.pairs, size, clusters, a, b);
      if (both < minOrders || orders === 0) continue;
      const lift = (both * orders) / (catOrders[a]! * catOrders[b]!);
      out.push(liftPair({ a: label(a), b: label(b), orders: both, lift: roundNum(lift, 3) }));
    }
  }
  return out;
}

/**
 * Cross-sell opportunities over every order: both directions of each family pair bought together in
 * at least `minOrders` orders and more often than chance (lift above 1), ranked by what a 5-point rise
 * in attach rate A → B would be worth: 5 % of the orders holding A, each adding B's average spend in an
 * order that holds B.
 */
function crossSellOpportunities(
  lc: LevelCounts,
  label: (cat: number) => string | number,
  clusters: readonly number[],
  minOrders: number,
): CrossSellRow[] {
  const size = lc.size;
  const { orders, spend: catSpend, catOrders } = pooled(lc, clusters);
  const out: CrossSellRow[] = [];
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const both = pairSum(lc.pairs, size, clusters, a, b);
      if (both < minOrders || orders === 0) continue;
      const lift = (both * orders) / (catOrders[a]! * catOrders[b]!);
      // A pair bought together less often than chance has no pull to build on.
      if (lift <= 1) continue;
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const toSpendPerOrder = catSpend[to]! / catOrders[to]!;
        out.push(
          crossSellRow({
            from: label(from),
            to: label(to),
            from_orders: catOrders[from]!,
            both_orders: both,
            attach_pct: pct(both, catOrders[from]!, 2),
            lift: roundNum(lift, 3),
            basket_value: roundNum(pairSum(lc.pairValue, size, clusters, a, b) / both, 2),
            to_spend_per_order: roundNum(toSpendPerOrder, 2),
            value_of_rise: roundNum(ATTACH_RISE * catOrders[from]! * toSpendPerOrder, 2),
          }),
        );
      }
    }
  }
  return out
    .sort((x, y) => y[8] - x[8] || Number(x[0]) - Number(y[0]) || Number(x[1]) - Number(y[1]))
    .slice(0, TOP_CROSS_SELL);
}

/** The persona × category counts at both levels the table reads: product families, and intents. */
export interface AffinityLevels {
  families: LevelCounts;
  intents: LevelCounts;
}

/** A level's size and each category's key at it. */
export interface AffinityLevel {
  size: number;
  levelOf: (category: number) => number;
}

/** The two levels the table counts at: product families (each category itself), and intents. */
export function affinityLevelKeys(
  categories: readonly { intent: string }[],
  intents: readonly string[],
): Record<keyof AffinityLevels, AffinityLevel> {
  const categoryIntent = categoryIntents(categories, intents);
  return {
    families: { size: categories.length, levelOf: (cat) => cat },
    intents: { size: intents.length, levelOf: (cat) => categoryIntent[cat]! },
  };
}

/** Both levels' counts from the log in memory. */
export function affinityLevels(
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
  intents: readonly string[],
): AffinityLevels {
  const { families, intents: byIntent } = affinityLevelKeys(ctx.log.categories, intents);
  return {
    families: countLevel(ctx, families.size, families.levelOf),
    intents: countLevel(ctx, byIntent.size, byIntent.levelOf),
  };
}

/** `levels`: the persona × category counts at both levels, counted from the log unless given. */
export function buildProductAffinity(
  ctx: AnalysisContext,
  intents: readonly string[],
  levels: AffinityLevels = affinityLevels(ctx, intents),
): ProductAffinity {
  const { log, k } = ctx;
  const familyLevel = levels.families;
  const intentLevel = levels.intents;
  const familyLabel = (cat: number) => log.categories[cat]!.category_id;
  const intentLabel = (i: number) => intents[i]!;
  const allClusters = Array.from({ length: k }, (_, i) => i);
  return {
    table: 'product_affinity',
    currency: ctx.currency,
    intents: [...intents],
    families: log.categories.map((c) => ({
      family_id: c.category_id,
      family_name: c.name,
      intent: c.intent,
    })),
    intent_cells: cells(ctx, intentLevel, intentLabel),
    family_cells: cells(ctx, familyLevel, familyLabel),
    overall_intents: overall(ctx, intentLevel, intentLabel, allClusters),
    overall_families: overall(ctx, familyLevel, familyLabel, allClusters),
    orders: log.orderCount,
    intent_lift: liftPairs(intentLevel, intentLabel, allClusters, 1),
    family_lift: liftPairs(familyLevel, familyLabel, allClusters, MIN_PAIR_ORDERS),
    min_pair_orders: MIN_PAIR_ORDERS,
    cross_sell: crossSellOpportunities(familyLevel, familyLabel, allClusters, MIN_PAIR_ORDERS),
    attach_rise_pct: ATTACH_RISE_POINTS,
    top_pairs_by_cluster: allClusters.map((cl) => ({
      cluster_id: cl,
      persona: personaOf(ctx, cl),
      pairs: liftPairs(familyLevel, familyLabel, [cl], MIN_PAIR_ORDERS)
        .sort(
          (x, y) => y[3] - x[3] || y[2] - x[2] || Number(x[0]) - Number(y[0]) || Number(x[1]) - Number(y[1]),
        )
        .slice(0, TOP_PAIRS_PER_CLUSTER),
    })),
  };
}
