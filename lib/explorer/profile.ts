import type { CustomerColumn } from '@/lib/schema/customers-master';
import type { Customer } from './customers';

/** The numbers a customer's profile compares with the persona's and everyone's averages. */
export const PROFILE_METRICS = [
  'engagement_index',
  'loyalty_score',
  'churn_risk',
  'clv_proxy',
  'order_count',
  'orders_per_month',
  'total_spend',
  'avg_order_value',
  'basket_size',
  'recency_days',
  'online_ratio',
  'category_diversity',
  'discount_share',
  'active_month_share',
  'response_rate',
  'dwell_minutes',
  'p_alive',
  'expected_purchases',
  'predicted_clv',
] as const satisfies readonly CustomerColumn[];
export type ProfileMetric = (typeof PROFILE_METRICS)[number];

export type Averages = Record<ProfileMetric, number | null>;

export interface AverageBook {
  everyone: Averages;
  byCluster: Map<number, Averages>;
}

/**
 * Means of each profile metric over everyone and per cluster. Missing values (no dwell for
 * online-only customers, no response rate without marketing touches) are left out of the mean,
 * as the pipeline's scores leave out missing components (and the value model's figures, null
 * when it could not be fitted); a mean over no values is null.
 */
export function averages(customers: readonly Customer[]): AverageBook {
  const m = PROFILE_METRICS.length;
  const total = new Float64Array(m);
  const count = new Float64Array(m);
  const clusters = new Map<number, { total: Float64Array; count: Float64Array }>();
  for (const c of customers) {
    let acc = clusters.get(c.cluster_id);
    if (!acc) clusters.set(c.cluster_id, (acc = { total: new Float64Array(m), count: new Float64Array(m) }));
    for (let i = 0; i < m; i++) {
      const v = c[PROFILE_METRICS[i]!];
      if (v === null) continue;
      total[i]! += v;
      count[i]! += 1;
      acc.total[i]! += v;
      acc.count[i]! += 1;
    }
  }
  const toAverages = (t: Float64Array, n: Float64Array): Averages =>
    Object.fromEntries(PROFILE_METRICS.map((k, i) => [k, n[i]! > 0 ? t[i]! / n[i]! : null])) as Averages;
  const byCluster = new Map<number, Averages>();
  for (const [id, acc] of [...clusters].sort((a, b) => a[0] - b[0]))
    byCluster.set(id, toAverages(acc.total, acc.count));
  return { everyone: toAverages(total, count), byCluster };
}

/** In-store and online shares of a customer's orders, in percent (online_ratio is 0–1). */
export function channelSplit(c: Customer): { online: number; inStore: number } {
  const online = c.online_ratio * 100;
  return { online, inStore: 100 - online };
}

/** How many orders the customer placed online and in store (order_count × online share, rounded). */
export function channelOrders(c: Customer): { online: number; inStore: number } {
  const online = Math.round(c.order_count * c.online_ratio);
  return { online, inStore: c.order_count - online };
}
