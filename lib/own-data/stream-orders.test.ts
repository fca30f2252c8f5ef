import { describe, expect, it } from 'vitest';
import { OrdersInputError } from '../orders/orders-input-error';
import { startOrdersRead as startChunkedRead } from '../orders/read-orders-csv';
import { missingMessage } from './messages';
import { inspectHead } from './stream-orders';

const HEADER = 'order_id,customer_id,ordered_at,channel,category,quantity,amount';
const row = (o: number, c: number, day: number) =>
  `O${o},C${c},2025-01-${String(day).padStart(2, '0')}T10:00:00,online,Home Care,1,100.00`.split(',');

describe('inspectHead', () => {
  it('given the first bytes of a file, gives its columns, delimiter and automatic mapping', () => {
    const head = `\uFEFFOrder ID;Customer;Created at;Channel;Category;Qty;Line value\nO1;C1;2025-01-02`;
    const inspection = inspectHead('shop.csv', head);
    expect(inspection.delimiter).toBe(';');
    expect(inspection.headers).toHaveLength(7);
    expect(inspection.columns).toMatchObject({
      order_id: 'Order ID',
      customer_id: 'Customer',
      quantity: 'Qty',
    });
    expect(inspection.how.ordered_at).toBe('matched "Created at"');
    expect(inspection.missing.map((m) => m.key)).toEqual(['amount']);
  });

  it('accepts a unit price in place of the amount', () => {
    const inspection = inspectHead('s.csv', 'order,customer,date,channel,category,qty,price\n');
    expect(inspection.missing).toEqual([]);
    expect(inspection.columns.unit_price).toBe('price');
  });

  it('refuses a file split by something else, an empty file and bytes that are not text', () => {
    expect(() => inspectHead('p.csv', 'order|customer|date\n1|2|3')).toThrow(/header has a single column/);
    expect(() => inspectHead('e.csv', '')).toThrow('e.csv: the file is empty.');
    expect(() => inspectHead('b.csv', '\u0000\u0001\u0002\u0003\u0004'.repeat(20))).toThrow(
      /does not look like a CSV text file/,
    );
  });
});

describe('startChunkedRead', () => {
  it('given rows in chunks, reads them into one log with lines counted from the header', () => {
    const read = startChunkedRead({ file: 'o.csv', maxBadShare: 0.5 });
    read.addRows([HEADER.split(','), row(1, 1, 2), row(2, 1, 5)]);
    read.addRows([[''], row(3, 2, 7), [...row(4, 2, 9).slice(0, 5), 'lots', '1.00']]);
    expect(read.rowsRead()).toBe(4);
    const { log, report } = read.finish();
    expect(log.customerCount).toBe(2);
    expect(log.orderCount).toBe(3);
    expect(report.rowsSkipped).toBe(1);
    expect(report.problems[0]).toEqual({
      line: 5,
      reason: 'quantity "lots" is not a whole number from 1 to 65,535',
    });
  });

  it('takes a mapping by hand and says clearly what is wrong', () => {
    const read = startChunkedRead({ file: 'o.csv', mapping: { amount: 'Line value' } });
    const header = HEADER.replace('amount', 'Line value').split(',');
    read.addRows([header, row(1, 1, 2)]);
    expect(read.finish().log.orderGross[0]).toBe(100);

    const headerOnly = startChunkedRead({ file: 'h.csv' });
    headerOnly.addRows([HEADER.split(',')]);
    expect(() => headerOnly.finish()).toThrow('h.csv: the file has a header but no order rows.');
    expect(() => startChunkedRead({ file: 'z.csv' }).finish()).toThrow(OrdersInputError);
    expect(() => startChunkedRead({ file: 'm.csv' }).addRows([['order_id', 'amount']])).toThrow(
      /required columns are missing/,
    );
  });
});

describe('missingMessage', () => {
  it('names the field and the names tried, without command-line flags', () => {
    const text = missingMessage([{ key: 'amount', label: 'amount', synonyms: ['amount', 'net amount'] }]);
    expect(text).toBe('No column for amount (tried “amount”, “net amount”).');
  });
});
