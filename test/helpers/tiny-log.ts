import {
  CONTACT_CHANNELS,
  MARKETING_PERIODS,
  NO_CONTACT,
  type Category,
  type TransactionLog,
} from '@/lib/transactions/transaction-log';

export interface TinyOrder {
  customer: number;
  day: number;
  hour?: number;
  online?: boolean;
  gross: number;
  discount?: number;
  dwell?: number;
  contact?: number;
  /** [category index, quantity, net amount]. */
  lines: Array<[number, number, number]>;
}

export const TINY_CATEGORIES: Category[] = [
  { category_id: 1, name: 'Red wines', intent: 'Hosting & Entertaining' },
  { category_id: 2, name: 'Milk', intent: 'Everyday Essentials' },
  { category_id: 3, name: 'Soap', intent: 'Personal Care' },
];

/** A hand-written transaction log for given/expect tests (orders must be sorted by customer, then day). */
export function tinyLog(
  customers: number,
  orders: TinyOrder[],
  options: { windowDays?: number; windowStart?: string; recentFromDay?: number; ages?: number[] } = {},
): TransactionLog {
  const windowDays = options.windowDays ?? 365;
  const lineStart = [0];
  const customerOrderStart = new Uint32Array(customers + 1);
  for (let c = 0, o = 0; c <= customers; c++) {
    while (o < orders.length && orders[o]!.customer < c) o++;
    customerOrderStart[c] = o;
  }
  for (const o of orders) lineStart.push(lineStart[lineStart.length - 1]! + o.lines.length);
  const lines = orders.flatMap((o) => o.lines);
  const slots = customers * CONTACT_CHANNELS.length * MARKETING_PERIODS.length;
  return {
    windowStart: options.windowStart ?? '2025-01-01',
    windowDays,
    recentFromDay: options.recentFromDay ?? windowDays - 180,
    categories: TINY_CATEGORIES,
    customerCount: customers,
    customerIds: Array.from({ length: customers }, (_, i) => `T${i + 1}`),
    attributes: {
      age: Uint8Array.from(options.ages ?? Array.from({ length: customers }, () => 30)),
      gender: new Uint8Array(customers),
      locale: new Uint8Array(customers),
    },
    customerOrderStart,
    orderCount: orders.length,
    orderDay: Uint16Array.from(orders.map((o) => o.day)),
    orderHour: Uint8Array.from(orders.map((o) => o.hour ?? 12)),
    orderChannel: Uint8Array.from(orders.map((o) => (o.online ? 1 : 0))),
    orderGross: Float64Array.from(orders.map((o) => o.gross)),
    orderDiscount: Float64Array.from(orders.map((o) => o.discount ?? 0)),
    orderDwellMinutes: Float32Array.from(orders.map((o) => (o.online ? 0 : (o.dwell ?? 10)))),
    orderContact: Uint8Array.from(orders.map((o) => o.contact ?? NO_CONTACT)),
    orderLineStart: Uint32Array.from(lineStart),
    lineCount: lines.length,
    lineCategory: Uint16Array.from(lines.map((l) => l[0])),
    lineQuantity: Uint16Array.from(lines.map((l) => l[1])),
    lineNet: Float32Array.from(lines.map((l) => l[2])),
    lineImpulse: new Uint8Array(lines.length),
    marketing: {
      touches: new Uint16Array(slots),
      responses: new Uint16Array(slots),
      conversions: new Uint16Array(slots),
      redemptions: new Uint16Array(slots),
    },
  };
}
