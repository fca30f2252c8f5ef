/**
 * The reader keeps the last row's customer key and date-time, and each category's personal-data
 * verdict, rather than working them out on every row (a file repeats them row after row). These
 * memos must never hand a row another row's values: a file whose consecutive orders alternate
 * customers, guests (a till's "Walk-in") and 60,000 distinct date-times (more than the date-time
 * cache holds before it is cleared) is read, and every order's customer, date and hour are checked
 * against the file as written here.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../transactions/transaction-log';
import { readOrdersCsv } from './read-orders-csv';

const ORDERS = 60_000;
const CUSTOMERS = 13;
const pad = (n: number) => String(n).padStart(2, '0');

/** Order i as written: its customer ('' for a guest), date, hour and minute. */
function orderOf(i: number) {
  const date = new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 100)));
  return {
    customer: i % 11 === 5 ? 'Walk-in' : `cust-${(i * 7919) % CUSTOMERS}`,
    date: date.toISOString().slice(0, 10),
    hour: i % 24,
    minute: (i * 7) % 60,
  };
}

describe('the orders reader’s memos', () => {
  it('gives every order its own customer, date and hour', () => {
    const rows = ['Order ID,Customer ID,Order Date,Channel,Category,Quantity,Amount'];
    const expected = new Map<string, Array<{ time: string; dateAndHour: string }>>();
    for (let i = 0; i < ORDERS; i++) {
      const o = orderOf(i);
      const time = `${o.date} ${pad(o.hour)}:${pad(o.minute)}`;
      for (const category of ['Linen', i % 2 ? 'Candles' : 'Mugs'])
        rows.push(
          `O${i},${o.customer},${time},${i % 3 ? 'Online' : 'Store'},${category},1,${100 + (i % 50)}`,
        );
      if (o.customer === 'Walk-in') continue;
      const list = expected.get(o.customer) ?? [];
      list.push({ time, dateAndHour: `${o.date} ${o.hour}` });
      expected.set(o.customer, list);
    }
    const { log, report } = readOrdersCsv(rows.join('\n'), { file: 'orders.csv' });
    const guests = Array.from({ length: ORDERS }, (_, i) => i).filter((i) => i % 11 === 5).length;
    expect(report.reconciliation.excluded.guest.orders).toBe(guests);
    expect(log.orderCount).toBe(ORDERS - guests);
    expect(log.lineCount).toBe(2 * (ORDERS - guests));

    const read = new Map<string, string[]>();
    for (let c = 0; c < log.customerCount; c++) {
      const list: string[] = [];
      for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++)
        list.push(`${addDays(log.windowStart, log.orderDay[o]!)} ${log.orderHour[o]}`);
      read.set(log.customerIds[c]!, list);
    }
    expect(read.size).toBe(CUSTOMERS);
    // A customer's orders are in time order in the log; the file wrote them in another order.
    for (const [customer, list] of expected) {
      const inTimeOrder = [...list].sort((a, b) => a.time.localeCompare(b.time)).map((o) => o.dateAndHour);
      expect(read.get(customer), customer).toEqual(inTimeOrder);
    }
  });
});
