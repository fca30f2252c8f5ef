import { readableFamilyName } from '@/content/family-names';
/**
 * Data shaping for the persona pages: cards, plain-language traits, key metrics for side-by-side
 * comparison, and histograms of customer metrics computed on the server from customers_master so
 * that only a few hundred aggregated numbers reach the browser.
 */
import { personaColor } from '@/lib/charts/theme';
import { formatCount, formatMoney, formatPct, formatRatio } from '@/lib/format/format';
import type { BehaviourOverview } from '@/lib/schema/behaviour-overview';
import { churnRiskBand, type ChurnBand } from '@/lib/schema/customers-master';
import type {
  DistributionBin,
  DistributionMetric,
  PersonaDistributions,
} from '@/lib/schema/persona-distributions';
import type { ProductAffinity } from '@/lib/schema/product-affinity';
import type { RevenueByCluster } from '@/lib/schema/revenue-by-cluster';
import type { Persona, Segmentation, Trait } from '@/lib/schema/segmentation';
import type { ValueModel } from '@/lib/schema/value-model';
import { tidy } from '@/lib/stats/bins';
import { personaPrediction, type PersonaPrediction } from './predicted-value';

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
      text = x ? `Orders ${x} as often (${v} a month vs ${o})` : `${v} orders a month vs ${o}`;
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
      name: family ? readableFamilyName(family.family_name) : `Family ${id}`,
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
  churnBand: ChurnBand | null;
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
      // The customer-level rule applied to the persona's average.
      churnBand: avgChurnRisk !== null && Number.isFinite(avgChurnRisk) ? churnRiskBand(avgChurnRisk) : null,
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
// Distributions (the persona_distributions table, as text)

interface DistributionSpec {
  metric: DistributionMetric;
  label: string;
  /** The axis, with its unit. */
  axisLabel: string;
  kind: ValueKind;
}

export const DISTRIBUTION_SPECS: DistributionSpec[] = [
  {
    metric: 'clv_proxy',
    label: 'CLV proxy',
    axisLabel: 'CLV proxy (score 0–100, relative)',
    kind: 'score',
  },
  {
    metric: 'orders_per_month',
    label: 'Orders per month',
    axisLabel: 'Orders per month of tenure',
    kind: 'rate',
  },
  {
    metric: 'avg_order_value',
    label: 'Average order value',
    axisLabel: 'Average order value (net of discounts)',
    kind: 'money',
  },
  {
    metric: 'churn_risk',
    label: 'Churn risk',
    axisLabel: 'Churn risk (score 0–100)',
    kind: 'score',
  },
  {
    metric: 'engagement_index',
    label: 'Engagement index',
    axisLabel: 'Engagement index (score 0–100)',
    kind: 'score',
  },
  {
    metric: 'discount_share',
    label: 'Discount share of spend',
    axisLabel: 'Discount ÷ gross spend, %',
    kind: 'share',
  },
  {
    metric: 'online_ratio',
    label: 'Online order share',
    axisLabel: 'Share of orders placed online, %',
    kind: 'share',
  },
];

export function binLabel(bin: DistributionBin, kind: ValueKind, currency: string): string {
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

/**
 * The persona_distributions table as the persona page shows it: bin labels and medians as text,
 * groups by key (cluster id as a string, or "all"). Built from the table, so the page never reads
 * customer rows.
 */
export function personaDistributions(
  table: PersonaDistributions,
  currency: string,
  specs: readonly DistributionSpec[] = DISTRIBUTION_SPECS,
): Distribution[] {
  return specs.flatMap((spec) => {
    const d = table.metrics.find((m) => m.metric === spec.metric);
    if (!d) return [];
    const groups: Record<string, GroupDistribution> = {};
    for (const g of d.groups) {
      groups[g.cluster_id === null ? ALL_CUSTOMERS_KEY : String(g.cluster_id)] = {
        pct: g.share_pct,
        count: g.customers,
        median: g.median,
        medianText: formatValue(g.median, spec.kind, currency, spec.metric),
        mean: g.mean,
        meanText: formatValue(g.mean, spec.kind, currency, spec.metric),
        aboveOverallMedianPct: g.above_overall_median_pct,
      };
    }
    return [
      {
        metric: spec.metric,
        label: spec.label,
        axisLabel: spec.axisLabel,
        binLabels: d.bins.map((b) => binLabel(b, spec.kind, currency)),
        overallMedianText: formatValue(d.overall_median, spec.kind, currency, spec.metric),
        overallMedianIsZero: d.overall_median === 0,
        groups,
      },
    ];
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

/**
 * The persona page's lede: the description's first sentence, its archetype in words. The rest of the
 * description repeats the figures the page's tiles show (the cards on /personas keep all of it).
 */
export function personaLede(description: string): string {
  const end = description.indexOf('. ');
  return end < 0 ? description : description.slice(0, end + 1);
}
