import { arrivalCellRow, peakWindow, type ArrivalsSummary } from '../schema/arrivals-summary';
import type { ArrivalCell } from '../sources/arrivals';
import { WEEKDAYS } from '../sources/arrivals';
import { pearson } from '../stats/correlation';
import { CHANNEL_ONLINE, weekdayOf, type TransactionLog } from '../transactions/transaction-log';
import { pct, roundNum } from './numbers';

export const PEAK_WINDOW_HOURS = 3;

/** Pearson correlation of two day × hour curves; 0 when either is flat. */
function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const r = pearson(x, y);
  return Number.isNaN(r) ? 0 : r;
}

/** Synthetic orders per (channel, day × hour cell). */
export function ordersPerCell(log: TransactionLog): [Float64Array, Float64Array] {
  const out: [Float64Array, Float64Array] = [new Float64Array(168), new Float64Array(168)];
  const startWeekday = weekdayOf(log.windowStart, 0);
  for (let o = 0; o < log.orderCount; o++) {
    const cell = ((startWeekday + log.orderDay[o]!) % 7) * 24 + log.orderHour[o]!;
    out[log.orderChannel[o] === CHANNEL_ONLINE ? 1 : 0][cell]!++;
  }
  return out;
}

/** The day × hour curves peaks and heatmaps are drawn from, and what they are. */
export interface DayHourCurves {
  cells: ArrivalCell[];
  /**
   * 'public-arrivals': the published in-store arrivals and online orders per store (the reference);
   * 'own-orders': a brand build without the public files, so the brand's own orders a week per cell.
   */
  basis: 'public-arrivals' | 'own-orders';
}

/** The public arrival curves when they were read, else the log's own orders a week per day × hour. */
export function dayHourCurves(
  arrivals: ArrivalCell[],
  log: Pick<TransactionLog, 'windowDays'>,
  orderCells: [Float64Array, Float64Array],
): DayHourCurves {
  if (arrivals.length === 168) return { cells: arrivals, basis: 'public-arrivals' };
  const [instore, online] = orderCells;
  const weeks = log.windowDays / 7;
  const cells = Array.from({ length: 168 }, (_, i) => ({
    day_index: Math.floor(i / 24),
    day: WEEKDAYS[Math.floor(i / 24)]!,
    hour: i % 24,
    instore_arrivals: instore[i]! / weeks,
    online_arrivals: online[i]! / weeks,
  }));
  return { cells, basis: 'own-orders' };
}

/** `orderCells`: the log's orders per channel and weekday × hour cell (ordersPerCell). */
export function buildArrivalsSummary(
  curves: DayHourCurves,
  orderCells: [Float64Array, Float64Array],
  ownOrders = false,
): ArrivalsSummary {
  const arrivals = curves.cells;
  const [instoreOrders, onlineOrders] = orderCells;
  const weekly = { instore_arrivals: 0, online_arrivals: 0 };
  for (const a of arrivals) {
    weekly.instore_arrivals += a.instore_arrivals;
    weekly.online_arrivals += a.online_arrivals;
  }
  const peaks: ArrivalsSummary['peak_windows'] = [];
  for (const [channel, pick, total] of [
    ['in-store', (a: ArrivalCell) => a.instore_arrivals, weekly.instore_arrivals],
    ['online', (a: ArrivalCell) => a.online_arrivals, weekly.online_arrivals],
  ] as const) {
    WEEKDAYS.forEach((day, d) => {
      let best = -1;
      let bestFrom = 0;
      for (let h = 0; h + PEAK_WINDOW_HOURS <= 24; h++) {
        let sum = 0;
        for (let j = 0; j < PEAK_WINDOW_HOURS; j++) sum += pick(arrivals[d * 24 + h + j]!);
        if (sum > best) {
          best = sum;
          bestFrom = h;
        }
      }
      peaks.push(
        peakWindow({
          channel,
          day,
          from_hour: bestFrom,
          to_hour: bestFrom + PEAK_WINDOW_HOURS,
          arrivals: roundNum(best, 3),
          share_of_week_pct: pct(best, total),
        }),
      );
    });
  }
  peaks.sort((a, b) => a.channel.localeCompare(b.channel) || b.arrivals - a.arrivals);
  return {
    table: 'arrivals_summary',
    ...(ownOrders ? { orders_source: 'orders' as const } : {}),
    curves: curves.basis,
    cells: arrivals.map((a, i) =>
      arrivalCellRow({
        day_index: a.day_index,
        day: a.day,
        hour: a.hour,
        // As published (up to 10 decimals): the browser's own-data analysis rebuilds every table from
        // these cells, and rounded inputs would give it peaks and loads that differ from the build's.
        instore_arrivals: a.instore_arrivals,
        online_arrivals: a.online_arrivals,
        synthetic_instore_orders: instoreOrders[i]!,
        synthetic_online_orders: onlineOrders[i]!,
      }),
    ),
    day_totals: WEEKDAYS.map((day, d) => {
      const cells = arrivals.slice(d * 24, d * 24 + 24);
      return {
        day,
        instore_arrivals: roundNum(
          cells.reduce((s, a) => s + a.instore_arrivals, 0),
          3,
        ),
        online_arrivals: roundNum(
          cells.reduce((s, a) => s + a.online_arrivals, 0),
          3,
        ),
      };
    }),
    weekly_totals: {
      instore_arrivals: roundNum(weekly.instore_arrivals, 3),
      online_arrivals: roundNum(weekly.online_arrivals, 3),
    },
    window_hours: PEAK_WINDOW_HOURS,
    peak_windows: peaks,
    synthetic_fit: {
      instore_correlation: roundNum(
        correlation(
          arrivals.map((a) => a.instore_arrivals),
          instoreOrders,
        ),
        4,
      ),
      online_correlation: roundNum(
        correlation(
          arrivals.map((a) => a.online_arrivals),
          onlineOrders,
        ),
        4,
      ),
    },
  };
}
