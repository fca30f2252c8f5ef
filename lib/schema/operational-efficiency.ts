import { z } from 'zod';
import { CHANNELS } from './channels';
import { recordSchema } from './column-schemas';
import { columnOf, recordOf, type Column, type Zod } from './columns';
import { GROUP_COLUMNS, REVENUE_BY_CLUSTER_COLUMNS } from './revenue-by-cluster';

const count = (z: Zod) => z.number().int().nonnegative();
const pct = (z: Zod) => z.number().min(0).max(100);
const nonNeg = (z: Zod) => z.number().nonnegative();
const customers = columnOf(REVENUE_BY_CLUSTER_COLUMNS, 'customers');

/** operational_efficiency's rows: per cluster and channel, then everyone (cluster_id null). */
export const OPERATIONAL_EFFICIENCY_COLUMNS = [
  ...GROUP_COLUMNS,
  { name: 'channel', label: 'Channel', unit: 'category', rule: (z) => z.enum(CHANNELS) },
  columnOf(REVENUE_BY_CLUSTER_COLUMNS, 'orders'),
  { name: 'revenue', label: 'Net revenue', unit: 'currency', rule: nonNeg },
  { name: 'items', label: 'Items', unit: 'units', rule: count },
  { name: 'items_per_order', label: 'Basket', unit: 'units', rule: nonNeg },
  {
    name: 'orders_per_peak_hour',
    label: 'Per peak hour',
    unit: 'count',
    description: 'Orders in the channel’s peak hours, per peak hour of the window',
    rule: nonNeg,
  },
  {
    name: 'peak_hour_order_share_pct',
    label: 'Peak share',
    unit: 'percent',
    description: 'Share of the channel’s orders that fall in its peak hours',
    rule: pct,
  },
  {
    name: 'avg_dwell_minutes',
    label: 'Dwell / visit',
    unit: 'minutes',
    description: 'In-store only (empty online)',
    rule: (z) => nonNeg(z).nullable(),
  },
  {
    name: 'dwell_minutes_per_item',
    label: 'Dwell / item',
    unit: 'minutes',
    rule: (z) => nonNeg(z).nullable(),
  },
  {
    name: 'revenue_per_dwell_minute',
    label: 'Rev. / dwell min',
    unit: 'currency',
    rule: (z) => nonNeg(z).nullable(),
  },
  { ...customers, description: 'Customers with at least one order in the channel' },
  {
    name: 'orders_per_customer_month',
    label: 'Orders per customer per month',
    unit: 'orders/month',
    description: 'Orders per customer of the channel per month of the window (visit frequency in store)',
    rule: nonNeg,
  },
  {
    name: 'digital_prompted_orders',
    label: 'Digitally prompted orders',
    unit: 'count',
    description: 'Orders placed in answer to a digital message (e-mail, SMS, app push); events excluded',
    rule: count,
  },
  {
    name: 'digital_prompted_order_share_pct',
    label: 'Digitally prompted, %',
    unit: 'percent',
    rule: pct,
  },
] as const satisfies readonly Column[];

/** operational_efficiency's channel_overlap: how a group's customers split over the two channels. */
export const CHANNEL_OVERLAP_COLUMNS = [
  ...GROUP_COLUMNS,
  {
    ...customers,
    label: 'Customers with orders',
    description: 'Customers with at least one order in the window',
  },
  { name: 'instore_only', label: 'In store only', unit: 'count', rule: count },
  { name: 'online_only', label: 'Online only', unit: 'count', rule: count },
  { name: 'both', label: 'Both channels', unit: 'count', rule: count },
  { name: 'instore_only_pct', label: 'In store only', unit: 'percent', rule: pct },
  { name: 'online_only_pct', label: 'Online only', unit: 'percent', rule: pct },
  { name: 'both_pct', label: 'Both channels', unit: 'percent', rule: pct },
] as const satisfies readonly Column[];

export const OperationsRowSchema = recordSchema(OPERATIONAL_EFFICIENCY_COLUMNS);

/** How a group's customers split over the two channels (customers with at least one order). */
export const ChannelOverlapRowSchema = recordSchema(CHANNEL_OVERLAP_COLUMNS);

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

/** Rows with their keys in the dictionary's order. */
export const operationsRow = (values: OperationsRow): OperationsRow =>
  recordOf(OPERATIONAL_EFFICIENCY_COLUMNS, values);
export const channelOverlapRow = (values: ChannelOverlapRow): ChannelOverlapRow =>
  recordOf(CHANNEL_OVERLAP_COLUMNS, values);
