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
  /** Customers with at least one order in the channel. */
  customers: z.number().int().nonnegative(),
  /** Orders per customer of the channel per month of the window (visit frequency in store). */
  orders_per_customer_month: z.number().nonnegative(),
  /** Orders placed in answer to a digital message (e-mail, SMS, app push); events excluded. */
  digital_prompted_orders: z.number().int().nonnegative(),
  digital_prompted_order_share_pct: z.number().min(0).max(100),
});

/** How a group's customers split over the two channels (customers with at least one order). */
export const ChannelOverlapRowSchema = z.object({
  cluster_id: z.number().int().nonnegative().nullable(),
  persona: z.string(),
  /** Customers with at least one order in the window. */
  customers: z.number().int().nonnegative(),
  instore_only: z.number().int().nonnegative(),
  online_only: z.number().int().nonnegative(),
  both: z.number().int().nonnegative(),
  instore_only_pct: z.number().min(0).max(100),
  online_only_pct: z.number().min(0).max(100),
  both_pct: z.number().min(0).max(100),
});

export const OperationalEfficiencySchema = z.object({
  table: z.literal('operational_efficiency'),
  currency: z.string(),
  weeks: z.number().positive(),
  /** Length of the window in months (days ÷ 30.4375), the base of orders_per_customer_month. */
  months: z.number().positive(),
  /** Cells (day_index × 24 + hour) that count as peak for each channel: the busiest 10 % by public arrivals. */
  peak_cells: z.object({ instore: z.array(z.number().int()), online: z.array(z.number().int()) }),
  /** Per cluster and channel, then everyone (cluster_id null). */
  rows: z.array(OperationsRowSchema),
  /** Per cluster, then everyone (cluster_id null): in-store only, online only, both channels. */
  channel_overlap: z.array(ChannelOverlapRowSchema),
  /** Peak hours come from the public arrival curves, or from the brand's own orders when a build has none. */
  peak_basis: z.enum(['public-arrivals', 'own-orders']),
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
export type ChannelOverlapRow = z.infer<typeof ChannelOverlapRowSchema>;
export type OperationalEfficiency = z.infer<typeof OperationalEfficiencySchema>;
