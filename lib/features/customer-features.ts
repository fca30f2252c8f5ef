import {
  CHANNEL_ONLINE,
  CONTACT_CHANNELS,
  MARKETING_PERIODS,
  marketingSlot,
  type TransactionLog,
} from '../transactions/transaction-log';

/** Days per month used to turn day counts into months. */
export const DAYS_PER_MONTH = 30.4375;

/**
 * Behavioural features per customer, computed from the transaction log in one pass.
 * Every definition is a plain aggregate over the customer's orders, so a warehouse can run it as SQL.
 */
export interface CustomerFeatures {
  count: number;
  order_count: Float64Array;
  /** Orders per month of tenure (first order → window end, at least one month). */
  orders_per_month: Float64Array;
  /** Days from the last order to the end of the window. */
  recency_days: Float64Array;
  tenure_days: Float64Array;
  /** Net of discounts, in the configured currency. */
  total_spend: Float64Array;
  avg_order_value: Float64Array;
  /** Units per order. */
  basket_size: Float64Array;
  /** Mean in-store dwell per in-store visit; NaN for customers who never visited a store. */
  dwell_minutes: Float64Array;
  /** Share of orders placed online, 0–1. */
  online_ratio: Float64Array;
  /** Distinct product categories bought. */
  category_diversity: Float64Array;
  /** Discount amount / gross amount, 0–1. */
  discount_share: Float64Array;
  /** Months with at least one order / months of tenure, 0–1: purchase consistency. */
  active_month_share: Float64Array;
  /** Orders per 30 days before and within the recent window (NaN where the customer had no time there). */
  earlier_order_rate: Float64Array;
  recent_order_rate: Float64Array;
  /** Marketing responses per touch, overall and by period (NaN without touches). */
  response_rate: Float64Array;
  earlier_response_rate: Float64Array;
  recent_response_rate: Float64Array;
  /** Marketing responses per month of tenure: channel interactions. */
  responses_per_month: Float64Array;
  impulse_share: Float64Array;
  first_order_day: Float64Array;
  last_order_day: Float64Array;
}

export const FLOAT_FEATURES = [
  'order_count',
  'orders_per_month',
  'recency_days',
  'tenure_days',
  'total_spend',
  'avg_order_value',
  'basket_size',
  'dwell_minutes',
  'online_ratio',
  'category_diversity',
  'discount_share',
  'active_month_share',
  'earlier_order_rate',
  'recent_order_rate',
  'response_rate',
  'earlier_response_rate',
  'recent_response_rate',
  'responses_per_month',
  'impulse_share',
  'first_order_day',
  'last_order_day',
] as const satisfies ReadonlyArray<keyof CustomerFeatures>;

/**
 * Money is summed in whole paise (cents: the currency's minor unit) and dwell in billionths of a
 * minute, each value rounded to that unit first, as sql/customer_features.sql sums DECIMALs: float
 * sums drift (61736.299999999996 for ₹61,736.30), and a drift on a half paisa rounds a published
 * average the other way. Integers are exact up to 2^53 ≈ 9·10^15: ₹90 lakh crore of spend, or
 * 9 million minutes of dwell (6,250 visits at the reader's cap of a day each) per customer.
 */
const MINOR_UNITS = 100;
const DWELL_UNITS = 1e9;

export function computeCustomerFeatures(log: TransactionLog): CustomerFeatures {
  const n = log.customerCount;
  const f = { count: n } as CustomerFeatures;
  for (const key of FLOAT_FEATURES) f[key] = new Float64Array(n);
  const seenCategory = new Uint32Array(log.categories.length);
  const monthCount = Math.ceil(log.windowDays / DAYS_PER_MONTH) + 1;
  const seenMonth = new Uint32Array(monthCount);
  const end = log.windowDays;
  const recentFrom = log.recentFromDay;
  const periods = MARKETING_PERIODS.length;

  for (let c = 0; c < n; c++) {
    const o0 = log.customerOrderStart[c]!;
    const o1 = log.customerOrderStart[c + 1]!;
    const orders = o1 - o0;
    const mark = c + 1;
    let net = 0;
    let gross = 0;
    let discount = 0;
    let units = 0;
    let online = 0;
    let dwell = 0;
    let instore = 0;
    let categories = 0;
    let months = 0;
    let earlier = 0;
    let recent = 0;
    let lines = 0;
    let impulse = 0;
    for (let o = o0; o < o1; o++) {
      const day = log.orderDay[o]!;
      const orderGross = Math.round(log.orderGross[o]! * MINOR_UNITS);
      const orderDiscount = Math.round(log.orderDiscount[o]! * MINOR_UNITS);
      gross += orderGross;
      discount += orderDiscount;
      net += orderGross - orderDiscount;
      if (log.orderChannel[o] === CHANNEL_ONLINE) online++;
      else {
        instore++;
        dwell += Math.round(log.orderDwellMinutes[o]! * DWELL_UNITS);
      }
      if (day >= recentFrom) recent++;
      else earlier++;
      const month = Math.floor(day / DAYS_PER_MONTH);
      if (seenMonth[month] !== mark) {
        seenMonth[month] = mark;
        months++;
      }
      for (let l = log.orderLineStart[o]!; l < log.orderLineStart[o + 1]!; l++) {
        units += log.lineQuantity[l]!;
        lines++;
        impulse += log.lineImpulse[l]!;
        const cat = log.lineCategory[l]!;
        if (seenCategory[cat] !== mark) {
          seenCategory[cat] = mark;
          categories++;
        }
      }
    }
    const first = orders > 0 ? log.orderDay[o0]! : NaN;
    const last = orders > 0 ? log.orderDay[o1 - 1]! : NaN;
    const tenure = end - first;
    const tenureMonths = Math.max(1, tenure / DAYS_PER_MONTH);
    f.order_count[c] = orders;
    f.orders_per_month[c] = orders / tenureMonths;
    f.recency_days[c] = end - 1 - last;
    f.tenure_days[c] = tenure;
    const spend = net / MINOR_UNITS;
    f.total_spend[c] = spend;
    f.avg_order_value[c] = orders > 0 ? spend / orders : NaN;
    f.basket_size[c] = orders > 0 ? units / orders : NaN;
    f.dwell_minutes[c] = instore > 0 ? dwell / DWELL_UNITS / instore : NaN;
    f.online_ratio[c] = orders > 0 ? online / orders : NaN;
    f.category_diversity[c] = categories;
    // Both in rupees before dividing, as the SQL divides its two sums: the same double, bit for bit.
    f.discount_share[c] = gross > 0 ? discount / MINOR_UNITS / (gross / MINOR_UNITS) : 0;
    f.active_month_share[c] = Math.min(1, months / Math.max(1, Math.ceil(tenure / DAYS_PER_MONTH)));
    const earlierDays = recentFrom - first;
    const recentDays = end - Math.max(first, recentFrom);
    f.earlier_order_rate[c] = earlierDays >= 30 ? (30 * earlier) / earlierDays : NaN;
    f.recent_order_rate[c] = recentDays > 0 ? (30 * recent) / recentDays : NaN;
    f.impulse_share[c] = lines > 0 ? impulse / lines : 0;
    f.first_order_day[c] = first;
    f.last_order_day[c] = last;

    if (log.marketing) {
      const m = log.marketing;
      const touches = [0, 0];
      const responses = [0, 0];
      for (let ch = 0; ch < CONTACT_CHANNELS.length; ch++) {
        for (let p = 0; p < periods; p++) {
          const slot = marketingSlot(c, ch, p);
          touches[p]! += m.touches[slot]!;
          responses[p]! += m.responses[slot]!;
        }
      }
      const allTouches = touches[0]! + touches[1]!;
      const allResponses = responses[0]! + responses[1]!;
      f.response_rate[c] = allTouches > 0 ? allResponses / allTouches : NaN;
      f.earlier_response_rate[c] = touches[0]! > 0 ? responses[0]! / touches[0]! : NaN;
      f.recent_response_rate[c] = touches[1]! > 0 ? responses[1]! / touches[1]! : NaN;
      f.responses_per_month[c] = allResponses / tenureMonths;
    } else {
      f.response_rate[c] = NaN;
      f.earlier_response_rate[c] = NaN;
      f.recent_response_rate[c] = NaN;
      f.responses_per_month[c] = NaN;
    }
  }
  return f;
}
