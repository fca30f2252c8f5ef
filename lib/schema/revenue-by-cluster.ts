import { z } from 'zod';
import { recordSchema } from './column-schemas';
import { columnOf, recordOf, type Column, type Zod } from './columns';
import { CUSTOMERS_MASTER_COLUMNS } from './customers-master';

const pct = (z: Zod) => z.number().min(0).max(100);
const money = (z: Zod) => z.number().nonnegative();
const count = (z: Zod) => z.number().int().nonnegative();

/** A persona's columns in the per-persona tables: its cluster (null for all customers) and its name. */
export const GROUP_COLUMNS = [
  {
    ...columnOf(CUSTOMERS_MASTER_COLUMNS, 'cluster_id'),
    description: 'The persona’s cluster; empty on the all-customers row',
    rule: (z) => count(z).nullable(),
  },
  { ...columnOf(CUSTOMERS_MASTER_COLUMNS, 'persona'), rule: (z) => z.string() },
] as const satisfies readonly Column[];

/** revenue_by_cluster's rows: one per persona, and the all-customers total. */
export const REVENUE_BY_CLUSTER_COLUMNS = [
  ...GROUP_COLUMNS,
  { name: 'customers', label: 'Customers', unit: 'count', rule: count },
  {
    name: 'customer_share_pct',
    label: 'Share of customers',
    unit: 'percent',
    rule: pct,
  },
  { name: 'revenue', label: 'Revenue', unit: 'currency', rule: money },
  { name: 'revenue_share_pct', label: 'Share of revenue', unit: 'percent', rule: pct },
  {
    name: 'revenue_index',
    label: 'Revenue index',
    unit: 'ratio',
    description: 'Revenue share ÷ customer share: above 1, the persona brings more than its head-count',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'revenue_per_customer',
    label: 'Revenue per customer',
    unit: 'currency',
    rule: money,
  },
  { name: 'orders', label: 'Orders', unit: 'count', rule: count },
  {
    name: 'orders_per_customer',
    label: 'Orders per customer',
    unit: 'count',
    rule: (z) => z.number().nonnegative(),
  },
  { name: 'avg_order_value', label: 'Spend per order', unit: 'currency', rule: money },
  {
    name: 'online_revenue_share_pct',
    label: 'Online revenue',
    unit: 'percent',
    rule: pct,
  },
  {
    name: 'discount_share_pct',
    label: 'Discount share of spend',
    unit: 'percent',
    rule: pct,
  },
  {
    name: 'avg_clv_proxy',
    label: 'CLV proxy (average)',
    unit: 'score',
    rule: (z) => z.number().min(0).max(100),
  },
  {
    name: 'avg_churn_risk',
    label: 'Churn risk',
    unit: 'score',
    rule: (z) => z.number().min(0).max(100),
  },
] as const satisfies readonly Column[];

export const RevenueRowSchema = recordSchema(REVENUE_BY_CLUSTER_COLUMNS);

/** Two figures in CHANNELS order: [in store, online]. */
const byChannel = <T extends z.ZodTypeAny>(rule: T) => z.tuple([rule, rule]);

/** One persona's month. */
export const MonthClusterSchema = z.object({
  /** Net revenue (after discounts). */
  revenue: byChannel(money(z)),
  orders: byChannel(count(z)),
  /** Customers whose first order in the data falls in this month, by that order's channel. */
  new_customers: byChannel(count(z)),
  /** Customers with at least one order this month: [in store, online, either channel]. */
  active_customers: z.tuple([count(z), count(z), count(z)]),
});

export const MonthSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Days of this month inside the data window: fewer than the calendar's when the window starts or ends mid-month. */
  days: z.number().int().min(1).max(31),
  clusters: z.array(MonthClusterSchema),
});

export type MonthCluster = z.infer<typeof MonthClusterSchema>;
export type Month = z.infer<typeof MonthSchema>;

export const RevenueByClusterSchema = z.object({
  table: z.literal('revenue_by_cluster'),
  currency: z.string(),
  /** One row per cluster, ordered by cluster_id. */
  rows: z.array(RevenueRowSchema.extend({ cluster_id: count(z) })),
  /** All customers (cluster_id null). */
  total: RevenueRowSchema,
  /**
   * Each calendar month of the window, per cluster (same order as rows) and per channel, so a page
   * can total any range of months, persona and channel in the browser. Every figure adds up across
   * months, personas and channels except active customers, which are distinct within one month.
   */
  monthly: z.array(MonthSchema),
});

export type RevenueRow = z.infer<typeof RevenueRowSchema>;
export type RevenueByCluster = z.infer<typeof RevenueByClusterSchema>;

/** A row with its keys in the dictionary's order. */
export const revenueRow = (values: RevenueRow): RevenueRow => recordOf(REVENUE_BY_CLUSTER_COLUMNS, values);
