import { z } from 'zod';

/**
 * A systematic sample of customers (every n-th row of customers_master with spend above zero),
 * drawn as faint dots behind the persona bubbles of the value–risk chart. No customer id: a dot is
 * its spend, churn risk and cluster.
 */
export const CustomerSampleSchema = z.object({
  table: z.literal('customer_sample'),
  /** customers_master rows the sample was drawn from. */
  customers: z.number().int().nonnegative(),
  /** Every n-th customer was taken. */
  every: z.number().int().positive(),
  /** [net revenue (whole units), churn risk 0–100, cluster id] per sampled customer. */
  rows: z.array(
    z.tuple([z.number().nonnegative(), z.number().min(0).max(100), z.number().int().nonnegative()]),
  ),
});

export type CustomerSample = z.infer<typeof CustomerSampleSchema>;
export type CustomerDot = CustomerSample['rows'][number];
