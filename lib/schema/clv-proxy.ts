import { z } from 'zod';

export const CLV_COLUMNS = [
  'customer_id',
  'cluster_id',
  'clv_proxy',
  'clv_proxy_value',
  'avg_order_value',
  'orders_per_month',
  'expected_lifespan_months',
  'engagement_weight',
] as const;

export const QuantilesSchema = z.object({
  min: z.number(),
  p05: z.number(),
  p10: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p90: z.number(),
  p95: z.number(),
  max: z.number(),
  mean: z.number(),
});

/** The predicted-CLV distribution of a persona in clv_proxy; null when the model is not sufficient. */
export const PredictedDistributionSchema = z.object({
  /** Customers with a prediction. */
  customers: z.number().int().nonnegative(),
  /** Customers per bin of `predicted_bin_edges`; the last bin holds everything from its lower edge up. */
  counts: z.array(z.number().int().nonnegative()),
  quantiles: QuantilesSchema,
  expected_purchases: z.number().nonnegative(),
  predicted_clv: z.number().nonnegative(),
  /** Σ P(alive). */
  active_customers: z.number().nonnegative(),
});

export const ClvDistributionSchema = z.object({
  cluster_id: z.number().int().nonnegative().nullable(),
  persona: z.string(),
  customers: z.number().int().nonnegative(),
  /** Customers per bin of `bin_edges` (last bin closed on the right). */
  counts: z.array(z.number().int().nonnegative()),
  /** Same, as a share of the group's customers (0–100). */
  shares_pct: z.array(z.number().min(0).max(100)),
  quantiles: QuantilesSchema,
  value_quantiles: QuantilesSchema,
  /** Predicted CLV (BG/NBD + Gamma-Gamma, see value_model); null when the model is not sufficient. */
  predicted: PredictedDistributionSchema.nullable(),
});

export const ClvProxyTableSchema = z.object({
  table: z.literal('clv_proxy'),
  currency: z.string(),
  horizon_months: z.number().positive(),
  columns: z.tuple(CLV_COLUMNS.map((c) => z.literal(c)) as never),
  rows: z.array(
    z.tuple([
      z.string(),
      z.number().int().nonnegative(),
      z.number().min(0).max(100),
      z.number().nonnegative(),
      z.number().nonnegative(),
      z.number().nonnegative(),
      z.number().nonnegative(),
      z.number().min(0.5).max(1.5),
    ]),
  ),
  bin_edges: z.array(z.number()),
  /** Edges of the predicted-CLV histograms (currency); null when the model is not sufficient. */
  predicted_bin_edges: z.array(z.number()).nullable(),
  distributions: z.array(ClvDistributionSchema),
  overall: ClvDistributionSchema,
  /** Spearman rank correlation of the CLV proxy with predicted CLV over all customers; null without predictions. */
  predicted_clv_spearman: z.number().min(-1).max(1).nullable(),
});

export type Quantiles = z.infer<typeof QuantilesSchema>;
export type ClvDistribution = z.infer<typeof ClvDistributionSchema>;
export type PredictedDistribution = z.infer<typeof PredictedDistributionSchema>;
export type ClvProxyTable = z.infer<typeof ClvProxyTableSchema>;
