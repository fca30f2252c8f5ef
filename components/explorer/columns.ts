import type { Customer } from '@/lib/explorer/customers';
import { formatCount, formatMoney, formatPct, LOCALE } from '@/lib/format/format';
import type { CustomerColumn } from '@/lib/schema/customers-master';
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

const shortMoney = new Map<string, Intl.NumberFormat>();

/** Money in a few characters, for the ends of a range: ₹2.2K, ₹73.9K, ₹1.5L, ₹1.2Cr. */
export function formatMoneyShort(value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  let f = shortMoney.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(currency === 'INR' ? LOCALE : 'en', {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    shortMoney.set(currency, f);
  }
  return f.format(value);
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

/**
 * One typed helper for every column: the accessor key is a column of customers_master, so the
 * value type follows the schema; the label, format and width live in one place.
 */
function column<K extends CustomerColumn>(
  key: K,
  label: string,
  format: CellFormat,
  size: number,
  description?: string,
  extra: Pick<ExplorerColumnMeta, 'needs' | 'horizon'> = {},
) {
  return helper.accessor((row: Customer): Customer[K] => row[key], {
    id: key,
    header: label,
    size,
    sortUndefined: 'last',
    // Numbers sort high-to-low first (who spends most, who is most at risk); text A–Z.
    sortDescFirst: format !== 'text',
    enableHiding: key !== 'customer_id',
    meta: { label, format, description, ...extra },
    cell: (info) => formatValue(info.getValue(), format, info.table.options.meta?.currency ?? 'INR'),
  });
}

export const explorerColumns = helper.columns([
  column('customer_id', 'Customer', 'text', 124),
  column('persona', 'Persona', 'text', 196),
  column('cluster_id', 'Cluster', 'count', 84),
  column('age', 'Age', 'count', 72),
  column('age_band', 'Age band', 'text', 108),
  column('gender', 'Gender', 'text', 120),
  column('locale', 'Region type', 'text', 128),
  column(
    'preferred_channel',
    'Channel',
    'text',
    104,
    'Channel preference: online or in-store for ⅔ or more of orders, else both',
  ),
  column('order_count', 'Orders', 'count', 88),
  column('orders_per_month', 'Orders / month', 'decimal2', 116),
  column('first_order_date', 'First order', 'text', 112),
  column('last_order_date', 'Last order', 'text', 112),
  column('tenure_days', 'Tenure (days)', 'count', 112),
  column('recency_days', 'Days since order', 'count', 128),
  column('total_spend', 'Total spend', 'money', 128, 'Net of discounts, over the whole log'),
  column('avg_order_value', 'AOV', 'money', 112, 'Average order value, net of discounts'),
  column('basket_size', 'Basket (units)', 'decimal1', 112),
  column(
    'dwell_minutes',
    'Dwell (min)',
    'decimal1',
    104,
    'Minutes per in-store visit; — when never in store',
  ),
  column('online_ratio', 'Online share', 'share', 112, 'Share of orders placed online'),
  column('category_diversity', 'Families', 'count', 92, 'Distinct product families bought'),
  column('top_intent', 'Top intent', 'text', 180, 'The lifestyle intent with the most spend'),
  column('discount_share', 'Discount share', 'share', 124, 'Discount ÷ gross spend'),
  column('active_month_share', 'Active months', 'share', 120, 'Share of months with an order'),
  column('response_rate', 'Response rate', 'share', 120, 'Marketing responses ÷ touches; — without touches'),
  column('engagement_index', 'Engagement', 'score', 112, '0–100, relative to this customer base'),
  column('loyalty_score', 'Loyalty', 'score', 92, '0–100, relative to this customer base'),
  column('churn_risk', 'Churn risk', 'score', 104, '0–100, relative to this customer base'),
  column('churn_risk_band', 'Churn band', 'text', 104, 'low < 40 ≤ medium < 60 ≤ high'),
  column('clv_proxy', 'CLV proxy', 'score', 100, '0–100 of the 99th-percentile customer'),
  column(
    'clv_proxy_value',
    'CLV value',
    'money',
    124,
    'The raw CLV proxy, in currency: relative value, not a forecast',
  ),
  column('clv_band', 'CLV band', 'text', 112, 'Rank bands: top 10%, next 20%, middle 40%, bottom 30%'),
  column('p_alive', 'P(alive)', 'percent', 92, 'Chance the customer is still buying (BG/NBD model)', {
    needs: 'frequency',
  }),
  column(
    'expected_purchases',
    'Exp. purchases',
    'decimal2',
    204,
    'Expected purchases over the forecast horizon (BG/NBD model)',
    { needs: 'frequency', horizon: true },
  ),
  column(
    'predicted_clv',
    'Predicted CLV',
    'money',
    208,
    'Discounted value over the forecast horizon; in small type the 10th–90th percentile range',
    { needs: 'monetary', horizon: true },
  ),
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
