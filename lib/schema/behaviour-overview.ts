import { z } from 'zod';

const pct = z.number().min(0).max(100);

export const BehaviourGroupSchema = z.object({
  cluster_id: z.number().int().nonnegative().nullable(),
  persona: z.string(),
  customers: z.number().int().nonnegative(),
  customer_share_pct: pct,
  revenue: z.number().nonnegative(),
  orders: z.number().int().nonnegative(),
  /** Net revenue per order (a visit in store or an online order). */
  avg_spend_per_visit: z.number().nonnegative(),
  /** Mean dwell per in-store visit, minutes. */
  avg_dwell_minutes: z.number().nonnegative().nullable(),
  /** Units per order. */
  avg_basket_size: z.number().nonnegative(),
  online_order_share_pct: pct,
  online_revenue_share_pct: pct,
  /** Customers with two or more orders. */
  repeat_purchase_ratio_pct: pct,
  avg_orders_per_month: z.number().nonnegative(),
  avg_engagement_index: z.number().min(0).max(100),
  avg_loyalty_score: z.number().min(0).max(100),
  avg_churn_risk: z.number().min(0).max(100),
  avg_clv_proxy: z.number().min(0).max(100),
  avg_age: z.number().nonnegative().nullable(),
  gender_split_pct: z.record(z.string(), pct),
  locale_split_pct: z.record(z.string(), pct),
  age_band_split_pct: z.record(z.string(), pct),
});

export const BehaviourOverviewSchema = z.object({
  table: z.literal('behaviour_overview'),
  currency: z.string(),
  window_start: z.string(),
  window_end: z.string(),
  personas: z.array(BehaviourGroupSchema.extend({ cluster_id: z.number().int().nonnegative() })),
  total: BehaviourGroupSchema,
});

export type BehaviourGroup = z.infer<typeof BehaviourGroupSchema>;
export type BehaviourOverview = z.infer<typeof BehaviourOverviewSchema>;
