/**
 * Data shaping for the overview (executive) page: KPIs, plain-language headlines, and the small,
 * plain props and table equivalents of every chart. Pure functions of the loaded tables; no
 * persona name is assumed (k can be anything from 2 to 10).
 */
import { groupColor } from '@/lib/charts/theme';
import { rangeTicks, zeroAxis } from '@/lib/charts/ticks';
import { formatCount, formatMoney, formatMoneyCompact, formatPct, formatRatio } from '@/lib/format/format';
import type { TableData, TableRow } from '@/lib/format/table-data';
import {
  BEHAVIOUR_OVERVIEW_COLUMNS,
  type BehaviourGroup,
  type BehaviourOverview,
} from '@/lib/schema/behaviour-overview';
import type { ClvDistribution, Quantiles } from '@/lib/schema/clv-proxy';
import { labelOf } from '@/lib/schema/columns';
import {
  REVENUE_BY_CLUSTER_COLUMNS,
  type RevenueByCluster,
  type RevenueRow,
} from '@/lib/schema/revenue-by-cluster';
import { argMax, argMin } from '@/lib/stats/arg-max';

/** Headings of the revenue and behaviour tables' columns, from their column dictionaries. */
const revenueLabel = (name: (typeof REVENUE_BY_CLUSTER_COLUMNS)[number]['name']) =>
  labelOf(REVENUE_BY_CLUSTER_COLUMNS, name);
const behaviourLabel = (name: (typeof BEHAVIOUR_OVERVIEW_COLUMNS)[number]['name']) =>
  labelOf(BEHAVIOUR_OVERVIEW_COLUMNS, name);

/** What the page loads; only the parts the overview reads. */
export interface OverviewSources {
  behaviour: Pick<BehaviourOverview, 'personas' | 'total' | 'window_start' | 'window_end'>;
  revenue: Pick<RevenueByCluster, 'rows' | 'total'>;
  /** CLV distributions per cluster and overall (null when the table is missing). */
  clv: { distributions: ClvDistribution[]; overall: ClvDistribution } | null;
  /** Persona names by cluster (segmentation.personas); the tables' own names are the fallback. */
  segmentation: { personas: ReadonlyArray<{ cluster_id: number; persona: string }> } | null;
}

export interface GroupSummary {
  clusterId: number | null;
  persona: string;
  color: string;
  customers: number;
  customerSharePct: number;
  revenue: number;
  revenueSharePct: number;
  revenueIndex: number;
  revenuePerCustomer: number;
  orders: number;
  avgSpendPerVisit: number;
  avgDwellMinutes: number | null;
  avgBasketSize: number;
  onlineOrderSharePct: number;
  onlineRevenueSharePct: number;
  repeatPurchaseRatioPct: number;
  avgLoyalty: number;
  avgChurnRisk: number;
  avgClv: number;
  /** CLV proxy quantiles (0–100), null when clv_proxy is missing. */
  clv: Quantiles | null;
  avgAge: number | null;
  genderSplitPct: Record<string, number>;
  localeSplitPct: Record<string, number>;
}

export interface PersonaSummary extends GroupSummary {
  clusterId: number;
}

export interface Summaries {
  personas: PersonaSummary[];
  total: GroupSummary;
}

function groupSummary(
  b: BehaviourGroup,
  r: RevenueRow | undefined,
  clv: Quantiles | null,
  name: string,
  totalRevenue: number,
): GroupSummary {
  const revenueSharePct = r?.revenue_share_pct ?? (totalRevenue > 0 ? (b.revenue / totalRevenue) * 100 : 0);
  return {
    clusterId: b.cluster_id,
    persona: name,
    color: groupColor(b.cluster_id),
    customers: b.customers,
    customerSharePct: b.customer_share_pct,
    revenue: r?.revenue ?? b.revenue,
    revenueSharePct,
    revenueIndex: r?.revenue_index ?? (b.customer_share_pct > 0 ? revenueSharePct / b.customer_share_pct : 0),
    revenuePerCustomer: r?.revenue_per_customer ?? (b.customers > 0 ? b.revenue / b.customers : 0),
    orders: b.orders,
    avgSpendPerVisit: b.avg_spend_per_visit,
    avgDwellMinutes: b.avg_dwell_minutes,
    avgBasketSize: b.avg_basket_size,
    onlineOrderSharePct: b.online_order_share_pct,
    onlineRevenueSharePct: b.online_revenue_share_pct,
    repeatPurchaseRatioPct: b.repeat_purchase_ratio_pct,
    avgLoyalty: b.avg_loyalty_score,
    avgChurnRisk: b.avg_churn_risk,
    avgClv: b.avg_clv_proxy,
    clv,
    avgAge: b.avg_age,
    genderSplitPct: b.gender_split_pct,
    localeSplitPct: b.locale_split_pct,
  };
}

/** One summary per persona (ordered by cluster id) and the all-customer total, joined across tables. */
export function summarise(sources: OverviewSources): Summaries {
  const { behaviour, revenue, clv, segmentation } = sources;
  const names = new Map(segmentation?.personas.map((p) => [p.cluster_id, p.persona]) ?? []);
  const revenueRows = new Map(revenue.rows.map((r) => [r.cluster_id, r]));
  const clvRows = new Map(clv?.distributions.map((d) => [d.cluster_id, d.quantiles]) ?? []);
  const totalRevenue = revenue.total.revenue;
  const personas = [...behaviour.personas]
    .sort((a, b) => a.cluster_id - b.cluster_id)
    .map(
      (b) =>
        groupSummary(
          b,
          revenueRows.get(b.cluster_id),
          clvRows.get(b.cluster_id) ?? null,
          names.get(b.cluster_id) ?? b.persona,
          totalRevenue,
        ) as PersonaSummary,
    );
  const total = groupSummary(
    behaviour.total,
    revenue.total,
    clv?.overall.quantiles ?? null,
    'All customers',
    totalRevenue,
  );
  return { personas, total };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const score = (v: number) => formatCount(v, 1);

/** Difference of two percentages as shown (each rounded to one decimal first), so the words match the figures. */
function shownGap(a: number, b: number): number {
  return Math.round(a * 10) / 10 - Math.round(b * 10) / 10;
}

function monthYear(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat('en-IN', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

function capitalise(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

// ---------------------------------------------------------------------------------------------
// KPIs

export interface Kpi {
  id: 'revenue' | 'customers' | 'spend-per-visit' | 'dwell' | 'online-share' | 'repeat' | 'clv';
  label: string;
  value: string;
  hint: string;
}

/** The seven headline numbers, formatted exactly as shown, from behaviour_overview.total and revenue_by_cluster.total. */
export function buildKpis(
  total: BehaviourGroup,
  revenueTotal: RevenueRow,
  currency: string,
  options: { personaCount: number; windowStart: string; windowEnd: string; clvMedian: number | null },
): Kpi[] {
  return [
    {
      id: 'revenue',
      label: 'Total revenue',
      value: formatMoneyCompact(revenueTotal.revenue, currency),
      hint: `${formatMoney(revenueTotal.revenue, currency)} net, ${monthYear(options.windowStart)} – ${monthYear(options.windowEnd)}`,
    },
    {
      id: 'customers',
      label: 'Customers',
      value: formatCount(total.customers),
      hint: `${options.personaCount} personas · ${formatCount(total.orders)} orders`,
    },
    {
      id: 'spend-per-visit',
      label: 'Avg spend per visit',
      value: formatMoney(total.avg_spend_per_visit, currency),
      hint: 'per order: net revenue ÷ orders',
    },
    {
      id: 'dwell',
      label: 'Avg dwell time',
      value: total.avg_dwell_minutes === null ? '—' : `${formatCount(total.avg_dwell_minutes, 1)} min`,
      hint: 'per in-store visit, in minutes',
    },
    {
      id: 'online-share',
      label: 'Online purchase share',
      value: formatPct(total.online_order_share_pct),
      hint: `of orders · ${formatPct(total.online_revenue_share_pct)} of revenue`,
    },
    {
      id: 'repeat',
      label: labelOf(BEHAVIOUR_OVERVIEW_COLUMNS, 'repeat_purchase_ratio_pct'),
      value: formatPct(total.repeat_purchase_ratio_pct),
      hint: 'of customers have two or more orders',
    },
    {
      id: 'clv',
      label: 'Avg CLV proxy',
      value: formatCount(total.avg_clv_proxy, 1),
      hint:
        options.clvMedian === null
          ? 'per customer, relative score 0–100'
          : `per customer, relative 0–100 · median ${formatCount(options.clvMedian, 1)}`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Headlines

export interface Headline {
  id: 'value-per-customer' | 'most-at-risk' | 'revenue-shortfall' | 'clv-leader' | 'online';
  /** Short label shown above the sentence. */
  label: string;
  /** The persona the headline is about (linked on the page). */
  persona: { clusterId: number; name: string };
  /** The sentence after "<persona>: ". */
  text: string;
}

/** The full sentence a headline reads as. */
export function headlineSentence(h: Headline): string {
  return `${h.persona.name}: ${h.text}`;
}

/**
 * Three to five plain-language findings, each true of the data and citing its numbers: who brings
 * the most revenue per customer, who is most at risk and what it holds, the largest shortfall of
 * revenue share against customer share, the CLV leader, and where online is strongest.
 */
export function buildHeadlines({ personas, total }: Summaries, currency: string): Headline[] {
  const out: Headline[] = [];
  if (personas.length === 0) return out;
  const ref = (p: PersonaSummary) => ({ clusterId: p.clusterId, name: p.persona });

  const leader = argMax(personas, (p) => p.revenueIndex);
  if (leader) {
    out.push({
      id: 'value-per-customer',
      label: 'Most revenue per customer',
      persona: ref(leader),
      text:
        `${formatPct(leader.revenueSharePct)} of revenue from ${formatPct(leader.customerSharePct)} of customers — ` +
        `${formatMoney(leader.revenuePerCustomer, currency)} per customer against ${formatMoney(total.revenuePerCustomer, currency)} ` +
        `overall (revenue index ${formatRatio(leader.revenueIndex)}).`,
    });
  }

  const atRisk = argMax(personas, (p) => p.avgChurnRisk);
  if (atRisk) {
    out.push({
      id: 'most-at-risk',
      label: 'Most at risk',
      persona: ref(atRisk),
      text:
        `average churn risk ${score(atRisk.avgChurnRisk)} of 100 against ${score(total.avgChurnRisk)} overall, ` +
        `with ${formatPct(atRisk.revenueSharePct)} of all revenue to date (${formatMoneyCompact(atRisk.revenue, currency)}) at stake.`,
    });
  }

  const shortfall = argMin(personas, (p) => p.revenueSharePct - p.customerSharePct);
  if (shortfall && shortfall.revenueSharePct < shortfall.customerSharePct) {
    const gap = shownGap(shortfall.customerSharePct, shortfall.revenueSharePct);
    out.push({
      id: 'revenue-shortfall',
      label: 'Largest revenue shortfall',
      persona: ref(shortfall),
      text:
        `${formatPct(shortfall.customerSharePct)} of customers but only ${formatPct(shortfall.revenueSharePct)} of revenue — ` +
        `a gap of ${formatCount(gap, 1)} percentage points (revenue index ${formatRatio(shortfall.revenueIndex)}).`,
    });
  }

  const clvLeader = argMax(personas, (p) => p.avgClv);
  if (clvLeader) {
    const multiple =
      total.avgClv > 0
        ? ` — ${formatRatio(clvLeader.avgClv / total.avgClv, 1)} the overall ${score(total.avgClv)}`
        : '';
    const median =
      clvLeader.clv && total.clv
        ? ` (median ${score(clvLeader.clv.p50)} against ${score(total.clv.p50)} overall)`
        : '';
    out.push({
      id: 'clv-leader',
      label: 'Highest customer value',
      persona: ref(clvLeader),
      text: `average CLV proxy ${score(clvLeader.avgClv)} of 100${multiple}${median}.`,
    });
  }

  const online = argMax(personas, (p) => p.onlineOrderSharePct);
  const offline = argMin(personas, (p) => p.onlineOrderSharePct);
  if (online && offline && personas.length > 1) {
    const spread = shownGap(online.onlineOrderSharePct, offline.onlineOrderSharePct);
    const contrast =
      spread < 5
        ? `the spread across personas is only ${formatCount(spread, 1)} points (lowest ${formatPct(offline.onlineOrderSharePct)}, ${offline.persona}), so channel mix barely separates them.`
        : `${formatCount(spread, 1)} points above the lowest, ${offline.persona} (${formatPct(offline.onlineOrderSharePct)}).`;
    out.push({
      id: 'online',
      label: 'Where online is strongest',
      persona: ref(online),
      text:
        `${formatPct(online.onlineOrderSharePct)} of orders placed online (${formatPct(online.onlineRevenueSharePct)} of their revenue) ` +
        `against ${formatPct(total.onlineOrderSharePct)} overall; ${contrast}`,
    });
  }

  return out.slice(0, 5);
}

// ---------------------------------------------------------------------------------------------
// Charts: each returns the plain props the chart draws, its table equivalent and its takeaway.

export interface ShareSegment {
  clusterId: number;
  persona: string;
  color: string;
  pct: number;
  /** Revenue share ÷ customer share. */
  revenueIndex: number;
}

export interface CompositionChart {
  customers: ShareSegment[];
  revenue: ShareSegment[];
  table: TableData;
  takeaway: string;
}

/** Share of customers against share of revenue, each a 100% bar split by persona. */
export function compositionChart({ personas, total }: Summaries): CompositionChart {
  const seg = (p: PersonaSummary, pct: number): ShareSegment => ({
    clusterId: p.clusterId,
    persona: p.persona,
    color: p.color,
    pct,
    revenueIndex: p.revenueIndex,
  });
  const over = argMax(personas, (p) => p.revenueSharePct - p.customerSharePct);
  const under = argMin(personas, (p) => p.revenueSharePct - p.customerSharePct);
  const parts: string[] = [];
  if (over) {
    parts.push(
      `${over.persona}: ${formatPct(over.revenueSharePct)} of revenue from ${formatPct(over.customerSharePct)} of customers`,
    );
  }
  if (under && under !== over && under.revenueSharePct < under.customerSharePct) {
    parts.push(
      `${under.persona}: ${formatPct(under.customerSharePct)} of customers but ${formatPct(under.revenueSharePct)} of revenue`,
    );
  }
  const rows: TableRow[] = [...personas, total].map((p) => ({
    persona: p.persona,
    customers: p.customers,
    customer_share_pct: p.customerSharePct,
    revenue: p.revenue,
    revenue_share_pct: p.revenueSharePct,
    revenue_index: p.revenueIndex,
    revenue_per_customer: p.revenuePerCustomer,
  }));
  return {
    customers: personas.map((p) => seg(p, p.customerSharePct)),
    revenue: personas.map((p) => seg(p, p.revenueSharePct)),
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'customers', label: revenueLabel('customers'), format: 'count' },
        { key: 'customer_share_pct', label: revenueLabel('customer_share_pct'), format: 'pct' },
        { key: 'revenue', label: revenueLabel('revenue'), format: 'money' },
        { key: 'revenue_share_pct', label: revenueLabel('revenue_share_pct'), format: 'pct' },
        { key: 'revenue_index', label: revenueLabel('revenue_index'), format: 'ratio' },
        { key: 'revenue_per_customer', label: revenueLabel('revenue_per_customer'), format: 'money' },
      ],
      rows,
    },
    takeaway: parts.length > 0 ? `${parts.join('; ')}.` : 'Revenue and customers split the same way.',
  };
}

export interface ChannelRow {
  clusterId: number | null;
  persona: string;
  color: string;
  onlinePct: number;
  inStorePct: number;
}

export interface ChannelChart {
  rows: ChannelRow[];
  overallOnlinePct: number;
  table: TableData;
  takeaway: string;
}

/** Online against in-store share of orders per persona (100% bars), with all customers as reference. */
export function channelChart({ personas, total }: Summaries): ChannelChart {
  const groups = [...personas, total];
  const hi = argMax(personas, (p) => p.onlineOrderSharePct);
  const lo = argMin(personas, (p) => p.onlineOrderSharePct);
  let takeaway = `${formatPct(total.onlineOrderSharePct)} of orders are placed online.`;
  if (hi && lo && hi !== lo) {
    const spread = shownGap(hi.onlineOrderSharePct, lo.onlineOrderSharePct);
    takeaway =
      `Online share of orders runs from ${formatPct(lo.onlineOrderSharePct)} (${lo.persona}) to ` +
      `${formatPct(hi.onlineOrderSharePct)} (${hi.persona}), ${formatPct(total.onlineOrderSharePct)} overall` +
      (spread < 5
        ? ` — a ${formatCount(spread, 1)}-point spread: channel mix barely separates the personas.`
        : '.');
  }
  return {
    rows: groups.map((g) => ({
      clusterId: g.clusterId,
      persona: g.persona,
      color: g.color,
      onlinePct: g.onlineOrderSharePct,
      inStorePct: 100 - g.onlineOrderSharePct,
    })),
    overallOnlinePct: total.onlineOrderSharePct,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'online_order_share_pct', label: behaviourLabel('online_order_share_pct'), format: 'pct' },
        { key: 'in_store_order_share_pct', label: 'In-store orders', format: 'pct' },
        { key: 'online_revenue_share_pct', label: behaviourLabel('online_revenue_share_pct'), format: 'pct' },
        { key: 'orders', label: behaviourLabel('orders'), format: 'count' },
      ],
      rows: groups.map((g) => ({
        persona: g.persona,
        online_order_share_pct: g.onlineOrderSharePct,
        in_store_order_share_pct: Math.round((100 - g.onlineOrderSharePct) * 100) / 100,
        online_revenue_share_pct: g.onlineRevenueSharePct,
        orders: g.orders,
      })),
    },
    takeaway,
  };
}

export interface VisitDatum {
  cluster_id: number;
  persona: string;
  color: string;
  value: number;
}

export interface VisitChart {
  dwell: VisitDatum[];
  basket: VisitDatum[];
  dwellScale: { max: number; ticks: number[] };
  basketScale: { max: number; ticks: number[] };
  overallDwell: number | null;
  overallBasket: number;
  table: TableData;
  takeaway: string;
}

/** Dwell minutes per in-store visit and units per order, per persona. */
export function visitChart({ personas, total }: Summaries): VisitChart {
  const dwellLeader = argMax(personas, (p) => p.avgDwellMinutes);
  const basketLeader = argMax(personas, (p) => p.avgBasketSize);
  const dwellText = (p: GroupSummary) =>
    `${formatCount(p.avgDwellMinutes ?? 0, 1)} min per in-store visit (${formatCount(total.avgDwellMinutes ?? 0, 1)} overall)`;
  const basketText = (p: GroupSummary) =>
    `${formatCount(p.avgBasketSize, 1)} units per order (${formatCount(total.avgBasketSize, 1)} overall)`;
  let takeaway = '';
  if (dwellLeader && basketLeader && dwellLeader === basketLeader) {
    takeaway = `Longest visits and biggest baskets: ${dwellLeader.persona}, ${dwellText(dwellLeader)} and ${basketText(basketLeader)}.`;
  } else {
    const parts: string[] = [];
    if (dwellLeader) parts.push(`longest visits: ${dwellLeader.persona}, ${dwellText(dwellLeader)}`);
    if (basketLeader) parts.push(`biggest baskets: ${basketLeader.persona}, ${basketText(basketLeader)}`);
    takeaway = parts.length > 0 ? `${capitalise(parts.join('; '))}.` : 'No in-store visits in the data.';
  }
  const groups = [...personas, total];
  return {
    dwell: personas
      .filter((p) => p.avgDwellMinutes !== null)
      .map((p) => ({
        cluster_id: p.clusterId,
        persona: p.persona,
        color: p.color,
        value: p.avgDwellMinutes ?? 0,
      })),
    basket: personas.map((p) => ({
      cluster_id: p.clusterId,
      persona: p.persona,
      color: p.color,
      value: p.avgBasketSize,
    })),
    // 12% headroom so the value printed after the longest bar stays inside the track.
    dwellScale: zeroAxis(1.12 * Math.max(0, ...personas.map((p) => p.avgDwellMinutes ?? 0))),
    basketScale: zeroAxis(1.12 * Math.max(0, ...personas.map((p) => p.avgBasketSize))),
    overallDwell: total.avgDwellMinutes,
    overallBasket: total.avgBasketSize,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        {
          key: 'avg_dwell_minutes',
          label: behaviourLabel('avg_dwell_minutes'),
          format: 'number',
          decimals: 2,
        },
        { key: 'avg_basket_size', label: behaviourLabel('avg_basket_size'), format: 'number', decimals: 2 },
        { key: 'avg_spend_per_visit', label: behaviourLabel('avg_spend_per_visit'), format: 'money' },
      ],
      rows: groups.map((g) => ({
        persona: g.persona,
        avg_dwell_minutes: g.avgDwellMinutes,
        avg_basket_size: g.avgBasketSize,
        avg_spend_per_visit: g.avgSpendPerVisit,
      })),
    },
    takeaway,
  };
}

export type Quadrant = 'Loyal and secure' | 'Loyal but slipping' | 'Drifting away' | 'Light but steady';

/** Which corner of the loyalty × churn-risk plane a point is in, split at the overall averages. */
export function loyaltyRiskQuadrantOf(
  loyalty: number,
  churn: number,
  overall: { loyalty: number; churn: number },
): Quadrant {
  if (loyalty >= overall.loyalty) return churn >= overall.churn ? 'Loyal but slipping' : 'Loyal and secure';
  return churn >= overall.churn ? 'Drifting away' : 'Light but steady';
}

export interface BubblePoint {
  clusterId: number;
  persona: string;
  color: string;
  loyalty: number;
  churn: number;
  customers: number;
  revenueSharePct: number;
  quadrant: Quadrant;
}

export interface BubbleChart {
  points: BubblePoint[];
  overall: { loyalty: number; churn: number };
  xDomain: [number, number];
  yDomain: [number, number];
  maxCustomers: number;
  table: TableData;
  takeaway: string;
}

/** A domain padded around the values and the reference, in steps of 10, inside 0–100. */
function scoreDomain(values: number[], reference: number): [number, number] {
  const lo = Math.min(reference, ...values);
  const hi = Math.max(reference, ...values);
  return [Math.max(0, Math.floor((lo - 8) / 10) * 10), Math.min(100, Math.ceil((hi + 8) / 10) * 10)];
}

/** Average loyalty (x) against average churn risk (y), bubble area ∝ customers. */
export function bubbleChart({ personas, total }: Summaries): BubbleChart {
  const overall = { loyalty: total.avgLoyalty, churn: total.avgChurnRisk };
  const points: BubblePoint[] = personas.map((p) => ({
    clusterId: p.clusterId,
    persona: p.persona,
    color: p.color,
    loyalty: p.avgLoyalty,
    churn: p.avgChurnRisk,
    customers: p.customers,
    revenueSharePct: p.revenueSharePct,
    quadrant: loyaltyRiskQuadrantOf(p.avgLoyalty, p.avgChurnRisk, overall),
  }));
  const best = argMax(points, (p) => p.loyalty - p.churn);
  const riskiest = argMax(points, (p) => p.churn);
  const parts: string[] = [];
  if (best) {
    const mostLoyal = argMax(points, (p) => p.loyalty) === best;
    const leastRisk = argMin(points, (p) => p.churn) === best;
    const how =
      mostLoyal && leastRisk
        ? 'the most loyal and the least at risk'
        : 'the best balance of loyalty and risk';
    parts.push(`${best.persona}: ${how} (loyalty ${score(best.loyalty)}, churn risk ${score(best.churn)})`);
  }
  if (riskiest && riskiest !== best) {
    const loyaltyNote =
      riskiest.loyalty >= overall.loyalty
        ? `, despite above-average loyalty (${score(riskiest.loyalty)})`
        : ` with loyalty ${score(riskiest.loyalty)}`;
    parts.push(
      `${riskiest.persona}: the highest churn risk, ${score(riskiest.churn)} against ${score(overall.churn)} on average${loyaltyNote}`,
    );
  }
  return {
    points,
    overall,
    xDomain: scoreDomain(
      points.map((p) => p.loyalty),
      overall.loyalty,
    ),
    yDomain: scoreDomain(
      points.map((p) => p.churn),
      overall.churn,
    ),
    maxCustomers: Math.max(1, ...points.map((p) => p.customers)),
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'customers', label: 'Customers', format: 'count' },
        { key: 'avg_loyalty_score', label: 'Avg loyalty (0–100)', format: 'score' },
        { key: 'avg_churn_risk', label: 'Avg churn risk (0–100)', format: 'score' },
        { key: 'quadrant', label: 'Quadrant', format: 'text' },
      ],
      rows: [
        ...points.map((p) => ({
          persona: p.persona,
          customers: p.customers,
          avg_loyalty_score: p.loyalty,
          avg_churn_risk: p.churn,
          quadrant: p.quadrant,
        })),
        {
          persona: total.persona,
          customers: total.customers,
          avg_loyalty_score: overall.loyalty,
          avg_churn_risk: overall.churn,
          quadrant: 'Reference (guide lines)',
        },
      ],
    },
    takeaway: parts.length > 0 ? `${parts.join('; ')}.` : '',
  };
}

export interface ClvRow {
  clusterId: number | null;
  persona: string;
  color: string;
  mean: number;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

export interface ClvChart {
  rows: ClvRow[];
  domainMax: number;
  ticks: number[];
  table: TableData;
  takeaway: string;
}

/** Average CLV proxy per persona with its middle half (p25–p75), median and p10–p90 range. */
export function clvChart({ personas, total }: Summaries): ClvChart {
  const groups = [...personas, total];
  const rows: ClvRow[] = groups.map((g) => ({
    clusterId: g.clusterId,
    persona: g.persona,
    color: g.color,
    mean: g.avgClv,
    p10: g.clv?.p10 ?? null,
    p25: g.clv?.p25 ?? null,
    p50: g.clv?.p50 ?? null,
    p75: g.clv?.p75 ?? null,
    p90: g.clv?.p90 ?? null,
  }));
  const top = Math.max(1, ...rows.map((r) => Math.max(r.mean, r.p90 ?? 0)));
  const step = top > 60 ? 20 : top > 30 ? 10 : 5;
  const domainMax = Math.min(100, Math.ceil(top / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= domainMax + 1e-9; t += step) ticks.push(t);

  const leader = argMax(personas, (p) => p.avgClv);
  const parts: string[] = [];
  if (leader) {
    parts.push(
      `Highest: ${leader.persona}, an average of ${score(leader.avgClv)} of 100` +
        (total.avgClv > 0
          ? ` (${formatRatio(leader.avgClv / total.avgClv, 1)} the overall ${score(total.avgClv)})`
          : ''),
    );
  }
  const withMedian = personas.filter((p) => p.clv !== null);
  if (withMedian.length === personas.length && personas.length > 0 && total.clv) {
    const allBelow = withMedian.every((p) => p.clv!.p50 < p.avgClv);
    if (allBelow) {
      parts.push(
        `every persona's median sits below its average (overall median ${score(total.clv.p50)}), so a few high-value customers lift each average`,
      );
    } else {
      parts.push(`overall median ${score(total.clv.p50)} against an average of ${score(total.avgClv)}`);
    }
  }
  return {
    rows,
    domainMax,
    ticks,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'customers', label: 'Customers', format: 'count' },
        { key: 'mean', label: 'Average', format: 'score' },
        { key: 'p10', label: '10th pct', format: 'score' },
        { key: 'p25', label: '25th pct', format: 'score' },
        { key: 'p50', label: 'Median', format: 'score' },
        { key: 'p75', label: '75th pct', format: 'score' },
        { key: 'p90', label: '90th pct', format: 'score' },
      ],
      rows: groups.map((g, i) => ({
        persona: g.persona,
        customers: g.customers,
        mean: rows[i]!.mean,
        p10: rows[i]!.p10,
        p25: rows[i]!.p25,
        p50: rows[i]!.p50,
        p75: rows[i]!.p75,
        p90: rows[i]!.p90,
      })),
    },
    takeaway: parts.length > 0 ? `${parts.join('; ')}.` : '',
  };
}

/** Average age, gender and locale split per persona, with the all-customer row last. */
export function demographicsTable({ personas, total }: Summaries): TableData {
  const groups = [...personas, total];
  const keysOf = (pick: (g: GroupSummary) => Record<string, number>) => {
    const keys = Object.keys(pick(total));
    for (const g of personas) for (const k of Object.keys(pick(g))) if (!keys.includes(k)) keys.push(k);
    return keys;
  };
  const genderKeys = keysOf((g) => g.genderSplitPct);
  const localeKeys = keysOf((g) => g.localeSplitPct);
  const genderLabel = (k: string) =>
    k === 'non-binary or undisclosed' ? 'Non-binary / undisclosed' : capitalise(k);
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'customers', label: behaviourLabel('customers'), format: 'count' },
      { key: 'avg_age', label: behaviourLabel('avg_age'), format: 'number', decimals: 1 },
      ...genderKeys.map((k) => ({ key: `gender:${k}`, label: genderLabel(k), format: 'pct' as const })),
      ...localeKeys.map((k) => ({ key: `locale:${k}`, label: capitalise(k), format: 'pct' as const })),
    ],
    rows: groups.map((g) => {
      const row: TableRow = { persona: g.persona, customers: g.customers, avg_age: g.avgAge };
      for (const k of genderKeys) row[`gender:${k}`] = g.genderSplitPct[k] ?? null;
      for (const k of localeKeys) row[`locale:${k}`] = g.localeSplitPct[k] ?? null;
      return row;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Bubble labels: placed beside their bubbles, nudged apart so that none overlap.

export interface LabelInput {
  id: number;
  /** Bubble centre and radius, px. */
  x: number;
  y: number;
  r: number;
  /** Estimated label width, px. */
  width: number;
}

export interface LabelPlacement {
  id: number;
  /** Text anchor point, px (baseline middle). */
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** True when the label moved far enough from its bubble to need a leader line. */
  leader: boolean;
}

/** Rough width of a label in px at a given font size (average glyph ≈ 0.56 em). */
export function estimateLabelWidth(text: string, fontSize = 11): number {
  return Math.ceil(text.length * fontSize * 0.56);
}

/**
 * Places each label right of its bubble (left when it would run past the plot's right edge), then
 * nudges labels vertically until none overlaps another label or another persona's bubble (at
 * least `lineHeight` apart), keeping them inside the plot.
 */
export function layoutBubbleLabels(
  inputs: readonly LabelInput[],
  plot: { x: number; y: number; width: number; height: number },
  lineHeight = 14,
  gap = 4,
): LabelPlacement[] {
  const right = plot.x + plot.width;
  const half = lineHeight / 2;
  const items = inputs.map((p) => {
    const fitsRight = p.x + p.r + gap + p.width <= right;
    const anchor: 'start' | 'end' = fitsRight ? 'start' : 'end';
    const x = fitsRight ? p.x + p.r + gap : p.x - p.r - gap;
    const left = fitsRight ? x : x - p.width;
    return { id: p.id, x, y: p.y, anchor, left, right: left + p.width, origin: p.y };
  });
  const top = plot.y + half;
  const bottom = plot.y + plot.height - half;
  for (let iter = 0; iter < 60; iter++) {
    let moved = false;
    // Off other bubbles: to whichever side of the bubble is nearer.
    for (const label of items) {
      for (const b of inputs) {
        if (b.id === label.id) continue;
        if (label.right < b.x - b.r || label.left > b.x + b.r) continue;
        const clearance = b.r + half + 1;
        if (Math.abs(label.y - b.y) >= clearance) continue;
        label.y = label.y <= b.y ? b.y - clearance - 0.01 : b.y + clearance + 0.01;
        moved = true;
      }
    }
    // Apart from each other.
    const sorted = [...items].sort((a, b) => a.y - b.y || a.id - b.id);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (a.right < b.left || b.right < a.left) continue;
        const dy = b.y - a.y;
        if (dy >= lineHeight) continue;
        const push = (lineHeight - dy) / 2 + 0.01;
        a.y -= push;
        b.y += push;
        moved = true;
      }
    }
    for (const it of items) it.y = Math.min(bottom, Math.max(top, it.y));
    if (!moved) break;
  }
  return items.map((it) => ({
    id: it.id,
    x: it.x,
    y: it.y,
    anchor: it.anchor,
    leader: Math.abs(it.y - it.origin) > lineHeight * 0.75,
  }));
}

/**
 * The plotting area, px, that the bubble chart's labels are placed for: a phone's, the smallest the
 * chart is drawn at. The chart is one drawing whose positions are percentages of its plotting area
 * (components/charts/plot.tsx); labels sit a fixed number of px from their bubble, so labels kept
 * apart at this size stay apart at any larger one.
 */
export const BUBBLE_LABEL_AREA = { width: 270, height: 262 } as const;
/** Radius of the largest bubble, px. */
export const BUBBLE_MAX_RADIUS = 26;
export const BUBBLE_FONT_SIZE = 12;

/** A label or a quadrant name, in px from its anchor (a bubble's centre, or a corner of the plot). */
export interface BubbleLabel extends LabelPlacement {
  persona: string;
  /** Offsets from the bubble centre, px. */
  dx: number;
  dy: number;
  /** Leader line from the bubble's edge, px from its centre, when the label moved away. */
  from: { dx: number; dy: number } | null;
}

export interface BubbleLayout {
  /** Ticks along each axis, `at` 0–100 (left to right, bottom to top). */
  xTicks: Array<{ value: number; at: number }>;
  yTicks: Array<{ value: number; at: number }>;
  /** The averages, 0–100 from the left and from the top. */
  reference: { x: number; y: number };
  /** Largest first, so small bubbles are drawn on top; cx and cy 0–100 (from the left, from the top), r px. */
  bubbles: Array<BubblePoint & { cx: number; cy: number; r: number }>;
  labels: BubbleLabel[];
  /** Quadrant names that no bubble or label covers. */
  corners: Array<{ text: Quadrant; corner: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' }>;
}

/**
 * The loyalty × churn-risk bubble chart: scales onto 0–100, ticks (lib/charts/ticks), bubbles (area ∝
 * customers), persona labels nudged clear of each other and of other bubbles, and the quadrant names
 * in the corners that are free. Labels are placed for `area` (px; see BUBBLE_LABEL_AREA).
 */
export function layoutBubbleChart(
  chart: BubbleChart,
  area: { width: number; height: number } = BUBBLE_LABEL_AREA,
  maxRadius = BUBBLE_MAX_RADIUS,
  fontSize = BUBBLE_FONT_SIZE,
): BubbleLayout {
  const [x0, x1] = chart.xDomain;
  const [y0, y1] = chart.yDomain;
  const sx = (v: number) => ((v - x0) / (x1 - x0)) * 100;
  const sy = (v: number) => ((v - y0) / (y1 - y0)) * 100;
  const radius = (customers: number) => Math.max(3, maxRadius * Math.sqrt(customers / chart.maxCustomers));
  const bubbles = chart.points
    .map((p) => ({ ...p, cx: sx(p.loyalty), cy: 100 - sy(p.churn), r: radius(p.customers) }))
    .sort((a, b) => b.r - a.r || a.clusterId - b.clusterId);
  // Label placement in px on the nominal area.
  const px = (b: { cx: number; cy: number }) => ({
    x: (b.cx / 100) * area.width,
    y: (b.cy / 100) * area.height,
  });
  const plot = { x: 0, y: 0, width: area.width, height: area.height };
  const inputs = bubbles.map((b) => ({
    id: b.clusterId,
    ...px(b),
    r: b.r,
    width: estimateLabelWidth(b.persona, fontSize),
  }));
  const placed = layoutBubbleLabels(inputs, plot, fontSize + 4);
  const labels = placed.map((l) => {
    const b = bubbles.find((x) => x.clusterId === l.id)!;
    const c = px(b);
    const edge = l.anchor === 'start' ? b.r : -b.r;
    return {
      ...l,
      persona: b.persona,
      dx: l.x - c.x,
      dy: l.y - c.y,
      from: l.leader ? { dx: edge, dy: 0 } : null,
    };
  });

  const cornerSize = fontSize - 1;
  const pad = 6;
  const boxes = [
    ...inputs.map((b) => ({ left: b.x - b.r, right: b.x + b.r, top: b.y - b.r, bottom: b.y + b.r })),
    ...labels.map((l) => {
      const w = inputs.find((i) => i.id === l.id)!.width;
      const left = l.anchor === 'start' ? l.x : l.x - w;
      return { left, right: left + w, top: l.y - fontSize / 2, bottom: l.y + fontSize / 2 };
    }),
  ];
  const top = pad + cornerSize;
  const bottom = area.height - pad;
  const left = pad;
  const right = area.width - pad;
  const corners = (
    [
      { text: 'Drifting away', corner: 'top-left', x: left, y: top, anchor: 'start' },
      { text: 'Loyal but slipping', corner: 'top-right', x: right, y: top, anchor: 'end' },
      { text: 'Light but steady', corner: 'bottom-left', x: left, y: bottom, anchor: 'start' },
      { text: 'Loyal and secure', corner: 'bottom-right', x: right, y: bottom, anchor: 'end' },
    ] as const
  )
    .filter((c) => {
      const w = estimateLabelWidth(c.text, cornerSize);
      const l = c.anchor === 'start' ? c.x : c.x - w;
      const box = { left: l, right: l + w, top: c.y - cornerSize, bottom: c.y + 2 };
      return !boxes.some(
        (b) => b.left < box.right && b.right > box.left && b.top < box.bottom && b.bottom > box.top,
      );
    })
    .map((c) => ({ text: c.text, corner: c.corner }));

  return {
    xTicks: rangeTicks(x0, x1, 8).map((value) => ({ value, at: sx(value) })),
    yTicks: rangeTicks(y0, y1, 8).map((value) => ({ value, at: sy(value) })),
    reference: { x: sx(chart.overall.loyalty), y: 100 - sy(chart.overall.churn) },
    bubbles,
    labels,
    corners,
  };
}

// ---------------------------------------------------------------------------------------------
// Everything the page needs

export interface OverviewModel {
  kpis: Kpi[];
  headlines: Headline[];
  personas: Array<Pick<PersonaSummary, 'clusterId' | 'persona' | 'color' | 'customers' | 'customerSharePct'>>;
  composition: CompositionChart;
  channel: ChannelChart;
  visit: VisitChart;
  bubble: BubbleChart;
  clv: ClvChart;
  demographics: TableData;
  window: { start: string; end: string; label: string };
}

export function buildOverview(sources: OverviewSources, currency: string): OverviewModel {
  const summaries = summarise(sources);
  const { behaviour, revenue } = sources;
  return {
    kpis: buildKpis(behaviour.total, revenue.total, currency, {
      personaCount: summaries.personas.length,
      windowStart: behaviour.window_start,
      windowEnd: behaviour.window_end,
      clvMedian: summaries.total.clv?.p50 ?? null,
    }),
    headlines: buildHeadlines(summaries, currency),
    personas: summaries.personas.map((p) => ({
      clusterId: p.clusterId,
      persona: p.persona,
      color: p.color,
      customers: p.customers,
      customerSharePct: p.customerSharePct,
    })),
    composition: compositionChart(summaries),
    channel: channelChart(summaries),
    visit: visitChart(summaries),
    bubble: bubbleChart(summaries),
    clv: clvChart(summaries),
    demographics: demographicsTable(summaries),
    window: {
      start: behaviour.window_start,
      end: behaviour.window_end,
      label: `${monthYear(behaviour.window_start)} – ${monthYear(behaviour.window_end)}`,
    },
  };
}
