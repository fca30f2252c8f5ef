import { CHANNELS } from '../schema/channels';
import {
  channelOverlapRow,
  operationsRow,
  type OperationalEfficiency,
  type OperationsRow,
} from '../schema/operational-efficiency';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import {
  CHANNEL_INSTORE,
  CHANNEL_ONLINE,
  CONTACT_CHANNELS,
  weekdayOf,
  type TransactionLog,
} from '../transactions/transaction-log';
import { ordersPerCell, type DayHourCurves } from './arrivals-summary';
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

/** Average days in a month, the base of "per month" figures. */
export const DAYS_PER_MONTH = 30.4375;

/** Contact channels that are digital messages (a store event is not). */
const DIGITAL_CONTACTS = new Set(
  CONTACT_CHANNELS.map((c, i) => [c, i] as const)
    .filter(([c]) => c !== 'event')
    .map(([, i]) => i),
);

/** Per group (clusters 0 … k − 1, then everyone at index k) and channel (0 in-store, 1 online). */
export interface ChannelUse {
  /** [group][channel]: customers with at least one order in the channel. */
  customers: number[][];
  /** [group][channel]: orders placed in answer to a digital message. */
  digitalOrders: number[][];
  /** [group]: customers with orders in store only, online only, and in both channels. */
  overlap: Array<{ customers: number; instoreOnly: number; onlineOnly: number; both: number }>;
}

/** Who uses which channel, and which orders a digital message prompted: counts from the log. */
export function channelUse(log: TransactionLog, clusterOf: ArrayLike<number>, k: number): ChannelUse {
  const groups = k + 1;
  const out: ChannelUse = {
    customers: Array.from({ length: groups }, () => [0, 0]),
    digitalOrders: Array.from({ length: groups }, () => [0, 0]),
    overlap: Array.from({ length: groups }, () => ({ customers: 0, instoreOnly: 0, onlineOnly: 0, both: 0 })),
  };
  for (let c = 0; c < log.customerCount; c++) {
    const targets = [clusterOf[c]!, k];
    const used = [false, false];
    for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++) {
      const ch = log.orderChannel[o] === CHANNEL_ONLINE ? 1 : 0;
      used[ch] = true;
      if (DIGITAL_CONTACTS.has(log.orderContact[o]!)) for (const g of targets) out.digitalOrders[g]![ch]!++;
    }
    if (!used[0] && !used[1]) continue;
    for (const g of targets) {
      const ov = out.overlap[g]!;
      ov.customers++;
      if (used[0] && used[1]) ov.both++;
      else if (used[0]) ov.instoreOnly++;
      else ov.onlineOnly++;
      for (const ch of [0, 1]) if (used[ch]) out.customers[g]![ch]!++;
    }
  }
  return out;
}

/** Orders of one group in one channel: net revenue, items, those in the channel's peak hours, dwell. */
export interface ChannelTotals {
  orders: number;
  revenue: number;
  items: number;
  peakOrders: number;
  dwell: number;
}

export const emptyChannelTotals = (): ChannelTotals => ({
  orders: 0,
  revenue: 0,
  items: 0,
  peakOrders: 0,
  dwell: 0,
});

/**
 * Order sums per group (personas 0 … k − 1, then everyone at k) and channel (0 in store, 1 online);
 * `isPeak[channel][weekday × 24 + hour]` flags the channel's peak cells. The TypeScript reference of
 * sql/cluster_channels.sql.
 */
export function clusterChannelTotals(
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
  isPeak: readonly Uint8Array[],
): ChannelTotals[][] {
  const { log, k } = ctx;
  const accs = Array.from({ length: k + 1 }, () => [emptyChannelTotals(), emptyChannelTotals()]);
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
  return accs;
}

/** The peak cells of each channel as flags over the week's 168 weekday × hour cells. */
export function peakFlags(peaks: readonly number[][]): Uint8Array[] {
  return peaks.map((cells) => {
    const flags = new Uint8Array(168);
    for (const c of cells) flags[c] = 1;
    return flags;
  });
}

/** The order sums operational_efficiency reads, each from the log unless given (SQL gives them too). */
export interface OperationsSums {
  use: ChannelUse;
  totals: ChannelTotals[][];
  /** Orders per channel (0 in store, 1 online) and weekday × hour cell. */
  cells: [Float64Array, Float64Array];
}

/** The peak cells of each channel (in store, online) of the day × hour curves. */
export function curvePeaks(curves: DayHourCurves): number[][] {
  return [
    peakCells(curves.cells.map((a) => a.instore_arrivals)),
    peakCells(curves.cells.map((a) => a.online_arrivals)),
  ];
}

/** The operations sums from the log in memory; `peaks` are curvePeaks of the day × hour curves. */
export function operationsSums(
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
  peaks: readonly number[][],
  cells: [Float64Array, Float64Array] = ordersPerCell(ctx.log),
): OperationsSums {
  return {
    use: channelUse(ctx.log, ctx.clusterOf, ctx.k),
    totals: clusterChannelTotals(ctx, peakFlags(peaks)),
    cells,
  };
}

export function buildOperationalEfficiency(
  ctx: AnalysisContext,
  curves: DayHourCurves,
  given?: OperationsSums,
): OperationalEfficiency {
  const arrivals = curves.cells;
  const { log, k } = ctx;
  const weeks = log.windowDays / 7;
  const months = log.windowDays / DAYS_PER_MONTH;
  const peaks = curvePeaks(curves);
  const sums = given ?? operationsSums(ctx, peaks);
  const { use, totals: accs } = sums;
  const rows: OperationsRow[] = [];
  for (let cl = 0; cl <= k; cl++) {
    for (const ch of [0, 1]) {
      const a = accs[cl]![ch]!;
      const instore = ch === CHANNEL_INSTORE;
      rows.push(
        operationsRow({
          cluster_id: cl === k ? null : cl,
          persona: cl === k ? 'All customers' : personaOf(ctx, cl),
          channel: CHANNELS[ch]!,
          orders: a.orders,
          revenue: roundNum(a.revenue, 2),
          items: a.items,
          items_per_order: roundNum(a.orders > 0 ? a.items / a.orders : 0, 3),
          orders_per_peak_hour: roundNum(a.peakOrders / (peaks[ch]!.length * weeks), 3),
          peak_hour_order_share_pct: pct(a.peakOrders, a.orders),
          avg_dwell_minutes: instore ? round(a.orders > 0 ? a.dwell / a.orders : NaN, 2) : null,
          dwell_minutes_per_item: instore ? round(a.items > 0 ? a.dwell / a.items : NaN, 3) : null,
          revenue_per_dwell_minute: instore ? round(a.dwell > 0 ? a.revenue / a.dwell : NaN, 2) : null,
          customers: use.customers[cl]![ch]!,
          orders_per_customer_month: roundNum(
            use.customers[cl]![ch]! > 0 ? a.orders / use.customers[cl]![ch]! / months : 0,
            4,
          ),
          digital_prompted_orders: use.digitalOrders[cl]![ch]!,
          digital_prompted_order_share_pct: pct(use.digitalOrders[cl]![ch]!, a.orders),
        }),
      );
    }
  }
  const channelOverlap = use.overlap.map((ov, cl) =>
    channelOverlapRow({
      cluster_id: cl === k ? null : cl,
      persona: cl === k ? 'All customers' : personaOf(ctx, cl),
      customers: ov.customers,
      instore_only: ov.instoreOnly,
      online_only: ov.onlineOnly,
      both: ov.both,
      instore_only_pct: pct(ov.instoreOnly, ov.customers),
      online_only_pct: pct(ov.onlineOnly, ov.customers),
      both_pct: pct(ov.both, ov.customers),
    }),
  );
  const [instoreCells, onlineCells] = sums.cells;
  return {
    table: 'operational_efficiency',
    currency: ctx.currency,
    weeks: roundNum(weeks, 3),
    months: roundNum(months, 3),
    peak_cells: { instore: peaks[0]!, online: peaks[1]! },
    peak_basis: curves.basis,
    rows,
    channel_overlap: channelOverlap,
    hourly_load: arrivals.map((a, i) => ({
      day_index: a.day_index,
      hour: a.hour,
      instore_orders_per_week: roundNum(instoreCells[i]! / weeks, 3),
      online_orders_per_week: roundNum(onlineCells[i]! / weeks, 3),
    })),
  };
}
