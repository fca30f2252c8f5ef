import { z } from 'zod';

/** The customer metrics whose distribution each persona page draws against everyone's. */
export const DISTRIBUTION_METRICS = [
  'clv_proxy',
  'orders_per_month',
  'avg_order_value',
  'churn_risk',
  'engagement_index',
  'discount_share',
  'online_ratio',
] as const;
export type DistributionMetric = (typeof DISTRIBUTION_METRICS)[number];

const pct = z.number().min(0).max(100);

export const DistributionBinSchema = z.object({
  from: z.number(),
  /** Upper edge (exclusive, except the last closed bin); null for an open-ended top bin. */
  to: z.number().nullable(),
});

export const DistributionGroupSchema = z.object({
  /** null: all customers. */
  cluster_id: z.number().int().nonnegative().nullable(),
  customers: z.number().int().nonnegative(),
  /** Share of the group's customers in each bin, %. */
  share_pct: z.array(pct),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  /** Share of the group's customers above the all-customer median, %. */
  above_overall_median_pct: pct,
});

export const DistributionSchema = z.object({
  metric: z.enum(DISTRIBUTION_METRICS),
  bins: z.array(DistributionBinSchema).min(1),
  overall_median: z.number().nullable(),
  /** All customers first, then each cluster in id order. */
  groups: z.array(DistributionGroupSchema),
});

export const PersonaDistributionsSchema = z.object({
  table: z.literal('persona_distributions'),
  metrics: z.array(DistributionSchema),
});

export type DistributionBin = z.infer<typeof DistributionBinSchema>;
export type DistributionGroup = z.infer<typeof DistributionGroupSchema>;
export type PersonaDistributions = z.infer<typeof PersonaDistributionsSchema>;
