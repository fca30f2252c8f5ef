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
