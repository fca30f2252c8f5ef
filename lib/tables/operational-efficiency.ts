import { personaOf, type AnalysisContext } from '../pipeline/analysis-context';
import type { OperationalEfficiency, OperationsRow } from '../schema/operational-efficiency';
import type { ArrivalCell } from '../sources/arrivals';
import { CHANNEL_ONLINE, weekdayOf } from '../transactions/transaction-log';
import { ordersPerCell } from './arrivals-summary';
import { pct, round, roundNum } from './numbers';

/** The busiest tenth of the week's 168 hours counts as peak. */
export const PEAK_CELL_SHARE = 0.1;

export function peakCells(values: number[]): number[] {
  const count = Math.round(values.length * PEAK_CELL_SHARE);
  return values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, count)
    .map(([, i]) => i)
    .sort((a, b) => a - b);
}

interface Acc {
  orders: number;
  revenue: number;
  items: number;
  peakOrders: number;
  dwell: number;
}

export function buildOperationalEfficiency(
  ctx: AnalysisContext,
  arrivals: ArrivalCell[],
): OperationalEfficiency {
  const { log, k } = ctx;
  const weeks = log.windowDays / 7;
  const peaks = [
    peakCells(arrivals.map((a) => a.instore_arrivals)),
    peakCells(arrivals.map((a) => a.online_arrivals)),
  ];
  const isPeak = peaks.map((cells) => {
    const flags = new Uint8Array(168);
    for (const c of cells) flags[c] = 1;
    return flags;
  });
  const accs = Array.from({ length: k + 1 }, () =>
    [0, 1].map((): Acc => ({ orders: 0, revenue: 0, items: 0, peakOrders: 0, dwell: 0 })),
  );
  const startWeekday = weekdayOf(log.windowStart, 0);
  for (let c = 0; c < log.customerCount; c++) {
    const cl = ctx.clusterOf[c]!;
    for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++) {
      const ch = log.orderChannel[o] === CHANNEL_ONLINE ? 1 : 0;
      const cell = ((startWeekday + log.orderDay[o]!) % 7) * 24 + log.orderHour[o]!;
      let items = 0;
      for (let l = log.orderLineStart[o]!; l < log.orderLineStart[o + 1]!; l++) items += log.lineQuantity[l]!;
      for (const a of [accs[cl]![ch]!, accs[k]![ch]!]) {
        a.orders++;
        a.revenue += log.orderGross[o]! - log.orderDiscount[o]!;
        a.items += items;
        a.peakOrders += isPeak[ch]![cell]!;
        a.dwell += log.orderDwellMinutes[o]!;
      }
    }
  }
  const rows: OperationsRow[] = [];
  for (let cl = 0; cl <= k; cl++) {
    for (const ch of [0, 1]) {
      const a = accs[cl]![ch]!;
      const instore = ch === 0;
      rows.push({
        cluster_id: cl === k ? null : cl,
        persona: cl === k ? 'All customers' : personaOf(ctx, cl),
        channel: instore ? 'in-store' : 'online',
        orders: a.orders,
        revenue: roundNum(a.revenue, 2),
        items: a.items,
        items_per_order: roundNum(a.orders > 0 ? a.items / a.orders : 0, 3),
        orders_per_peak_hour: roundNum(a.peakOrders / (peaks[ch]!.length * weeks), 3),
        peak_hour_order_share_pct: pct(a.peakOrders, a.orders),
        avg_dwell_minutes: instore ? round(a.orders > 0 ? a.dwell / a.orders : NaN, 2) : null,
        dwell_minutes_per_item: instore ? round(a.items > 0 ? a.dwell / a.items : NaN, 3) : null,
        revenue_per_dwell_minute: instore ? round(a.dwell > 0 ? a.revenue / a.dwell : NaN, 2) : null,
      });
    }
  }
  const [instoreCells, onlineCells] = ordersPerCell(log);
  return {
    table: 'operational_efficiency',
    currency: ctx.currency,
    weeks: roundNum(weeks, 3),
    peak_cells: { instore: peaks[0]!, online: peaks[1]! },
    rows,
    hourly_load: arrivals.map((a, i) => ({
      day_index: a.day_index,
      hour: a.hour,
      instore_orders_per_week: roundNum(instoreCells[i]! / weeks, 3),
      online_orders_per_week: roundNum(onlineCells[i]! / weeks, 3),
    })),
  };
}
