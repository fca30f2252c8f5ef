import { z } from 'zod';

const pct = z.number().min(0).max(100);

export const MarketingRowSchema = z.object({
  cluster_id: z.number().int().nonnegative().nullable(),
  persona: z.string(),
  /** email, sms, app, event, or "all". */
  contact_channel: z.string(),
  /** Customers who received at least one touch on the channel. */
  customers_reached: z.number().int().nonnegative(),
  reach_pct: pct,
  touches: z.number().int().nonnegative(),
  responses: z.number().int().nonnegative(),
  response_rate_pct: pct,
  /** Orders placed in answer to a touch. */
  conversions: z.number().int().nonnegative(),
  conversion_rate_pct: pct,
  conversions_per_100_responses: z.number().nonnegative(),
  attributed_revenue: z.number().nonnegative(),
  revenue_per_touch: z.number().nonnegative(),
  /** Converted orders that used a discount offer. */
  redemptions: z.number().int().nonnegative(),
  /** Share of conversions that needed a discount. */
  discount_dependency_pct: pct,
  discount_cost: z.number().nonnegative(),
  /** Recent response rate ÷ earlier response rate (1 = steady, < 1 = disengaging); null without both. */
  response_trend: z.number().nonnegative().nullable(),
});

export const MarketingEffectivenessSchema = z.object({
  table: z.literal('marketing_effectiveness'),
  currency: z.string(),
  contact_channels: z.array(z.string()),
  /** Per cluster × contact channel, then per cluster "all", then everyone (cluster_id null). */
  rows: z.array(MarketingRowSchema),
});

export type MarketingRow = z.infer<typeof MarketingRowSchema>;
export type MarketingEffectiveness = z.infer<typeof MarketingEffectivenessSchema>;
