import { z } from 'zod';

export const ArrivalCellRowSchema = z.object({
  day_index: z.number().int().min(0).max(6),
  day: z.string(),
  hour: z.number().int().min(0).max(23),
  /** From the public data: average arrivals per store in the hour. */
  instore_arrivals: z.number().nonnegative(),
  online_arrivals: z.number().nonnegative(),
  /** Synthetic orders placed in this cell over the whole window (checks the generator follows the curve). */
  synthetic_instore_orders: z.number().int().nonnegative(),
  synthetic_online_orders: z.number().int().nonnegative(),
});

export const PeakWindowSchema = z.object({
  channel: z.enum(['in-store', 'online']),
  day: z.string(),
  from_hour: z.number().int().min(0).max(23),
  to_hour: z.number().int().min(1).max(24),
  arrivals: z.number().nonnegative(),
  /** Share of the channel's weekly arrivals in this window. */
  share_of_week_pct: z.number().min(0).max(100),
});

export const ArrivalsSummarySchema = z.object({
  table: z.literal('arrivals_summary'),
  /**
   * Absent: the order counts per cell are the synthetic customers'. 'orders': they are a brand's own
   * orders, beside the public arrival curves kept as a reference.
   */
  orders_source: z.literal('orders').optional(),
  /**
   * What the arrival values are: 'public-arrivals' (the published curves, per store), or 'own-orders'
   * when a brand build had no public files: its own orders a week in each cell, with no reference.
   */
  curves: z.enum(['public-arrivals', 'own-orders']),
  /** 168 cells, Monday 0:00 first. */
  cells: z.array(ArrivalCellRowSchema).length(168),
  day_totals: z
    .array(z.object({ day: z.string(), instore_arrivals: z.number(), online_arrivals: z.number() }))
    .length(7),
  weekly_totals: z.object({ instore_arrivals: z.number(), online_arrivals: z.number() }),
  /** The busiest window of `window_hours` consecutive hours, per channel and day, busiest first. */
  window_hours: z.number().int().positive(),
  peak_windows: z.array(PeakWindowSchema),
  /** Correlation between the public arrival curve and the synthetic orders per cell, per channel. */
  synthetic_fit: z.object({ instore_correlation: z.number(), online_correlation: z.number() }),
});

export type ArrivalsSummary = z.infer<typeof ArrivalsSummarySchema>;
