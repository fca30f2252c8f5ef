import { PREFERRED_CHANNEL_LABELS, PREFERRED_CHANNELS } from './channels';
import { columnNames, type Column, type RecordOf, type RowOf, type Zod } from './columns';

export const AGE_BANDS = ['18–24', '25–34', '35–44', '45–54', '55–64', '65+', 'unknown'] as const;
export const CHURN_BANDS = ['low', 'medium', 'high'] as const;
export type ChurnBand = (typeof CHURN_BANDS)[number];
export const CLV_BANDS = ['top 10%', 'next 20%', 'middle 40%', 'bottom 30%'] as const;

/** The churn_risk_band rule: low < 40 ≤ medium < 60 ≤ high (on the 0–100 churn risk). */
export function churnRiskBand(churnRisk: number): ChurnBand {
  return churnRisk >= 60 ? 'high' : churnRisk >= 40 ? 'medium' : 'low';
}

const score = (z: Zod) => z.number().min(0).max(100);
const share = (z: Zod) => z.number().min(0).max(1);
const nonNeg = (z: Zod) => z.number().nonnegative();
const count = (z: Zod) => z.number().int().nonnegative();
const isoDate = (z: Zod) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const RELATIVE = '0–100, relative';

/**
 * customers_master, one row per customer, in the order the file writes them. Predicted value
 * (p_alive … predicted_clv_p90, see value_model) is null when the data cannot support the model.
 */
export const CUSTOMERS_MASTER_COLUMNS = [
  { name: 'customer_id', label: 'Customer', unit: 'id', rule: (z) => z.string().min(1) },
  { name: 'cluster_id', label: 'Cluster', unit: 'cluster', rule: count },
  { name: 'persona', label: 'Persona', unit: 'category', rule: (z) => z.string().min(1) },
  {
    name: 'age',
    label: 'Age',
    unit: 'years',
    rule: (z) => z.number().int().min(0).max(120).nullable(),
  },
  { name: 'age_band', label: 'Age band', unit: 'category', rule: (z) => z.enum(AGE_BANDS) },
  { name: 'gender', label: 'Gender', unit: 'category', rule: (z) => z.string() },
  { name: 'locale', label: 'Region type', unit: 'category', rule: (z) => z.string() },
  { name: 'first_order_date', label: 'First order', unit: 'date', rule: isoDate },
  { name: 'last_order_date', label: 'Last order', unit: 'date', rule: isoDate },
  { name: 'tenure_days', label: 'Tenure (days)', unit: 'days', rule: count },
  {
    name: 'order_count',
    label: 'Orders',
    unit: 'count',
    rule: (z) => z.number().int().positive(),
    metric: { name: 'Orders', definition: 'Orders placed in the window.', scale: 'count' },
  },
  {
    name: 'orders_per_month',
    label: 'Orders / month',
    unit: 'orders/month',
    rule: nonNeg,
    metric: {
      name: 'Orders per month',
      definition: 'Orders ÷ months of tenure (first order → window end, at least one month).',
      scale: 'orders / month',
    },
  },
  {
    name: 'recency_days',
    label: 'Days since order',
    unit: 'days',
    rule: count,
    metric: {
      name: 'Recency',
      definition: 'Days from the last order to the end of the window.',
      scale: 'days',
    },
  },
  {
    name: 'total_spend',
    label: 'Total spend',
    unit: 'currency',
    description: 'Net of discounts, over the whole log',
    rule: nonNeg,
    metric: { name: 'Total spend', definition: 'Net of discounts.', scale: '{currency}' },
  },
  {
    name: 'avg_order_value',
    label: 'AOV',
    unit: 'currency',
    description: 'Average order value, net of discounts',
    rule: nonNeg,
    metric: { name: 'Average order value (AOV)', definition: 'Total spend ÷ orders.', scale: '{currency}' },
  },
  {
    name: 'basket_size',
    label: 'Basket (units)',
    unit: 'units',
    rule: nonNeg,
    metric: { name: 'Basket size', definition: 'Units per order.', scale: 'units' },
  },
  {
    name: 'dwell_minutes',
    label: 'Dwell (min)',
    unit: 'minutes',
    description: 'Minutes per in-store visit; — when never in store',
    rule: (z) => nonNeg(z).nullable(),
    metric: {
      name: 'Dwell',
      definition: 'Mean in-store dwell per in-store visit; empty for customers who never visited a store.',
      scale: 'minutes',
    },
  },
  {
    name: 'online_ratio',
    label: 'Online share',
    unit: 'share',
    description: 'Share of orders placed online',
    rule: share,
    metric: { name: 'Online share', definition: 'Share of orders placed online.', scale: '0–1 (shown as %)' },
  },
  {
    name: 'preferred_channel',
    label: 'Channel preference',
    unit: 'category',
    description:
      'Mostly online or mostly in store: that channel has ⅔ or more of the orders; else mixed. Not the same as "buys in both channels", which counts anyone with an order in each',
    valueLabels: PREFERRED_CHANNEL_LABELS,
    rule: (z) => z.enum(PREFERRED_CHANNELS),
  },
  {
    name: 'category_diversity',
    label: 'Families',
    unit: 'count',
    description: 'Distinct product families bought',
    rule: (z) => z.number().int().positive(),
    metric: {
      name: 'Category diversity',
      definition: 'Distinct product families bought.',
      scale: 'count (of {families})',
    },
  },
  {
    name: 'top_intent',
    label: 'Top intent',
    unit: 'category',
    description: 'The lifestyle intent with the most spend',
    rule: (z) => z.string(),
  },
  {
    name: 'discount_share',
    label: 'Discount share',
    unit: 'share',
    description: 'Discount ÷ gross spend',
    rule: share,
    metric: {
      name: 'Discount share',
      definition: 'Discount amount ÷ gross amount.',
      scale: '0–1 (shown as %)',
    },
  },
  {
    name: 'active_month_share',
    label: 'Active months',
    unit: 'share',
    description: 'Share of months with an order',
    rule: share,
    metric: {
      name: 'Active-month share',
      definition: 'Months with at least one order ÷ months of tenure: purchase consistency.',
      scale: '0–1',
    },
  },
  {
    name: 'response_rate',
    label: 'Response rate',
    unit: 'share',
    description: 'Marketing responses ÷ touches; — without touches',
    rule: (z) => share(z).nullable(),
    metric: {
      name: 'Response rate',
      definition: 'Marketing responses per touch, overall and earlier / recent.',
      scale: '0–1',
    },
  },
  {
    name: 'engagement_index',
    label: 'Engagement',
    unit: 'score',
    description: '0–100, relative to this customer base',
    rule: score,
    metric: {
      name: 'Engagement index',
      definition:
        'Mean percentile rank of orders per month, marketing responses per month (channel interactions) and category diversity, × 100.',
      scale: RELATIVE,
    },
  },
  {
    name: 'loyalty_score',
    label: 'Loyalty',
    unit: 'score',
    description: '0–100, relative to this customer base',
    rule: score,
    metric: {
      name: 'Loyalty score',
      definition:
        'Mean percentile rank of active-month share (consistency), order count (repeat) and recency (fewer days is better), × 100.',
      scale: RELATIVE,
    },
  },
  {
    name: 'churn_risk',
    label: 'Churn risk',
    unit: 'score',
    description: '0–100, relative to this customer base',
    rule: score,
    metric: {
      name: 'Churn risk',
      definition:
        'Mean percentile rank of the decline of the order rate (recent vs earlier), the decline of the response rate, and days since the last order ÷ the customer’s own average gap between orders (at least 7 days), × 100. Decline = (earlier − recent) ÷ (earlier + recent).',
      scale: '0–100, relative; higher is riskier',
    },
  },
  {
    name: 'churn_risk_band',
    label: 'Churn band',
    unit: 'category',
    description: 'low < 40 ≤ medium < 60 ≤ high',
    rule: (z) => z.enum(CHURN_BANDS),
  },
  {
    name: 'clv_proxy',
    label: 'CLV proxy',
    unit: 'score',
    description: '0–100 of the 99th-percentile customer',
    rule: score,
    metric: {
      name: 'CLV proxy',
      definition:
        'AOV × orders per month × expected lifespan × engagement weight, as 0–100 of the 99th-percentile customer (capped at 100). Expected lifespan = {clvHorizonMonths} months × (1 − churn risk ÷ 100); engagement weight = 0.5 + engagement index ÷ 100. The raw value is clv_proxy_value ({currency}).',
      scale: '0–100, relative value, not a financial forecast',
    },
  },
  {
    name: 'clv_proxy_value',
    label: 'CLV value',
    unit: 'currency',
    description: 'The raw CLV proxy, in currency: relative value, not a forecast',
    rule: nonNeg,
  },
  {
    name: 'clv_band',
    label: 'CLV band',
    unit: 'category',
    description: 'Rank bands: top 10%, next 20%, middle 40%, bottom 30%',
    rule: (z) => z.enum(CLV_BANDS),
  },
  {
    name: 'p_alive',
    label: 'P(alive)',
    unit: 'probability',
    description: 'Chance the customer is still buying (BG/NBD model)',
    rule: (z) => share(z).nullable(),
  },
  {
    name: 'expected_purchases',
    label: 'Exp. purchases',
    unit: 'purchases',
    description: 'Expected purchases over the forecast horizon (BG/NBD model)',
    rule: (z) => nonNeg(z).nullable(),
  },
  {
    name: 'predicted_clv',
    label: 'Predicted CLV',
    unit: 'currency',
    description: 'Discounted value over the forecast horizon; in small type the 10th–90th percentile range',
    rule: (z) => nonNeg(z).nullable(),
  },
  {
    name: 'predicted_clv_p10',
    label: 'Predicted CLV, 10th percentile',
    unit: 'currency',
    rule: (z) => nonNeg(z).nullable(),
  },
  {
    name: 'predicted_clv_p90',
    label: 'Predicted CLV, 90th percentile',
    unit: 'currency',
    rule: (z) => nonNeg(z).nullable(),
  },
] as const satisfies readonly Column[];

/** Column order of customers_master, as written (compact: a header and one array per customer). */
export const CUSTOMER_COLUMNS = columnNames(CUSTOMERS_MASTER_COLUMNS);
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

/** One customer as a compact row, in column order (what the file and the explorer's reader hold). */
export type CustomerRow = RowOf<typeof CUSTOMERS_MASTER_COLUMNS>;
/** One customer as a record named by the columns (what the builder writes and the explorer reads). */
export type CustomerRecord = RecordOf<typeof CUSTOMERS_MASTER_COLUMNS>;
/** The customers_master file: its column header, then one compact row per customer. */
export interface CustomersMaster {
  table: 'customers_master';
  currency: string;
  columns: typeof CUSTOMER_COLUMNS;
  rows: CustomerRow[];
}

/** A record as a compact row, in column order. */
export function customerRow(record: CustomerRecord): CustomerRow {
  return CUSTOMER_COLUMNS.map((c) => record[c]) as CustomerRow;
}

/** Read one named cell of a compact row. */
export function cell<C extends CustomerColumn>(row: CustomerRow, column: C): CustomerRow[number] {
  return row[CUSTOMER_COLUMNS.indexOf(column)]!;
}
