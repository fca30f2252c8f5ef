import { formatCount, formatMoney, formatMoneyCompact, formatMonth, formatPct } from '@/lib/format/format';
import type { TableColumn, TableData, TableRow } from '@/lib/format/table-data';
import { CHANNEL_KEYS, CHANNEL_NAME, channelOfKey, CHANNELS, type ChannelKey } from '@/lib/schema/channels';
import { calendarDays } from '@/lib/schema/months';
// Types only: the schema module holds zod, which must not reach the browser with the period bar.
import type { Month, RevenueByCluster, RevenueRow } from '@/lib/schema/revenue-by-cluster';
import { argMax } from '@/lib/stats/arg-max';
import { PERIOD_KEYS } from '@/lib/url/period-keys';

/** What period comparison reads of revenue_by_cluster: the months, and each persona's name and head-count share. */
export interface PeriodData extends Pick<RevenueByCluster, 'currency' | 'monthly'> {
  rows: Array<Pick<RevenueRow, 'persona' | 'customer_share_pct'> & { cluster_id: number }>;
}

/** The slice of revenue_by_cluster a page hands to the browser for period comparison. */
export function periodData(rev: PeriodData): PeriodData {
  return {
    currency: rev.currency,
    monthly: rev.monthly,
    rows: rev.rows.map(({ cluster_id, persona, customer_share_pct }) => ({
      cluster_id,
      persona,
      customer_share_pct,
    })),
  };
}

/**
 * Period comparison: any range of whole months, for all customers or one persona, in one channel or
 * both, against the period before or the same months a year earlier. Everything is summed in the
 * browser from revenue_by_cluster.monthly (a few kilobytes), so the static site needs no server.
 */

/**
 * Personas are assigned once, from the whole history: a customer counts in today's persona for every
 * month. A persona's change over time therefore mixes its customers' growth with who it gathered.
 */
export const PERSONAS_ARE_TODAYS =
  'Each customer counts in today’s persona for every month, so a persona’s change mixes its customers’ growth with who the persona gathered.';

export const COMPARE_MODES = ['previous', 'last-year', 'none'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export const COMPARE_LABELS: Record<CompareMode, string> = {
  previous: 'Previous period',
  'last-year': 'Same period last year',
  none: 'No comparison',
};

/** The settings the period bar holds; the persona and channel carry across pages (see lib/url/period-keys.ts). */
export interface PeriodView {
  /** First and last month of the range, inclusive ("2025-10"). */
  from: string;
  to: string;
  compare: CompareMode;
  /** A cluster id, or null for all customers. */
  persona: number | null;
  channel: ChannelKey | null;
}

/** Net revenue of each persona in a month, both channels together. */
export function personaRevenue(m: Month): number[] {
  return m.clusters.map((c) => c.revenue[0] + c.revenue[1]);
}

/**
 * The months a range may start or end on: only whole ones. A month the data covers in part (a window
 * that starts or ends mid-month) would compare a few days with a full month.
 */
export function wholeMonths(monthly: readonly Month[]): string[] {
  return monthly.filter((m) => m.days === calendarDays(m.month)).map((m) => m.month);
}

/** Months that the data covers in part, named for the bar's note ("Sep 2026 (14 days)"). */
export function partialMonths(monthly: readonly Month[]): string[] {
  return monthly
    .filter((m) => m.days !== calendarDays(m.month))
    .map((m) => `${formatMonth(m.month)} (${m.days} of ${calendarDays(m.month)} days)`);
}

/** Whole months between two labels: "2025-10" to "2026-09" is 12. */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty! - fy!) * 12 + (tm! - fm!) + 1;
}

/** The label `n` months after `month` (negative: before). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The view with nothing in the address: the last twelve whole months against the twelve before (the
 * year-on-year question an executive asks first), or every whole month when the data has fewer.
 */
export function defaultPeriodView(monthly: readonly Month[]): PeriodView {
  const months = wholeMonths(monthly);
  const to = months[months.length - 1] ?? monthly[monthly.length - 1]?.month ?? '';
  const from = months.length >= 12 ? shiftMonth(to, -11) : (months[0] ?? to);
  return { from, to, compare: 'previous', persona: null, channel: null };
}

/** The view a query asks for; anything missing or invalid (a stale or hand-edited link) falls back to the default. */
export function readPeriodView(
  query: URLSearchParams,
  monthly: readonly Month[],
  personaNames: readonly string[],
): PeriodView {
  const fallback = defaultPeriodView(monthly);
  const months = wholeMonths(monthly);
  let from = query.get(PERIOD_KEYS.from) ?? fallback.from;
  let to = query.get(PERIOD_KEYS.to) ?? fallback.to;
  if (!months.includes(from)) from = fallback.from;
  if (!months.includes(to)) to = fallback.to;
  if (from > to) [from, to] = [to, from];
  const compare = query.get(PERIOD_KEYS.compare);
  return {
    from,
    to,
    compare: COMPARE_MODES.includes(compare as CompareMode) ? (compare as CompareMode) : fallback.compare,
    persona: personaOf(query.get(PERIOD_KEYS.persona), personaNames),
    channel: channelOf(query.get(PERIOD_KEYS.channel)),
  };
}

/** A persona as a link gives it: a cluster id, or a name (as the explorer writes it); else all customers. */
function personaOf(raw: string | null, names: readonly string[]): number | null {
  if (raw === null) return null;
  const id = /^\d+$/.test(raw) ? Number(raw) : names.indexOf(raw);
  return id >= 0 && id < names.length ? id : null;
}

/** A channel as a link gives it: its key ("instore"), or its name in the tables ("in-store"); else both. */
function channelOf(raw: string | null): ChannelKey | null {
  const key = CHANNEL_KEYS.find((k, i) => raw === k || raw === CHANNELS[i]);
  return key ?? null;
}

/** Puts a view into a query, leaving out whatever equals the default so plain links stay plain. */
export function writePeriodView(view: PeriodView, query: URLSearchParams, monthly: readonly Month[]): void {
  const fallback = defaultPeriodView(monthly);
  const put = (key: string, value: string | null, defaultValue: string | null) => {
    if (value === null || value === defaultValue) query.delete(key);
    else query.set(key, value);
  };
  // A range is written whole, so a link never pairs one stored end with a later default.
  const rangeIsDefault = view.from === fallback.from && view.to === fallback.to;
  put(PERIOD_KEYS.from, rangeIsDefault ? null : view.from, null);
  put(PERIOD_KEYS.to, rangeIsDefault ? null : view.to, null);
  put(PERIOD_KEYS.compare, view.compare, fallback.compare);
  put(PERIOD_KEYS.persona, view.persona === null ? null : String(view.persona), null);
  put(PERIOD_KEYS.channel, view.channel, null);
}

export type ComparisonRange = { from: string; to: string } | { missing: string };

/**
 * The months a view is compared with: the same number of months just before the range, or the same
 * months a year earlier. Missing (with the reason in words) when the data does not cover all of them.
 */
export function comparisonRange(view: PeriodView, monthly: readonly Month[]): ComparisonRange | null {
  if (view.compare === 'none') return null;
  const shift = view.compare === 'previous' ? -monthSpan(view.from, view.to) : -12;
  const from = shiftMonth(view.from, shift);
  const to = shiftMonth(view.to, shift);
  const months = wholeMonths(monthly);
  if (months.includes(from) && months.includes(to)) return { from, to };
  const first = months[0];
  return {
    missing: `The data starts in ${first ? formatMonth(first) : 'this range'}, so there is no ${rangeLabel(from, to)} to compare with. Choose a later range or “No comparison”.`,
  };
}

export function rangeLabel(from: string, to: string): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
}

/** The slice of the months a view selects, summed, with each month's figures for the trend lines. */
export interface PeriodTotals {
  revenue: number;
  orders: number;
  newCustomers: number;
  /** Revenue of everyone in both channels, the base of a filtered slice's share. */
  allRevenue: number;
  /** Online revenue of the persona (or everyone), the base of the online share. */
  onlineRevenue: number;
  /** Revenue of the persona (or everyone) in both channels. */
  personaRevenue: number;
  /** Per month of the range, in order. */
  byMonth: { revenue: number[]; orders: number[]; active: number[] };
}

/** Sums the months from..to (inclusive) for a persona (or all) and a channel (or both). */
export function periodTotals(
  monthly: readonly Month[],
  range: { from: string; to: string },
  persona: number | null,
  channel: ChannelKey | null,
): PeriodTotals {
  const t: PeriodTotals = {
    revenue: 0,
    orders: 0,
    newCustomers: 0,
    allRevenue: 0,
    onlineRevenue: 0,
    personaRevenue: 0,
    byMonth: { revenue: [], orders: [], active: [] },
  };
  const channels = channel === null ? [0, 1] : [CHANNEL_KEYS.indexOf(channel)];
  const activeSlot = channel === null ? 2 : CHANNEL_KEYS.indexOf(channel);
  const online = CHANNELS.indexOf('online');
  for (const m of monthly) {
    if (m.month < range.from || m.month > range.to) continue;
    let revenue = 0;
    let orders = 0;
    let active = 0;
    m.clusters.forEach((c, id) => {
      t.allRevenue += c.revenue[0] + c.revenue[1];
      if (persona !== null && id !== persona) return;
      t.personaRevenue += c.revenue[0] + c.revenue[1];
      t.onlineRevenue += c.revenue[online]!;
      for (const ch of channels) {
        revenue += c.revenue[ch]!;
        orders += c.orders[ch]!;
        t.newCustomers += c.new_customers[ch]!;
      }
      active += c.active_customers[activeSlot]!;
    });
    t.revenue += revenue;
    t.orders += orders;
    t.byMonth.revenue.push(revenue);
    t.byMonth.orders.push(orders);
    t.byMonth.active.push(active);
  }
  return t;
}

export type KpiId = 'revenue' | 'orders' | 'spend-per-order' | 'active' | 'new' | 'share';

export interface PeriodKpi {
  id: KpiId;
  label: string;
  value: string;
  hint: string;
  /** The change against the comparison, as shown ("+41.2%", "−0.8 pts"); null without a comparison. */
  delta: {
    text: string;
    direction: 'up' | 'down' | 'flat';
    said: string;
    tone: 'gain' | 'loss' | 'neutral';
  } | null;
  /** The metric month by month over the range, and over the comparison when there is one (same length). */
  trend: { current: number[]; previous: number[] | null };
}

export interface PeriodSummary {
  range: string;
  months: number;
  /** "Oct 2024 – Sep 2025 (previous period)", or null. */
  comparison: string | null;
  /** Why there is no comparison, when one was asked for. */
  comparisonMissing: string | null;
  /** Who is counted: "All customers, both channels". */
  scope: string;
  /** The revenue trend in one sentence: the range's revenue and its change. */
  trend: string;
  kpis: PeriodKpi[];
}

/** A channel inside a sentence: "online", "in store". */
const channelWord = (key: ChannelKey) => CHANNEL_NAME[channelOfKey(key)].toLowerCase();

const mean = (v: readonly number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * A change as shown: one decimal, with the direction it reads as ("flat" when it rounds to zero).
 * `upIsGood` colours it: more revenue is a gain, a higher online share is neither.
 */
function shownDelta(
  change: number,
  unit: (size: number) => string,
  saidUnit: (size: number) => string,
  upIsGood: boolean,
): PeriodKpi['delta'] {
  const size = Math.round(Math.abs(change) * 10) / 10;
  if (size === 0) return { text: unit(0), direction: 'flat', said: 'unchanged', tone: 'neutral' };
  const direction = change > 0 ? 'up' : 'down';
  const tone = !upIsGood ? 'neutral' : direction === 'up' ? 'gain' : 'loss';
  return {
    text: `${change > 0 ? '+' : '−'}${unit(size)}`,
    direction,
    said: `${direction} ${saidUnit(size)}`,
    tone,
  };
}

/** A relative change, or null when the base is zero (no change can be stated). */
function relativeDelta(now: number, before: number): PeriodKpi['delta'] {
  if (!(before > 0)) return null;
  return shownDelta((now / before - 1) * 100, formatPct, formatPct, true);
}

/** A change of a share, in percentage points. */
function pointsDelta(now: number, before: number): PeriodKpi['delta'] {
  return shownDelta(
    now - before,
    (v) => `${formatCount(v, 1)} pts`,
    (v) => `${formatCount(v, 1)} points`,
    false,
  );
}

/** Who a view counts: "All customers, both channels", "Engaged Regulars, online". */
function scopeLabel(rev: PeriodData, view: PeriodView): string {
  const who = view.persona === null ? 'All customers' : rev.rows[view.persona]!.persona;
  const where = view.channel === null ? 'both channels' : channelWord(view.channel);
  return `${who}, ${where}`;
}

/** The six period KPIs with their changes and trend lines, for a view of the monthly table. */
export function periodSummary(rev: PeriodData, view: PeriodView): PeriodSummary {
  const { monthly, currency } = rev;
  const now = periodTotals(monthly, view, view.persona, view.channel);
  const compared = comparisonRange(view, monthly);
  const before =
    compared && 'from' in compared ? periodTotals(monthly, compared, view.persona, view.channel) : null;
  const filtered = view.persona !== null || view.channel !== null;

  const share = (t: PeriodTotals) =>
    filtered ? 100 * ratio(t.revenue, t.allRevenue) : 100 * ratio(t.onlineRevenue, t.personaRevenue);
  const perOrder = (t: PeriodTotals) => ratio(t.revenue, t.orders);
  const perOrderByMonth = (t: PeriodTotals) =>
    t.byMonth.revenue.map((r, i) => ratio(r, t.byMonth.orders[i]!));

  const kpi = (
    id: KpiId,
    label: string,
    value: string,
    hint: string,
    delta: PeriodKpi['delta'],
    trend: (t: PeriodTotals) => number[],
  ): PeriodKpi => ({
    id,
    label,
    value,
    hint,
    delta,
    trend: { current: trend(now), previous: before ? trend(before) : null },
  });

  const kpis: PeriodKpi[] = [
    kpi(
      'revenue',
      'Revenue',
      formatMoneyCompact(now.revenue, currency),
      `${formatMoney(now.revenue, currency)} net of discounts`,
      before && relativeDelta(now.revenue, before.revenue),
      (t) => t.byMonth.revenue,
    ),
    kpi(
      'orders',
      'Orders',
      formatCount(now.orders),
      `${formatCount(now.orders / Math.max(1, now.byMonth.orders.length))} a month`,
      before && relativeDelta(now.orders, before.orders),
      (t) => t.byMonth.orders,
    ),
    kpi(
      'spend-per-order',
      'Spend per order',
      formatMoney(perOrder(now), currency),
      'per order: revenue ÷ orders',
      before && relativeDelta(perOrder(now), perOrder(before)),
      perOrderByMonth,
    ),
    kpi(
      'active',
      'Buying customers',
      formatCount(mean(now.byMonth.active)),
      'a month, on average',
      before && relativeDelta(mean(now.byMonth.active), mean(before.byMonth.active)),
      (t) => t.byMonth.active,
    ),
    kpi(
      'new',
      'New customers',
      formatCount(now.newCustomers),
      'first order in the data',
      before && relativeDelta(now.newCustomers, before.newCustomers),
      () => [],
    ),
    kpi(
      'share',
      filtered ? 'Share of all revenue' : 'Online share',
      formatPct(share(now)),
      filtered ? 'of every customer’s revenue in both channels' : 'of revenue',
      before && pointsDelta(share(now), share(before)),
      () => [],
    ),
  ];

  const revenue = kpis[0]!;
  const trend =
    `${formatMoneyCompact(now.revenue, currency)} in ${rangeLabel(view.from, view.to)}` +
    (before && compared && 'from' in compared
      ? revenue.delta
        ? `, ${revenue.delta.said} on ${rangeLabel(compared.from, compared.to)} (${formatMoneyCompact(before.revenue, currency)}).`
        : `, against nothing in ${rangeLabel(compared.from, compared.to)}.`
      : '.');

  return {
    trend,
    range: rangeLabel(view.from, view.to),
    months: monthSpan(view.from, view.to),
    comparison:
      compared && 'from' in compared
        ? `${rangeLabel(compared.from, compared.to)} (${COMPARE_LABELS[view.compare].toLowerCase()})`
        : null,
    comparisonMissing: compared && 'missing' in compared ? compared.missing : null,
    scope: scopeLabel(rev, view),
    kpis,
  };
}

/**
 * Where the range's revenue concentrates: the persona that brought the most of it (in the chosen
 * channel), in rupees and as a share, against its share of customers.
 */
export function concentrationSentence(rev: PeriodData, view: PeriodView): string | null {
  const shares = rev.rows.map((row) => ({
    row,
    revenue: periodTotals(rev.monthly, view, row.cluster_id, view.channel).revenue,
  }));
  const all = shares.reduce((s, p) => s + p.revenue, 0);
  const top = argMax(shares, (p) => p.revenue);
  if (!top || !(all > 0)) return null;
  const where = view.channel === null ? '' : ` ${channelWord(view.channel)}`;
  return (
    `${top.row.persona} brought ${formatMoneyCompact(top.revenue, rev.currency)} of the ` +
    `${formatMoneyCompact(all, rev.currency)}${where} revenue in ${rangeLabel(view.from, view.to)} ` +
    `(${formatPct((100 * top.revenue) / all)}), from ${formatPct(top.row.customer_share_pct)} of all customers.`
  );
}

/** Every persona, and all customers, over the view's range and channel, against the comparison. */
export function periodByPersona(data: PeriodData, view: PeriodView): { table: TableData; caption: string } {
  const compared = comparisonRange(view, data.monthly);
  const before = compared && 'from' in compared ? compared : null;
  const withOnline = view.channel === null;
  const everyone = periodTotals(data.monthly, view, null, view.channel).revenue;
  const change = (now: number, then: number | null) =>
    then !== null && then > 0 ? (now / then - 1) * 100 : null;

  const row = (name: string, persona: number | null): TableRow => {
    const now = periodTotals(data.monthly, view, persona, view.channel);
    const then = before ? periodTotals(data.monthly, before, persona, view.channel) : null;
    const onlineShare = (t: PeriodTotals) => 100 * ratio(t.onlineRevenue, t.personaRevenue);
    return {
      persona: name,
      revenue: now.revenue,
      revenue_change: change(now.revenue, then?.revenue ?? null),
      revenue_share: 100 * ratio(now.revenue, everyone),
      orders: now.orders,
      spend_per_order: ratio(now.revenue, now.orders),
      spend_per_order_change: change(
        ratio(now.revenue, now.orders),
        then ? ratio(then.revenue, then.orders) : null,
      ),
      active: mean(now.byMonth.active),
      ...(withOnline
        ? {
            online_share: onlineShare(now),
            online_share_change:
              then && then.personaRevenue > 0 ? onlineShare(now) - onlineShare(then) : null,
          }
        : {}),
    };
  };

  const columns: TableColumn[] = [
    { key: 'persona', label: 'Persona', format: 'text' },
    { key: 'revenue', label: 'Revenue', format: 'money' },
    ...(before ? [{ key: 'revenue_change', label: 'Revenue change', format: 'change' } as const] : []),
    { key: 'revenue_share', label: 'Share of revenue', format: 'pct' },
    { key: 'orders', label: 'Orders', format: 'count' },
    { key: 'spend_per_order', label: 'Spend per order', format: 'money' },
    ...(before
      ? [{ key: 'spend_per_order_change', label: 'Spend per order change', format: 'change' } as const]
      : []),
    { key: 'active', label: 'Buying customers a month', format: 'count' },
    ...(withOnline
      ? [{ key: 'online_share', label: 'Online share of revenue', format: 'pct' } as const]
      : []),
    ...(withOnline && before
      ? [{ key: 'online_share_change', label: 'Online share change', format: 'points' } as const]
      : []),
  ];
  const where = view.channel === null ? '' : `, ${channelWord(view.channel)} only`;
  return {
    table: {
      columns,
      rows: [...data.rows.map((r) => row(r.persona, r.cluster_id)), row('All customers', null)],
    },
    caption:
      `Each persona in ${rangeLabel(view.from, view.to)}${where} (${data.currency})` +
      (before ? `; changes against ${rangeLabel(before.from, before.to)}` : ''),
  };
}

/**
 * How each persona's business divides between the channels over the view's range, against the
 * comparison: revenue in each channel, the online share of revenue and of orders (with their changes
 * in points) and buyers a month in each channel. The channel choice does not apply: both are shown.
 */
export function periodChannelMix(data: PeriodData, view: PeriodView): { table: TableData; caption: string } {
  const compared = comparisonRange(view, data.monthly);
  const before = compared && 'from' in compared ? compared : null;
  const inStore = (range: { from: string; to: string }, persona: number | null) =>
    periodTotals(data.monthly, range, persona, 'instore');
  const online = (range: { from: string; to: string }, persona: number | null) =>
    periodTotals(data.monthly, range, persona, 'online');
  const shares = (range: { from: string; to: string }, persona: number | null) => {
    const s = inStore(range, persona);
    const o = online(range, persona);
    return {
      s,
      o,
      revenue: 100 * ratio(o.revenue, o.revenue + s.revenue),
      orders: 100 * ratio(o.orders, o.orders + s.orders),
    };
  };
  const row = (name: string, persona: number | null): TableRow => {
    const now = shares(view, persona);
    const then = before ? shares(before, persona) : null;
    return {
      persona: name,
      instore_revenue: now.s.revenue,
      online_revenue: now.o.revenue,
      online_revenue_share: now.revenue,
      online_revenue_share_change:
        then && then.s.revenue + then.o.revenue > 0 ? now.revenue - then.revenue : null,
      online_order_share: now.orders,
      online_order_share_change: then && then.s.orders + then.o.orders > 0 ? now.orders - then.orders : null,
      instore_active: mean(now.s.byMonth.active),
      online_active: mean(now.o.byMonth.active),
    };
  };
  const columns: TableColumn[] = [
    { key: 'persona', label: 'Persona', format: 'text' },
    { key: 'instore_revenue', label: 'In-store revenue', format: 'money' },
    { key: 'online_revenue', label: 'Online revenue', format: 'money' },
    { key: 'online_revenue_share', label: 'Online share of revenue', format: 'pct' },
    ...(before
      ? [{ key: 'online_revenue_share_change', label: 'Revenue share change', format: 'points' } as const]
      : []),
    { key: 'online_order_share', label: 'Online share of orders', format: 'pct' },
    ...(before
      ? [{ key: 'online_order_share_change', label: 'Order share change', format: 'points' } as const]
      : []),
    { key: 'instore_active', label: 'Store buyers a month', format: 'count' },
    { key: 'online_active', label: 'Online buyers a month', format: 'count' },
  ];
  return {
    table: {
      columns,
      rows: [...data.rows.map((r) => row(r.persona, r.cluster_id)), row('All customers', null)],
    },
    caption:
      `Channel mix by persona in ${rangeLabel(view.from, view.to)} (${data.currency})` +
      (before ? `; changes in percentage points against ${rangeLabel(before.from, before.to)}` : ''),
  };
}
