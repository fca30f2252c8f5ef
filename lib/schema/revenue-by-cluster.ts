import { z } from 'zod';

const pct = z.number().min(0).max(100);
const money = z.number().nonnegative();

export const RevenueRowSchema = z.object({
  cluster_id: z.number().int().nonnegative().nullable(),
  persona: z.string(),
  customers: z.number().int().nonnegative(),
  customer_share_pct: pct,
  revenue: money,
  revenue_share_pct: pct,
  /** revenue share ÷ customer share: above 1, the persona brings more than its head-count. */
  revenue_index: z.number().nonnegative(),
  revenue_per_customer: money,
  orders: z.number().int().nonnegative(),
  orders_per_customer: z.number().nonnegative(),
  avg_order_value: money,
  online_revenue_share_pct: pct,
  discount_share_pct: pct,
  avg_clv_proxy: z.number().min(0).max(100),
  avg_churn_risk: z.number().min(0).max(100),
});

export const RevenueByClusterSchema = z.object({
  table: z.literal('revenue_by_cluster'),
  currency: z.string(),
  /** One row per cluster, ordered by cluster_id. */
  rows: z.array(RevenueRowSchema.extend({ cluster_id: z.number().int().nonnegative() })),
  /** All customers (cluster_id null). */
  total: RevenueRowSchema,
  /** Net revenue per calendar month of the window, per cluster (same order as rows). */
  monthly: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), revenue: z.array(money) })),
});

export type RevenueRow = z.infer<typeof RevenueRowSchema>;
export type RevenueByCluster = z.infer<typeof RevenueByClusterSchema>;
