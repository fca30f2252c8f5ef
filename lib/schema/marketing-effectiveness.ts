import { z } from 'zod';
import { recordSchema } from './column-schemas';
import { recordOf, type Column, type Zod } from './columns';
import { GROUP_COLUMNS } from './revenue-by-cluster';

const pct = (z: Zod) => z.number().min(0).max(100);
const count = (z: Zod) => z.number().int().nonnegative();
const money = (z: Zod) => z.number().nonnegative();

/** marketing_effectiveness's rows: per cluster × contact channel, then per cluster "all", then everyone. */
export const MARKETING_EFFECTIVENESS_COLUMNS = [
  ...GROUP_COLUMNS,
  {
    name: 'contact_channel',
    label: 'Channel',
    unit: 'category',
    description: 'email, sms, app, event, or all',
    rule: (z) => z.string(),
  },
  {
    name: 'customers_reached',
    label: 'Customers reached',
    unit: 'count',
    description: 'Customers who received at least one touch on the channel',
    rule: count,
  },
  { name: 'reach_pct', label: 'Reach, %', unit: 'percent', rule: pct },
  { name: 'touches', label: 'Touches', unit: 'count', rule: count },
  { name: 'responses', label: 'Responses', unit: 'count', rule: count },
  { name: 'response_rate_pct', label: 'Response, %', unit: 'percent', rule: pct },
  {
    name: 'conversions',
    label: 'Conversions',
    unit: 'count',
    description: 'Orders placed in answer to a touch',
    rule: count,
  },
  { name: 'conversion_rate_pct', label: 'Conversion, %', unit: 'percent', rule: pct },
  {
    name: 'conversions_per_100_responses',
    label: 'Orders per 100 responses',
    unit: 'count',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'attributed_revenue',
    label: 'Attributed revenue',
    unit: 'currency',
    rule: money,
  },
  {
    name: 'revenue_per_touch',
    label: 'Revenue per touch',
    unit: 'currency',
    rule: money,
  },
  {
    name: 'redemptions',
    label: 'Redemptions',
    unit: 'count',
    description: 'Converted orders that used a discount offer',
    rule: count,
  },
  {
    name: 'discount_dependency_pct',
    label: 'Discount dependency, %',
    unit: 'percent',
    description: 'Share of conversions that needed a discount',
    rule: pct,
  },
  { name: 'discount_cost', label: 'Discount cost', unit: 'currency', rule: money },
  {
    name: 'response_trend',
    label: 'Response trend (×)',
    unit: 'ratio',
    description:
      'Recent response rate ÷ earlier response rate (1 = steady, < 1 = disengaging); empty without both',
    rule: (z) => z.number().nonnegative().nullable(),
  },
] as const satisfies readonly Column[];

export const MarketingRowSchema = recordSchema(MARKETING_EFFECTIVENESS_COLUMNS);

export const MarketingEffectivenessSchema = z.object({
  table: z.literal('marketing_effectiveness'),
  currency: z.string(),
  contact_channels: z.array(z.string()),
  /** Per cluster × contact channel, then per cluster "all", then everyone (cluster_id null). */
  rows: z.array(MarketingRowSchema),
});

export type MarketingRow = z.infer<typeof MarketingRowSchema>;
export type MarketingEffectiveness = z.infer<typeof MarketingEffectivenessSchema>;

/** A row with its keys in the dictionary's order. */
export const marketingRow = (values: MarketingRow): MarketingRow =>
  recordOf(MARKETING_EFFECTIVENESS_COLUMNS, values);
