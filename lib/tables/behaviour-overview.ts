import { behaviourGroup, type BehaviourGroup, type BehaviourOverview } from '../schema/behaviour-overview';
import { AGE_BANDS } from '../schema/customers-master';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import { addDays, GENDERS, LOCALES } from '../transactions/transaction-log';
import { ageBand } from './customers-master';
import { pct, round, roundNum } from './numbers';
import { clusterOrderTotals, type OrderTotals } from './order-totals';

/** A group's customers and their per-customer sums, and their orders' sums. */
interface Acc extends OrderTotals {
  customers: number;
  repeaters: number;
  ordersPerMonth: number;
  engagement: number;
  loyalty: number;
  churn: number;
  clv: number;
  ageSum: number;
  ageKnown: number;
  gender: number[];
  locale: number[];
  ageBand: number[];
}

const emptyAcc = (orders: OrderTotals): Acc => ({
  ...orders,
  customers: 0,
  repeaters: 0,
  ordersPerMonth: 0,
  engagement: 0,
  loyalty: 0,
  churn: 0,
  clv: 0,
  ageSum: 0,
  ageKnown: 0,
  gender: new Array(GENDERS.length + 1).fill(0),
  locale: new Array(LOCALES.length + 1).fill(0),
  ageBand: new Array(AGE_BANDS.length).fill(0),
});

function split(counts: number[], labels: readonly string[], total: number): Record<string, number> {
  const out: Record<string, number> = {};
  labels.forEach((label, i) => (out[label] = pct(counts[i]!, total, 2)));
  if (counts.length > labels.length && counts[labels.length]! > 0)
    out.unknown = pct(counts[labels.length]!, total, 2);
  return out;
}

function toGroup(a: Acc, all: Acc, clusterId: number | null, persona: string): BehaviourGroup {
  const per = (x: number) => roundNum(a.customers > 0 ? x / a.customers : 0, 2);
  return behaviourGroup({
    cluster_id: clusterId,
    persona,
    customers: a.customers,
    customer_share_pct: pct(a.customers, all.customers),
    revenue: roundNum(a.revenue, 2),
    orders: a.orders,
    avg_spend_per_visit: roundNum(a.orders > 0 ? a.revenue / a.orders : 0, 2),
    avg_dwell_minutes: round(a.instoreOrders > 0 ? a.dwell / a.instoreOrders : NaN, 2),
    avg_basket_size: roundNum(a.orders > 0 ? a.units / a.orders : 0, 2),
    online_order_share_pct: pct(a.onlineOrders, a.orders),
    online_revenue_share_pct: pct(a.onlineRevenue, a.revenue),
    repeat_purchase_ratio_pct: pct(a.repeaters, a.customers),
    avg_orders_per_month: roundNum(a.customers > 0 ? a.ordersPerMonth / a.customers : 0, 3),
    avg_engagement_index: per(a.engagement),
    avg_loyalty_score: per(a.loyalty),
    avg_churn_risk: per(a.churn),
    avg_clv_proxy: per(a.clv),
    avg_age: round(a.ageKnown > 0 ? a.ageSum / a.ageKnown : NaN, 1),
    gender_split_pct: split(a.gender, GENDERS, a.customers),
    locale_split_pct: split(a.locale, LOCALES, a.customers),
    age_band_split_pct: split(a.ageBand, AGE_BANDS, a.customers),
  });
}

/** The behaviour table; `totals` (the personas' order sums) come from the log unless given. */
export function buildBehaviourOverview(
  ctx: AnalysisContext,
  totals: { clusters: OrderTotals[]; all: OrderTotals } = clusterOrderTotals(ctx),
): BehaviourOverview {
  const { log, features: f, scores: s } = ctx;
  const accs = totals.clusters.map(emptyAcc);
  const all = emptyAcc(totals.all);
  for (let c = 0; c < log.customerCount; c++) {
    const age = log.attributes.age[c]!;
    for (const a of [accs[ctx.clusterOf[c]!]!, all]) {
      a.customers++;
      a.repeaters += f.order_count[c]! >= 2 ? 1 : 0;
      a.ordersPerMonth += f.orders_per_month[c]!;
      a.engagement += s.engagement_index[c]!;
      a.loyalty += s.loyalty_score[c]!;
      a.churn += s.churn_risk[c]!;
      a.clv += s.clv_proxy[c]!;
      if (age > 0) {
        a.ageSum += age;
        a.ageKnown++;
      }
      a.gender[Math.min(log.attributes.gender[c]!, GENDERS.length)]!++;
      a.locale[Math.min(log.attributes.locale[c]!, LOCALES.length)]!++;
      a.ageBand[AGE_BANDS.indexOf(ageBand(age))]!++;
    }
  }
  return {
    table: 'behaviour_overview',
    currency: ctx.currency,
    window_start: log.windowStart,
    window_end: addDays(log.windowStart, log.windowDays - 1),
    personas: accs.map((a, cl) => ({ ...toGroup(a, all, cl, personaOf(ctx, cl)), cluster_id: cl })),
    total: toGroup(all, all, null, 'All customers'),
  };
}
