import { z } from 'zod';

export const OperationsRowSchema = z.object({
  cluster_id: z.number().int().nonnegative().nullable(),
  persona: z.string(),
  channel: z.enum(['in-store', 'online']),
  orders: z.number().int().nonnegative(),
  revenue: z.number().nonnegative(),
  items: z.number().int().nonnegative(),
  items_per_order: z.number().nonnegative(),
  /** Orders in the channel's peak hours, per peak hour of the window. */
  orders_per_peak_hour: z.number().nonnegative(),
  /** Share of the channel's orders that fall in its peak hours. */
  peak_hour_order_share_pct: z.number().min(0).max(100),
  /** In-store only (null online). */
  avg_dwell_minutes: z.number().nonnegative().nullable(),
  dwell_minutes_per_item: z.number().nonnegative().nullable(),
  revenue_per_dwell_minute: z.number().nonnegative().nullable(),
});

export const OperationalEfficiencySchema = z.object({
  table: z.literal('operational_efficiency'),
  currency: z.string(),
  weeks: z.number().positive(),
  /** Cells (day_index × 24 + hour) that count as peak for each channel: the busiest 10 % by public arrivals. */
  peak_cells: z.object({ instore: z.array(z.number().int()), online: z.array(z.number().int()) }),
  /** Per cluster and channel, then everyone (cluster_id null). */
  rows: z.array(OperationsRowSchema),
  /** Average synthetic orders per week in each of the 168 cells: online fulfilment load against store traffic. */
  hourly_load: z
    .array(
      z.object({
        day_index: z.number().int().min(0).max(6),
        hour: z.number().int().min(0).max(23),
        instore_orders_per_week: z.number().nonnegative(),
        online_orders_per_week: z.number().nonnegative(),
      }),
    )
    .length(168),
});

export type OperationsRow = z.infer<typeof OperationsRowSchema>;
export type OperationalEfficiency = z.infer<typeof OperationalEfficiencySchema>;
