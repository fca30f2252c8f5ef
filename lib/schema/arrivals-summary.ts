import { z } from 'zod';
import { CHANNELS } from './channels';
import { recordSchema } from './column-schemas';
import { columnOf, recordOf, type Column, type Zod } from './columns';

const arrivals = (z: Zod) => z.number().nonnegative();
const orders = (z: Zod) => z.number().int().nonnegative();

/** arrivals_summary's cells: 168, Monday 0:00 first. */
export const ARRIVAL_CELL_COLUMNS = [
  {
    name: 'day_index',
    label: 'Day index',
    unit: 'id',
    description: 'Monday 0 … Sunday 6',
    rule: (z) => z.number().int().min(0).max(6),
  },
  { name: 'day', label: 'Day', unit: 'category', rule: (z) => z.string() },
  {
    name: 'hour',
    label: 'Hour',
    unit: 'hour',
    rule: (z) => z.number().int().min(0).max(23),
  },
  {
    name: 'instore_arrivals',
    label: 'In-store arrivals',
    unit: 'count',
    description: 'From the public data: average arrivals per store in the hour',
    rule: arrivals,
  },
  {
    name: 'online_arrivals',
    label: 'Online arrivals',
    unit: 'count',
    description: 'From the public data: average online orders in the hour',
    rule: arrivals,
  },
  {
    name: 'synthetic_instore_orders',
    label: 'In-store orders',
    unit: 'count',
    description: 'Orders placed in this cell over the whole window (checks the generator follows the curve)',
    rule: orders,
  },
  {
    name: 'synthetic_online_orders',
    label: 'Online orders',
    unit: 'count',
    description: 'Orders placed in this cell over the whole window (checks the generator follows the curve)',
    rule: orders,
  },
] as const satisfies readonly Column[];

/** arrivals_summary's peak_windows: the busiest window per channel and day, busiest first. */
export const PEAK_WINDOW_COLUMNS = [
  { name: 'channel', label: 'Channel', unit: 'category', rule: (z) => z.enum(CHANNELS) },
  columnOf(ARRIVAL_CELL_COLUMNS, 'day'),
  {
    name: 'from_hour',
    label: 'From',
    unit: 'hour',
    rule: (z) => z.number().int().min(0).max(23),
  },
  {
    name: 'to_hour',
    label: 'To',
    unit: 'hour',
    rule: (z) => z.number().int().min(1).max(24),
  },
  { name: 'arrivals', label: 'Arrivals per store', unit: 'count', rule: arrivals },
  {
    name: 'share_of_week_pct',
    label: 'Share of the week',
    unit: 'percent',
    description: 'Share of the channel’s weekly arrivals in this window',
    rule: (z) => z.number().min(0).max(100),
  },
] as const satisfies readonly Column[];

export const ArrivalCellRowSchema = recordSchema(ARRIVAL_CELL_COLUMNS);
export const PeakWindowSchema = recordSchema(PEAK_WINDOW_COLUMNS);

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

export type ArrivalCellRow = z.infer<typeof ArrivalCellRowSchema>;
export type PeakWindow = z.infer<typeof PeakWindowSchema>;
export type ArrivalsSummary = z.infer<typeof ArrivalsSummarySchema>;

/** Rows with their keys in the dictionary's order. */
export const arrivalCellRow = (values: ArrivalCellRow): ArrivalCellRow =>
  recordOf(ARRIVAL_CELL_COLUMNS, values);
export const peakWindow = (values: PeakWindow): PeakWindow => recordOf(PEAK_WINDOW_COLUMNS, values);
