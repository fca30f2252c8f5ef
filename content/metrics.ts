/**
 * The methodology's metric definitions: group titles and introductions are copy written here; each
 * metric's name, definition and scale come from its table's column dictionary (lib/schema), so a
 * column is described once.
 */
import { CLV_HORIZON_MONTHS } from '@/lib/features/customer-scores';
import { FAMILY_INTENTS } from '@/lib/intents/intents';
import { columnOf, type Column } from '@/lib/schema/columns';
import { CUSTOMERS_MASTER_COLUMNS, type CustomerColumn } from '@/lib/schema/customers-master';
import { AFFINITY_CELL_COLUMNS, CROSS_SELL_COLUMNS, LIFT_PAIR_COLUMNS } from '@/lib/schema/product-affinity';
import { MIN_PAIR_ORDERS } from '@/lib/tables/product-affinity';

/* ------------------------------------------------------------------------------------------------ */
/* Metric definitions (from the code: lib/features, lib/tables/product-affinity.ts)                  */
/* ------------------------------------------------------------------------------------------------ */

/**
 * Said beside every predicted figure. The value model forecasts the customers a brand has today, not
 * the new ones it will win, so its 12 months read low against the last 12 months' revenue.
 */
export const EXISTING_CUSTOMERS_ONLY = 'existing customers only';

export interface MetricDefinition {
  id: string;
  name: string;
  column: string;
  definition: string;
  scale: string;
}

export interface MetricGroup {
  id: string;
  title: string;
  intro: string;
  metrics: MetricDefinition[];
}

/** Every metric the pages show, as the pipeline computes it. */
export function metricGroups(recentMonths: number, currency: string): MetricGroup[] {
  const fill = (text: string) =>
    text
      .replace('{currency}', currency)
      .replace('{families}', String(FAMILY_INTENTS.length))
      .replace('{clvHorizonMonths}', String(CLV_HORIZON_MONTHS))
      .replace('{minPairOrders}', String(MIN_PAIR_ORDERS));
  /** A column's entry, as its table's column dictionary defines it. */
  const doc = (entry: Column): MetricDefinition => {
    const metric = entry.metric!;
    return m(entry.name, metric.name, fill(metric.definition), fill(metric.scale));
  };
  /** A customers_master column's entry. */
  const col = (name: CustomerColumn): MetricDefinition => doc(columnOf(CUSTOMERS_MASTER_COLUMNS, name));
  return [
    {
      id: 'features',
      title: 'Customer features',
      intro:
        'Per customer, from the transaction log in one pass; plain aggregates a warehouse could compute in SQL (lib/features/customer-features.ts).',
      metrics: [
        col('order_count'),
        col('orders_per_month'),
        col('recency_days'),
        col('total_spend'),
        col('avg_order_value'),
        col('basket_size'),
        col('dwell_minutes'),
        col('online_ratio'),
        col('category_diversity'),
        col('discount_share'),
        col('active_month_share'),
        m(
          'earlier_order_rate',
          'Earlier / recent order rate',
          `Orders per 30 days before and within the last ${recentMonths} months (empty where the customer had no time there).`,
          'orders / 30 days',
        ),
        col('response_rate'),
        m(
          'responses_per_month',
          'Responses per month',
          'Marketing responses per month of tenure: channel interactions.',
          'responses / month',
        ),
      ],
    },
    {
      id: 'scores',
      title: 'The four 0–100 scores',
      intro:
        'Means of percentile ranks, so each is relative to this customer base: 50 is the middle customer, not a pass mark. A missing component (e.g. no marketing data) is left out (lib/features/customer-scores.ts).',
      metrics: [col('engagement_index'), col('loyalty_score'), col('churn_risk'), col('clv_proxy')],
    },
    {
      id: 'affinity',
      title: 'Affinity and co-purchase',
      intro:
        'Per persona × category (intent or product family), from order lines (lib/tables/product-affinity.ts).',
      metrics: [
        doc(columnOf(AFFINITY_CELL_COLUMNS, 'spend_share_pct')),
        doc(columnOf(AFFINITY_CELL_COLUMNS, 'penetration_pct')),
        doc(columnOf(AFFINITY_CELL_COLUMNS, 'index')),
        doc(columnOf(LIFT_PAIR_COLUMNS, 'lift')),
        doc(columnOf(CROSS_SELL_COLUMNS, 'attach_pct')),
        doc(columnOf(CROSS_SELL_COLUMNS, 'value_of_rise')),
      ],
    },
  ];
}

function m(column: string, name: string, definition: string, scale: string): MetricDefinition {
  return { id: column, column, name, definition, scale };
}
