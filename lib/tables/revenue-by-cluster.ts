import { calendarDays } from '../schema/months';
import { revenueRow, type Month, type RevenueByCluster, type RevenueRow } from '../schema/revenue-by-cluster';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import { addDays, CHANNEL_INSTORE, CHANNEL_ONLINE } from '../transactions/transaction-log';
import { pct, roundNum } from './numbers';

interface Acc {
  customers: number;
  revenue: number;
  orders: number;
  online: number;
  gross: number;
  discount: number;
  clv: number;
  churn: number;
}

const emptyAcc = (): Acc => ({
  customers: 0,
  revenue: 0,
  orders: 0,
  online: 0,
  gross: 0,
  discount: 0,
  clv: 0,
  churn: 0,
});

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
    online_revenue_share_pct: pct(a.online, a.revenue),
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

export function orderNet(ctx: AnalysisContext, o: number): number {
  const { log } = ctx;
  return log.orderGross[o]! - log.orderDiscount[o]!;
}

/** The third active-customer slot: bought in either channel. */
const EITHER_CHANNEL = 2;

/** A month's running sums for one persona, channels indexed by the log's channel codes. */
interface MonthAcc {
  revenue: [number, number];
  orders: [number, number];
  newCustomers: [number, number];
  active: [number, number, number];
}

const emptyMonthAcc = (): MonthAcc => ({
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
  ctx: AnalysisContext,
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
    acc.revenue[ch]! += orderNet(ctx, o);
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

export function buildRevenueByCluster(ctx: AnalysisContext): RevenueByCluster {
  const { log, k } = ctx;
  const accs = Array.from({ length: k }, emptyAcc);
  const all = emptyAcc();
  const months = monthIndexer(log.windowStart, log.windowDays);
  const monthly = months.labels.map(() => Array.from({ length: k }, emptyMonthAcc));
  for (let c = 0; c < log.customerCount; c++) {
    const cl = ctx.clusterOf[c]!;
    const a = accs[cl]!;
    for (const acc of [a, all]) {
      acc.customers++;
      acc.clv += ctx.scores.clv_proxy[c]!;
      acc.churn += ctx.scores.churn_risk[c]!;
    }
    for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++) {
      const net = orderNet(ctx, o);
      const online = log.orderChannel[o] === CHANNEL_ONLINE ? net : 0;
      for (const acc of [a, all]) {
        acc.orders++;
        acc.revenue += net;
        acc.online += online;
        acc.gross += log.orderGross[o]!;
        acc.discount += log.orderDiscount[o]!;
      }
    }
    countCustomerMonths(ctx, c, months.ofDay, monthly);
  }
  return {
    table: 'revenue_by_cluster',
    currency: ctx.currency,
    rows: accs.map((a, cl) => ({ ...toRow(a, all, cl, personaOf(ctx, cl)), cluster_id: cl })),
    total: toRow(all, all, null, 'All customers'),
    monthly: toMonths(months.labels, months.ofDay, monthly),
  };
}
