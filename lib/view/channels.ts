/**
 * Data shaping for the Channels & arrivals page: pure functions from the generated tables to the
 * small, plain props the charts draw, each with its table equivalent and a takeaway written from
 * the numbers. No React; numbers are formatted only through the shared formatters.
 */
import { groupColor, personaColor } from '@/lib/charts/theme';
import { zeroAxis } from '@/lib/charts/ticks';
import { formatCount, formatPct, formatRatio } from '@/lib/format/format';
import type { TableData } from '@/lib/format/table-data';
import type { ArrivalsSummary } from '@/lib/schema/arrivals-summary';
import type { BehaviourOverview } from '@/lib/schema/behaviour-overview';
import { CHANNEL_NAME, CHANNELS, type Channel } from '@/lib/schema/channels';
import type { OperationalEfficiency, OperationsRow } from '@/lib/schema/operational-efficiency';
import { argMax, argMin } from '@/lib/stats/arg-max';
import { roundNum } from '@/lib/tables/numbers';

/** How the arrivals heatmaps are scaled: arrivals per store, or each cell's share of the channel's week. */
export const ARRIVAL_SCALES = ['count', 'share'] as const;
export type ArrivalScale = (typeof ARRIVAL_SCALES)[number];

/** "13:00–16:00" for hours [13, 16). */
export function hourRange(from: number, to: number): string {
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `${hh(from)}–${hh(to)}`;
}

/** "Monday", "Monday and Friday", "Monday, Friday and Sunday"; consecutive runs of 3+ days as "Tuesday–Thursday". */
export function dayList(days: string[], order: readonly string[]): string {
  const idx = [...new Set(days)].map((d) => order.indexOf(d)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${order[idx[i]!]}–${order[idx[j]!]}`);
    else for (let m = i; m <= j; m++) parts.push(order[idx[m]!]!);
    i = j + 1;
  }
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const arrivalsOf = (channel: Channel) =>
  channel === 'in-store'
    ? (c: { instore_arrivals: number }) => c.instore_arrivals
    : (c: { online_arrivals: number }) => c.online_arrivals;

/* ------------------------------------------------------------------------------------------------ */
/* Day × hour arrivals                                                                              */
/* ------------------------------------------------------------------------------------------------ */

/**
 * What the day × hour curves are, in words: the public arrivals per store, or, for a brand build
 * made without the public files, the brand's own orders a week (there is no reference then).
 */
export function curveWording(arrivals: Pick<ArrivalsSummary, 'curves'>) {
  const own = arrivals.curves === 'own-orders';
  return {
    own,
    instore: own ? 'in-store orders' : 'customer arrivals',
    online: 'online orders',
    unit: own ? 'a week' : 'per store',
    storeEmpty: own ? 'with no in-store order' : 'with no store arrivals',
    storeTraffic: own ? 'in-store orders' : 'store arrivals',
  };
}

export interface PeakGroup {
  from_hour: number;
  to_hour: number;
  days: string[];
}

export interface ChannelPeaks {
  channel: Channel;
  /** The busiest window of the week. */
  busiest: ArrivalsSummary['peak_windows'][number];
  /** Each day's busiest window, grouped by hours (the busiest window's group first). */
  groups: PeakGroup[];
  sentence: string;
}

/** The peak windows of one channel in words: the week's busiest, then where each day's peak falls. */
export function channelPeaks(arrivals: ArrivalsSummary, channel: Channel): ChannelPeaks {
  const windows = arrivals.peak_windows
    .filter((w) => w.channel === channel)
    .sort((a, b) => b.arrivals - a.arrivals);
  const busiest = windows[0]!;
  const groups: PeakGroup[] = [];
  for (const w of windows) {
    const g = groups.find((x) => x.from_hour === w.from_hour && x.to_hour === w.to_hour);
    if (g) g.days.push(w.day);
    else groups.push({ from_hour: w.from_hour, to_hour: w.to_hour, days: [w.day] });
  }
  const days = arrivals.day_totals.map((d) => d.day);
  const weekly =
    channel === 'in-store' ? arrivals.weekly_totals.instore_arrivals : arrivals.weekly_totals.online_arrivals;
  const words = curveWording(arrivals);
  const what = channel === 'in-store' ? words.instore : words.online;
  const decimals = channel === 'in-store' && !words.own ? 0 : 1;
  const lead = `${busiest.day} ${hourRange(busiest.from_hour, busiest.to_hour)} is the busiest ${arrivals.window_hours}-hour window: ${formatCount(busiest.arrivals, decimals)} ${what} ${words.unit}, ${formatPct(busiest.share_of_week_pct)} of the week’s ${formatCount(weekly)}`;
  const rest =
    groups.length === 1
      ? `; every day peaks at the same hours`
      : `; each day’s peak: ${groups.map((g) => `${dayList(g.days, days)} at ${hourRange(g.from_hour, g.to_hour)}`).join(', ')}`;
  return { channel, busiest, groups, sentence: `${lead}${rest}.` };
}

export interface ArrivalsHeatmapData {
  channel: Channel;
  days: string[];
  /** values[scale][day][hour]. */
  values: Record<ArrivalScale, number[][]>;
  max: Record<ArrivalScale, number>;
  /** "day|hour" keys of the cells inside each day's peak window. */
  peakCells: string[];
  takeaway: string;
  /** The grid as a table, per scale. */
  tables: Record<ArrivalScale, TableData>;
  /** What the values are: public arrivals per store, or the brand's own orders a week. */
  words: ReturnType<typeof curveWording>;
}

/** One channel's 7 × 24 arrivals, as published and as a share of the week, with its peak windows marked. */
export function arrivalsHeatmap(arrivals: ArrivalsSummary, channel: Channel): ArrivalsHeatmapData {
  const pick = arrivalsOf(channel);
  const weekly =
    channel === 'in-store' ? arrivals.weekly_totals.instore_arrivals : arrivals.weekly_totals.online_arrivals;
  const days = arrivals.day_totals.map((d) => d.day);
  const count = days.map((_, d) => arrivals.cells.filter((c) => c.day_index === d).map((c) => pick(c)));
  const share = count.map((row) => row.map((v) => (weekly > 0 ? (100 * v) / weekly : 0)));
  const peaks = channelPeaks(arrivals, channel);
  const peakSet = new Set<string>();
  for (const w of arrivals.peak_windows.filter((p) => p.channel === channel)) {
    for (let h = w.from_hour; h < w.to_hour; h++) peakSet.add(`${days.indexOf(w.day)}|${h}`);
  }
  return {
    channel,
    days,
    values: { count, share: share.map((row) => row.map(carried)) },
    max: { count: Math.max(0, ...count.flat()), share: carried(Math.max(0, ...share.flat())) },
    peakCells: [...peakSet],
    takeaway: peaks.sentence,
    words: curveWording(arrivals),
    tables: {
      count: dayHourTable(days, count, curveWording(arrivals).unit, channel === 'in-store' ? 0 : 2),
      share: dayHourTable(days, share, '% of the week', 2),
    },
  };
}

/**
 * A figure as the heatmaps' client island carries it: six decimals, where the page shows at most two.
 * Every cell of both scales travels in the page's payload, and 17 digits a cell were a tenth of it.
 */
const carried = (v: number) => roundNum(v, 6);

/** A 7 × 24 grid as a table: one row per day, one column per hour, and the day's total. */
function dayHourTable(days: string[], grid: number[][], what: string, decimals: number): TableData {
  return {
    columns: [
      { key: 'day', label: `Day (${what})`, format: 'text' },
      ...Array.from({ length: 24 }, (_, h) => ({
        key: `h${h}`,
        label: hourRange(h, h + 1),
        format: 'number' as const,
        decimals,
      })),
      { key: 'total', label: 'Day total', format: 'number', decimals },
    ],
    rows: days.map((day, d) => ({
      day,
      ...Object.fromEntries(grid[d]!.map((v, h) => [`h${h}`, carried(v)])),
      total: carried(grid[d]!.reduce((a, b) => a + b, 0)),
    })),
  };
}

/** Both channels' peak windows, one row per channel and day, busiest first. */
export function peakWindowTable(arrivals: ArrivalsSummary): TableData {
  return {
    columns: [
      { key: 'channel', label: 'Channel', format: 'text' },
      { key: 'day', label: 'Day', format: 'text' },
      { key: 'window', label: `Busiest ${arrivals.window_hours} hours`, format: 'text' },
      {
        key: 'arrivals',
        label: curveWording(arrivals).own ? 'Orders a week' : 'Arrivals per store',
        format: 'number',
        decimals: 1,
      },
      { key: 'share', label: 'Share of the week', format: 'pct', decimals: 2 },
    ],
    rows: CHANNELS.flatMap((channel) =>
      arrivals.peak_windows
        .filter((w) => w.channel === channel)
        .sort((a, b) => b.arrivals - a.arrivals)
        .map((w) => ({
          channel: CHANNEL_NAME[channel],
          day: w.day,
          window: hourRange(w.from_hour, w.to_hour),
          arrivals: w.arrivals,
          share: w.share_of_week_pct,
        })),
    ),
  };
}

export interface ArrivalFacts {
  /** Share of online orders that arrive in hours with no store arrivals at all (stores closed). */
  onlineWhileClosedPct: number;
  closedHours: number;
  busiestDay: Record<Channel, { day: string; sharePct: number }>;
  /** Arrivals in the top 10 % busiest hours, as a share of the week. */
  sentences: string[];
}

/** Comparisons between the two curves, in words. */
export function arrivalFacts(arrivals: ArrivalsSummary): ArrivalFacts {
  const closed = arrivals.cells.filter((c) => c.instore_arrivals === 0);
  const online = arrivals.weekly_totals.online_arrivals;
  const onlineWhileClosedPct =
    online > 0 ? (100 * closed.reduce((s, c) => s + c.online_arrivals, 0)) / online : 0;
  const busiestDay = Object.fromEntries(
    CHANNELS.map((ch) => {
      const pick = arrivalsOf(ch);
      const weekly = ch === 'in-store' ? arrivals.weekly_totals.instore_arrivals : online;
      const top = argMax(arrivals.day_totals, (d) => pick(d))!;
      return [ch, { day: top.day, sharePct: weekly > 0 ? (100 * pick(top)) / weekly : 0 }];
    }),
  ) as Record<Channel, { day: string; sharePct: number }>;
  const words = curveWording(arrivals);
  const sentences = [
    words.own
      ? `${formatPct(onlineWhileClosedPct)} of online orders come in the ${formatCount(closed.length)} hours a week with no in-store order: work the stores cannot pick as it comes in.`
      : `${formatPct(onlineWhileClosedPct)} of online orders arrive in the ${formatCount(closed.length)} hours a week when no customer walks into a store: work the stores cannot pick as they come in.`,
    busiestDay['in-store'].day === busiestDay.online.day
      ? `${busiestDay.online.day} is the busiest day in both channels: ${formatPct(busiestDay.online.sharePct)} of the week’s online orders against ${formatPct(busiestDay['in-store'].sharePct)} of ${words.storeTraffic}.`
      : `The busiest day differs: ${busiestDay['in-store'].day} in store (${formatPct(busiestDay['in-store'].sharePct)} of the week), ${busiestDay.online.day} online (${formatPct(busiestDay.online.sharePct)}).`,
    words.own
      ? 'The public arrival curves were not available when this data was built, so there is no reference to hold your orders against: these are your own orders a week, per day × hour.'
      : arrivals.orders_source === 'orders'
        ? `Your orders against these public curves, per day × hour: correlation ${formatCount(arrivals.synthetic_fit.instore_correlation, 3)} in store and ${formatCount(arrivals.synthetic_fit.online_correlation, 3)} online (1 = the same weekly rhythm).`
        : `The synthetic orders behind every other chart follow these public curves: correlation ${formatCount(arrivals.synthetic_fit.instore_correlation, 3)} in store and ${formatCount(arrivals.synthetic_fit.online_correlation, 3)} online, per day × hour.`,
  ];
  return { onlineWhileClosedPct, closedHours: closed.length, busiestDay, sentences };
}

/* ------------------------------------------------------------------------------------------------ */
/* Persona behaviour by channel                                                                     */
/* ------------------------------------------------------------------------------------------------ */

export interface PairRow {
  /** null for all customers. */
  cluster_id: number | null;
  persona: string;
  color: string;
  values: [number | null, number | null];
}

/** Two values per persona (e.g. in store and online), drawn as a pair of bars. */
export interface PairChart {
  series: [string, string];
  rows: PairRow[];
  scale: { max: number; ticks: number[] };
  takeaway: string;
  table: TableData;
}

type Group = { cluster_id: number | null; persona: string };

function byChannel(ops: OperationalEfficiency, clusterId: number | null, channel: Channel): OperationsRow {
  const row = ops.rows.find((r) => r.cluster_id === clusterId && r.channel === channel);
  if (!row) throw new Error(`operational_efficiency has no ${channel} row for cluster ${clusterId}`);
  return row;
}

/** Personas in cluster order, then all customers. */
export function groups(ops: OperationalEfficiency): Group[] {
  const seen = new Map<number | null, string>();
  for (const r of ops.rows) if (!seen.has(r.cluster_id)) seen.set(r.cluster_id, r.persona);
  const personas = [...seen.entries()]
    .filter(([id]) => id !== null)
    .sort((a, b) => (a[0] as number) - (b[0] as number));
  return [...personas, [null, seen.get(null) ?? 'All customers'] as const].map(([cluster_id, persona]) => ({
    cluster_id,
    persona,
  }));
}

/** A pair chart from one figure of the in-store and online rows of operational_efficiency. */
export function channelPairChart(
  ops: OperationalEfficiency,
  value: (r: OperationsRow) => number | null,
  meta: { label: string; format: TableData['columns'][number]['format']; decimals?: number },
  takeaway: (rows: PairRow[]) => string,
): PairChart {
  const rows: PairRow[] = groups(ops).map((g) => ({
    cluster_id: g.cluster_id,
    persona: g.persona,
    color: groupColor(g.cluster_id),
    values: [value(byChannel(ops, g.cluster_id, 'in-store')), value(byChannel(ops, g.cluster_id, 'online'))],
  }));
  const max = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  return {
    series: ['In store', 'Online'],
    rows,
    scale: zeroAxis(1.15 * max),
    takeaway: takeaway(rows),
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'instore', label: `${meta.label}, in store`, format: meta.format, decimals: meta.decimals },
        { key: 'online', label: `${meta.label}, online`, format: meta.format, decimals: meta.decimals },
      ],
      rows: rows.map((r) => ({ persona: r.persona, instore: r.values[0], online: r.values[1] })),
    },
  };
}

const personasOnly = (rows: PairRow[]) => rows.filter((r) => r.cluster_id !== null);

/** Share of orders and of revenue that is online, per persona (behaviour_overview). */
export function onlineShareChart(behaviour: BehaviourOverview): PairChart {
  const all = [...behaviour.personas].sort((a, b) => a.cluster_id - b.cluster_id);
  const rows: PairRow[] = [...all, behaviour.total].map((g) => ({
    cluster_id: g.cluster_id,
    persona: g.persona,
    color: groupColor(g.cluster_id),
    values: [g.online_order_share_pct, g.online_revenue_share_pct],
  }));
  const hi = argMax(all, (p) => p.online_order_share_pct)!;
  const lo = argMin(all, (p) => p.online_order_share_pct)!;
  const richer = all.filter((p) => p.online_revenue_share_pct > p.online_order_share_pct).length;
  const t = behaviour.total;
  const takeaway =
    `${formatPct(t.online_order_share_pct)} of orders and ${formatPct(t.online_revenue_share_pct)} of revenue are online, ` +
    `from ${formatPct(lo.online_order_share_pct)} of orders (${lo.persona}) to ${formatPct(hi.online_order_share_pct)} (${hi.persona}); ` +
    (richer === all.length
      ? 'every persona spends more per order online.'
      : richer === 0
        ? 'every persona spends less per order online.'
        : `${formatCount(richer)} of ${formatCount(all.length)} personas spend more per order online.`);
  return {
    series: ['Share of orders', 'Share of revenue'],
    rows,
    scale: { max: 100, ticks: [0, 25, 50, 75, 100] },
    takeaway,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'orders', label: 'Online share of orders', format: 'pct', decimals: 2 },
        { key: 'revenue', label: 'Online share of revenue', format: 'pct', decimals: 2 },
      ],
      rows: rows.map((r) => ({ persona: r.persona, orders: r.values[0], revenue: r.values[1] })),
    },
  };
}

/** Units per order in store and online, per persona. */
export function basketChart(ops: OperationalEfficiency): PairChart {
  return channelPairChart(
    ops,
    (r) => r.items_per_order,
    { label: 'Basket, units per order', format: 'number', decimals: 2 },
    (rows) => {
      const ps = personasOnly(rows);
      const bigger = ps.filter((r) => (r.values[1] ?? 0) > (r.values[0] ?? 0));
      const gap = argMax(ps, (r) => (r.values[1] ?? 0) - (r.values[0] ?? 0))!;
      const head =
        bigger.length === ps.length
          ? 'Online baskets are bigger for every persona'
          : bigger.length === 0
            ? 'In-store baskets are bigger for every persona'
            : `Online baskets are bigger for ${formatCount(bigger.length)} of ${formatCount(ps.length)} personas`;
      return `${head}; the widest gap is ${gap.persona}: ${formatCount(gap.values[1], 1)} units online against ${formatCount(gap.values[0], 1)} in store.`;
    },
  );
}

/** Orders per customer of the channel per month: how often each persona comes back in each channel. */
export function frequencyChart(ops: OperationalEfficiency): PairChart {
  return channelPairChart(
    ops,
    (r) => r.orders_per_customer_month,
    { label: 'Orders per customer per month', format: 'number', decimals: 3 },
    (rows) => {
      const ps = personasOnly(rows);
      const hi = argMax(ps, (r) => r.values[0] ?? 0)!;
      const lo = argMin(ps, (r) => r.values[0] ?? 0)!;
      const ratio = (lo.values[0] ?? 0) > 0 ? (hi.values[0] ?? 0) / lo.values[0]! : null;
      return `${hi.persona} come back most often: ${formatCount(hi.values[0], 3)} store visits and ${formatCount(hi.values[1], 3)} online orders per customer a month${
        ratio !== null
          ? `, ${formatRatio(ratio, 1)} the ${formatCount(lo.values[0], 3)} store visits of ${lo.persona}`
          : ''
      }.`;
    },
  );
}

export interface DwellDatum {
  cluster_id: number;
  persona: string;
  color: string;
  value: number;
}

export interface DwellChart {
  rows: DwellDatum[];
  overall: number | null;
  scale: { max: number; ticks: number[] };
  takeaway: string;
  table: TableData;
}

/** Minutes per in-store visit per persona (there is no dwell online). */
export function dwellChart(behaviour: BehaviourOverview): DwellChart {
  const ps = [...behaviour.personas].sort((a, b) => a.cluster_id - b.cluster_id);
  const rows = ps
    .filter((p) => p.avg_dwell_minutes !== null)
    .map((p) => ({
      cluster_id: p.cluster_id,
      persona: p.persona,
      color: personaColor(p.cluster_id),
      value: p.avg_dwell_minutes!,
    }));
  const hi = argMax(rows, (r) => r.value);
  const lo = argMin(rows, (r) => r.value);
  const overall = behaviour.total.avg_dwell_minutes;
  return {
    rows,
    overall,
    scale: zeroAxis(1.12 * Math.max(0, ...rows.map((r) => r.value))),
    takeaway:
      hi && lo
        ? `${hi.persona} stay longest in store, ${formatCount(hi.value, 1)} minutes a visit, against ${formatCount(lo.value, 1)} for ${lo.persona} (${formatCount(overall, 1)} for all customers).`
        : 'No in-store visits in the data.',
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'dwell', label: 'Dwell, minutes per in-store visit', format: 'number', decimals: 2 },
      ],
      rows: [...ps, behaviour.total].map((p) => ({ persona: p.persona, dwell: p.avg_dwell_minutes })),
    },
  };
}

/** The page-wide table: every channel figure per persona. */
export function behaviourTable(behaviour: BehaviourOverview, ops: OperationalEfficiency): TableData {
  const ps = [...behaviour.personas].sort((a, b) => a.cluster_id - b.cluster_id);
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'customers', label: 'Customers', format: 'count' },
      { key: 'online_orders', label: 'Online, orders', format: 'pct', decimals: 1 },
      { key: 'online_revenue', label: 'Online, revenue', format: 'pct', decimals: 1 },
      { key: 'basket_instore', label: 'Basket, store', format: 'number', decimals: 2 },
      { key: 'basket_online', label: 'Basket, online', format: 'number', decimals: 2 },
      { key: 'dwell', label: 'Dwell, min', format: 'number', decimals: 2 },
      { key: 'freq_instore', label: 'Visits / mo, store', format: 'number', decimals: 3 },
      { key: 'freq_online', label: 'Orders / mo, online', format: 'number', decimals: 3 },
    ],
    rows: [...ps, behaviour.total].map((p) => {
      const s = byChannel(ops, p.cluster_id, 'in-store');
      const o = byChannel(ops, p.cluster_id, 'online');
      return {
        persona: p.persona,
        customers: p.customers,
        online_orders: p.online_order_share_pct,
        online_revenue: p.online_revenue_share_pct,
        basket_instore: s.items_per_order,
        basket_online: o.items_per_order,
        dwell: p.avg_dwell_minutes,
        freq_instore: s.orders_per_customer_month,
        freq_online: o.orders_per_customer_month,
      };
    }),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Cross-channel: what the data can and cannot say                                                  */
/* ------------------------------------------------------------------------------------------------ */

export interface OverlapRow {
  cluster_id: number | null;
  persona: string;
  color: string;
  customers: number;
  /** Percent of the group's ordering customers: in store only, both channels, online only. */
  instoreOnlyPct: number;
  bothPct: number;
  onlineOnlyPct: number;
}

export interface OverlapChart {
  rows: OverlapRow[];
  takeaway: string;
  table: TableData;
}

/** How each persona's customers split over the channels. */
export function overlapChart(ops: OperationalEfficiency): OverlapChart {
  const order = groups(ops);
  const rows: OverlapRow[] = order.map((g) => {
    const ov = ops.channel_overlap.find((o) => o.cluster_id === g.cluster_id);
    if (!ov) throw new Error(`operational_efficiency has no channel overlap for cluster ${g.cluster_id}`);
    return {
      cluster_id: g.cluster_id,
      persona: g.persona,
      color: groupColor(g.cluster_id),
      customers: ov.customers,
      instoreOnlyPct: ov.instore_only_pct,
      bothPct: ov.both_pct,
      onlineOnlyPct: ov.online_only_pct,
    };
  });
  const ps = rows.filter((r) => r.cluster_id !== null);
  const all = rows.find((r) => r.cluster_id === null)!;
  const hi = argMax(ps, (r) => r.bothPct)!;
  const lo = argMin(ps, (r) => r.bothPct)!;
  return {
    rows,
    takeaway: `${formatPct(all.bothPct)} of customers buy in both channels, from ${formatPct(hi.bothPct)} of ${hi.persona} to ${formatPct(lo.bothPct)} of ${lo.persona}.`,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'customers', label: 'Customers with orders', format: 'count' },
        { key: 'instore_only', label: 'In store only', format: 'pct', decimals: 2 },
        { key: 'both', label: 'Both channels', format: 'pct', decimals: 2 },
        { key: 'online_only', label: 'Online only', format: 'pct', decimals: 2 },
      ],
      rows: rows.map((r) => ({
        persona: r.persona,
        customers: r.customers,
        instore_only: r.instoreOnlyPct,
        both: r.bothPct,
        online_only: r.onlineOnlyPct,
      })),
    },
  };
}

/** Share of each channel's orders placed in answer to an e-mail, SMS or app push. */
export function digitalPromptChart(ops: OperationalEfficiency): PairChart {
  return channelPairChart(
    ops,
    (r) => r.digital_prompted_order_share_pct,
    { label: 'Orders after a digital message, %', format: 'pct', decimals: 2 },
    (rows) => {
      const ps = personasOnly(rows);
      const all = rows.find((r) => r.cluster_id === null)!;
      const hi = argMax(ps, (r) => r.values[0] ?? 0)!;
      const lo = argMin(ps, (r) => r.values[0] ?? 0)!;
      return `${formatPct(all.values[0])} of in-store orders followed an e-mail, SMS or app push, most for ${hi.persona} (${formatPct(hi.values[0])}) and least for ${lo.persona} (${formatPct(lo.values[0])}).`;
    },
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Headline figures                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

export interface ChannelKpi {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export function channelKpis(arrivals: ArrivalsSummary, ops: OperationalEfficiency): ChannelKpi[] {
  const store = channelPeaks(arrivals, 'in-store').busiest;
  const online = channelPeaks(arrivals, 'online').busiest;
  const facts = arrivalFacts(arrivals);
  const all = ops.channel_overlap.find((o) => o.cluster_id === null);
  return [
    {
      id: 'kpi-instore-peak',
      label: 'Store peak',
      value: store.day,
      hint: `${hourRange(store.from_hour, store.to_hour)}: ${formatPct(store.share_of_week_pct)} of the week’s ${curveWording(arrivals).own ? 'in-store orders' : 'arrivals'}`,
    },
    {
      id: 'kpi-online-peak',
      label: 'Online peak',
      value: online.day,
      hint: `${hourRange(online.from_hour, online.to_hour)}: ${formatPct(online.share_of_week_pct)} of the week’s online orders`,
    },
    {
      id: 'kpi-online-closed',
      label: 'Online while stores are empty',
      value: formatPct(facts.onlineWhileClosedPct),
      hint: `of online orders, in the ${formatCount(facts.closedHours)} hours a week ${curveWording(arrivals).storeEmpty}`,
    },
    {
      id: 'kpi-both-channels',
      label: 'Buy in both channels',
      value: all ? formatPct(all.both_pct) : '—',
      hint: all ? `of ${formatCount(all.customers)} customers with orders` : 'no channel overlap in the data',
    },
  ];
}
