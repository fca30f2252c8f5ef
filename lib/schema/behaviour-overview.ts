import { z } from 'zod';
import { recordSchema } from './column-schemas';
import { columnOf, recordOf, type Column, type Zod } from './columns';
import { GROUP_COLUMNS, REVENUE_BY_CLUSTER_COLUMNS } from './revenue-by-cluster';

const pct = (z: Zod) => z.number().min(0).max(100);
const score = (z: Zod) => z.number().min(0).max(100);
const split = (z: Zod) => z.record(z.string(), pct(z));
const revenueColumn = <N extends (typeof REVENUE_BY_CLUSTER_COLUMNS)[number]['name']>(name: N) =>
  columnOf(REVENUE_BY_CLUSTER_COLUMNS, name);

/** behaviour_overview's persona rows (and its all-customers total). */
export const BEHAVIOUR_OVERVIEW_COLUMNS = [
  ...GROUP_COLUMNS,
  revenueColumn('customers'),
  revenueColumn('customer_share_pct'),
  revenueColumn('revenue'),
  revenueColumn('orders'),
  {
    name: 'avg_spend_per_visit',
    label: 'Spend per visit',
    unit: 'currency',
    description: 'Net revenue per order (a visit in store or an online order)',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'avg_dwell_minutes',
    label: 'Dwell, min per in-store visit',
    unit: 'minutes',
    description: 'Mean dwell per in-store visit; empty without in-store visits',
    rule: (z) => z.number().nonnegative().nullable(),
  },
  {
    name: 'avg_basket_size',
    label: 'Basket, units per order',
    unit: 'units',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'online_order_share_pct',
    label: 'Online orders',
    unit: 'percent',
    rule: pct,
  },
  revenueColumn('online_revenue_share_pct'),
  {
    name: 'repeat_purchase_ratio_pct',
    label: 'Repeat purchase ratio',
    unit: 'percent',
    description: 'Customers with two or more orders',
    rule: pct,
  },
  {
    name: 'avg_orders_per_month',
    label: 'Orders per month',
    unit: 'orders/month',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'avg_engagement_index',
    label: 'Engagement index',
    unit: 'score',
    rule: score,
  },
  { name: 'avg_loyalty_score', label: 'Loyalty score', unit: 'score', rule: score },
  revenueColumn('avg_churn_risk'),
  revenueColumn('avg_clv_proxy'),
  {
    name: 'avg_age',
    label: 'Avg age',
    unit: 'years',
    description: 'Over the customers whose age is known; empty when none is',
    rule: (z) => z.number().nonnegative().nullable(),
  },
  { name: 'gender_split_pct', label: 'Gender', unit: 'percent', rule: split },
  { name: 'locale_split_pct', label: 'Region type', unit: 'percent', rule: split },
  { name: 'age_band_split_pct', label: 'Age band', unit: 'percent', rule: split },
] as const satisfies readonly Column[];

export const BehaviourGroupSchema = recordSchema(BEHAVIOUR_OVERVIEW_COLUMNS);

export const BehaviourOverviewSchema = z.object({
  table: z.literal('behaviour_overview'),
  currency: z.string(),
  window_start: z.string(),
  window_end: z.string(),
  personas: z.array(BehaviourGroupSchema.extend({ cluster_id: z.number().int().nonnegative() })),
  total: BehaviourGroupSchema,
});

export type BehaviourGroup = z.infer<typeof BehaviourGroupSchema>;
export type BehaviourOverview = z.infer<typeof BehaviourOverviewSchema>;

/** A persona row with its keys in the dictionary's order. */
export const behaviourGroup = (values: BehaviourGroup): BehaviourGroup =>
  recordOf(BEHAVIOUR_OVERVIEW_COLUMNS, values);
