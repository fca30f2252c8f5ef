import { categoryIntents } from '../intents/category-intents';
import type { PreferredChannel } from '../schema/channels';
import {
  AGE_BANDS,
  churnRiskBand,
  CLV_BANDS,
  CUSTOMER_COLUMNS,
  customerRow,
  type CustomerRow,
  type CustomersMaster,
} from '../schema/customers-master';
import type { AnalysisContext } from '../segment/analysis-context';
import { quantileSorted } from '../stats/quantile';
import { dayLabels, GENDERS, LOCALES } from '../transactions/transaction-log';
import type { CustomerValue } from '../value/customer-value';
import { round, roundNum } from './numbers';

export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  if (!(age > 0)) return 'unknown';
  if (age < 25) return '18–24';
  if (age < 35) return '25–34';
  if (age < 45) return '35–44';
  if (age < 55) return '45–54';
  if (age < 65) return '55–64';
  return '65+';
}

export function preferredChannel(onlineRatio: number): PreferredChannel {
  return onlineRatio >= 2 / 3 ? 'online' : onlineRatio <= 1 / 3 ? 'in-store' : 'both';
}

/** CLV bands are rank-based: top 10 %, next 20 %, middle 40 %, bottom 30 % of the CLV proxy. */
export function clvBandThresholds(clv: Float64Array): [number, number, number] {
  const sorted = clv.slice().sort();
  return [quantileSorted(sorted, 0.9), quantileSorted(sorted, 0.7), quantileSorted(sorted, 0.3)];
}

export function clvBand(value: number, t: [number, number, number]): (typeof CLV_BANDS)[number] {
  return value >= t[0] ? 'top 10%' : value >= t[1] ? 'next 20%' : value >= t[2] ? 'middle 40%' : 'bottom 30%';
}

/**
 * Each customer's lead intent, as an index into `intentCount` intents (`categoryIntent` maps a
 * category to its intent): the one with the most net spend among those the customer bought, the
 * earlier on a tie; −1 for a customer without an order line. The TypeScript reference of
 * sql/customer_top_intent.sql.
 */
export function topIntentIndex(
  log: AnalysisContext['log'],
  categoryIntent: readonly number[],
  intentCount: number,
): Int32Array {
  const spend = new Float64Array(intentCount);
  const bought = new Uint8Array(intentCount);
  const out = new Int32Array(log.customerCount);
  for (let c = 0; c < log.customerCount; c++) {
    spend.fill(0);
    bought.fill(0);
    const l0 = log.orderLineStart[log.customerOrderStart[c]!]!;
    const l1 = log.orderLineStart[log.customerOrderStart[c + 1]!]!;
    for (let l = l0; l < l1; l++) {
      const intent = categoryIntent[log.lineCategory[l]!]!;
      spend[intent]! += log.lineNet[l]!;
      bought[intent] = 1;
    }
    let best = -1;
    for (let i = 0; i < intentCount; i++) if (bought[i] && (best < 0 || spend[i]! > spend[best]!)) best = i;
    out[c] = best;
  }
  return out;
}

/** The intent with the most spend for each customer; the first intent for one without a line. */
function topIntents(ctx: AnalysisContext, intents: readonly string[], topIntent?: Int32Array): string[] {
  const index =
    topIntent ?? topIntentIndex(ctx.log, categoryIntents(ctx.log.categories, intents), intents.length);
  return Array.from(index, (i) => intents[Math.max(0, i)]!);
}

/** `topIntent`: each customer's lead intent (topIntentIndex), read from the log unless given. */
export function buildCustomersMaster(
  ctx: AnalysisContext,
  intents: readonly string[],
  value: CustomerValue,
  topIntent?: Int32Array,
): CustomersMaster {
  const v = value.predictions;
  const { log, features: f, scores: s } = ctx;
  const thresholds = clvBandThresholds(s.clv_proxy);
  const top = topIntents(ctx, intents, topIntent);
  const dates = dayLabels(log.windowStart, log.windowDays);
  const rows: CustomerRow[] = new Array(log.customerCount);
  for (let c = 0; c < log.customerCount; c++) {
    const age = log.attributes.age[c]!;
    const gender = log.attributes.gender[c]!;
    const locale = log.attributes.locale[c]!;
    rows[c] = customerRow({
      customer_id: log.customerIds[c]!,
      cluster_id: ctx.clusterOf[c]!,
      persona: ctx.personas[ctx.clusterOf[c]!]!.persona,
      age: age > 0 ? age : null,
      age_band: ageBand(age),
      gender: GENDERS[gender] ?? 'unknown',
      locale: LOCALES[locale] ?? 'unknown',
      first_order_date: dates[f.first_order_day[c]!]!,
      last_order_date: dates[f.last_order_day[c]!]!,
      tenure_days: f.tenure_days[c]!,
      order_count: f.order_count[c]!,
      orders_per_month: roundNum(f.orders_per_month[c]!, 3),
      recency_days: f.recency_days[c]!,
      total_spend: roundNum(f.total_spend[c]!, 2),
      avg_order_value: roundNum(f.avg_order_value[c]!, 2),
      basket_size: roundNum(f.basket_size[c]!, 2),
      dwell_minutes: round(f.dwell_minutes[c]!, 1),
      online_ratio: roundNum(f.online_ratio[c]!, 3),
      preferred_channel: preferredChannel(f.online_ratio[c]!),
      category_diversity: f.category_diversity[c]!,
      top_intent: top[c]!,
      discount_share: roundNum(f.discount_share[c]!, 4),
      active_month_share: roundNum(f.active_month_share[c]!, 3),
      response_rate: round(f.response_rate[c]!, 4),
      engagement_index: roundNum(s.engagement_index[c]!, 1),
      loyalty_score: roundNum(s.loyalty_score[c]!, 1),
      churn_risk: roundNum(s.churn_risk[c]!, 1),
      churn_risk_band: churnRiskBand(roundNum(s.churn_risk[c]!, 1)),
      clv_proxy: roundNum(s.clv_proxy[c]!, 1),
      clv_proxy_value: roundNum(s.clv_proxy_value[c]!, 2),
      clv_band: clvBand(s.clv_proxy[c]!, thresholds),
      p_alive: round(v.pAlive[c]!, 3),
      expected_purchases: round(v.expectedPurchases[c]!, 2),
      predicted_clv: round(v.clv[c]!, 0),
      predicted_clv_p10: round(v.clvP10[c]!, 0),
      predicted_clv_p90: round(v.clvP90[c]!, 0),
    });
  }
  return { table: 'customers_master', currency: ctx.currency, columns: [...CUSTOMER_COLUMNS] as never, rows };
}
