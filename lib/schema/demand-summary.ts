import { z } from 'zod';

const pct = z.number().min(0).max(100);

export const DemandRowSchema = z.object({
  family_id: z.number().int().positive(),
  family_name: z.string(),
  intent: z.string(),
  /** Public-data fields: null when the table describes a brand's own categories. */
  is_emotional: z.boolean().nullable(),
  instore_purchase_pct: pct,
  online_purchase_pct: pct,
  impulse_rate_pct: pct.nullable(),
  daily_demand_instore: z.number().nonnegative(),
  daily_demand_online: z.number().nonnegative(),
  dwell_seconds: z.number().nonnegative().nullable(),
  items_considered: z.number().int().positive().nullable(),
  price_avg_usd: z.number().nonnegative(),
  price_sd_usd: z.number().nonnegative().nullable(),
  price_min_usd: z.number().nonnegative(),
  price_max_usd: z.number().nonnegative(),
  /** Why the generator did not use the published prices, when it did not. */
  price_note: z.string().nullable(),
  product_count: z.number().int().nonnegative().nullable(),
  example_products: z.array(z.string()).nullable(),
  zone_id: z.number().int().nullable(),
  /** Rank by daily demand within the channel (1 = highest) and the cumulative share up to this family. */
  instore_demand_rank: z.number().int().positive(),
  online_demand_rank: z.number().int().positive(),
  instore_cumulative_demand_pct: pct,
  online_cumulative_demand_pct: pct,
  /** Share of the log's spend in each channel (synthetic, or the brand's orders). */
  synthetic_instore_spend_share_pct: pct,
  synthetic_online_spend_share_pct: pct,
});

export const DemandSummarySchema = z
  .object({
    table: z.literal('demand_summary'),
    /**
     * Absent: the 134 public product families (prices in USD). 'orders': a brand's own categories,
     * from its orders (purchase % = share of the channel's orders holding the category, daily demand
     * = average units a day, prices = amount ÷ quantity in the build currency).
     */
    source: z.literal('orders').optional(),
    rows: z.array(DemandRowSchema).min(1),
    /** Families that together carry 80 % of daily demand, per channel (Pareto). */
    pareto: z.object({
      threshold_pct: z.number(),
      instore_family_count: z.number().int().nonnegative(),
      online_family_count: z.number().int().nonnegative(),
    }),
  })
  .superRefine((d, ctx) => {
    if (d.source === undefined && d.rows.length !== 134)
      ctx.addIssue({
        code: 'custom',
        path: ['rows'],
        message: `expected the 134 public families, got ${d.rows.length}`,
      });
  });

export const PUBLIC_FAMILY_COUNT = 134;

export type DemandRow = z.infer<typeof DemandRowSchema>;
export type DemandSummary = z.infer<typeof DemandSummarySchema>;
