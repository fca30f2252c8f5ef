/**
 * Writes a transaction log in the orders format a brand would bring (one row per order line), so
 * the synthetic path and the own-data path can be checked against each other. Money is split over
 * an order's lines in whole paise (largest remainder), so the lines add up exactly to the order.
 */
import { addDays, CHANNEL_ONLINE, type TransactionLog } from '../transactions/transaction-log';

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

/** Splits `total` whole units over `weights` in proportion, the remainders to the largest fractions. */
export function splitWhole(total: number, weights: ArrayLike<number>): number[] {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  const exact = Array.from({ length: n }, (_, i) => (sum > 0 ? (total * weights[i]!) / sum : total / n));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((v, i) => [v - Math.floor(v), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j = (j + 1) % n, left--) out[order[j]![1]]!++;
  return out;
}

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const paise = (v: number) => (v / 100).toFixed(2);

/** The log as orders CSV text (header included), and the category → intent mapping beside it. */
export function exportOrdersCsv(log: TransactionLog): { orders: string; intents: string } {
  const days = new Map<number, string>();
  const dayOf = (d: number) => {
    let s = days.get(d);
    if (!s) days.set(d, (s = addDays(log.windowStart, d)));
    return s;
  };
  const out: string[] = [ORDER_EXPORT_HEADER.join(',')];
  const names = log.categories.map((c) => cell(c.name));
  for (let c = 0; c < log.customerCount; c++) {
    const customer = cell(log.customerIds[c]!);
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
          [
            `O${o + 1}`,
            customer,
            at,
            online ? 'online' : 'in-store',
            names[log.lineCategory[l]!],
            log.lineQuantity[l],
            paise(nets[l - l0]!),
            paise(discounts[l - l0]!),
            dwell,
          ].join(','),
        );
      }
    }
  }
  const intents = ['category,intent', ...log.categories.map((c) => `${cell(c.name)},${cell(c.intent)}`)];
  return { orders: `${out.join('\n')}\n`, intents: `${intents.join('\n')}\n` };
}
