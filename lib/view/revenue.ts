/**
 * Data shaping for the Revenue & CLV page: pure functions from the generated tables to the small,
 * plain props the charts draw, each with its table equivalent and a takeaway written from the numbers.
 * Server-side only in practice (the page calls these at build time); no formatting beyond the shared
 * formatters, no React.
 */
import { zeroAxis } from '@/lib/charts/ticks';
import {
  formatCount,
  formatMoney,
  formatMoneyCompact,
  formatMonth,
  formatPct,
  formatRatio,
} from '@/lib/format/format';
import type { TableData, TableRow } from '@/lib/format/table-data';
import type { BehaviourOverview } from '@/lib/schema/behaviour-overview';
import type { ClvDistribution, ClvProxyTable } from '@/lib/schema/clv-proxy';
import type { CustomerDot } from '@/lib/schema/customer-sample';
import type { RevenueByCluster, RevenueRow } from '@/lib/schema/revenue-by-cluster';
import { personaRevenue } from './period';

type PersonaRow = RevenueRow & { cluster_id: number };

export interface PersonaRef {
  cluster_id: number;
  persona: string;
}

const fmtScore = (v: number) => formatCount(v, 1);

/* ------------------------------------------------------------------------------------------------ */
/* Headline numbers                                                                                  */
/* ------------------------------------------------------------------------------------------------ */

export interface RevenueKpi {
  id: string;
  label: string;
  value: string;
  hint: string;
}

/** The headline figures above the charts. */
export function revenueKpis(
  rev: RevenueByCluster,
  clv: ClvProxyTable,
  quadrant: ValueRiskQuadrant,
): RevenueKpi[] {
  const currency = rev.currency;
  const t = rev.total;
  const protect = quadrant.points.filter((p) => p.quadrant === 'protect');
  const protectShare = protect.reduce((s, p) => s + p.revenue_share_pct, 0);
  return [
    {
      id: 'kpi-revenue',
      label: 'Net revenue',
      value: formatMoneyCompact(t.revenue, currency),
      hint: `${formatCount(t.customers)} customers, ${formatCount(t.orders)} orders`,
    },
    {
      id: 'kpi-revenue-per-customer',
      label: 'Revenue per customer',
      value: formatMoney(t.revenue_per_customer, currency),
      hint: `${formatCount(t.orders_per_customer, 1)} orders × ${formatMoney(t.avg_order_value, currency)} average order`,
    },
    {
      id: 'kpi-clv',
      label: 'Median CLV proxy',
      value: fmtScore(clv.overall.quantiles.p50),
      hint: `0–100 relative score; mean ${fmtScore(clv.overall.quantiles.mean)}`,
    },
    {
      id: 'kpi-protect',
      label: 'Revenue to protect',
      value: formatPct(protectShare),
      hint:
        protect.length > 0
          ? `of revenue from high-value, high-risk ${protect.map((p) => p.persona).join(', ')}`
          : 'no persona is both above-average value and above-average risk',
    },
  ];
}

/* ------------------------------------------------------------------------------------------------ */
/* Revenue by persona                                                                                */
/* ------------------------------------------------------------------------------------------------ */

export interface RevenueByPersona {
  /** Bars, largest revenue first. */
  bars: Array<PersonaRef & { value: number }>;
  /** Everything behind the chart. */
  table: TableData;
  /** The same rows with the columns that fit a page-wide table (index and frequency left to the chart tables). */
  summary: TableData;
  takeaway: string;
}

const SUMMARY_KEYS = new Set([
  'persona',
  'customers',
  'customer_share_pct',
  'revenue',
  'revenue_share_pct',
  'revenue_per_customer',
  'avg_order_value',
]);

export const REVENUE_TABLE_COLUMNS: TableData['columns'] = [
  { key: 'persona', label: 'Persona', format: 'text' },
  { key: 'customers', label: 'Customers', format: 'count' },
  { key: 'customer_share_pct', label: 'Customer share', format: 'pct', decimals: 2 },
  { key: 'revenue', label: 'Net revenue', format: 'money' },
  { key: 'revenue_share_pct', label: 'Revenue share', format: 'pct', decimals: 2 },
  { key: 'revenue_index', label: 'Revenue index', format: 'ratio', decimals: 2 },
  { key: 'revenue_per_customer', label: 'Revenue / customer', format: 'money' },
  { key: 'orders_per_customer', label: 'Orders / customer', format: 'number', decimals: 1 },
  { key: 'avg_order_value', label: 'Avg order value (per order)', format: 'money' },
];

function revenueTableRow(r: RevenueRow): TableRow {
  return {
    persona: r.persona,
    customers: r.customers,
    customer_share_pct: r.customer_share_pct,
    revenue: r.revenue,
    revenue_share_pct: r.revenue_share_pct,
    revenue_index: r.revenue_index,
    revenue_per_customer: r.revenue_per_customer,
    orders_per_customer: r.orders_per_customer,
    avg_order_value: r.avg_order_value,
  };
}

function byRevenueDesc(a: PersonaRow, b: PersonaRow): number {
  return b.revenue - a.revenue || a.cluster_id - b.cluster_id;
}

export function revenueByPersona(rev: RevenueByCluster): RevenueByPersona {
  const sorted = [...rev.rows].sort(byRevenueDesc);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const currency = rev.currency;
  const takeaway =
    top && bottom
      ? `${top.persona} bring ${formatMoneyCompact(top.revenue, currency)} (${formatPct(top.revenue_share_pct)} of revenue); ` +
        `${bottom.persona} bring the least, ${formatMoneyCompact(bottom.revenue, currency)} (${formatPct(bottom.revenue_share_pct)}).`
      : 'No revenue in this window.';
  const rows = [...sorted.map(revenueTableRow), revenueTableRow(rev.total)];
  return {
    bars: sorted.map((r) => ({ cluster_id: r.cluster_id, persona: r.persona, value: r.revenue })),
    table: { columns: REVENUE_TABLE_COLUMNS, rows },
    summary: { columns: REVENUE_TABLE_COLUMNS.filter((c) => SUMMARY_KEYS.has(c.key)), rows },
    takeaway,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Revenue share against customer share                                                              */
/* ------------------------------------------------------------------------------------------------ */

export interface ShareRow extends PersonaRef {
  customer_share_pct: number;
  revenue_share_pct: number;
  revenue_index: number;
}

export interface Representation {
  /** Most over-represented first. */
  rows: ShareRow[];
  /** Upper end of the share axis and its ticks (round steps, from lib/charts/ticks). */
  axisMax: number;
  axisTicks: number[];
  over: ShareRow | null;
  under: ShareRow | null;
  table: TableData;
  takeaway: string;
}

export function representation(rev: RevenueByCluster): Representation {
  const rows: ShareRow[] = [...rev.rows]
    .sort((a, b) => b.revenue_index - a.revenue_index || a.cluster_id - b.cluster_id)
    .map((r) => ({
      cluster_id: r.cluster_id,
      persona: r.persona,
      customer_share_pct: r.customer_share_pct,
      revenue_share_pct: r.revenue_share_pct,
      revenue_index: r.revenue_index,
    }));
  const over = rows[0] ?? null;
  const under = rows[rows.length - 1] ?? null;
  const maxShare = Math.max(10, ...rows.flatMap((r) => [r.customer_share_pct, r.revenue_share_pct]));
  const axis = zeroAxis(Math.min(100, maxShare), 4);
  const describe = (r: ShareRow) =>
    `${r.persona} are ${formatPct(r.customer_share_pct)} of customers and ${formatPct(r.revenue_share_pct)} of revenue (index ${formatRatio(r.revenue_index)})`;
  let takeaway = 'No personas to compare.';
  if (over && under && over !== under) {
    takeaway = `Most over-represented: ${describe(over)}. Most under-represented: ${describe(under)}.`;
  } else if (over) {
    takeaway = `${describe(over)}.`;
  }
  return {
    rows,
    axisMax: axis.max,
    axisTicks: axis.ticks,
    over,
    under,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'customer_share_pct', label: 'Customer share', format: 'pct', decimals: 2 },
        { key: 'revenue_share_pct', label: 'Revenue share', format: 'pct', decimals: 2 },
        { key: 'revenue_index', label: 'Revenue index', format: 'ratio', decimals: 2 },
      ],
      rows: rows.map((r) => ({
        persona: r.persona,
        customer_share_pct: r.customer_share_pct,
        revenue_share_pct: r.revenue_share_pct,
        revenue_index: r.revenue_index,
      })),
    },
    takeaway,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* CLV proxy distributions                                                                           */
/* ------------------------------------------------------------------------------------------------ */

export interface ClvPanel {
  /** null for all customers. */
  cluster_id: number | null;
  persona: string;
  customers: number;
  bins: Array<{ start: number; end: number; mid: number; label: string; share: number }>;
}

export interface ClvHistograms {
  panels: ClvPanel[];
  /** Shared top of the share axis for every panel, and its ticks (round steps). */
  yMax: number;
  yTicks: number[];
  binWidth: number;
  table: TableData;
  takeaway: string;
}

function binLabel(start: number, end: number): string {
  return `${formatCount(start)}–${formatCount(end)}`;
}

/** Histogram small multiples over the shared bins, one per persona and one for all customers. */
export function clvHistograms(clv: ClvProxyTable): ClvHistograms {
  const edges = clv.bin_edges;
  const groups: ClvDistribution[] = [...clv.distributions, clv.overall];
  const panels: ClvPanel[] = groups.map((d) => ({
    cluster_id: d.cluster_id,
    persona: d.persona,
    customers: d.customers,
    bins: edges.slice(0, -1).map((start, i) => {
      const end = edges[i + 1]!;
      return { start, end, mid: (start + end) / 2, label: binLabel(start, end), share: d.shares_pct[i] ?? 0 };
    }),
  }));
  const maxShare = Math.max(0, ...groups.flatMap((d) => d.shares_pct));
  const yAxis = zeroAxis(Math.max(10, Math.min(100, maxShare)), 5);
  const binWidth = edges.length > 1 ? edges[1]! - edges[0]! : 1;

  const columns: TableData['columns'] = [
    { key: 'bin', label: 'CLV proxy', format: 'text' },
    ...groups.map((d) => ({
      key: groupKey(d.cluster_id),
      label: d.persona,
      format: 'pct' as const,
      decimals: 2,
    })),
  ];
  const rows: TableRow[] = edges.slice(0, -1).map((start, i) => {
    const row: TableRow = { bin: binLabel(start, edges[i + 1]!) };
    for (const d of groups) row[groupKey(d.cluster_id)] = d.shares_pct[i] ?? 0;
    return row;
  });

  return {
    panels,
    yMax: yAxis.max,
    yTicks: yAxis.ticks,
    binWidth,
    table: { columns, rows },
    takeaway: histogramTakeaway(clv, binWidth),
  };
}

function groupKey(clusterId: number | null): string {
  return clusterId === null ? 'all' : `c${clusterId}`;
}

function histogramTakeaway(clv: ClvProxyTable, binWidth: number): string {
  const ds = clv.distributions;
  if (ds.length === 0) return 'No customers.';
  const lowest = (d: ClvDistribution) => d.shares_pct[0] ?? 0;
  const mostLow = [...ds].sort((a, b) => lowest(b) - lowest(a))[0]!;
  const spread = [...ds].sort((a, b) => b.quantiles.p90 - a.quantiles.p90)[0]!;
  const low = `${formatPct(lowest(mostLow))} of ${mostLow.persona} score below ${formatCount(binWidth)}`;
  if (spread === mostLow) return `${low}.`;
  return (
    `${low}; ${spread.persona} spread furthest, ` +
    `with ${formatPct(100 - lowest(spread))} above ${formatCount(binWidth)} and one in ten above ${fmtScore(spread.quantiles.p90)}.`
  );
}

export interface ClvBoxRow {
  cluster_id: number | null;
  persona: string;
  customers: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  mean: number;
}

export interface ClvBoxes {
  /** Personas by median, highest first, then all customers. */
  rows: ClvBoxRow[];
  table: TableData;
  takeaway: string;
}

export function clvBoxes(clv: ClvProxyTable): ClvBoxes {
  const toRow = (d: ClvDistribution): ClvBoxRow => ({
    cluster_id: d.cluster_id,
    persona: d.persona,
    customers: d.customers,
    p10: d.quantiles.p10,
    p25: d.quantiles.p25,
    p50: d.quantiles.p50,
    p75: d.quantiles.p75,
    p90: d.quantiles.p90,
    mean: d.quantiles.mean,
  });
  const personas = clv.distributions
    .map(toRow)
    .sort((a, b) => b.p50 - a.p50 || (a.cluster_id ?? 0) - (b.cluster_id ?? 0));
  const rows = [...personas, toRow(clv.overall)];
  const top = personas[0];
  const bottom = personas[personas.length - 1];
  const takeaway =
    top && bottom
      ? `Median CLV proxy runs from ${fmtScore(bottom.p50)} (${bottom.persona}) to ${fmtScore(top.p50)} (${top.persona}), ` +
        `against ${fmtScore(clv.overall.quantiles.p50)} for all customers; the middle half of ${top.persona} spans ${fmtScore(top.p25)}–${fmtScore(top.p75)}.`
      : 'No customers.';
  return {
    rows,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'customers', label: 'Customers', format: 'count' },
        { key: 'p10', label: 'P10', format: 'score', decimals: 2 },
        { key: 'p25', label: 'P25', format: 'score', decimals: 2 },
        { key: 'p50', label: 'Median', format: 'score', decimals: 2 },
        { key: 'p75', label: 'P75', format: 'score', decimals: 2 },
        { key: 'p90', label: 'P90', format: 'score', decimals: 2 },
        { key: 'mean', label: 'Mean', format: 'score', decimals: 2 },
      ],
      rows: rows.map((r) => ({
        persona: r.persona,
        customers: r.customers,
        p10: r.p10,
        p25: r.p25,
        p50: r.p50,
        p75: r.p75,
        p90: r.p90,
        mean: r.mean,
      })),
    },
    takeaway,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Value against risk                                                                                */
/* ------------------------------------------------------------------------------------------------ */

export type QuadrantId = 'protect' | 'reward' | 'reactivate' | 'grow';

export const QUADRANTS: Record<
  QuadrantId,
  { label: string; short: string; highValue: boolean; highRisk: boolean }
> = {
  protect: { label: 'High value · high risk — protect', short: 'Protect', highValue: true, highRisk: true },
  reward: { label: 'High value · low risk — reward', short: 'Reward', highValue: true, highRisk: false },
  reactivate: {
    label: 'Low value · high risk — let go or reactivate cheaply',
    short: 'Let go or reactivate cheaply',
    highValue: false,
    highRisk: true,
  },
  grow: { label: 'Low value · low risk — grow', short: 'Grow', highValue: false, highRisk: false },
};

export const QUADRANT_ORDER: QuadrantId[] = ['protect', 'reward', 'reactivate', 'grow'];

/** Above the average is "high"; exactly at the average counts as low. */
export function valueRiskQuadrantOf(
  value: number,
  risk: number,
  avgValue: number,
  avgRisk: number,
): QuadrantId {
  const highValue = value > avgValue;
  const highRisk = risk > avgRisk;
  if (highValue) return highRisk ? 'protect' : 'reward';
  return highRisk ? 'reactivate' : 'grow';
}

export interface QuadrantPoint extends PersonaRef {
  /** Net revenue per customer over the window (currency). */
  x: number;
  /** Average churn risk, 0–100. */
  y: number;
  customers: number;
  revenue_share_pct: number;
  avg_clv_proxy: number;
  quadrant: QuadrantId;
}

/** One sampled customer: [total spend, churn risk, cluster id]. */

export interface ValueRiskQuadrant {
  points: QuadrantPoint[];
  avgValue: number;
  avgRisk: number;
  /** Log-scale x domain in powers of ten covering personas and sampled customers. */
  xDomain: [number, number];
  xTicks: number[];
  sample: CustomerDot[];
  members: Record<QuadrantId, string[]>;
  table: TableData;
  takeaway: string;
}

export function valueRiskQuadrant(rev: RevenueByCluster, sample: CustomerDot[] = []): ValueRiskQuadrant {
  const avgValue = rev.total.revenue_per_customer;
  const avgRisk = rev.total.avg_churn_risk;
  const points: QuadrantPoint[] = rev.rows.map((r) => ({
    cluster_id: r.cluster_id,
    persona: r.persona,
    x: r.revenue_per_customer,
    y: r.avg_churn_risk,
    customers: r.customers,
    revenue_share_pct: r.revenue_share_pct,
    avg_clv_proxy: r.avg_clv_proxy,
    quadrant: valueRiskQuadrantOf(r.revenue_per_customer, r.avg_churn_risk, avgValue, avgRisk),
  }));
  const members: Record<QuadrantId, string[]> = { protect: [], reward: [], reactivate: [], grow: [] };
  for (const p of [...points].sort((a, b) => b.x - a.x)) members[p.quadrant].push(p.persona);

  const xs = [...points.map((p) => p.x), ...sample.map((d) => d[0]), avgValue].filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...xs, 1e3)));
  const hi = Math.ceil(Math.log10(Math.max(...xs, 10 ** (lo + 1))));
  const xTicks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));

  const currency = rev.currency;
  const protect = points.filter((p) => p.quadrant === 'protect').sort((a, b) => b.x - a.x);
  const list = (ps: QuadrantPoint[]) =>
    ps
      .map(
        (p) =>
          `${p.persona} (${formatMoney(p.x, currency)} per customer, churn risk ${fmtScore(p.y)}, ${formatPct(p.revenue_share_pct)} of revenue)`,
      )
      .join(' and ');
  const averages = `averages ${formatMoney(avgValue, currency)} per customer and churn risk ${fmtScore(avgRisk)}`;
  const takeaway =
    protect.length > 0
      ? `High value and high risk — protect: ${list(protect)}; ${averages}.`
      : `No persona is both above-average value and above-average risk (${averages}).`;

  return {
    points,
    avgValue,
    avgRisk,
    xDomain: [10 ** lo, 10 ** hi],
    xTicks,
    sample,
    members,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'revenue_per_customer', label: 'Revenue / customer', format: 'money' },
        { key: 'avg_churn_risk', label: 'Avg churn risk (per customer)', format: 'score', decimals: 2 },
        { key: 'customers', label: 'Customers', format: 'count' },
        { key: 'avg_clv_proxy', label: 'Avg CLV proxy (per customer)', format: 'score', decimals: 2 },
        { key: 'quadrant', label: 'Quadrant', format: 'text' },
      ],
      rows: [
        ...[...points]
          .sort(
            (a, b) => QUADRANT_ORDER.indexOf(a.quadrant) - QUADRANT_ORDER.indexOf(b.quadrant) || b.x - a.x,
          )
          .map((p) => ({
            persona: p.persona,
            revenue_per_customer: p.x,
            avg_churn_risk: p.y,
            customers: p.customers,
            avg_clv_proxy: p.avg_clv_proxy,
            quadrant: QUADRANTS[p.quadrant].label,
          })),
        {
          persona: rev.total.persona,
          revenue_per_customer: avgValue,
          avg_churn_risk: avgRisk,
          customers: rev.total.customers,
          avg_clv_proxy: rev.total.avg_clv_proxy,
          quadrant: 'Dividing lines',
        },
      ],
    },
    takeaway,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Monthly revenue                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

export interface MonthlyRevenue {
  personas: PersonaRef[];
  /** One entry per month: month (YYYY-MM), label, c<cluster_id> per persona, total. */
  data: Array<Record<string, string | number>>;
  table: TableData;
  takeaway: string;
  /** "Oct 2024 – Sep 2026". */
  period: string;
}

export function monthlyRevenue(rev: RevenueByCluster): MonthlyRevenue {
  const personas: PersonaRef[] = rev.rows.map((r) => ({ cluster_id: r.cluster_id, persona: r.persona }));
  const round2 = (v: number) => Math.round(v * 100) / 100;
  const data = rev.monthly.map((m) => {
    const revenue = personaRevenue(m);
    const row: Record<string, string | number> = { month: m.month, label: formatMonth(m.month) };
    let total = 0;
    rev.rows.forEach((r, i) => {
      const v = revenue[i] ?? 0;
      row[`c${r.cluster_id}`] = v;
      total += v;
    });
    row.total = round2(total);
    return row;
  });

  const currency = rev.currency;
  const first = rev.monthly[0]?.month;
  const last = rev.monthly[rev.monthly.length - 1]?.month;
  const period = first && last ? `${formatMonth(first)} – ${formatMonth(last)}` : '';

  let takeaway = 'No monthly revenue in this window.';
  const half = Math.floor(rev.monthly.length / 2);
  if (half >= 1) {
    const sum = (from: number, to: number, i?: number) =>
      rev.monthly
        .slice(from, to)
        .reduce(
          (s, m) =>
            s +
            (i === undefined ? personaRevenue(m).reduce((a, b) => a + b, 0) : (personaRevenue(m)[i] ?? 0)),
          0,
        );
    const n = rev.monthly.length;
    const earlier = sum(0, half);
    const later = sum(n - half, n);
    const change = earlier > 0 ? (later / earlier - 1) * 100 : 0;
    const changes = rev.rows.map((r, i) => {
      const a = sum(0, half, i);
      const b = sum(n - half, n, i);
      return { persona: r.persona, change: a > 0 ? (b / a - 1) * 100 : 0 };
    });
    const worst = [...changes].sort((a, b) => a.change - b.change)[0]!;
    const best = [...changes].sort((a, b) => b.change - a.change)[0]!;
    const signed = (v: number) => `${v >= 0 ? '+' : '−'}${formatPct(Math.abs(v))}`;
    const peak = [...data].sort((a, b) => Number(b.total) - Number(a.total))[0]!;
    takeaway =
      `Revenue in the last ${half} months is ${signed(change)} on the first ${half} ` +
      `(${formatMoneyCompact(later, currency)} vs ${formatMoneyCompact(earlier, currency)}); ` +
      (best.persona === worst.persona
        ? `${best.persona} ${signed(best.change)}`
        : `${best.persona} ${signed(best.change)}, ${worst.persona} ${signed(worst.change)}`) +
      `. Peak month: ${peak.label}, ${formatMoneyCompact(Number(peak.total), currency)}.`;
  }

  return {
    personas,
    data,
    period,
    table: {
      columns: [
        { key: 'label', label: 'Month', format: 'text' },
        ...personas.map((p) => ({ key: `c${p.cluster_id}`, label: p.persona, format: 'money' as const })),
        { key: 'total', label: 'All customers', format: 'money' },
      ],
      rows: data.map((d) => {
        const row: TableRow = { label: d.label as string };
        for (const p of personas) row[`c${p.cluster_id}`] = d[`c${p.cluster_id}`] as number;
        row.total = d.total as number;
        return row;
      }),
    },
    takeaway,
  };
}

/** The analysis window as the page states it, from behaviour_overview ("1 Oct 2024 – 30 Sep 2026"). */
export function windowLabel(bo: Pick<BehaviourOverview, 'window_start' | 'window_end'>): string {
  const fmt = (iso: string) => {
    const [y, m, d] = iso.split('-');
    return `${Number(d)} ${formatMonth(`${y}-${m}`)}`;
  };
  return `${fmt(bo.window_start)} – ${fmt(bo.window_end)}`;
}

/* ------------------------------------------------------------------------------------------------ */
/* Bubble labels                                                                                     */
/* ------------------------------------------------------------------------------------------------ */

export type LabelSide = 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right';

export interface LabelBubble {
  /** Centre and radius in pixels, y growing downwards. */
  cx: number;
  cy: number;
  r: number;
  /** Estimated width of the label text in pixels. */
  textWidth: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const LABEL_HEIGHT = 14;
const LABEL_GAP = 5;

/** The box a label takes on one side of its bubble. */
export function labelBox(b: LabelBubble, side: LabelSide): Box {
  const h = LABEL_HEIGHT;
  const w = b.textWidth;
  switch (side) {
    case 'right':
      return {
        x0: b.cx + b.r + LABEL_GAP,
        y0: b.cy - h / 2,
        x1: b.cx + b.r + LABEL_GAP + w,
        y1: b.cy + h / 2,
      };
    case 'left':
      return {
        x0: b.cx - b.r - LABEL_GAP - w,
        y0: b.cy - h / 2,
        x1: b.cx - b.r - LABEL_GAP,
        y1: b.cy + h / 2,
      };
    case 'top':
      return {
        x0: b.cx - w / 2,
        y0: b.cy - b.r - LABEL_GAP - h,
        x1: b.cx + w / 2,
        y1: b.cy - b.r - LABEL_GAP,
      };
    case 'bottom':
      return {
        x0: b.cx - w / 2,
        y0: b.cy + b.r + LABEL_GAP,
        x1: b.cx + w / 2,
        y1: b.cy + b.r + LABEL_GAP + h,
      };
    case 'top-right':
      return { x0: b.cx + b.r * 0.7, y0: b.cy - b.r - h, x1: b.cx + b.r * 0.7 + w, y1: b.cy - b.r };
    case 'bottom-right':
      return { x0: b.cx + b.r * 0.7, y0: b.cy + b.r, x1: b.cx + b.r * 0.7 + w, y1: b.cy + b.r + h };
  }
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

const SIDES: LabelSide[] = ['right', 'left', 'top-right', 'bottom-right', 'top', 'bottom'];

/**
 * Chooses a side for each bubble's label so labels avoid each other, the bubbles and the edges of
 * the plot (width × height): greedily, largest bubble first, each label taking the side with the
 * least overlap (the first free side in the order right, left, top-right, bottom-right, top, bottom).
 */
export function placeBubbleLabels(bubbles: LabelBubble[], width: number, height: number): LabelSide[] {
  const sides: LabelSide[] = bubbles.map(() => 'right');
  const placed: Box[] = [];
  const circles = bubbles.map((b) => ({ x0: b.cx - b.r, y0: b.cy - b.r, x1: b.cx + b.r, y1: b.cy + b.r }));
  const order = bubbles.map((_, i) => i).sort((a, b) => bubbles[b]!.r - bubbles[a]!.r || a - b);
  for (const i of order) {
    const b = bubbles[i]!;
    let best: { side: LabelSide; cost: number; box: Box } | null = null;
    for (const side of SIDES) {
      const box = labelBox(b, side);
      const outside =
        Math.max(0, -box.x0) * LABEL_HEIGHT +
        Math.max(0, box.x1 - width) * LABEL_HEIGHT +
        Math.max(0, -box.y0) * b.textWidth +
        Math.max(0, box.y1 - height) * b.textWidth;
      let cost = outside * 2;
      for (const p of placed) cost += overlap(box, p) * 2;
      circles.forEach((c, j) => {
        if (j !== i) cost += overlap(box, c);
      });
      if (!best || cost < best.cost) best = { side, cost, box };
      if (cost === 0) break;
    }
    sides[i] = best!.side;
    placed.push(best!.box);
  }
  return sides;
}
