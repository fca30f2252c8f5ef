/**
 * Data shaping for the Operational efficiency page: pure functions from operational_efficiency to
 * the small, plain props the charts draw, each with its table equivalent and a takeaway written
 * from the numbers. The hour-of-day chart is laid out here too (0–100 positions for the chart kit's <Plot>).
 */
import { personaColor } from '@/lib/charts/theme';
import { zeroAxis } from '@/lib/charts/ticks';
import { formatCount, formatMoney, formatPct, formatRatio } from '@/lib/format/format';
import type { TableData } from '@/lib/format/table-data';
import { CHANNEL_NAME, CHANNELS } from '@/lib/schema/channels';
import type { OperationalEfficiency, OperationsRow } from '@/lib/schema/operational-efficiency';
import { argMax, argMin } from '@/lib/stats/arg-max';
import { channelPairChart, groups, hourRange, type DwellChart, type PairChart } from './channels';

const instoreRows = (ops: OperationalEfficiency) =>
  ops.rows
    .filter((r) => r.channel === 'in-store' && r.cluster_id !== null)
    .sort((a, b) => a.cluster_id! - b.cluster_id!);
const totalRow = (ops: OperationalEfficiency, channel: OperationsRow['channel']) =>
  ops.rows.find((r) => r.channel === channel && r.cluster_id === null);

/* ------------------------------------------------------------------------------------------------ */
/* Headline figures                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

export interface OperationsKpi {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export function operationsKpis(ops: OperationalEfficiency): OperationsKpi[] {
  const store = totalRow(ops, 'in-store');
  const online = totalRow(ops, 'online');
  return [
    {
      id: 'kpi-store-peak-orders',
      label: 'Store orders per peak hour',
      value: formatCount(store?.orders_per_peak_hour, 1),
      hint: `${formatPct(store?.peak_hour_order_share_pct)} of store orders fall in the ${formatCount(ops.peak_cells.instore.length)} peak hours`,
    },
    {
      id: 'kpi-online-peak-orders',
      label: 'Online orders per peak hour',
      value: formatCount(online?.orders_per_peak_hour, 1),
      hint: `${formatPct(online?.peak_hour_order_share_pct)} of online orders fall in the ${formatCount(ops.peak_cells.online.length)} peak hours`,
    },
    {
      id: 'kpi-dwell-per-item',
      label: 'Dwell per item',
      value: `${formatCount(store?.dwell_minutes_per_item, 2)} min`,
      hint: `${formatCount(store?.avg_dwell_minutes, 1)} min a visit for ${formatCount(store?.items_per_order, 1)} units`,
    },
    {
      id: 'kpi-revenue-per-minute',
      label: 'Revenue per dwell minute',
      value: formatMoney(store?.revenue_per_dwell_minute, ops.currency),
      hint: 'Net in-store revenue ÷ minutes customers spend in store',
    },
  ];
}

/** "Saturday 13:00–14:00" for a cell index (day_index × 24 + hour). */
export function cellLabel(cell: number, days: readonly string[]): string {
  const day = Math.floor(cell / 24);
  const hour = cell % 24;
  return `${days[day] ?? `Day ${day + 1}`} ${hourRange(hour, hour + 1)}`;
}

/** The peak hours of a channel in words, grouped by day: "Saturday 13:00–16:00; Sunday 13:00–16:00 …". */
export function peakHoursText(cells: number[], days: readonly string[]): string {
  const byDay = new Map<number, number[]>();
  for (const c of [...cells].sort((a, b) => a - b)) {
    const d = Math.floor(c / 24);
    byDay.set(d, [...(byDay.get(d) ?? []), c % 24]);
  }
  const parts: string[] = [];
  for (const [d, hours] of byDay) {
    const runs: string[] = [];
    for (let i = 0; i < hours.length;) {
      let j = i;
      while (j + 1 < hours.length && hours[j + 1] === hours[j]! + 1) j++;
      runs.push(hourRange(hours[i]!, hours[j]! + 1));
      i = j + 1;
    }
    parts.push(`${days[d] ?? `Day ${d + 1}`} ${runs.join(' and ')}`);
  }
  return parts.join('; ');
}

/* ------------------------------------------------------------------------------------------------ */
/* Per channel and persona                                                                          */
/* ------------------------------------------------------------------------------------------------ */

/** Orders in an average peak hour of each channel, per persona. */
export function peakHourChart(ops: OperationalEfficiency): PairChart {
  return channelPairChart(
    ops,
    (r) => r.orders_per_peak_hour,
    { label: 'Orders per peak hour', format: 'number', decimals: 3 },
    (rows) => {
      const all = rows.find((r) => r.cluster_id === null)!;
      const ps = rows.filter((r) => r.cluster_id !== null);
      const top = argMax(ps, (r) => r.values[0] ?? 0)!;
      const share = (all.values[0] ?? 0) > 0 ? (100 * (top.values[0] ?? 0)) / all.values[0]! : 0;
      return `An average peak hour brings ${formatCount(all.values[0], 1)} store orders and ${formatCount(all.values[1], 1)} online; ${top.persona} alone bring ${formatCount(top.values[0], 1)} of the store’s (${formatPct(share, 0)}).`;
    },
  );
}

function singleChart(
  ops: OperationalEfficiency,
  value: (r: OperationsRow) => number | null,
  meta: { key: string; label: string; format: TableData['columns'][number]['format']; decimals?: number },
  takeaway: (rows: DwellChart['rows'], overall: number | null) => string,
): DwellChart {
  const rows = instoreRows(ops)
    .filter((r) => value(r) !== null)
    .map((r) => ({
      cluster_id: r.cluster_id!,
      persona: r.persona,
      color: personaColor(r.cluster_id!),
      value: value(r)!,
    }));
  const total = totalRow(ops, 'in-store');
  const overall = total ? value(total) : null;
  return {
    rows,
    overall,
    scale: zeroAxis(1.15 * Math.max(0, ...rows.map((r) => r.value))),
    takeaway: rows.length > 0 ? takeaway(rows, overall) : 'No in-store visits in the data.',
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: meta.key, label: meta.label, format: meta.format, decimals: meta.decimals },
      ],
      rows: [...instoreRows(ops), ...(total ? [total] : [])].map((r) => ({
        persona: r.persona,
        [meta.key]: value(r),
      })),
    },
  };
}

/** Minutes in store per unit bought: how much floor time each item costs. */
export function dwellPerItemChart(ops: OperationalEfficiency): DwellChart {
  return singleChart(
    ops,
    (r) => r.dwell_minutes_per_item,
    { key: 'dwell_per_item', label: 'Dwell, minutes per item', format: 'number', decimals: 3 },
    (rows, overall) => {
      const lo = argMin(rows, (r) => r.value)!;
      const hi = argMax(rows, (r) => r.value)!;
      return `${lo.persona} shop fastest, ${formatCount(lo.value, 2)} minutes per item; ${hi.persona} take ${formatCount(hi.value, 2)} (all customers ${formatCount(overall, 2)}).`;
    },
  );
}

/** Net in-store revenue per minute customers spend in store. */
export function revenuePerMinuteChart(ops: OperationalEfficiency): DwellChart {
  return singleChart(
    ops,
    (r) => r.revenue_per_dwell_minute,
    { key: 'revenue_per_minute', label: 'Revenue per dwell minute', format: 'money' },
    (rows, overall) => {
      const hi = argMax(rows, (r) => r.value)!;
      const lo = argMin(rows, (r) => r.value)!;
      const vsAll = overall ? hi.value / overall : null;
      return `${hi.persona} earn ${formatMoney(hi.value, ops.currency)} per minute in store${
        vsAll !== null
          ? `, ${formatRatio(vsAll, 1)} the average of ${formatMoney(overall, ops.currency)}`
          : ''
      }; ${lo.persona} earn ${formatMoney(lo.value, ops.currency)}.`;
    },
  );
}

/** Every figure per persona and channel, all customers last. */
export function operationsTable(ops: OperationalEfficiency): TableData {
  const order = groups(ops);
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'channel', label: 'Channel', format: 'text' },
      { key: 'orders', label: 'Orders', format: 'count' },
      { key: 'revenue', label: 'Net revenue', format: 'money' },
      { key: 'items_per_order', label: 'Basket', format: 'number', decimals: 2 },
      { key: 'orders_per_peak_hour', label: 'Per peak hour', format: 'number', decimals: 2 },
      { key: 'peak_share', label: 'Peak share', format: 'pct', decimals: 1 },
      { key: 'avg_dwell', label: 'Dwell / visit', format: 'number', decimals: 2 },
      { key: 'dwell_per_item', label: 'Dwell / item', format: 'number', decimals: 2 },
      { key: 'revenue_per_minute', label: 'Rev. / dwell min', format: 'money' },
    ],
    rows: order.flatMap((g) =>
      CHANNELS.map((ch) => {
        const r = ops.rows.find((x) => x.cluster_id === g.cluster_id && x.channel === ch)!;
        return {
          persona: r.persona,
          channel: CHANNEL_NAME[ch],
          orders: r.orders,
          revenue: r.revenue,
          items_per_order: r.items_per_order,
          orders_per_peak_hour: r.orders_per_peak_hour,
          peak_share: r.peak_hour_order_share_pct,
          avg_dwell: r.avg_dwell_minutes,
          dwell_per_item: r.dwell_minutes_per_item,
          revenue_per_minute: r.revenue_per_dwell_minute,
        };
      }),
    ),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Fulfilment load against store traffic, by hour of day                                            */
/* ------------------------------------------------------------------------------------------------ */

export const LOAD_DAYS = ['all', 'weekdays', 'weekend'] as const;
export type LoadDay = (typeof LOAD_DAYS)[number];

/** Days (0 = Monday) in each view of the load chart. */
export const LOAD_DAY_INDEXES: Record<LoadDay, number[]> = {
  all: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [0, 1, 2, 3, 4],
  weekend: [5, 6],
};

export const LOAD_DAY_NAMES: Record<LoadDay, string> = {
  all: 'All week',
  weekdays: 'Monday–Friday',
  weekend: 'Saturday and Sunday',
};

export interface LoadPoint {
  hour: number;
  instore: number;
  online: number;
}

/** Store traffic below this share of its peak hour counts as quiet: time to pick online orders. */
export const QUIET_SHARE = 0.25;

/** Orders per week in each hour of the day, summed over the view's days. */
export function loadByHour(ops: OperationalEfficiency, day: LoadDay): LoadPoint[] {
  const days = new Set(LOAD_DAY_INDEXES[day]);
  return Array.from({ length: 24 }, (_, hour) => {
    const cells = ops.hourly_load.filter((c) => c.hour === hour && days.has(c.day_index));
    return {
      hour,
      instore: cells.reduce((s, c) => s + c.instore_orders_per_week, 0),
      online: cells.reduce((s, c) => s + c.online_orders_per_week, 0),
    };
  });
}

export interface LoadSummary {
  onlinePeak: LoadPoint;
  storePeak: LoadPoint;
  /** Share of the online orders placed in hours when store traffic is below QUIET_SHARE of its peak. */
  quietOnlinePct: number;
  takeaway: string;
}

export function loadSummary(points: LoadPoint[]): LoadSummary {
  const onlinePeak = argMax(points, (p) => p.online)!;
  const storePeak = argMax(points, (p) => p.instore)!;
  const online = points.reduce((s, p) => s + p.online, 0);
  const quiet = points.filter((p) => p.instore < QUIET_SHARE * storePeak.instore);
  const quietOnlinePct = online > 0 ? (100 * quiet.reduce((s, p) => s + p.online, 0)) / online : 0;
  const at = (p: LoadPoint) => hourRange(p.hour, p.hour + 1);
  const same = onlinePeak.hour === storePeak.hour;
  const takeaway =
    `Online orders peak at ${at(onlinePeak)} (${formatCount(onlinePeak.online, 1)} a week), ` +
    (same
      ? `the same hour as store traffic (${formatCount(storePeak.instore, 1)} store orders)`
      : `store traffic at ${at(storePeak)} (${formatCount(storePeak.instore, 1)} store orders)`) +
    (quietOnlinePct < 50
      ? `; only ${formatPct(quietOnlinePct, 0)} of online orders arrive while stores run below a quarter of their peak, so most picking competes with shoppers.`
      : `; ${formatPct(quietOnlinePct, 0)} of online orders arrive while stores run below a quarter of their peak.`);
  return { onlinePeak, storePeak, quietOnlinePct, takeaway };
}

export function loadHourTable(points: LoadPoint[]): TableData {
  return {
    columns: [
      { key: 'hour', label: 'Hour', format: 'text' },
      { key: 'instore', label: 'In-store orders per week', format: 'number', decimals: 2 },
      { key: 'online', label: 'Online orders per week', format: 'number', decimals: 2 },
      { key: 'ratio', label: 'Online per 100 store orders', format: 'number', decimals: 0 },
    ],
    rows: points.map((p) => ({
      hour: hourRange(p.hour, p.hour + 1),
      instore: p.instore,
      online: p.online,
      ratio: p.instore > 0 ? (100 * p.online) / p.instore : null,
    })),
  };
}

export interface LoadLayout {
  /** In-store bars, 0–100 of the plotting area (x from the left, y from the top). */
  bars: Array<{ hour: number; x: number; y: number; width: number; height: number; tip: string }>;
  /** The online line as a path in a 0–100 box, and its dots (0–100, y from the top). */
  line: string;
  dots: Array<{ hour: number; x: number; y: number }>;
  /** Hours along the bottom (`phone`: labelled on phones too, every third hour), `at` 0–100. */
  xTicks: Array<{ value: number; at: number; label: string; phone: boolean }>;
  /** Orders per week, `at` 0–100 from the bottom. */
  yTicks: Array<{ value: number; at: number }>;
  /** Marker at the online peak (0–100, y from the top; drawn a few px above). */
  peak: { x: number; y: number; label: string; anchor: 'start' | 'middle' | 'end' };
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** In-store orders as bars and online orders as a line, per hour, on one scale (orders per week). */
export function layoutLoadChart(points: LoadPoint[]): LoadLayout {
  const axis = zeroAxis(Math.max(0, ...points.flatMap((p) => [p.instore, p.online])) * 1.1, 4);
  const band = 100 / points.length;
  const xMid = (i: number) => band * (i + 0.5);
  const y = (v: number) => 100 - (v / axis.max) * 100;
  const bars = points.map((p, i) => ({
    hour: p.hour,
    x: r2(band * i + band * 0.12),
    y: r2(y(p.instore)),
    width: r2(band * 0.76),
    height: r2(100 - y(p.instore)),
    tip: `${hourRange(p.hour, p.hour + 1)}\nIn store: ${formatCount(p.instore, 1)} orders a week\nOnline: ${formatCount(p.online, 1)} orders a week`,
  }));
  const dots = points.map((p, i) => ({ hour: p.hour, x: r2(xMid(i)), y: r2(y(p.online)) }));
  const line = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x},${d.y}`).join('');
  const peakIndex = points.reduce((b, p, i) => (p.online > points[b]!.online ? i : b), 0);
  const peakDot = dots[peakIndex]!;
  return {
    bars,
    line,
    dots,
    xTicks: points.map((p, i) => ({
      value: p.hour,
      at: r2(xMid(i)),
      label: String(p.hour).padStart(2, '0'),
      phone: p.hour % 3 === 0,
    })),
    yTicks: axis.ticks.map((value) => ({ value, at: r2(100 - y(value)) })),
    peak: {
      x: peakDot.x,
      y: peakDot.y,
      label: `Online peak ${hourRange(points[peakIndex]!.hour, points[peakIndex]!.hour + 1)}`,
      anchor: peakIndex < 4 ? 'start' : peakIndex > 19 ? 'end' : 'middle',
    },
  };
}

export interface LoadView {
  day: LoadDay;
  dayName: string;
  takeaway: string;
  table: TableData;
  chart: LoadLayout;
  summary: string;
  /** Synthetic orders behind the view (orders per week × weeks). */
  orders: number;
}

/** Every view of the load chart, laid out on the server; the client only picks one. */
export function loadViews(ops: OperationalEfficiency): LoadView[] {
  return LOAD_DAYS.map((day) => {
    const points = loadByHour(ops, day);
    const dayName = LOAD_DAY_NAMES[day];
    const s = loadSummary(points);
    return {
      day,
      dayName,
      orders: Math.round(points.reduce((t, p) => t + p.instore + p.online, 0) * ops.weeks),
      takeaway: s.takeaway,
      table: loadHourTable(points),
      chart: layoutLoadChart(points),
      summary: points
        .map(
          (p) =>
            `${hourRange(p.hour, p.hour + 1)} ${formatCount(p.instore, 1)} in store, ${formatCount(p.online, 1)} online`,
        )
        .join('; '),
    };
  });
}
