import type { z } from 'zod';
import { ArrivalsSummarySchema } from './arrivals-summary';
import { BehaviourOverviewSchema } from './behaviour-overview';
import { CLV_PROXY_COLUMNS, ClvProxyTableSchema } from './clv-proxy';
import type { Column } from './columns';
import { CustomerSampleSchema } from './customer-sample';
import { CUSTOMERS_MASTER_COLUMNS } from './customers-master';
import { CustomersMasterSchema } from './customers-master-schema';
import { DemandSummarySchema } from './demand-summary';
import { MarketingEffectivenessSchema } from './marketing-effectiveness';
import { OperationalEfficiencySchema } from './operational-efficiency';
import { PersonaDistributionsSchema } from './persona-distributions';
import { ProductAffinitySchema } from './product-affinity';
import { RevenueByClusterSchema } from './revenue-by-cluster';
import { SegmentationSchema } from './segmentation';
import { ValueModelSchema } from './value-model';

/** Every analytical table, its schema, grain and key: the single registry pipeline and pages share. */
export const TABLE_SCHEMAS = {
  customers_master: CustomersMasterSchema,
  revenue_by_cluster: RevenueByClusterSchema,
  clv_proxy: ClvProxyTableSchema,
  product_affinity: ProductAffinitySchema,
  marketing_effectiveness: MarketingEffectivenessSchema,
  operational_efficiency: OperationalEfficiencySchema,
  arrivals_summary: ArrivalsSummarySchema,
  demand_summary: DemandSummarySchema,
  behaviour_overview: BehaviourOverviewSchema,
  segmentation: SegmentationSchema,
  value_model: ValueModelSchema,
  persona_distributions: PersonaDistributionsSchema,
  customer_sample: CustomerSampleSchema,
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

export type Tables = {
  [K in TableName]: K extends 'marketing_effectiveness'
    ? z.infer<(typeof TABLE_SCHEMAS)[K]> | null
    : z.infer<(typeof TABLE_SCHEMAS)[K]>;
};

export const TABLE_INFO: Record<
  TableName,
  {
    grain: string;
    key: string;
    description: string;
    csv: boolean;
    /** Per-customer rows also written as `<name>.parquet`, typed by this column dictionary. */
    parquet?: readonly Column[];
  }
> = {
  customers_master: {
    grain: 'one row per customer',
    key: 'customer_id',
    description: 'The spine: every feature, score, cluster and persona, and demographics.',
    csv: true,
    parquet: CUSTOMERS_MASTER_COLUMNS,
  },
  revenue_by_cluster: {
    grain: 'one row per cluster, plus a total and each month by cluster and channel',
    key: 'cluster_id',
    description: 'Revenue, customers and their shares, order value, channel and discount mix per persona.',
    csv: false,
  },
  clv_proxy: {
    grain: 'one row per customer, plus per-cluster histogram bins and quantiles',
    key: 'customer_id, cluster_id',
    description: 'The CLV proxy and its components per customer; its distribution per persona.',
    csv: true,
    parquet: CLV_PROXY_COLUMNS,
  },
  product_affinity: {
    grain: 'cluster × product family and cluster × intent; category pairs',
    key: 'cluster_id, category',
    description: 'Spend share, penetration and index against all customers; co-purchase lift.',
    csv: false,
  },
  marketing_effectiveness: {
    grain: 'cluster × contact channel',
    key: 'cluster_id, contact_channel',
    description: 'Reach, response, conversion, revenue per touch and discount dependency.',
    csv: false,
  },
  operational_efficiency: {
    grain: 'cluster × channel, plus day × hour load',
    key: 'cluster_id, channel',
    description:
      'Orders per peak hour, dwell per item, revenue per dwell minute, visit frequency, channel overlap, fulfilment load by hour.',
    csv: false,
  },
  arrivals_summary: {
    grain: 'day × hour (168 cells)',
    key: 'day_index, hour',
    description:
      'Public in-store and online arrival curves, peak windows, and the orders (synthetic, or your own) against them.',
    csv: false,
  },
  demand_summary: {
    grain: 'one row per product family (134 public families, or your categories)',
    key: 'family_id',
    description: 'Purchase percentages, daily demand, impulse, dwell, prices, intent and Pareto ranks.',
    csv: false,
  },
  behaviour_overview: {
    grain: 'one row per cluster, plus a total',
    key: 'cluster_id',
    description: 'Headline KPIs and demographics per persona.',
    csv: false,
  },
  segmentation: {
    grain: 'one document: k diagnostics, centroids, personas, PCA sample',
    key: 'cluster_id',
    description: 'How the personas were made: features, k = 2…10 elbow and silhouette, centroids, PCA.',
    csv: false,
  },
  value_model: {
    grain:
      'one document: fitted models, sufficiency verdict, holdout back-test, one row per cluster plus a total',
    key: 'cluster_id',
    description:
      'Predicted value (BG/NBD + Gamma-Gamma): parameters, whether the data supports them, the holdout back-test, and P(alive), expected purchases and predicted CLV per persona.',
    csv: false,
  },
  persona_distributions: {
    grain: 'metric × group (all customers, each cluster) × bin',
    key: 'metric, cluster_id',
    description:
      'Each persona’s distribution of CLV proxy, order rate, order value, churn risk, engagement, discount share and online share, against everyone’s, on shared bins.',
    csv: false,
  },
  customer_sample: {
    grain: 'one row per sampled customer (every n-th, up to 600), without its id',
    key: 'cluster_id',
    description:
      'Spend, churn risk and cluster of a systematic sample of customers, for the value–risk chart.',
    csv: false,
  },
};

/** Rows a table holds, for the manifest. */
export function rowCount(name: TableName, table: Tables[TableName]): number {
  if (table === null) return 0;
  const t = table as Record<string, unknown>;
  switch (name) {
    case 'product_affinity':
      return (t.family_cells as unknown[]).length + (t.intent_cells as unknown[]).length;
    case 'arrivals_summary':
      return (t.cells as unknown[]).length;
    case 'operational_efficiency':
    case 'marketing_effectiveness':
    case 'customers_master':
    case 'clv_proxy':
    case 'demand_summary':
    case 'revenue_by_cluster':
      return (t.rows as unknown[]).length;
    case 'behaviour_overview':
      return (t.personas as unknown[]).length;
    case 'segmentation':
    case 'value_model':
      return (t.personas as unknown[]).length;
    case 'persona_distributions':
      return (t.metrics as unknown[]).length;
    case 'customer_sample':
      return (t.rows as unknown[]).length;
  }
}
