import type { AnalysisContext } from '../segment/analysis-context';
import { CHANNEL_ONLINE } from '../transactions/transaction-log';

/**
 * The order sums of a group of customers, read from the order lines. revenue_by_cluster and
 * behaviour_overview both draw on them. sql/cluster_orders.sql computes the same sums per persona
 * (issue 15); lib/duckdb/table-aggregates.test.ts holds the two to each other.
 */
export interface OrderTotals {
  orders: number;
  onlineOrders: number;
  instoreOrders: number;
  /** Net of discounts: gross − discount. */
  revenue: number;
  onlineRevenue: number;
  gross: number;
  discount: number;
  /** Minutes in store, summed over the store visits. */
  dwell: number;
  units: number;
}

export const emptyOrderTotals = (): OrderTotals => ({
  orders: 0,
  onlineOrders: 0,
  instoreOrders: 0,
  revenue: 0,
  onlineRevenue: 0,
  gross: 0,
  discount: 0,
  dwell: 0,
  units: 0,
});

/**
 * Each persona's order sums and everyone's. Customers are visited in order and their orders in
 * order, so every sum is added up in one fixed order: the same inputs give the same bits.
 */
export function clusterOrderTotals(ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>): {
  clusters: OrderTotals[];
  all: OrderTotals;
} {
  const { log, k } = ctx;
  const clusters = Array.from({ length: k }, emptyOrderTotals);
  const all = emptyOrderTotals();
  for (let c = 0; c < log.customerCount; c++) {
    const persona = clusters[ctx.clusterOf[c]!]!;
    for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++) {
      const gross = log.orderGross[o]!;
      const discount = log.orderDiscount[o]!;
      const net = gross - discount;
      const online = log.orderChannel[o] === CHANNEL_ONLINE;
      let units = 0;
      for (let l = log.orderLineStart[o]!; l < log.orderLineStart[o + 1]!; l++) units += log.lineQuantity[l]!;
      for (const t of [persona, all]) {
        t.orders++;
        t.revenue += net;
        t.gross += gross;
        t.discount += discount;
        t.units += units;
        if (online) {
          t.onlineOrders++;
          t.onlineRevenue += net;
        } else {
          t.instoreOrders++;
          t.dwell += log.orderDwellMinutes[o]!;
        }
      }
    }
  }
  return { clusters, all };
}
