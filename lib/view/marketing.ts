/**
 * Data shaping for the Marketing effectiveness page: pure functions from the
 * marketing_effectiveness table to persona × channel grids, headline figures, tables, and the
 * recommended lever per persona with the rule that picks it. No React.
 */
import { personaColor } from '@/lib/charts/theme';
import { formatCount, formatMoney, formatPct, formatRatio } from '@/lib/format/format';
import type { TableData } from '@/lib/format/table-data';
import type { MarketingEffectiveness, MarketingRow } from '@/lib/schema/marketing-effectiveness';

export const CONTACT_CHANNEL_NAMES: Record<string, string> = {
  email: 'E-mail',
  sms: 'SMS',
  app: 'App push',
  event: 'Events',
  all: 'All channels',
};
export const channelName = (c: string) => CONTACT_CHANNEL_NAMES[c] ?? c;
/** The channel's name inside a sentence: "events", "e-mail", "SMS". */
const inSentence = (c: string) => (c === 'sms' ? channelName(c) : channelName(c).toLowerCase());
/** The verb agreeing with the channel's name: "Events give", "E-mail gives". */
const agree = (c: string, plural: string, singular: string) => (c === 'event' ? plural : singular);

export const MARKETING_METRICS = ['response', 'conversion', 'revenue', 'discount', 'reach'] as const;
export type MarketingMetric = (typeof MARKETING_METRICS)[number];

export const METRIC_META: Record<
  MarketingMetric,
  { field: keyof MarketingRow; label: string; unit: string; higherIsBetter: boolean }
> = {
  response: {
    field: 'response_rate_pct',
    label: 'Response rate',
    unit: 'Responses per touch, %',
    higherIsBetter: true,
  },
  conversion: {
    field: 'conversion_rate_pct',
    label: 'Conversion',
    unit: 'Orders placed in answer to a touch, per touch, %',
    higherIsBetter: true,
  },
  revenue: {
    field: 'revenue_per_touch',
    label: 'Revenue per contact',
    unit: 'Net revenue of converted orders per touch',
    higherIsBetter: true,
  },
  discount: {
    field: 'discount_dependency_pct',
    label: 'Discount dependency',
    unit: 'Share of converted orders that used a discount offer, %',
    higherIsBetter: false,
  },
  reach: {
    field: 'reach_pct',
    label: 'Reach',
    unit: 'Share of the persona’s customers touched at least once, %',
    higherIsBetter: true,
  },
};

export interface PersonaRef {
  clusterId: number;
  persona: string;
  color: string;
}

export interface MarketingGrid {
  personas: PersonaRef[];
  /** Contact channels (no "all"). */
  channels: string[];
  /** rows[persona][channel], null when the table has no such row. */
  rows: Array<Array<MarketingRow | null>>;
  /** Each persona's "all channels" row. */
  personaAll: Array<MarketingRow | null>;
  /** Everyone, per channel, and everyone on all channels. */
  overall: Array<MarketingRow | null>;
  overallAll: MarketingRow | null;
}

export function marketingGrid(me: MarketingEffectiveness): MarketingGrid {
  const personas: PersonaRef[] = [];
  for (const r of me.rows) {
    if (r.cluster_id === null || personas.some((p) => p.clusterId === r.cluster_id)) continue;
    personas.push({ clusterId: r.cluster_id, persona: r.persona, color: personaColor(r.cluster_id) });
  }
  const find = (id: number | null, ch: string) =>
    me.rows.find((r) => r.cluster_id === id && r.contact_channel === ch) ?? null;
  const channels = me.contact_channels;
  return {
    personas,
    channels,
    rows: personas.map((p) => channels.map((c) => find(p.clusterId, c))),
    personaAll: personas.map((p) => find(p.clusterId, 'all')),
    overall: channels.map((c) => find(null, c)),
    overallAll: find(null, 'all'),
  };
}

export function metricValue(row: MarketingRow | null, metric: MarketingMetric): number | null {
  if (!row) return null;
  const v = row[METRIC_META[metric].field];
  return typeof v === 'number' ? v : null;
}

export function formatMetric(value: number | null, metric: MarketingMetric, currency: string): string {
  if (value === null) return '—';
  if (metric === 'revenue') return formatMoney(value, currency);
  return formatPct(value, metric === 'reach' ? 0 : 1);
}

/** The persona × channel values of one metric. */
export function metricMatrix(grid: MarketingGrid, metric: MarketingMetric): Array<Array<number | null>> {
  return grid.rows.map((r) => r.map((cell) => metricValue(cell, metric)));
}

/**
 * What the heatmap of one metric says: the channel that is best for most personas, and the best
 * and worst persona on it.
 */
export function metricTakeaway(grid: MarketingGrid, metric: MarketingMetric, currency: string): string {
  const meta = METRIC_META[metric];
  const m = metricMatrix(grid, metric);
  const better = (a: number, b: number) => (meta.higherIsBetter ? a > b : a < b);
  const wins = new Map<number, number>();
  m.forEach((row) => {
    let best = -1;
    row.forEach((v, c) => {
      if (v !== null && (best < 0 || better(v, row[best]!))) best = c;
    });
    if (best >= 0) wins.set(best, (wins.get(best) ?? 0) + 1);
  });
  const [topChannel, count] = [...wins.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [-1, 0];
  if (topChannel < 0) return 'No marketing data.';
  const col = m.map((row, p) => ({ p, v: row[topChannel] ?? null })).filter((x) => x.v !== null);
  col.sort((a, b) => (meta.higherIsBetter ? b.v! - a.v! : a.v! - b.v!));
  const first = col[0]!;
  const last = col[col.length - 1]!;
  const name = channelName(grid.channels[topChannel]!);
  const word = meta.higherIsBetter ? 'the highest' : 'the lowest';
  const who =
    count === grid.personas.length ? `every persona` : `${count} of ${grid.personas.length} personas`;
  return (
    `${name} ${metric === 'reach' ? agree(grid.channels[topChannel]!, 'reach', 'reaches') : agree(grid.channels[topChannel]!, 'give', 'gives')} ${word} ${meta.label.toLowerCase()} for ${who}; on ${name.toLowerCase()}, ` +
    `${grid.personas[first.p]!.persona} ${formatMetric(first.v, metric, currency)} against ` +
    `${grid.personas[last.p]!.persona} ${formatMetric(last.v, metric, currency)}.`
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* The recommended lever                                                                             */
/* ------------------------------------------------------------------------------------------------ */

/**
 * A persona is discount-dependent when the share of its converted orders that used a discount is at
 * least this many times everyone's. Only then does the recommendation keep offers.
 */
export const DISCOUNT_DEPENDENT_RATIO = 1.5;
/** A persona is disengaging when its recent response rate is below this share of its earlier one. */
export const DISENGAGING_TREND = 0.8;

export type LeverKind = 'engage' | 'reengage' | 'offer';

export const LEVER_TITLE: Record<LeverKind, string> = {
  engage: 'Engagement, not discounts',
  reengage: 'Re-engage before it lapses, without discounts',
  offer: 'Targeted offers, capped',
};

export interface Lever {
  clusterId: number;
  persona: string;
  color: string;
  kind: LeverKind;
  title: string;
  /** The channel to lead with: the highest revenue per touch. */
  leadChannel: string;
  /** The always-on channel (not the lead) with the highest revenue per touch. */
  supportChannel: string | null;
  /** One line: what to do. */
  action: string;
  /** Why, in words, from the numbers. */
  reasons: string[];
  discountDependencyPct: number;
  overallDiscountDependencyPct: number;
  responseTrend: number | null;
}

/**
 * The rule, in order:
 * 1. Discount-dependent (its conversions use a discount ≥ 1.5× as often as everyone's): keep offers,
 *    but only where they are needed least — the channel with the lowest discount dependency among
 *    those earning at least the persona's average revenue per touch — and cap their depth.
 * 2. Otherwise, disengaging (recent response rate < 80 % of the earlier rate): win back with
 *    engagement — invitations, early access, personal service — on the lead channel, no discount.
 * 3. Otherwise: engagement on the lead channel, no discount.
 * The lead channel is the one with the highest revenue per touch; the support channel is the best
 * of the rest, for keeping in touch between lead touches.
 */
export function recommendLevers(grid: MarketingGrid, currency: string): Lever[] {
  const overallDep = grid.overallAll?.discount_dependency_pct ?? 0;
  const out: Lever[] = [];
  grid.personas.forEach((p, i) => {
    const all = grid.personaAll[i];
    const cells = grid.rows[i]!.filter((r): r is MarketingRow => r !== null && r.touches > 0);
    if (!all || cells.length === 0) return;
    const byRevenue = [...cells].sort(
      (a, b) => b.revenue_per_touch - a.revenue_per_touch || b.conversion_rate_pct - a.conversion_rate_pct,
    );
    const lead = byRevenue[0]!;
    const support = byRevenue[1] ?? null;
    const dep = all.discount_dependency_pct;
    const depRatio = overallDep > 0 ? dep / overallDep : dep > 0 ? Infinity : 1;
    const trend = all.response_trend;
    const money = (v: number) => formatMoney(v, currency);
    const leadLine =
      `${channelName(lead.contact_channel)} ${agree(lead.contact_channel, 'earn', 'earns')} ${money(lead.revenue_per_touch)} per touch, ` +
      `${formatRatio(all.revenue_per_touch > 0 ? lead.revenue_per_touch / all.revenue_per_touch : 0, 1)} the persona’s average of ${money(all.revenue_per_touch)}, ` +
      `converting ${formatPct(lead.conversion_rate_pct, 1)} of touches.`;
    const depLine = `${formatPct(dep, 0)} of their converted orders used a discount, against ${formatPct(overallDep, 0)} for all customers.`;

    let kind: LeverKind;
    let channel = lead;
    const reasons: string[] = [];
    if (depRatio >= DISCOUNT_DEPENDENT_RATIO) {
      kind = 'offer';
      const paying = cells.filter((c) => c.revenue_per_touch >= all.revenue_per_touch);
      channel = [...(paying.length ? paying : cells)].sort(
        (a, b) =>
          a.discount_dependency_pct - b.discount_dependency_pct || b.revenue_per_touch - a.revenue_per_touch,
      )[0]!;
      reasons.push(
        `${depLine.replace(/\.$/, '')} (${formatRatio(depRatio, 1)}): for this persona, discounts are what converts.`,
      );
      reasons.push(
        `${channelName(channel.contact_channel)} ${agree(channel.contact_channel, 'need', 'needs')} them least among channels earning at least the persona’s average (${formatPct(channel.discount_dependency_pct, 0)} of conversions) and ${agree(channel.contact_channel, 'earn', 'earns')} ${money(channel.revenue_per_touch)} per touch.`,
      );
      const perRedemption = all.redemptions > 0 ? all.discount_cost / all.redemptions : null;
      if (perRedemption !== null)
        reasons.push(
          `Each redeemed offer costs ${money(perRedemption)} on average: cap the depth and test engagement-only touches against it.`,
        );
    } else if (trend !== null && trend < DISENGAGING_TREND) {
      kind = 'reengage';
      reasons.push(
        `Their response rate fell to ${formatPct(trend * 100, 0)} of the earlier rate: they are drifting away.`,
      );
      reasons.push(`${depLine} A discount is not what would bring them back.`);
      reasons.push(leadLine);
    } else {
      kind = 'engage';
      reasons.push(`${depLine} Discounts add cost, not conversions.`);
      reasons.push(leadLine);
      if (trend !== null)
        reasons.push(`Response is steady (${formatPct(trend * 100, 0)} of the earlier rate).`);
    }
    const supportChannel = (channel === lead ? support : lead)?.contact_channel ?? null;
    const ch = inSentence(channel.contact_channel);
    const sup = supportChannel ? inSentence(supportChannel) : null;
    const action =
      kind === 'offer'
        ? `Keep offers for ${p.persona}, targeted through ${ch}${sup ? ` (then ${sup})` : ''}, with capped depth.`
        : kind === 'reengage'
          ? `Win ${p.persona} back through ${ch}${sup ? ` and ${sup}` : ''}: invitations, early access and personal service, no discount.`
          : `Grow ${p.persona} through ${ch}${sup ? `, kept warm by ${sup}` : ''}: content, previews and events, no discount.`;
    out.push({
      clusterId: p.clusterId,
      persona: p.persona,
      color: p.color,
      kind,
      title: LEVER_TITLE[kind],
      leadChannel: channel.contact_channel,
      supportChannel,
      action,
      reasons,
      discountDependencyPct: dep,
      overallDiscountDependencyPct: overallDep,
      responseTrend: trend,
    });
  });
  return out;
}

export function leversTakeaway(levers: Lever[]): string {
  const engagement = levers.filter((l) => l.kind !== 'offer');
  const offers = levers.filter((l) => l.kind === 'offer');
  const parts = [
    `${engagement.length} of ${levers.length} personas should be won with engagement rather than discounts`,
  ];
  if (offers.length)
    parts.push(
      `offers stay only for ${offers
        .map((l) => `${l.persona} (${formatPct(l.discountDependencyPct, 0)} of conversions use one)`)
        .join(' and ')}`,
    );
  return `${parts.join('; ')}.`;
}

/* ------------------------------------------------------------------------------------------------ */
/* Headline figures and tables                                                                       */
/* ------------------------------------------------------------------------------------------------ */

export function marketingKpis(grid: MarketingGrid, currency: string) {
  const o = grid.overallAll;
  if (!o) return [];
  return [
    {
      id: 'kpi-touches',
      label: 'Contacts',
      value: formatCount(o.touches),
      hint: `Touches across ${grid.channels.length} channels · ${formatPct(o.reach_pct, 0)} of customers reached`,
    },
    {
      id: 'kpi-response',
      label: 'Response rate',
      value: formatPct(o.response_rate_pct, 1),
      hint: 'Responses per touch',
    },
    {
      id: 'kpi-conversion',
      label: 'Conversion',
      value: formatPct(o.conversion_rate_pct, 2),
      hint: `Orders per touch · ${formatPct(o.conversions_per_100_responses, 0)} of responses`,
    },
    {
      id: 'kpi-revenue-per-touch',
      label: 'Revenue per contact',
      value: formatMoney(o.revenue_per_touch, currency),
      hint: `Net revenue per touch, ${currency}`,
    },
    {
      id: 'kpi-discount',
      label: 'Discount dependency',
      value: formatPct(o.discount_dependency_pct, 1),
      hint: 'Converted orders that used an offer',
    },
  ];
}

/** Discount dependency per persona (all channels), for persona bars with everyone as the reference. */
export function discountBars(grid: MarketingGrid) {
  const rows = grid.personas
    .map((p, i) => ({
      cluster_id: p.clusterId,
      persona: p.persona,
      color: p.color,
      value: grid.personaAll[i]?.discount_dependency_pct ?? 0,
    }))
    .sort((a, b) => b.value - a.value);
  const overall = grid.overallAll?.discount_dependency_pct ?? null;
  const top = Math.max(10, ...rows.map((r) => r.value), overall ?? 0);
  const max = Math.min(100, Math.ceil(top / 20) * 20);
  const ticks = Array.from({ length: max / 20 + 1 }, (_, i) => i * 20);
  const hi = rows[0];
  const lo = rows[rows.length - 1];
  const takeaway =
    hi && lo && overall !== null
      ? `${hi.persona} need a discount for ${formatPct(hi.value, 0)} of converted orders, ${formatRatio(hi.value / overall, 1)} everyone’s ${formatPct(overall, 0)}; ${lo.persona} for only ${formatPct(lo.value, 0)}.`
      : 'No discount data.';
  return {
    rows,
    overall,
    scale: { max, ticks },
    takeaway,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' as const },
        { key: 'dep', label: 'Discount dependency, %', format: 'pct' as const, decimals: 1 },
        { key: 'ratio', label: 'Against all customers (×)', format: 'ratio' as const, decimals: 2 },
      ],
      rows: [
        ...rows.map((r) => ({
          persona: r.persona,
          dep: r.value,
          ratio: overall ? Math.round((100 * r.value) / overall) / 100 : null,
        })),
        { persona: 'All customers', dep: overall, ratio: 1 },
      ],
    } satisfies TableData,
  };
}

/** The heatmap's table equivalent: persona × channel for one metric, plus everyone. */
export function metricTable(grid: MarketingGrid, metric: MarketingMetric): TableData {
  const format = metric === 'revenue' ? ('money' as const) : ('pct' as const);
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      ...grid.channels.map((c) => ({ key: c, label: channelName(c), format, decimals: 1 })),
      { key: 'all', label: channelName('all'), format, decimals: 1 },
    ],
    rows: [
      ...grid.personas.map((p, i) => ({
        persona: p.persona,
        ...Object.fromEntries(grid.channels.map((c, j) => [c, metricValue(grid.rows[i]![j]!, metric)])),
        all: metricValue(grid.personaAll[i] ?? null, metric),
      })),
      {
        persona: 'All customers',
        ...Object.fromEntries(grid.channels.map((c, j) => [c, metricValue(grid.overall[j] ?? null, metric)])),
        all: metricValue(grid.overallAll, metric),
      },
    ],
  };
}

/** Every row of the table: persona × channel with all figures. */
export function fullMarketingTable(me: MarketingEffectiveness): TableData {
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'channel', label: 'Channel', format: 'text' },
      { key: 'reach', label: 'Reach, %', format: 'pct', decimals: 1 },
      { key: 'touches', label: 'Touches', format: 'count' },
      { key: 'response', label: 'Response, %', format: 'pct', decimals: 2 },
      { key: 'conversion', label: 'Conversion, %', format: 'pct', decimals: 2 },
      { key: 'per100', label: 'Orders per 100 responses', format: 'number', decimals: 1 },
      { key: 'revenue', label: 'Revenue per touch', format: 'money' },
      { key: 'discount', label: 'Discount dependency, %', format: 'pct', decimals: 1 },
      { key: 'trend', label: 'Response trend (×)', format: 'ratio', decimals: 2 },
    ],
    rows: me.rows.map((r) => ({
      persona: r.persona,
      channel: channelName(r.contact_channel),
      reach: r.reach_pct,
      touches: r.touches,
      response: r.response_rate_pct,
      conversion: r.conversion_rate_pct,
      per100: r.conversions_per_100_responses,
      revenue: r.revenue_per_touch,
      discount: r.discount_dependency_pct,
      trend: r.response_trend,
    })),
  };
}
