import { z } from 'zod';

/** Column order of customers_master, as written (compact: a header and one array per customer). */
export const CUSTOMER_COLUMNS = [
  'customer_id',
  'cluster_id',
  'persona',
  'age',
  'age_band',
  'gender',
  'locale',
  'first_order_date',
  'last_order_date',
  'tenure_days',
  'order_count',
  'orders_per_month',
  'recency_days',
  'total_spend',
  'avg_order_value',
  'basket_size',
  'dwell_minutes',
  'online_ratio',
  'preferred_channel',
  'category_diversity',
  'top_intent',
  'discount_share',
  'active_month_share',
  'response_rate',
  'engagement_index',
  'loyalty_score',
  'churn_risk',
  'churn_risk_band',
  'clv_proxy',
  'clv_proxy_value',
  'clv_band',
  'p_alive',
  'expected_purchases',
  'predicted_clv',
  'predicted_clv_p10',
  'predicted_clv_p90',
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

export const AGE_BANDS = ['18–24', '25–34', '35–44', '45–54', '55–64', '65+', 'unknown'] as const;
export const CHURN_BANDS = ['low', 'medium', 'high'] as const;
export const CLV_BANDS = ['top 10%', 'next 20%', 'middle 40%', 'bottom 30%'] as const;
export const PREFERRED_CHANNELS = ['in-store', 'both', 'online'] as const;

const score = z.number().min(0).max(100);
const share = z.number().min(0).max(1);
const nonNeg = z.number().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CustomerRowSchema = z.tuple([
  z.string().min(1), // customer_id
  z.number().int().nonnegative(), // cluster_id
  z.string().min(1), // persona
  z.number().int().min(0).max(120).nullable(), // age
  z.enum(AGE_BANDS),
  z.string(), // gender
  z.string(), // locale
  isoDate,
  isoDate,
  z.number().int().nonnegative(), // tenure_days
  z.number().int().positive(), // order_count
  nonNeg, // orders_per_month
  z.number().int().nonnegative(), // recency_days
  nonNeg, // total_spend
  nonNeg, // avg_order_value
  nonNeg, // basket_size
  nonNeg.nullable(), // dwell_minutes: null when never in store
  share, // online_ratio
  z.enum(PREFERRED_CHANNELS),
  z.number().int().positive(), // category_diversity
  z.string(), // top_intent
  share, // discount_share
  share, // active_month_share
  share.nullable(), // response_rate: null without marketing touches
  score,
  score,
  score,
  z.enum(CHURN_BANDS),
  score,
  nonNeg, // clv_proxy_value
  z.enum(CLV_BANDS),
  // Predicted value (value_model): null when the data cannot support the model, or its spend part.
  share.nullable(), // p_alive
  nonNeg.nullable(), // expected_purchases over the horizon
  nonNeg.nullable(), // predicted_clv (discounted, horizon)
  nonNeg.nullable(), // predicted_clv_p10
  nonNeg.nullable(), // predicted_clv_p90
]);

export const CustomersMasterSchema = z.object({
  table: z.literal('customers_master'),
  currency: z.string(),
  columns: z.tuple(CUSTOMER_COLUMNS.map((c) => z.literal(c)) as never),
  rows: z.array(CustomerRowSchema),
});

export type CustomerRow = z.infer<typeof CustomerRowSchema>;
export type CustomersMaster = z.infer<typeof CustomersMasterSchema>;

/** Read one named cell of a compact row. */
export function cell<C extends CustomerColumn>(row: CustomerRow, column: C): CustomerRow[number] {
  return row[CUSTOMER_COLUMNS.indexOf(column)]!;
}
