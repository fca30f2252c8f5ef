/**
 * Data shaping for the persona pages: cards, plain-language traits, key metrics for side-by-side
 * comparison, and histograms of customer metrics computed on the server from customers_master so
 * that only a few hundred aggregated numbers reach the browser.
 */
import { personaColor } from '@/lib/format/colors';
import { formatCount, formatMoney, formatPct, formatRatio } from '@/lib/format/format';
import type { BehaviourOverview } from '@/lib/schema/behaviour-overview';
import { CUSTOMER_COLUMNS, type CustomersMaster } from '@/lib/schema/customers-master';
import type { ProductAffinity } from '@/lib/schema/product-affinity';
import type { RevenueByCluster } from '@/lib/schema/revenue-by-cluster';
import type { Persona, Segmentation, Trait } from '@/lib/schema/segmentation';
import type { ValueModel } from '@/lib/schema/value-model';
import { personaPrediction, type PersonaPrediction } from './predicted-value';

/** The grey that stands for "all customers" beside a persona colour (≥ 3:1 against the surface). */
export const ALL_CUSTOMERS_COLOR = '#8a8178';
export const ALL_CUSTOMERS_KEY = 'all';
export const ALL_CUSTOMERS_LABEL = 'All customers';

// ---------------------------------------------------------------------------------------------
// Values and their units

/** How a metric's value reads: its unit decides the formatting. */
export type ValueKind = 'score' | 'money' | 'share' | 'pct' | 'rate' | 'count' | 'days' | 'minutes';

/** Units of the profile metrics in segmentation.personas[].profile. */
export const PROFILE_KINDS: Record<string, ValueKind> = {
  orders_per_month: 'rate',
  recency_days: 'days',
  avg_order_value: 'money',
  total_spend: 'money',
  basket_size: 'count',
  dwell_minutes: 'minutes',
  online_ratio: 'share',
  category_diversity: 'count',
  discount_share: 'share',
  active_month_share: 'share',
  response_rate: 'share',
  engagement_index: 'score',
  loyalty_score: 'score',
  churn_risk: 'score',
  clv_proxy: 'score',
};

/** Scores are 0–100; the CLV proxy sits low on that scale, so it keeps a decimal. */
function scoreDecimals(metric: string): number {
  return metric === 'clv_proxy' ? 1 : 0;
}

export function formatValue(value: number | null, kind: ValueKind, currency: string, metric = ''): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'score':
      return formatCount(value, scoreDecimals(metric));
    case 'money':
      return formatMoney(value, currency);
    case 'share':
      return formatPct(value * 100, 1);
    case 'pct':
      return formatPct(value, 1);
    case 'rate':
      return formatCount(value, 2);
    case 'count':
      return formatCount(value, 1);
    case 'days':
      return formatCount(value, 0);
    case 'minutes':
      return `${formatCount(value, 1)} min`;
  }
}

// ---------------------------------------------------------------------------------------------
// Traits in plain words

export interface TraitPhrase {
  metric: string;
  label: string;
  /** e.g. "Orders 1.7× as often", "Churn risk 76 vs 50". */
  text: string;
  direction: 'higher' | 'lower' | 'same';
  z: number;
}

/** A trait as a strategist would say it: a ratio or a "this vs everyone" difference. */
export function describeTrait(trait: Trait, currency: string): TraitPhrase {
  const { metric, label, value, overall, ratio, z } = trait;
  const kind = PROFILE_KINDS[metric] ?? 'count';
  const v = formatValue(value, kind, currency, metric);
  const o = formatValue(overall, kind, currency, metric);
  const x = ratio === null ? null : formatRatio(ratio, 1);
  const direction: TraitPhrase['direction'] =
    value === null || overall === null || value === overall ? 'same' : value > overall ? 'higher' : 'lower';
  let text: string;
  switch (metric) {
    case 'orders_per_month':
      text = x ? `Orders ${x} as often` : `${v} orders a month vs ${o}`;
      break;
    case 'recency_days':
      text = `Last order ${v} days ago vs ${o}`;
      break;
    case 'avg_order_value':
      text = x ? `Spends ${x} as much per order (${v} vs ${o})` : `${label} ${v} vs ${o}`;
      break;
    case 'total_spend':
      text = x ? `Total spend ${x} the average (${v} vs ${o})` : `${label} ${v} vs ${o}`;
      break;
    case 'basket_size':
      text = `${v} items per order vs ${o}`;
      break;
    case 'dwell_minutes':
      text = `${v} in store per visit vs ${o}`;
      break;
    case 'online_ratio':
      text = `${v} of orders online vs ${o}`;
      break;
    case 'category_diversity':
      text = `Buys from ${formatCount(value ?? NaN, 0)} product families vs ${formatCount(overall ?? NaN, 0)}`;
      break;
    case 'discount_share':
      text = `Discounts are ${v} of spend vs ${o}`;
      break;
    case 'active_month_share':
      text = `Active in ${v} of months vs ${o}`;
      break;
    case 'response_rate':
      text = `Responds to ${v} of messages vs ${o}`;
      break;
    default:
      text = `${label} ${v} vs ${o}`;
  }
  return { metric, label, text, direction, z };
}

/**
 * The 3–5 traits that most set a persona apart: the pipeline's own picks, topped up from the full
 * profile by distance from everyone (|z|) when it lists fewer than three.
 */
export function distinguishingTraits(persona: Persona, currency: string, min = 3, max = 5): TraitPhrase[] {
  const picked = persona.traits.slice(0, max);
  if (picked.length < min) {
    const seen = new Set(picked.map((t) => t.metric));
    const extra = persona.profile
      .filter((t) => !seen.has(t.metric) && t.value !== null && t.overall !== null)
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
    picked.push(...extra.slice(0, min - picked.length));
  }
  return picked.map((t) => describeTrait(t, currency));
}

// ---------------------------------------------------------------------------------------------
// Categories

export interface IntentHighlight {
  intent: string;
  /** Spend share ÷ everyone's spend share (1 = same as everyone); null without a cell. */
  index: number | null;
  spendSharePct: number | null;
}

export interface FamilyHighlight {
  familyId: number;
  name: string;
  intent: string;
  index: number;
  spendSharePct: number;
}

/** The persona's top intents (the pipeline's order) with their affinity index. */
export function topIntents(persona: Persona, affinity: ProductAffinity | null, limit = 3): IntentHighlight[] {
  return persona.top_intents.slice(0, limit).map((intent) => {
    const cell = affinity?.intent_cells.find(
      (c) => c.cluster_id === persona.cluster_id && c.category === intent,
    );
    return { intent, index: cell?.index ?? null, spendSharePct: cell?.spend_share_pct ?? null };
  });
}

/**
 * Product families the persona over-indexes on among those carrying a meaningful share of its
 * spend (≥ `minSharePct`; relaxed to half if too few qualify), highest index first.
 */
export function topFamilies(
  clusterId: number,
  affinity: ProductAffinity | null,
  limit = 3,
  minSharePct = 1,
): FamilyHighlight[] {
  if (!affinity) return [];
  const names = new Map(affinity.families.map((f) => [f.family_id, f]));
  // Over-indexed families only (index above 1: more of this persona's spend than of everyone's).
  const cells = affinity.family_cells.filter((c) => c.cluster_id === clusterId && c.index > 1);
  const pick = (threshold: number) =>
    cells
      .filter((c) => c.spend_share_pct >= threshold)
      .sort((a, b) => b.index - a.index || b.spend_share_pct - a.spend_share_pct)
      .slice(0, limit);
  let chosen = pick(minSharePct);
  if (chosen.length < limit) chosen = pick(minSharePct / 2);
  return chosen.map((c) => {
    const id = Number(c.category);
    const family = names.get(id);
    return {
      familyId: id,
      name: family?.family_name ?? `Family ${id}`,
      intent: family?.intent ?? '',
      index: c.index,
      spendSharePct: c.spend_share_pct,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Cards

export interface PersonaCardData {
  clusterId: number;
  name: string;
  color: string;
  description: string;
  customers: number;
  customerSharePct: number;
  revenueSharePct: number | null;
  revenueIndex: number | null;
  avgClvProxy: number | null;
  overallClvProxy: number | null;
  avgChurnRisk: number | null;
  overallChurnRisk: number | null;
  churnBand: 'low' | 'medium' | 'high' | null;
  onlineOrderSharePct: number | null;
  traits: TraitPhrase[];
  topIntents: IntentHighlight[];
  topFamilies: FamilyHighlight[];
  crmPlays: string[];
  /** Expected active customers and predicted revenue (BG/NBD + Gamma-Gamma); null without predictions. */
  prediction: PersonaPrediction | null;
}

export interface PersonaTables {
  segmentation: Segmentation;
  revenue: RevenueByCluster | null;
  behaviour: BehaviourOverview | null;
  affinity: ProductAffinity | null;
  /** The value model; absent or null: the cards carry no predictions. */
  value?: ValueModel | null;
}

/** Same thresholds as the customer-level churn band. */
export function churnBand(risk: number | null): PersonaCardData['churnBand'] {
  if (risk === null || !Number.isFinite(risk)) return null;
  return risk >= 60 ? 'high' : risk >= 40 ? 'medium' : 'low';
}

export function buildPersonaCards(tables: PersonaTables, currency: string): PersonaCardData[] {
  const { segmentation, revenue, behaviour, affinity } = tables;
  const total = segmentation.personas.reduce((s, p) => s + p.customers, 0);
  return segmentation.personas.map((persona) => {
    const rev = revenue?.rows.find((r) => r.cluster_id === persona.cluster_id);
    const beh = behaviour?.personas.find((b) => b.cluster_id === persona.cluster_id);
    const avgChurnRisk = rev?.avg_churn_risk ?? beh?.avg_churn_risk ?? null;
    return {
      clusterId: persona.cluster_id,
      name: persona.persona,
      color: personaColor(persona.cluster_id),
      description: persona.description,
      customers: persona.customers,
      customerSharePct: rev?.customer_share_pct ?? (total > 0 ? (100 * persona.customers) / total : 0),
      revenueSharePct: rev?.revenue_share_pct ?? null,
      revenueIndex: rev?.revenue_index ?? null,
      avgClvProxy: rev?.avg_clv_proxy ?? beh?.avg_clv_proxy ?? null,
      overallClvProxy: revenue?.total.avg_clv_proxy ?? behaviour?.total.avg_clv_proxy ?? null,
      avgChurnRisk,
      overallChurnRisk: revenue?.total.avg_churn_risk ?? behaviour?.total.avg_churn_risk ?? null,
      churnBand: churnBand(avgChurnRisk),
      onlineOrderSharePct: beh?.online_order_share_pct ?? null,
      traits: distinguishingTraits(persona, currency),
      topIntents: topIntents(persona, affinity),
      topFamilies: topFamilies(persona.cluster_id, affinity),
      crmPlays: persona.crm_plays,
      prediction: personaPrediction(tables.value ?? null, persona.cluster_id),
    };
  });
}

/** The /personas lede: how many personas, and where the value sits. */
export function personasTakeaway(cards: PersonaCardData[]): string {
  if (cards.length === 0) return 'No personas in this build.';
  const customers = cards.reduce((s, c) => s + c.customers, 0);
  const byRevenue = [...cards].sort((a, b) => (b.revenueSharePct ?? -1) - (a.revenueSharePct ?? -1));
  const top = byRevenue[0]!;
  const parts = [`${cards.length} personas from ${formatCount(customers)} customers.`];
  if (top.revenueSharePct !== null) {
    parts.push(
      `${top.name} are ${formatPct(top.customerSharePct, 1)} of customers and bring ${formatPct(top.revenueSharePct, 1)} of revenue.`,
    );
  }
  const risky = [...cards].sort((a, b) => (b.avgChurnRisk ?? -1) - (a.avgChurnRisk ?? -1))[0]!;
  if (risky.avgChurnRisk !== null && risky.overallChurnRisk !== null) {
    parts.push(
      `${risky.name} carry the highest churn risk (${formatCount(risky.avgChurnRisk, 0)} vs ${formatCount(risky.overallChurnRisk, 0)} overall).`,
    );
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Key metrics, for the KPI row and the side-by-side comparison

export interface KeyMetricValue {
  value: number | null;
  text: string;
}

export interface KeyMetric {
  key: string;
  label: string;
  /** Values by group key: a cluster id as a string, or "all". */
  values: Record<string, KeyMetricValue>;
}

interface KeyMetricSpec {
  key: string;
  label: string;
  kind: ValueKind;
  decimals?: number;
  pick: (g: GroupRows) => number | null | undefined;
}

interface GroupRows {
  rev: RevenueByCluster['total'] | undefined;
  beh: BehaviourOverview['total'] | undefined;
}

const KEY_METRICS: KeyMetricSpec[] = [
  {
    key: 'customers',
    label: 'Customers',
    kind: 'count',
    decimals: 0,
    pick: (g) => g.rev?.customers ?? g.beh?.customers,
  },
  {
    key: 'customer_share_pct',
    label: 'Share of customers',
    kind: 'pct',
    pick: (g) => g.rev?.customer_share_pct ?? g.beh?.customer_share_pct,
  },
  { key: 'revenue_share_pct', label: 'Share of revenue', kind: 'pct', pick: (g) => g.rev?.revenue_share_pct },
  {
    key: 'revenue_per_customer',
    label: 'Revenue per customer',
    kind: 'money',
    pick: (g) => g.rev?.revenue_per_customer,
  },
  { key: 'avg_order_value', label: 'Spend per order', kind: 'money', pick: (g) => g.rev?.avg_order_value },
  {
    key: 'orders_per_customer',
    label: 'Orders per customer',
    kind: 'count',
    pick: (g) => g.rev?.orders_per_customer,
  },
  {
    key: 'avg_orders_per_month',
    label: 'Orders per month',
    kind: 'rate',
    pick: (g) => g.beh?.avg_orders_per_month,
  },
  {
    key: 'online_order_share_pct',
    label: 'Orders placed online',
    kind: 'pct',
    pick: (g) => g.beh?.online_order_share_pct,
  },
  {
    key: 'discount_share_pct',
    label: 'Discount share of spend',
    kind: 'pct',
    pick: (g) => g.rev?.discount_share_pct,
  },
  {
    key: 'avg_engagement_index',
    label: 'Engagement index',
    kind: 'score',
    decimals: 0,
    pick: (g) => g.beh?.avg_engagement_index,
  },
  {
    key: 'avg_loyalty_score',
    label: 'Loyalty score',
    kind: 'score',
    decimals: 0,
    pick: (g) => g.beh?.avg_loyalty_score,
  },
  {
    key: 'avg_churn_risk',
    label: 'Churn risk',
    kind: 'score',
    decimals: 0,
    pick: (g) => g.rev?.avg_churn_risk ?? g.beh?.avg_churn_risk,
  },
  {
    key: 'avg_clv_proxy',
    label: 'CLV proxy (average)',
    kind: 'score',
    decimals: 1,
    pick: (g) => g.rev?.avg_clv_proxy ?? g.beh?.avg_clv_proxy,
  },
];

function formatKey(value: number | null, spec: KeyMetricSpec, currency: string): string {
  if (value === null) return '—';
  if (spec.decimals !== undefined && (spec.kind === 'count' || spec.kind === 'score')) {
    return formatCount(value, spec.decimals);
  }
  return formatValue(value, spec.kind, currency);
}

/** Key metrics of every persona and of all customers, keyed by cluster id (as a string) or "all". */
export function buildKeyMetrics(tables: PersonaTables, currency: string): KeyMetric[] {
  const groups: Array<[string, GroupRows]> = tables.segmentation.personas.map((p) => [
    String(p.cluster_id),
    {
      rev: tables.revenue?.rows.find((r) => r.cluster_id === p.cluster_id),
      beh: tables.behaviour?.personas.find((b) => b.cluster_id === p.cluster_id),
    },
  ]);
  groups.push([ALL_CUSTOMERS_KEY, { rev: tables.revenue?.total, beh: tables.behaviour?.total }]);
  return KEY_METRICS.map((spec) => {
    const values: Record<string, KeyMetricValue> = {};
    for (const [key, rows] of groups) {
      const raw = spec.pick(rows);
      const value = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
      values[key] = { value, text: formatKey(value, spec, currency) };
    }
    return { key: spec.key, label: spec.label, values };
  }).filter((m) => Object.values(m.values).some((v) => v.value !== null));
}

// ---------------------------------------------------------------------------------------------
// Distributions (histograms from customers_master)

interface DistributionSpec {
  metric:
    | 'clv_proxy'
    | 'orders_per_month'
    | 'avg_order_value'
    | 'churn_risk'
    | 'engagement_index'
    | 'discount_share'
    | 'online_ratio';
  label: string;
  /** The axis, with its unit. */
  axisLabel: string;
  kind: ValueKind;
  /** Fixed range, or open-ended above a quantile of all customers. */
  range: { fixed: [number, number]; step: number } | { capQuantile: number; bins: number };
}

export const DISTRIBUTION_SPECS: DistributionSpec[] = [
  {
    metric: 'clv_proxy',
    label: 'CLV proxy',
    axisLabel: 'CLV proxy (score 0–100, relative)',
    kind: 'score',
    range: { capQuantile: 0.95, bins: 10 },
  },
  {
    metric: 'orders_per_month',
    label: 'Orders per month',
    axisLabel: 'Orders per month of tenure',
    kind: 'rate',
    range: { capQuantile: 0.95, bins: 10 },
  },
  {
    metric: 'avg_order_value',
    label: 'Average order value',
    axisLabel: 'Average order value (net of discounts)',
    kind: 'money',
    range: { capQuantile: 0.95, bins: 10 },
  },
  {
    metric: 'churn_risk',
    label: 'Churn risk',
    axisLabel: 'Churn risk (score 0–100)',
    kind: 'score',
    range: { fixed: [0, 100], step: 10 },
  },
  {
    metric: 'engagement_index',
    label: 'Engagement index',
    axisLabel: 'Engagement index (score 0–100)',
    kind: 'score',
    range: { fixed: [0, 100], step: 10 },
  },
  {
    metric: 'discount_share',
    label: 'Discount share of spend',
    axisLabel: 'Discount ÷ gross spend, %',
    kind: 'share',
    range: { capQuantile: 0.95, bins: 8 },
  },
  {
    metric: 'online_ratio',
    label: 'Online order share',
    axisLabel: 'Share of orders placed online, %',
    kind: 'share',
    range: { fixed: [0, 1], step: 0.1 },
  },
];

export interface Bin {
  from: number;
  /** Upper edge (exclusive, except the last closed bin); null for an open-ended top bin. */
  to: number | null;
}

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) that cuts [0, max] into about `bins` bins. */
export function niceStep(max: number, bins: number): number {
  if (!(max > 0) || bins < 1) return 1;
  const raw = max / bins;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * magnitude >= raw - 1e-12) return m * magnitude;
  }
  return 10 * magnitude;
}

const tidy = (v: number) => Math.round(v * 1e9) / 1e9;

/** Quantile of sorted values (linear interpolation). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Bins shared by every group: fixed ranges cut into equal steps (the last bin closed), or
 * [0, cap) in round steps where cap ≥ the `capQuantile` of all customers, plus an open "≥ cap"
 * bin when anyone lies above it.
 */
export function makeBins(allSorted: readonly number[], range: DistributionSpec['range']): Bin[] {
  if ('fixed' in range) {
    const [lo, hi] = range.fixed;
    const n = Math.max(1, Math.round((hi - lo) / range.step));
    return Array.from({ length: n }, (_, i) => ({
      from: tidy(lo + i * range.step),
      to: tidy(i === n - 1 ? hi : lo + (i + 1) * range.step),
    }));
  }
  const max = allSorted.length ? allSorted[allSorted.length - 1]! : 0;
  const cap = quantile(allSorted, range.capQuantile);
  const step = niceStep(cap > 0 ? cap : max > 0 ? max : 1, range.bins);
  const n = Math.max(1, Math.ceil(tidy(cap / step)) || 1);
  const top = tidy(n * step);
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    from: tidy(i * step),
    to: tidy((i + 1) * step),
  }));
  if (max >= top) bins.push({ from: top, to: null });
  else bins[bins.length - 1] = { from: bins[bins.length - 1]!.from, to: top };
  return bins;
}

/** Index of the bin holding `v` ([from, to) except the closed last bin); values outside clamp to the ends. */
export function binIndex(bins: readonly Bin[], v: number): number {
  for (let i = 0; i < bins.length; i++) {
    const b = bins[i]!;
    if (b.to === null || v < b.to) return i;
  }
  return bins.length - 1;
}

export function binLabel(bin: Bin, kind: ValueKind, currency: string): string {
  const f = (v: number) => formatBinEdge(v, kind, currency);
  return bin.to === null ? `≥ ${f(bin.from)}` : `${f(bin.from)}–${f(bin.to)}`;
}

function formatBinEdge(v: number, kind: ValueKind, currency: string): string {
  switch (kind) {
    case 'money':
      return formatMoney(v, currency);
    case 'share':
      return formatPct(v * 100, Number.isInteger(tidy(v * 100)) ? 0 : 1);
    case 'rate':
      return formatCount(v, Number.isInteger(tidy(v * 10)) ? 1 : 2);
    default:
      return formatCount(v, Number.isInteger(v) ? 0 : 1);
  }
}

export interface GroupDistribution {
  /** Share of the group's customers in each bin, %. */
  pct: number[];
  count: number;
  median: number | null;
  medianText: string;
  mean: number | null;
  meanText: string;
  /** Share of the group's customers above the all-customer median, %. */
  aboveOverallMedianPct: number;
}

export interface Distribution {
  metric: string;
  label: string;
  axisLabel: string;
  binLabels: string[];
  /** The all-customer median, as text: the reference line of the takeaways. */
  overallMedianText: string;
  overallMedianIsZero: boolean;
  /** Groups by key: cluster id as a string, or "all". */
  groups: Record<string, GroupDistribution>;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Histograms of the distribution metrics for every persona and for all customers, on bins shared
 * by all groups, as % of each group's customers (so shapes compare whatever the group size).
 */
export function buildDistributions(
  master: CustomersMaster,
  currency: string,
  specs: readonly DistributionSpec[] = DISTRIBUTION_SPECS,
): Distribution[] {
  const clusterCol = CUSTOMER_COLUMNS.indexOf('cluster_id');
  const clusters = [...new Set(master.rows.map((r) => r[clusterCol] as number))].sort((a, b) => a - b);
  return specs.map((spec) => {
    const col = CUSTOMER_COLUMNS.indexOf(spec.metric);
    const byGroup = new Map<string, number[]>([[ALL_CUSTOMERS_KEY, []]]);
    for (const c of clusters) byGroup.set(String(c), []);
    for (const row of master.rows) {
      const v = row[col];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      byGroup.get(ALL_CUSTOMERS_KEY)!.push(v);
      byGroup.get(String(row[clusterCol]))!.push(v);
    }
    for (const values of byGroup.values()) values.sort((a, b) => a - b);
    const everyone = byGroup.get(ALL_CUSTOMERS_KEY)!;
    const bins = makeBins(everyone, spec.range);
    const overallMedian = everyone.length ? quantile(everyone, 0.5) : NaN;
    const groups: Record<string, GroupDistribution> = {};
    for (const [key, values] of byGroup) {
      const counts = new Array<number>(bins.length).fill(0);
      for (const v of values) counts[binIndex(bins, v)]! += 1;
      const median = values.length ? quantile(values, 0.5) : null;
      const mean = values.length ? values.reduce((t, v) => t + v, 0) / values.length : null;
      groups[key] = {
        pct: counts.map((c) => (values.length ? round2((100 * c) / values.length) : 0)),
        count: values.length,
        median,
        medianText: formatValue(median, spec.kind, currency, spec.metric),
        mean,
        meanText: formatValue(mean, spec.kind, currency, spec.metric),
        aboveOverallMedianPct: values.length
          ? round2((100 * values.filter((v) => v > overallMedian).length) / values.length)
          : 0,
      };
    }
    return {
      metric: spec.metric,
      label: spec.label,
      axisLabel: spec.axisLabel,
      binLabels: bins.map((b) => binLabel(b, spec.kind, currency)),
      overallMedianText: formatValue(
        Number.isFinite(overallMedian) ? overallMedian : null,
        spec.kind,
        currency,
        spec.metric,
      ),
      overallMedianIsZero: overallMedian === 0,
      groups,
    };
  });
}

/** "Orders per month" → "orders per month", leaving acronyms ("CLV proxy") alone. */
export function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export interface NamedGroup {
  key: string;
  name: string;
}

/**
 * One line on how two groups' distributions differ: the medians (with their ratio) and the share
 * of each group above the all-customer median.
 */
export function distributionTakeaway(d: Distribution, a: NamedGroup, b: NamedGroup): string {
  const ga = d.groups[a.key];
  const gb = d.groups[b.key];
  if (!ga || !gb || ga.count === 0 || gb.count === 0)
    return `No ${d.label.toLowerCase()} data for this comparison.`;
  const bName = b.name === ALL_CUSTOMERS_LABEL ? 'all customers' : b.name;
  // Medians, unless both are zero (e.g. most customers never use a discount): then averages.
  const useMean = ga.median === 0 && gb.median === 0;
  const [va, vb] = useMean ? [ga.mean, gb.mean] : [ga.median, gb.median];
  const [ta, tb] = useMean ? [ga.meanText, gb.meanText] : [ga.medianText, gb.medianText];
  let first = `${useMean ? 'Average' : 'Median'} ${lowerFirst(d.label)}: ${ta} for ${a.name} vs ${tb} for ${bName}`;
  if (va !== null && vb !== null && va > 0 && vb > 0) {
    const r = va / vb;
    if (r >= 1.15 || r <= 0.87) first += ` (${formatRatio(r, 1)})`;
  }
  // Where each group sits against the all-customer median (half of all customers lie above it).
  const pa = ga.aboveOverallMedianPct;
  const pb = gb.aboveOverallMedianPct;
  const above = d.overallMedianIsZero
    ? `have a non-zero ${lowerFirst(d.label)}`
    : `are above the all-customer median (${d.overallMedianText})`;
  let second: string;
  if (b.key === ALL_CUSTOMERS_KEY) {
    second = `; ${formatPct(pa, 0)} of ${a.name} ${above}.`;
  } else if (Math.abs(pa - pb) < 3) {
    second = `; about as many of each ${above}: ${formatPct(pa, 0)} vs ${formatPct(pb, 0)}.`;
  } else {
    second = `; ${formatPct(pa, 0)} of ${a.name} ${above}, against ${formatPct(pb, 0)} of ${bName}.`;
  }
  return first + second;
}

// ---------------------------------------------------------------------------------------------
// Profile table

export interface ProfileRow {
  metric: string;
  label: string;
  value: string;
  overall: string;
  ratio: number | null;
  z: number;
}

export function profileRows(persona: Persona, currency: string): ProfileRow[] {
  return persona.profile.map((t) => {
    const kind = PROFILE_KINDS[t.metric] ?? 'count';
    return {
      metric: t.metric,
      label: t.label,
      value: formatValue(t.value, kind, currency, t.metric),
      overall: formatValue(t.overall, kind, currency, t.metric),
      ratio: t.ratio,
      z: t.z,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Navigation

export interface PersonaLink {
  clusterId: number;
  name: string;
  color: string;
}

export function personaLinks(segmentation: Segmentation): PersonaLink[] {
  return segmentation.personas.map((p) => ({
    clusterId: p.cluster_id,
    name: p.persona,
    color: personaColor(p.cluster_id),
  }));
}

/** Previous and next persona, wrapping around. */
export function neighbours<T>(items: readonly T[], index: number): { prev: T | null; next: T | null } {
  if (items.length < 2 || index < 0) return { prev: null, next: null };
  return {
    prev: items[(index - 1 + items.length) % items.length]!,
    next: items[(index + 1) % items.length]!,
  };
}
