import { readableFamilyName } from '@/content/family-names';
/**
 * Data shaping for the Demand page: pure functions from the demand_summary table to the plain props
 * the family table and the charts draw, each chart with its table equivalent and a takeaway written
 * from the numbers. No React, no formatting beyond the shared formatters.
 */
import { rangeTicks, zeroAxis } from '@/lib/charts/ticks';
import { formatCount, formatPct, formatRatio } from '@/lib/format/format';
import type { TableData } from '@/lib/format/table-data';
import { CHANNEL_KEYS, type ChannelKey } from '@/lib/schema/channels';
import type { DemandSummary } from '@/lib/schema/demand-summary';
import { line } from 'd3-shape';

/** The channel as an adjective: "in-store demand". */
export const CHANNEL_ADJECTIVE: Record<ChannelKey, string> = { instore: 'in-store', online: 'online' };

/**
 * A family leans to a channel when its share of that channel's daily demand is at least this many
 * times its share of the other channel's (online index ≥ 1.25 → online, ≤ 1 / 1.25 → in store).
 */
export const LEAN_RATIO = 1.25;
export const LEANS = [...CHANNEL_KEYS, 'balanced'] as const;
export type Lean = (typeof LEANS)[number];

/** One product family as the demand table shows it (prices in the build currency). */
export interface DemandFamily {
  id: number;
  /** The readable name; `sourceName` is the family as the source data spells it. */
  name: string;
  sourceName: string;
  intent: string;
  /** Null for a brand's own categories: only the public data has these. */
  emotional: boolean | null;
  instorePct: number;
  onlinePct: number;
  instoreDaily: number;
  onlineDaily: number;
  /** Share of all daily demand in the channel, %. */
  instoreShare: number;
  onlineShare: number;
  /** onlineShare ÷ instoreShare: above 1 the family is a bigger part of the online basket. */
  onlineIndex: number | null;
  lean: Lean;
  impulsePct: number | null;
  dwellSeconds: number | null;
  priceAvg: number;
  priceSd: number | null;
  priceMin: number;
  priceMax: number;
  priceNote: string | null;
  instoreRank: number;
  onlineRank: number;
  /** In the families that together carry 80 % of the channel's demand. */
  instoreCore: boolean;
  onlineCore: boolean;
}

/** The lean of a family from its online index (null: no demand in one channel). */
export function leanOf(onlineIndex: number | null): Lean {
  if (onlineIndex === null) return 'balanced';
  if (onlineIndex >= LEAN_RATIO) return 'online';
  if (onlineIndex <= 1 / LEAN_RATIO) return 'instore';
  return 'balanced';
}

/**
 * Rows the family table lists before "Show all": every family is sorted, filtered and exported, but
 * drawing all 134 rows (2,000 cells) up front cost a phone more than the rest of the page together
 * (bench:mobile).
 */
export const FAMILY_FIRST_ROWS = 25;

/**
 * Every family, as JSON, for the family table once it is used (app/demand/families.json/route.ts,
 * written at build time): the page itself carries only the rows it lists first, because every
 * family in its payload cost a phone a third of the page's blocking time (bench:mobile).
 */
export const FAMILIES_URL = '/demand/families.json';

/**
 * The rows the default view lists first: in-store daily demand, high to low, ties in the families'
 * order (Array.prototype.sort is stable, as the table's sort is).
 */
export function firstFamiliesOfDefaultView(families: readonly DemandFamily[]): DemandFamily[] {
  return [...families].sort((a, b) => b.instoreDaily - a.instoreDaily).slice(0, FAMILY_FIRST_ROWS);
}

export function demandFamilies(ds: DemandSummary, usdToCurrency: number): DemandFamily[] {
  const totalIn = ds.rows.reduce((s, r) => s + r.daily_demand_instore, 0);
  const totalOn = ds.rows.reduce((s, r) => s + r.daily_demand_online, 0);
  // A brand's demand table is already in the build currency.
  const rate = ds.source === 'orders' ? 1 : usdToCurrency;
  const money = (usd: number) => Math.round(usd * rate * 100) / 100;
  return ds.rows.map((r) => {
    const instoreShare = totalIn > 0 ? (100 * r.daily_demand_instore) / totalIn : 0;
    const onlineShare = totalOn > 0 ? (100 * r.daily_demand_online) / totalOn : 0;
    const onlineIndex = instoreShare > 0 && onlineShare > 0 ? onlineShare / instoreShare : null;
    return {
      id: r.family_id,
      name: readableFamilyName(r.family_name),
      sourceName: r.family_name,
      intent: r.intent,
      emotional: r.is_emotional,
      instorePct: r.instore_purchase_pct,
      onlinePct: r.online_purchase_pct,
      instoreDaily: r.daily_demand_instore,
      onlineDaily: r.daily_demand_online,
      instoreShare,
      onlineShare,
      onlineIndex,
      lean: leanOf(onlineIndex),
      impulsePct: r.impulse_rate_pct,
      dwellSeconds: r.dwell_seconds,
      priceAvg: money(r.price_avg_usd),
      priceSd: r.price_sd_usd === null ? null : money(r.price_sd_usd),
      priceMin: money(r.price_min_usd),
      priceMax: money(r.price_max_usd),
      priceNote: r.price_note,
      instoreRank: r.instore_demand_rank,
      onlineRank: r.online_demand_rank,
      instoreCore: r.instore_demand_rank <= ds.pareto.instore_family_count,
      onlineCore: r.online_demand_rank <= ds.pareto.online_family_count,
    };
  });
}

/** Intents in order of first appearance in the table (the family order of the sources). */
export function intentsOf(families: DemandFamily[]): string[] {
  return [...new Set(families.map((f) => f.intent))];
}

/* ------------------------------------------------------------------------------------------------ */
/* The table's view: filters, search and sort, as held in the URL                                    */
/* ------------------------------------------------------------------------------------------------ */

export const SORTABLE_COLUMNS = [
  'name',
  'intent',
  'instorePct',
  'onlinePct',
  'instoreDaily',
  'onlineDaily',
  'onlineIndex',
  'impulsePct',
  'emotional',
  'dwellSeconds',
  'priceAvg',
  'priceSd',
  'priceMin',
  'priceMax',
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export interface DemandView {
  /** An intent name, or 'all'. */
  intent: string;
  /** A channel lean, or 'all'. */
  channel: Lean | 'all';
  search: string;
  sort: { id: SortableColumn; desc: boolean };
}

export const DEFAULT_DEMAND_VIEW: DemandView = {
  intent: 'all',
  channel: 'all',
  search: '',
  sort: { id: 'instoreDaily', desc: true },
};

/** `-instoreDaily` → descending by in-store daily demand; unknown columns → the default sort. */
export function parseSort(raw: string | null | undefined): DemandView['sort'] {
  if (!raw) return DEFAULT_DEMAND_VIEW.sort;
  const desc = raw.startsWith('-');
  const id = (desc ? raw.slice(1) : raw) as SortableColumn;
  return SORTABLE_COLUMNS.includes(id) ? { id, desc } : DEFAULT_DEMAND_VIEW.sort;
}

export function sortParam(sort: DemandView['sort']): string {
  return `${sort.desc ? '-' : ''}${sort.id}`;
}

/** The view from URL query parameters; values outside the allowed sets fall back to the default. */
export function parseDemandView(
  get: (key: string) => string | null | undefined,
  intents: readonly string[],
): DemandView {
  const intent = get('intent');
  const channel = get('channel');
  return {
    intent: intent && intents.includes(intent) ? intent : 'all',
    channel: channel && (LEANS as readonly string[]).includes(channel) ? (channel as Lean) : 'all',
    search: (get('q') ?? '').slice(0, 80),
    sort: parseSort(get('sort')),
  };
}

/** The query string of a view, leaving out defaults (other parameters are kept). */
export function demandViewQuery(view: DemandView, base = ''): string {
  const q = new URLSearchParams(base);
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) q.delete(key);
    else q.set(key, value);
  };
  set('intent', view.intent, 'all');
  set('channel', view.channel, 'all');
  set('q', view.search.trim(), '');
  set('sort', sortParam(view.sort), sortParam(DEFAULT_DEMAND_VIEW.sort));
  return q.toString();
}

/** Does the family pass the view's filters and search (name, case-insensitive)? */
export function matchesView(
  f: DemandFamily,
  view: Pick<DemandView, 'intent' | 'channel' | 'search'>,
): boolean {
  if (view.intent !== 'all' && f.intent !== view.intent) return false;
  if (view.channel !== 'all' && f.lean !== view.channel) return false;
  const q = view.search.trim().toLowerCase();
  return q === '' || f.name.toLowerCase().includes(q);
}

export function leanLabel(f: Pick<DemandFamily, 'lean' | 'onlineIndex'>): string {
  if (f.onlineIndex === null) return '—';
  if (f.lean === 'online') return `${formatRatio(f.onlineIndex, 1)} online`;
  if (f.lean === 'instore') return `${formatRatio(1 / f.onlineIndex, 1)} in store`;
  return 'Balanced';
}

/* ------------------------------------------------------------------------------------------------ */
/* Pareto: the families that carry 80 % of each channel's demand                                     */
/* ------------------------------------------------------------------------------------------------ */

export interface ParetoPoint {
  rank: number;
  id: number;
  name: string;
  daily: number;
  sharePct: number;
  cumulativePct: number;
  core: boolean;
}

export interface ParetoChart {
  channel: ChannelKey;
  thresholdPct: number;
  /** Families needed to reach the threshold. */
  coreCount: number;
  familyCount: number;
  totalDaily: number;
  points: ParetoPoint[];
  takeaway: string;
  table: TableData;
}

const TOP_N = 10;

export function paretoChart(ds: DemandSummary, channel: ChannelKey): ParetoChart {
  const daily = (r: DemandSummary['rows'][number]) =>
    channel === 'instore' ? r.daily_demand_instore : r.daily_demand_online;
  const rank = (r: DemandSummary['rows'][number]) =>
    channel === 'instore' ? r.instore_demand_rank : r.online_demand_rank;
  const cumulative = (r: DemandSummary['rows'][number]) =>
    channel === 'instore' ? r.instore_cumulative_demand_pct : r.online_cumulative_demand_pct;
  const coreCount = channel === 'instore' ? ds.pareto.instore_family_count : ds.pareto.online_family_count;
  const totalDaily = ds.rows.reduce((s, r) => s + daily(r), 0);
  const points = [...ds.rows]
    .sort((a, b) => rank(a) - rank(b))
    .map((r) => ({
      rank: rank(r),
      id: r.family_id,
      name: readableFamilyName(r.family_name),
      daily: daily(r),
      sharePct: totalDaily > 0 ? (100 * daily(r)) / totalDaily : 0,
      cumulativePct: cumulative(r),
      core: rank(r) <= coreCount,
    }));
  const familyCount = points.length;
  const topShare = points[Math.min(TOP_N, familyCount) - 1]?.cumulativePct ?? 0;
  const leader = points[0];
  const where = CHANNEL_ADJECTIVE[channel];
  const takeaway =
    `${coreCount} of ${familyCount} families (${formatPct((100 * coreCount) / familyCount, 0)}) carry ` +
    `${formatPct(ds.pareto.threshold_pct, 0)} of ${where} demand; the top ${TOP_N} alone carry ` +
    `${formatPct(topShare, 0)}` +
    (leader ? `, led by ${leader.name} (${formatPct(leader.sharePct, 1)}).` : '.');
  return {
    channel,
    thresholdPct: ds.pareto.threshold_pct,
    coreCount,
    familyCount,
    totalDaily,
    points,
    takeaway,
    table: {
      columns: [
        { key: 'rank', label: 'Rank', format: 'count' },
        { key: 'family', label: 'Product family', format: 'text' },
        { key: 'daily', label: 'Daily demand, units', format: 'number', decimals: 1 },
        { key: 'share', label: 'Share of demand, %', format: 'pct', decimals: 2 },
        { key: 'cumulative', label: 'Cumulative, %', format: 'pct', decimals: 1 },
        { key: 'core', label: `In the ${formatPct(ds.pareto.threshold_pct, 0)} core`, format: 'text' },
      ],
      rows: points.map((p) => ({
        rank: p.rank,
        family: p.name,
        daily: p.daily,
        share: Math.round(p.sharePct * 100) / 100,
        cumulative: p.cumulativePct,
        core: p.core ? 'Yes' : 'No',
      })),
    },
  };
}

export interface ParetoLayout {
  /** Bars, 0–100 of the plotting area (x from the left, y from the top). */
  bars: Array<{ x: number; y: number; width: number; height: number; core: boolean; point: ParetoPoint }>;
  /** The cumulative share as a path in a 0–100 box. */
  linePath: string;
  /** Daily demand (left axis) and cumulative share (right axis); `at` 0–100 from the bottom. */
  yTicks: Array<{ value: number; at: number }>;
  cumTicks: Array<{ value: number; at: number }>;
  /** Ranks along the bottom; `at` 0–100 from the left. */
  xTicks: Array<{ value: number; at: number }>;
  /** The cut: the threshold share (0–100 from the top) and the end of the core (0–100 from the left). */
  threshold: { y: number; x: number };
}

/** Bars (daily demand, left axis) and the cumulative share (right axis, 0–100 %) on a 0–100 plot. */
export function layoutPareto(chart: ParetoChart): ParetoLayout {
  const n = Math.max(1, chart.points.length);
  const step = 100 / n;
  const axis = zeroAxis(Math.max(0, ...chart.points.map((p) => p.daily)), 5);
  const y = (v: number) => 100 - (v / axis.max) * 100;
  const xAt = (rank: number) => (rank - 0.5) * step;
  const bars = chart.points.map((p) => ({
    x: (p.rank - 1) * step + step * 0.1,
    y: y(p.daily),
    width: step * 0.8,
    height: 100 - y(p.daily),
    core: p.core,
    point: p,
  }));
  const path =
    line<ParetoPoint>()
      .x((p) => xAt(p.rank))
      .y((p) => 100 - p.cumulativePct)(chart.points) ?? '';
  // Ranks 1, then round steps (d3), inside the families drawn.
  const xTicks = [1, ...rangeTicks(0, n, 7).filter((v) => v > 1)].map((value) => ({ value, at: xAt(value) }));
  return {
    bars,
    linePath: path,
    yTicks: axis.ticks.map((value) => ({ value, at: 100 - y(value) })),
    cumTicks: zeroAxis(100, 5).ticks.map((value) => ({ value, at: value })),
    xTicks,
    threshold: { y: 100 - chart.thresholdPct, x: chart.coreCount * step },
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* In store against online: which families skew to which channel                                     */
/* ------------------------------------------------------------------------------------------------ */

export interface ContrastBar {
  id: number;
  name: string;
  intent: string;
  instoreShare: number;
  onlineShare: number;
  onlineIndex: number;
  /** log2 of the online index: + leans online, − leans in store. */
  log2: number;
  label: string;
}

export interface ChannelContrast {
  online: ContrastBar[];
  instore: ContrastBar[];
  /** Largest |log2| shown, for a shared scale. */
  maxLog2: number;
  counts: Record<Lean, number>;
  takeaway: string;
  table: TableData;
}

/**
 * The families that lean furthest to each channel, among those in either channel's 80 % core (so a
 * family with a handful of sales a day does not top the list on a ratio alone).
 */
export function channelContrast(families: DemandFamily[], perSide = 8): ChannelContrast {
  const eligible = families
    .filter((f) => (f.instoreCore || f.onlineCore) && f.onlineIndex !== null)
    .map<ContrastBar>((f) => ({
      id: f.id,
      name: f.name,
      intent: f.intent,
      instoreShare: f.instoreShare,
      onlineShare: f.onlineShare,
      onlineIndex: f.onlineIndex!,
      log2: Math.log2(f.onlineIndex!),
      label: leanLabel(f),
    }));
  const online = eligible
    .filter((b) => b.onlineIndex >= LEAN_RATIO)
    .sort((a, b) => b.onlineIndex - a.onlineIndex || a.id - b.id)
    .slice(0, perSide);
  const instore = eligible
    .filter((b) => b.onlineIndex <= 1 / LEAN_RATIO)
    .sort((a, b) => a.onlineIndex - b.onlineIndex || a.id - b.id)
    .slice(0, perSide);
  const counts: Record<Lean, number> = { instore: 0, online: 0, balanced: 0 };
  for (const f of families) counts[f.lean]++;
  const maxLog2 = Math.max(1, ...[...online, ...instore].map((b) => Math.abs(b.log2)));
  const o = online[0];
  const s = instore[0];
  const takeaway =
    `${counts.online} families lean online and ${counts.instore} in store. ` +
    (o
      ? `${o.name} is ${formatRatio(o.onlineIndex, 1)} as big a part of online demand (${formatPct(o.onlineShare, 2)}) as of in-store (${formatPct(o.instoreShare, 2)})`
      : '') +
    (o && s ? '; ' : '') +
    (s
      ? `${s.name} ${formatRatio(1 / s.onlineIndex, 1)} the other way (${formatPct(s.instoreShare, 2)} of in-store demand against ${formatPct(s.onlineShare, 2)} of online).`
      : o
        ? '.'
        : '');
  const rows = [...online, ...[...instore].reverse()];
  return {
    online,
    instore,
    maxLog2,
    counts,
    takeaway,
    table: {
      columns: [
        { key: 'family', label: 'Product family', format: 'text' },
        { key: 'intent', label: 'Lifestyle intent', format: 'text' },
        { key: 'instore', label: 'Share of in-store demand, %', format: 'pct', decimals: 2 },
        { key: 'online', label: 'Share of online demand, %', format: 'pct', decimals: 2 },
        { key: 'index', label: 'Online index (×)', format: 'ratio', decimals: 2 },
        { key: 'lean', label: 'Leans', format: 'text' },
      ],
      rows: rows.map((b) => ({
        family: b.name,
        intent: b.intent,
        instore: Math.round(b.instoreShare * 100) / 100,
        online: Math.round(b.onlineShare * 100) / 100,
        index: Math.round(b.onlineIndex * 100) / 100,
        lean: b.label,
      })),
    },
  };
}

/** Share of each channel's demand by lifestyle intent, with the intent's online index. */
export interface IntentSplit {
  intent: string;
  instoreShare: number;
  onlineShare: number;
  onlineIndex: number | null;
}

export function intentSplit(families: DemandFamily[]): IntentSplit[] {
  return intentsOf(families)
    .map((intent) => {
      const fs = families.filter((f) => f.intent === intent);
      const instoreShare = fs.reduce((s, f) => s + f.instoreShare, 0);
      const onlineShare = fs.reduce((s, f) => s + f.onlineShare, 0);
      return {
        intent,
        instoreShare,
        onlineShare,
        onlineIndex: instoreShare > 0 ? onlineShare / instoreShare : null,
      };
    })
    .sort((a, b) => b.instoreShare + b.onlineShare - (a.instoreShare + a.onlineShare));
}

/** Headline figures of the page. */
export function demandKpis(ds: DemandSummary, families: DemandFamily[]) {
  const totalIn = families.reduce((s, f) => s + f.instoreDaily, 0);
  const totalOn = families.reduce((s, f) => s + f.onlineDaily, 0);
  const emotional = families.filter((f) => f.emotional).length;
  const impulses = families.flatMap((f) => (f.impulsePct === null ? [] : [f.impulsePct]));
  const avgImpulse = impulses.length ? impulses.reduce((s, v) => s + v, 0) / impulses.length : 0;
  const own = ds.source === 'orders';
  return [
    {
      id: 'kpi-families',
      label: own ? 'Product categories' : 'Product families',
      value: formatCount(families.length),
      hint: `${intentsOf(families).length} lifestyle intents`,
    },
    {
      id: 'kpi-daily',
      label: 'Daily demand',
      value: `${formatCount(totalIn)} · ${formatCount(totalOn)}`,
      hint: 'Units a day, in store · online',
    },
    {
      id: 'kpi-core',
      label: `${formatPct(ds.pareto.threshold_pct, 0)} of demand`,
      value: `${ds.pareto.instore_family_count} · ${ds.pareto.online_family_count}`,
      hint: 'Families needed, in store · online',
    },
    {
      id: 'kpi-emotional',
      label: 'Emotional purchases',
      value: own ? '—' : formatCount(emotional),
      hint: own
        ? 'Only the public data flags emotional and impulse purchases; orders do not show them'
        : `Families flagged emotional · average impulse rate ${formatPct(avgImpulse, 1)}`,
    },
  ];
}

/** The intent split as a table: each intent's share of in-store and of online demand. */
export function intentSplitTable(split: IntentSplit[]): TableData {
  return {
    columns: [
      { key: 'intent', label: 'Lifestyle intent', format: 'text' },
      { key: 'instore', label: 'Share of in-store demand, %', format: 'pct', decimals: 1 },
      { key: 'online', label: 'Share of online demand, %', format: 'pct', decimals: 1 },
      { key: 'index', label: 'Online index (×)', format: 'ratio', decimals: 2 },
    ],
    rows: split.map((s) => ({
      intent: s.intent,
      instore: Math.round(s.instoreShare * 10) / 10,
      online: Math.round(s.onlineShare * 10) / 10,
      index: s.onlineIndex === null ? null : Math.round(s.onlineIndex * 100) / 100,
    })),
  };
}

/** The families as shown (filtered and sorted), as a plain table for the CSV download. */
export function familiesTable(families: DemandFamily[], currency: string): TableData {
  return {
    columns: [
      { key: 'family', label: 'Product family', format: 'text' },
      // The family as the source data spells it, so a figure can be traced back to it.
      ...(families.some((f) => f.sourceName !== f.name)
        ? [{ key: 'sourceFamily', label: 'Source family name', format: 'text' as const }]
        : []),
      { key: 'intent', label: 'Lifestyle intent', format: 'text' },
      { key: 'instorePct', label: 'Bought in store, %', format: 'pct' },
      { key: 'onlinePct', label: 'Bought online, %', format: 'pct' },
      { key: 'instoreDaily', label: 'In-store demand, units/day', format: 'number' },
      { key: 'onlineDaily', label: 'Online demand, units/day', format: 'number' },
      { key: 'onlineIndex', label: 'Online index (×)', format: 'ratio' },
      { key: 'lean', label: 'Channel lean', format: 'text' },
      { key: 'impulsePct', label: 'Impulse rate, %', format: 'pct' },
      { key: 'emotional', label: 'Emotional', format: 'text' },
      { key: 'dwellSeconds', label: 'Dwell, s', format: 'number' },
      { key: 'priceAvg', label: `Average price, ${currency}`, format: 'money' },
      { key: 'priceSd', label: `Price SD, ${currency}`, format: 'money' },
      { key: 'priceMin', label: `Min price, ${currency}`, format: 'money' },
      { key: 'priceMax', label: `Max price, ${currency}`, format: 'money' },
      { key: 'priceNote', label: 'Price note', format: 'text' },
    ],
    rows: families.map((f) => ({
      family: f.name,
      sourceFamily: f.sourceName,
      intent: f.intent,
      instorePct: f.instorePct,
      onlinePct: f.onlinePct,
      instoreDaily: f.instoreDaily,
      onlineDaily: f.onlineDaily,
      onlineIndex: f.onlineIndex === null ? null : Math.round(f.onlineIndex * 1000) / 1000,
      lean: leanLabel(f),
      impulsePct: f.impulsePct,
      emotional: f.emotional === null ? null : f.emotional ? 'Yes' : 'No',
      dwellSeconds: f.dwellSeconds,
      priceAvg: f.priceAvg,
      priceSd: f.priceSd,
      priceMin: f.priceMin,
      priceMax: f.priceMax,
      priceNote: f.priceNote,
    })),
  };
}
