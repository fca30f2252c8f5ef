import { z } from 'zod';
import { recordSchema } from './column-schemas';
import { recordOf, type Column, type Zod } from './columns';

const pct = (z: Zod) => z.number().min(0).max(100);
const nonNeg = (z: Zod) => z.number().nonnegative();
const rank = (z: Zod) => z.number().int().positive();

/**
 * demand_summary's rows: one per product family (public data) or per category of a brand's orders.
 * Public-data fields are null when the table describes a brand's own categories.
 */
export const DEMAND_SUMMARY_COLUMNS = [
  {
    name: 'family_id',
    label: 'Family id',
    unit: 'id',
    rule: (z) => z.number().int().positive(),
  },
  { name: 'family_name', label: 'Product family', unit: 'category', rule: (z) => z.string() },
  { name: 'intent', label: 'Lifestyle intent', unit: 'category', rule: (z) => z.string() },
  {
    name: 'is_emotional',
    label: 'Emotional',
    unit: 'flag',
    rule: (z) => z.boolean().nullable(),
  },
  {
    name: 'instore_purchase_pct',
    label: 'Bought in store, %',
    unit: 'percent',
    rule: pct,
  },
  {
    name: 'online_purchase_pct',
    label: 'Bought online, %',
    unit: 'percent',
    rule: pct,
  },
  {
    name: 'impulse_rate_pct',
    label: 'Impulse rate, %',
    unit: 'percent',
    rule: (z) => pct(z).nullable(),
  },
  {
    name: 'daily_demand_instore',
    label: 'In-store demand, units/day',
    unit: 'units',
    rule: nonNeg,
  },
  {
    name: 'daily_demand_online',
    label: 'Online demand, units/day',
    unit: 'units',
    rule: nonNeg,
  },
  {
    name: 'dwell_seconds',
    label: 'Dwell, s',
    unit: 'seconds',
    rule: (z) => nonNeg(z).nullable(),
  },
  {
    name: 'items_considered',
    label: 'Items considered',
    unit: 'count',
    rule: (z) => z.number().int().positive().nullable(),
  },
  {
    name: 'price_avg_usd',
    label: 'Average price',
    unit: 'currency',
    description: 'USD for the public families; the build currency for a brand’s categories',
    rule: nonNeg,
  },
  {
    name: 'price_sd_usd',
    label: 'Price SD',
    unit: 'currency',
    rule: (z) => nonNeg(z).nullable(),
  },
  { name: 'price_min_usd', label: 'Min price', unit: 'currency', rule: nonNeg },
  { name: 'price_max_usd', label: 'Max price', unit: 'currency', rule: nonNeg },
  {
    name: 'price_note',
    label: 'Price note',
    unit: 'text',
    description: 'Why the generator did not use the published prices, when it did not',
    rule: (z) => z.string().nullable(),
  },
  {
    name: 'product_count',
    label: 'Products',
    unit: 'count',
    rule: (z) => z.number().int().nonnegative().nullable(),
  },
  {
    name: 'example_products',
    label: 'Example products',
    unit: 'text',
    rule: (z) => z.array(z.string()).nullable(),
  },
  {
    name: 'zone_id',
    label: 'Store zone',
    unit: 'id',
    rule: (z) => z.number().int().nullable(),
  },
  {
    name: 'instore_demand_rank',
    label: 'In-store demand rank',
    unit: 'rank',
    description: 'Rank by daily demand within the channel (1 = highest)',
    rule: rank,
  },
  {
    name: 'online_demand_rank',
    label: 'Online demand rank',
    unit: 'rank',
    description: 'Rank by daily demand within the channel (1 = highest)',
    rule: rank,
  },
  {
    name: 'instore_cumulative_demand_pct',
    label: 'Cumulative in-store demand, %',
    unit: 'percent',
    description: 'Share of the channel’s daily demand up to this family, in rank order',
    rule: pct,
  },
  {
    name: 'online_cumulative_demand_pct',
    label: 'Cumulative online demand, %',
    unit: 'percent',
    description: 'Share of the channel’s daily demand up to this family, in rank order',
    rule: pct,
  },
  {
    name: 'synthetic_instore_spend_share_pct',
    label: 'Share of in-store spend, %',
    unit: 'percent',
    description: 'Share of the log’s in-store spend (synthetic, or the brand’s orders)',
    rule: pct,
  },
  {
    name: 'synthetic_online_spend_share_pct',
    label: 'Share of online spend, %',
    unit: 'percent',
    description: 'Share of the log’s online spend (synthetic, or the brand’s orders)',
    rule: pct,
  },
] as const satisfies readonly Column[];

export const DemandRowSchema = recordSchema(DEMAND_SUMMARY_COLUMNS);

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

/** A row with its keys in the dictionary's order. */
export const demandRow = (values: DemandRow): DemandRow => recordOf(DEMAND_SUMMARY_COLUMNS, values);
