/**
 * Writes a transaction log in the orders format a brand would bring (one row per order line), so
 * the synthetic path and the own-data path can be checked against each other. Money is split over
 * an order's lines in whole paise (largest remainder), so the lines add up exactly to the order.
 */
import { CSV_LINE_END, csvLine, toCsvText } from '../csv/csv';
import {
  addDays,
  CHANNEL_ONLINE,
  GENDERS,
  LOCALES,
  UNKNOWN_ATTRIBUTE,
  type TransactionLog,
} from '../transactions/transaction-log';
import { splitWhole } from './split-whole';

export const ORDER_EXPORT_HEADER = [
  'order_id',
  'customer_id',
  'ordered_at',
  'channel',
  'category',
  'quantity',
  'amount',
  'discount',
  'dwell_minutes',
] as const;

const paise = (v: number) => (v / 100).toFixed(2);

/** The log as orders CSV text (header included), and the category → intent mapping beside it. */
export function exportOrdersCsv(log: TransactionLog): { orders: string; intents: string } {
  const days = new Map<number, string>();
  const dayOf = (d: number) => {
    let s = days.get(d);
    if (!s) days.set(d, (s = addDays(log.windowStart, d)));
    return s;
  };
  const out: string[] = [csvLine(ORDER_EXPORT_HEADER)];
  const names = log.categories.map((c) => c.name);
  for (let c = 0; c < log.customerCount; c++) {
    const customer = log.customerIds[c]!;
    for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++) {
      const l0 = log.orderLineStart[o]!;
      const l1 = log.orderLineStart[o + 1]!;
      const weights = log.lineNet.subarray(l0, l1);
      const grossP = Math.round(log.orderGross[o]! * 100);
      const discountP = Math.round(log.orderDiscount[o]! * 100);
      const discounts = splitWhole(discountP, weights);
      const nets = splitWhole(grossP - discountP, weights);
      const at = `${dayOf(log.orderDay[o]!)}T${String(log.orderHour[o]!).padStart(2, '0')}:00:00`;
      const online = log.orderChannel[o] === CHANNEL_ONLINE;
      const dwell = online ? '' : String(Math.round(log.orderDwellMinutes[o]! * 10) / 10);
      for (let l = l0; l < l1; l++) {
        out.push(
          csvLine([
            `O${o + 1}`,
            customer,
            at,
            online ? 'online' : 'in-store',
            names[log.lineCategory[l]!],
            log.lineQuantity[l],
            paise(nets[l - l0]!),
            paise(discounts[l - l0]!),
            dwell,
          ]),
        );
      }
    }
  }
  const intents = toCsvText(
    ['category', 'intent'],
    log.categories.map((c) => [c.name, c.intent]),
  );
  return { orders: out.join(CSV_LINE_END) + CSV_LINE_END, intents };
}

/** The log's demographics as a customers file (customer_id, age, gender, region_type); unknown values empty. */
export function exportCustomersCsv(log: TransactionLog): string {
  const { age, gender, locale } = log.attributes;
  return toCsvText(
    ['customer_id', 'age', 'gender', 'region_type'],
    log.customerIds.map((id, c) => [
      id,
      age[c]! > 0 ? age[c]! : '',
      gender[c] === UNKNOWN_ATTRIBUTE ? '' : GENDERS[gender[c]!]!,
      locale[c] === UNKNOWN_ATTRIBUTE ? '' : LOCALES[locale[c]!]!,
    ]),
  );
}
