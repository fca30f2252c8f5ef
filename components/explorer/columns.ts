import type { Customer } from '@/lib/explorer/customers';
import { formatCount, formatMoney, formatMoneyShort, formatPct } from '@/lib/format/format';
import { columnOf, valueLabel, type Column, type Unit } from '@/lib/schema/columns';
import { CUSTOMERS_MASTER_COLUMNS, type CustomerColumn } from '@/lib/schema/customers-master';
import {
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

/** How a column's values are shown in the table (the CSV export always writes raw values). */
export type CellFormat = 'text' | 'count' | 'money' | 'score' | 'share' | 'percent' | 'decimal1' | 'decimal2';

/** Which fitted model a column's values come from (value_model.json's sufficiency). */
export type PredictionNeed = 'frequency' | 'monetary';

export interface ExplorerColumnMeta {
  label: string;
  format: CellFormat;
  /** A sentence for the column menu and the header's tooltip. */
  description?: string;
  /** A prediction: shown only when this model could be fitted. */
  needs?: PredictionNeed;
  /** The label ends with the forecast horizon, e.g. "(12 mo)". */
  horizon?: boolean;
}

export interface ExplorerTableMeta {
  currency: string;
  horizonMonths: number;
}

/** A column's label as shown, with the horizon where the column is a forecast over it. */
export function columnLabel(meta: ExplorerColumnMeta, table: ExplorerTableMeta | undefined): string {
  return meta.horizon ? `${meta.label} (${table?.horizonMonths ?? 12} mo)` : meta.label;
}

/** A customer's predicted CLV range (10th–90th percentile), compact: "₹2.2K–₹73.9K"; null without one. */
export function formatClvRange(c: Customer, currency: string): string | null {
  if (c.predicted_clv_p10 === null || c.predicted_clv_p90 === null) return null;
  return `${formatMoneyShort(c.predicted_clv_p10, currency)}–${formatMoneyShort(c.predicted_clv_p90, currency)}`;
}

/**
 * The table's features: sorting and visibility state, and column sizes. Sorting and filtering are
 * done by the pure functions in lib/explorer (manualSorting), which stay fast at 100,000 customers;
 * TanStack Table owns the sort state, the header toggles, visibility and the column model.
 */
export const explorerFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnMeta: metaHelper<ExplorerColumnMeta>(),
  tableMeta: metaHelper<ExplorerTableMeta>(),
});
export type ExplorerFeatures = typeof explorerFeatures;

const helper = createColumnHelper<ExplorerFeatures, Customer>();

/** Formats one value for a cell. Missing values (null) show as an em dash. */
export function formatValue(value: Customer[CustomerColumn], format: CellFormat, currency: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'money':
      return formatMoney(value, currency);
    case 'count':
      return formatCount(value);
    case 'score':
      return formatCount(value, 1);
    case 'share':
      return formatPct(value * 100, 1);
    case 'percent':
      return formatPct(value * 100, 0);
    case 'decimal1':
      return formatCount(value, 1);
    case 'decimal2':
      return formatCount(value, 2);
    default:
      return String(value);
  }
}

/** How the explorer shows each unit of the column dictionary. */
const FORMAT_OF_UNIT: Record<Unit, CellFormat> = {
  id: 'text',
  category: 'text',
  date: 'text',
  cluster: 'count',
  years: 'count',
  days: 'count',
  count: 'count',
  'orders/month': 'decimal2',
  purchases: 'decimal2',
  currency: 'money',
  units: 'decimal1',
  minutes: 'decimal1',
  weight: 'decimal2',
  share: 'share',
  probability: 'percent',
  score: 'score',
  // Units of the other tables' dictionaries (not explorer columns today).
  percent: 'decimal1',
  ratio: 'decimal2',
  seconds: 'count',
  hour: 'count',
  rank: 'count',
  flag: 'text',
  text: 'text',
};

/**
 * One typed helper for every column: the accessor key is a column of customers_master, so the
 * value type follows the schema; the label, description and format (from the unit) come from the
 * column dictionary (lib/schema/customers-master.ts), the width from here.
 */
function column<K extends CustomerColumn>(
  key: K,
  size: number,
  extra: Pick<ExplorerColumnMeta, 'needs' | 'horizon'> = {},
) {
  const dictionary: Column = columnOf(CUSTOMERS_MASTER_COLUMNS, key);
  const { label, unit, description } = dictionary;
  const format = FORMAT_OF_UNIT[unit];
  return helper.accessor((row: Customer): Customer[K] => row[key], {
    id: key,
    header: label,
    size,
    sortUndefined: 'last',
    // Numbers sort high-to-low first (who spends most, who is most at risk); text A–Z.
    sortDescFirst: format !== 'text',
    enableHiding: key !== 'customer_id',
    meta: { label, format, description, ...extra },
    cell: (info) => {
      const value = info.getValue();
      return typeof value === 'string'
        ? valueLabel(dictionary, value)
        : formatValue(value, format, info.table.options.meta?.currency ?? 'INR');
    },
  });
}

/** The explorer's columns in the order shown, with their widths. */
export const explorerColumns = helper.columns([
  column('customer_id', 124),
  column('persona', 196),
  column('cluster_id', 84),
  column('age', 72),
  column('age_band', 108),
  column('gender', 120),
  column('locale', 128),
  column('preferred_channel', 104),
  column('order_count', 88),
  column('orders_per_month', 116),
  column('first_order_date', 112),
  column('last_order_date', 112),
  column('tenure_days', 112),
  column('recency_days', 128),
  column('total_spend', 128),
  column('avg_order_value', 112),
  column('basket_size', 112),
  column('dwell_minutes', 104),
  column('online_ratio', 112),
  column('category_diversity', 92),
  column('top_intent', 180),
  column('discount_share', 124),
  column('active_month_share', 120),
  column('response_rate', 120),
  column('engagement_index', 112),
  column('loyalty_score', 92),
  column('churn_risk', 104),
  column('churn_risk_band', 104),
  column('clv_proxy', 100),
  column('clv_proxy_value', 124),
  column('clv_band', 112),
  column('p_alive', 92, { needs: 'frequency' }),
  column('expected_purchases', 204, { needs: 'frequency', horizon: true }),
  column('predicted_clv', 208, { needs: 'monetary', horizon: true }),
]);

/** Columns shown until someone picks others (shown, like every column, in the order of explorerColumns). */
export const DEFAULT_VISIBLE: readonly CustomerColumn[] = [
  'customer_id',
  'persona',
  'age_band',
  'gender',
  'locale',
  'preferred_channel',
  'order_count',
  'total_spend',
  'avg_order_value',
  'last_order_date',
  'churn_risk',
  'churn_risk_band',
  'clv_proxy',
  'clv_band',
  'p_alive',
  'expected_purchases',
  'predicted_clv',
];

export const ALL_COLUMNS = explorerColumns.map((c) => c.id as CustomerColumn);

/** Other columns a cell draws from (customer-table.tsx): the persona's colour, the CLV's range. */
const ALSO_READS: Partial<Record<CustomerColumn, readonly CustomerColumn[]>> = {
  persona: ['cluster_id'],
  predicted_clv: ['predicted_clv_p10', 'predicted_clv_p90'],
};

/** The columns to fetch for rows showing `visible`: those, and what their cells also read. */
export function fetchedColumns(visible: readonly CustomerColumn[]): CustomerColumn[] {
  return [...new Set(visible.flatMap((c) => [c, ...(ALSO_READS[c] ?? [])]))];
}

export const NUMERIC_FORMATS: ReadonlySet<CellFormat> = new Set([
  'count',
  'money',
  'score',
  'share',
  'percent',
  'decimal1',
  'decimal2',
]);

/** Columns whose values are missing in this data: the prediction columns of a model not fitted. */
export function unavailableColumns(available: Record<PredictionNeed, boolean>): Set<CustomerColumn> {
  return new Set(
    explorerColumns
      .filter((c) => c.meta?.needs && !available[c.meta.needs])
      .map((c) => c.id as CustomerColumn),
  );
}
