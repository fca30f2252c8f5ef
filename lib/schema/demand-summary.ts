import { z } from 'zod';

const pct = z.number().min(0).max(100);

export const DemandRowSchema = z.object({
  family_id: z.number().int().positive(),
  family_name: z.string(),
  intent: z.string(),
  is_emotional: z.boolean(),
  instore_purchase_pct: pct,
  online_purchase_pct: pct,
  impulse_rate_pct: pct,
  daily_demand_instore: z.number().nonnegative(),
  daily_demand_online: z.number().nonnegative(),
  dwell_seconds: z.number().nonnegative(),
  items_considered: z.number().int().positive(),
  price_avg_usd: z.number().nonnegative(),
  price_sd_usd: z.number().nonnegative().nullable(),
  price_min_usd: z.number().nonnegative(),
  price_max_usd: z.number().nonnegative(),
  /** Why the generator did not use the published prices, when it did not. */
  price_note: z.string().nullable(),
  product_count: z.number().int().nonnegative(),
  example_products: z.array(z.string()),
  zone_id: z.number().int(),
  /** Rank by daily demand within the channel (1 = highest) and the cumulative share up to this family. */
  instore_demand_rank: z.number().int().positive(),
  online_demand_rank: z.number().int().positive(),
  instore_cumulative_demand_pct: pct,
  online_cumulative_demand_pct: pct,
  /** Share of synthetic spend in each channel. */
  synthetic_instore_spend_share_pct: pct,
  synthetic_online_spend_share_pct: pct,
});

export const DemandSummarySchema = z.object({
  table: z.literal('demand_summary'),
  rows: z.array(DemandRowSchema).length(134),
  /** Families that together carry 80 % of daily demand, per channel (Pareto). */
  pareto: z.object({
    threshold_pct: z.number(),
    instore_family_count: z.number().int().positive(),
    online_family_count: z.number().int().positive(),
  }),
});

export type DemandRow = z.infer<typeof DemandRowSchema>;
export type DemandSummary = z.infer<typeof DemandSummarySchema>;
