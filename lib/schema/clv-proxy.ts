import { z } from 'zod';
import { recordSchema, rowSchema } from './column-schemas';
import { columnNames, columnOf, type Column } from './columns';
import { CUSTOMERS_MASTER_COLUMNS } from './customers-master';

/** clv_proxy's rows: the CLV proxy and its components per customer (shared columns as in customers_master). */
export const CLV_PROXY_COLUMNS = [
  { ...columnOf(CUSTOMERS_MASTER_COLUMNS, 'customer_id'), rule: (z) => z.string() },
  columnOf(CUSTOMERS_MASTER_COLUMNS, 'cluster_id'),
  columnOf(CUSTOMERS_MASTER_COLUMNS, 'clv_proxy'),
  columnOf(CUSTOMERS_MASTER_COLUMNS, 'clv_proxy_value'),
  columnOf(CUSTOMERS_MASTER_COLUMNS, 'avg_order_value'),
  columnOf(CUSTOMERS_MASTER_COLUMNS, 'orders_per_month'),
  {
    name: 'expected_lifespan_months',
    label: 'Expected lifespan (months)',
    unit: 'count',
    description: 'CLV horizon × (1 − churn risk ÷ 100)',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'engagement_weight',
    label: 'Engagement weight',
    unit: 'weight',
    description: '0.5 + engagement index ÷ 100',
    rule: (z) => z.number().min(0.5).max(1.5),
  },
] as const satisfies readonly Column[];

export const CLV_COLUMNS = columnNames(CLV_PROXY_COLUMNS);
export const ClvRowSchema = rowSchema(CLV_PROXY_COLUMNS);
export const ClvRecordSchema = recordSchema(CLV_PROXY_COLUMNS);
export type ClvRow = z.infer<typeof ClvRowSchema>;
export type ClvRecord = z.infer<typeof ClvRecordSchema>;

/** A record as a compact row, in column order. */
export function clvRow(record: ClvRecord): ClvRow {
  return CLV_COLUMNS.map((c) => record[c]) as ClvRow;
}

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
  rows: z.array(ClvRowSchema),
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
