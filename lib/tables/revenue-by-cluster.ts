import { calendarDays } from '../schema/months';
import { revenueRow, type Month, type RevenueByCluster, type RevenueRow } from '../schema/revenue-by-cluster';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import { addDays, CHANNEL_INSTORE, CHANNEL_ONLINE } from '../transactions/transaction-log';
import { pct, roundNum } from './numbers';
import { clusterOrderTotals, type OrderTotals } from './order-totals';

/** A group's customers, their sums of scores, and their orders' sums. */
interface Acc extends OrderTotals {
  customers: number;
  clv: number;
  churn: number;
}

function toRow(a: Acc, all: Acc, clusterId: number | null, persona: string): RevenueRow {
  const customerShare = all.customers > 0 ? a.customers / all.customers : 0;
  const revenueShare = all.revenue > 0 ? a.revenue / all.revenue : 0;
  return revenueRow({
    cluster_id: clusterId,
    persona,
    customers: a.customers,
    customer_share_pct: pct(a.customers, all.customers),
    revenue: roundNum(a.revenue, 2),
    revenue_share_pct: pct(a.revenue, all.revenue),
    revenue_index: roundNum(customerShare > 0 ? revenueShare / customerShare : 0, 3),
    revenue_per_customer: roundNum(a.customers > 0 ? a.revenue / a.customers : 0, 2),
    orders: a.orders,
    orders_per_customer: roundNum(a.customers > 0 ? a.orders / a.customers : 0, 3),
    avg_order_value: roundNum(a.orders > 0 ? a.revenue / a.orders : 0, 2),
    online_revenue_share_pct: pct(a.onlineRevenue, a.revenue),
    discount_share_pct: pct(a.discount, a.gross),
    avg_clv_proxy: roundNum(a.customers > 0 ? a.clv / a.customers : 0, 2),
    avg_churn_risk: roundNum(a.customers > 0 ? a.churn / a.customers : 0, 2),
  });
}

/** Month label (YYYY-MM) of each day of the window. */
export function monthIndexer(
  windowStart: string,
  windowDays: number,
): { labels: string[]; ofDay: Uint16Array } {
  const labels: string[] = [];
  const ofDay = new Uint16Array(windowDays);
  for (let d = 0; d < windowDays; d++) {
    const label = addDays(windowStart, d).slice(0, 7);
    if (labels[labels.length - 1] !== label) labels.push(label);
    ofDay[d] = labels.length - 1;
  }
  return { labels, ofDay };
}

function orderNet(log: AnalysisContext['log'], o: number): number {
  return log.orderGross[o]! - log.orderDiscount[o]!;
}

/** The third active-customer slot: bought in either channel. */
const EITHER_CHANNEL = 2;

/** A month's running sums for one persona, channels indexed by the log's channel codes. */
export interface MonthAcc {
  revenue: [number, number];
  orders: [number, number];
  newCustomers: [number, number];
  active: [number, number, number];
}

export const emptyMonthAcc = (): MonthAcc => ({
  revenue: [0, 0],
  orders: [0, 0],
  newCustomers: [0, 0],
  active: [0, 0, 0],
});

/**
 * One customer's orders counted into the months: revenue and orders by channel, the month and
 * channel of their first order in the data (a new customer), and each month they bought in (an
 * active customer, counted once per channel and once for either).
 */
function countCustomerMonths(
  ctx: Pick<AnalysisContext, 'log' | 'clusterOf'>,
  c: number,
  ofDay: Uint16Array,
  months: MonthAcc[][],
): void {
  const { log } = ctx;
  const cl = ctx.clusterOf[c]!;
  const start = log.customerOrderStart[c]!;
  const end = log.customerOrderStart[c + 1]!;
  let first = -1;
  const seen = new Set<number>(); // month × 3 + active slot
  for (let o = start; o < end; o++) {
    const m = ofDay[log.orderDay[o]!]!;
    const ch = log.orderChannel[o]!;
    const acc = months[m]![cl]!;
    acc.revenue[ch]! += orderNet(log, o);
    acc.orders[ch]!++;
    for (const slot of [ch, EITHER_CHANNEL]) {
      if (seen.has(m * 3 + slot)) continue;
      seen.add(m * 3 + slot);
      acc.active[slot]!++;
    }
    if (first < 0 || log.orderDay[o]! < log.orderDay[first]!) first = o;
  }
  if (first >= 0) months[ofDay[log.orderDay[first]!]!]![cl]!.newCustomers[log.orderChannel[first]!]!++;
}

/**
 * Each month's sums per persona, months[month][cluster], with `ofDay` from monthIndexer. The
 * TypeScript reference of sql/cluster_months.sql.
 */
export function clusterMonthTotals(
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
  ofDay: Uint16Array,
  monthCount: number,
): MonthAcc[][] {
  const months = Array.from({ length: monthCount }, () => Array.from({ length: ctx.k }, emptyMonthAcc));
  for (let c = 0; c < ctx.log.customerCount; c++) countCustomerMonths(ctx, c, ofDay, months);
  return months;
}

/** The months in the schema's shape: channels in CHANNELS order (in store, online). */
function toMonths(labels: string[], ofDay: Uint16Array, months: MonthAcc[][]): Month[] {
  const days = labels.map(() => 0);
  for (const m of ofDay) days[m]!++;
  const inChannelOrder = <T>(v: readonly T[]): [T, T] => [v[CHANNEL_INSTORE]!, v[CHANNEL_ONLINE]!];
  return labels.map((month, m) => ({
    month,
    days: Math.min(days[m]!, calendarDays(month)),
    clusters: months[m]!.map((a) => ({
      revenue: inChannelOrder(a.revenue.map((v) => roundNum(v, 2))),
      orders: inChannelOrder(a.orders),
      new_customers: inChannelOrder(a.newCustomers),
      active_customers: [...inChannelOrder(a.active), a.active[2]],
    })),
  }));
}

/**
 * The revenue table. `totals` (the personas' order sums) and `monthly` (clusterMonthTotals over the
 * window's months) come from the log unless given: the build shares `totals` with behaviour_overview.
 */
export function buildRevenueByCluster(
  ctx: AnalysisContext,
  totals: { clusters: OrderTotals[]; all: OrderTotals } = clusterOrderTotals(ctx),
  monthly?: MonthAcc[][],
): RevenueByCluster {
  const { log } = ctx;
  const accs: Acc[] = totals.clusters.map((t) => ({ ...t, customers: 0, clv: 0, churn: 0 }));
  const all: Acc = { ...totals.all, customers: 0, clv: 0, churn: 0 };
  for (let c = 0; c < log.customerCount; c++) {
    for (const acc of [accs[ctx.clusterOf[c]!]!, all]) {
      acc.customers++;
      acc.clv += ctx.scores.clv_proxy[c]!;
      acc.churn += ctx.scores.churn_risk[c]!;
    }
  }
  const months = monthIndexer(log.windowStart, log.windowDays);
  monthly ??= clusterMonthTotals(ctx, months.ofDay, months.labels.length);
  return {
    table: 'revenue_by_cluster',
    currency: ctx.currency,
    rows: accs.map((a, cl) => ({ ...toRow(a, all, cl, personaOf(ctx, cl)), cluster_id: cl })),
    total: toRow(all, all, null, 'All customers'),
    monthly: toMonths(months.labels, months.ofDay, monthly),
  };
}
