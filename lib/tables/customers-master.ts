import { quantileSorted } from '../features/percentile-rank';
import type { AnalysisContext } from '../pipeline/analysis-context';
import {
  AGE_BANDS,
  CLV_BANDS,
  CUSTOMER_COLUMNS,
  type CustomerRow,
  type CustomersMaster,
} from '../schema/customers-master';
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

export function churnBand(churnRisk: number): 'low' | 'medium' | 'high' {
  return churnRisk >= 60 ? 'high' : churnRisk >= 40 ? 'medium' : 'low';
}

export function preferredChannel(onlineRatio: number): 'in-store' | 'both' | 'online' {
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

/** The intent with the most spend for each customer (index into the log's intent list). */
export function topIntents(ctx: AnalysisContext, intents: readonly string[]): string[] {
  const { log } = ctx;
  const categoryIntent = log.categories.map((c) => intents.indexOf(c.intent));
  const spend = new Float64Array(intents.length);
  const out: string[] = new Array(log.customerCount);
  for (let c = 0; c < log.customerCount; c++) {
    spend.fill(0);
    const l0 = log.orderLineStart[log.customerOrderStart[c]!]!;
    const l1 = log.orderLineStart[log.customerOrderStart[c + 1]!]!;
    for (let l = l0; l < l1; l++) spend[categoryIntent[log.lineCategory[l]!]!]! += log.lineNet[l]!;
    let best = 0;
    for (let i = 1; i < intents.length; i++) if (spend[i]! > spend[best]!) best = i;
    out[c] = intents[best]!;
  }
  return out;
}

export function buildCustomersMaster(
  ctx: AnalysisContext,
  intents: readonly string[],
  value: CustomerValue,
): CustomersMaster {
  const v = value.predictions;
  const { log, features: f, scores: s } = ctx;
  const thresholds = clvBandThresholds(s.clv_proxy);
  const top = topIntents(ctx, intents);
  const dates = dayLabels(log.windowStart, log.windowDays);
  const rows: CustomerRow[] = new Array(log.customerCount);
  for (let c = 0; c < log.customerCount; c++) {
    const age = log.attributes.age[c]!;
    const gender = log.attributes.gender[c]!;
    const locale = log.attributes.locale[c]!;
    rows[c] = [
      log.customerIds[c]!,
      ctx.clusterOf[c]!,
      ctx.personas[ctx.clusterOf[c]!]!.persona,
      age > 0 ? age : null,
      ageBand(age),
      GENDERS[gender] ?? 'unknown',
      LOCALES[locale] ?? 'unknown',
      dates[f.first_order_day[c]!]!,
      dates[f.last_order_day[c]!]!,
      f.tenure_days[c]!,
      f.order_count[c]!,
      roundNum(f.orders_per_month[c]!, 3),
      f.recency_days[c]!,
      roundNum(f.total_spend[c]!, 2),
      roundNum(f.avg_order_value[c]!, 2),
      roundNum(f.basket_size[c]!, 2),
      round(f.dwell_minutes[c]!, 1),
      roundNum(f.online_ratio[c]!, 3),
      preferredChannel(f.online_ratio[c]!),
      f.category_diversity[c]!,
      top[c]!,
      roundNum(f.discount_share[c]!, 4),
      roundNum(f.active_month_share[c]!, 3),
      round(f.response_rate[c]!, 4),
      roundNum(s.engagement_index[c]!, 1),
      roundNum(s.loyalty_score[c]!, 1),
      roundNum(s.churn_risk[c]!, 1),
      churnBand(roundNum(s.churn_risk[c]!, 1)),
      roundNum(s.clv_proxy[c]!, 1),
      roundNum(s.clv_proxy_value[c]!, 2),
      clvBand(s.clv_proxy[c]!, thresholds),
      round(v.pAlive[c]!, 3),
      round(v.expectedPurchases[c]!, 2),
      round(v.clv[c]!, 0),
      round(v.clvP10[c]!, 0),
      round(v.clvP90[c]!, 0),
    ];
  }
  return { table: 'customers_master', currency: ctx.currency, columns: [...CUSTOMER_COLUMNS] as never, rows };
}
