import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './csv-text';
import { OrdersInputError } from './orders-reader';
import { readOrdersCsv, startOrdersRead } from './read-orders-csv';

const HEADER = 'Order ID,Customer ID,Order Date,Channel,Category,Quantity,Amount,Discount,Dwell minutes';
const read = (
  text: string,
  extra: Parameters<typeof readOrdersCsv>[1] extends infer O ? Partial<O> : never = {},
) => readOrdersCsv(text, { file: 'orders.csv', ...extra });

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OrdersInputError);
    return (error as Error).message;
  }
  throw new Error('expected an OrdersInputError');
}

describe('readOrdersCsv', () => {
  it('reads order lines into orders per customer, in time order, with exact money', () => {
    const text = [
      HEADER,
      'A2,c1,2025-03-10 18:00,Online,Candles,2,"1,200.50",0,',
      'A1,c1,2025-03-02 11:00,In-store,Linen,1,₹800,100,12.5',
      'A1,c1,2025-03-02 11:00,In-store,Candles,3,300,0,12.5',
      'B1,c2,2025-03-05 09:30,POS,Linen,1,999.99,,4',
    ].join('\n');
    const { log, report } = read(text);
    expect(report).toMatchObject({ rowsRead: 4, rowsSkipped: 0, customers: 2, orders: 3, lines: 4 });
    expect(report.firstDay).toBe('2025-03-02');
    expect(report.lastDay).toBe('2025-03-10');
    expect(log.customerIds).toEqual(['c1', 'c2']);
    expect(Array.from(log.customerOrderStart)).toEqual([0, 2, 3]);
    // c1's in-store order (day 0) comes before the online one (day 8).
    expect(Array.from(log.orderDay)).toEqual([0, 8, 3]);
    expect(Array.from(log.orderHour)).toEqual([11, 18, 9]);
    expect(Array.from(log.orderGross)).toEqual([1200, 1200.5, 999.99]);
    expect(Array.from(log.orderDiscount)).toEqual([100, 0, 0]);
    expect(Array.from(log.orderDwellMinutes)).toEqual([12.5, 0, 4]);
    expect(log.categories.map((c) => c.name)).toEqual(['Candles', 'Linen']);
    expect(Array.from(log.orderLineStart)).toEqual([0, 2, 3, 4]);
    expect(log.marketing).toBeNull();
  });

  it('reads ; files with decimal commas and a BOM, and day-first dates it can prove', () => {
    const text =
      '\uFEFForder_id;customer_id;created_at;channel;category;qty;net_amount\n' +
      'X;k;25/12/2024 10:15;web;Gifts;1;1.234,50\nY;k;03/01/2025;store;Gifts;2;10,5\n';
    const { log, report } = read(text);
    expect(report.decimal).toBe(',');
    expect(report.dateOrder).toBe('dmy');
    expect(report.dateOrderAssumed).toBe(false);
    expect(Array.from(log.orderGross)).toEqual([1234.5, 10.5]);
    expect(report.firstDay).toBe('2024-12-25');
    expect(report.lastDay).toBe('2025-01-03');
  });

  it('says so when dates could be either day-first or month-first', () => {
    const text = `${HEADER}\nA,c,03/04/2025,Online,Gifts,1,10,,\n`;
    const { report } = read(text);
    expect(report.dateOrderAssumed).toBe(true);
    expect(report.warnings.join(' ')).toContain('read day-first');
    expect(read(text, { dateOrder: 'mdy' }).report.firstDay).toBe('2025-03-04');
  });

  it('derives the amount from a unit price (Shopify) when there is no amount column', () => {
    const text =
      'Name,Email,Created at,Source,Product Type,Lineitem quantity,Lineitem price,Lineitem discount\n#1001,a@x.in,2025-01-05 10:00:00 +0530,web,Decor,2,450.00,100.00\n';
    const { log, report } = read(text);
    expect(report.columns.unit_price).toBe('Lineitem price');
    expect(Array.from(log.orderGross)).toEqual([900]);
    expect(Array.from(log.orderDiscount)).toEqual([100]);
  });

  it('counts bad rows with their line and reason, and reports how many were skipped', () => {
    const good = Array.from(
      { length: 40 },
      (_, i) => `G${i},c${i % 7},2025-02-0${(i % 9) + 1},Online,Gifts,1,100,,`,
    );
    const text = [
      HEADER,
      ...good,
      'B1,,2025-02-01,Online,Gifts,1,100,,',
      'B2,c1,someday,Online,Gifts,1,100,,',
      'B3,c1,2025-02-01,Carrier pigeon,Gifts,1,100,,',
    ].join('\n');
    const { report } = read(text, { maxBadShare: 0.1 });
    expect(report.rowsRead).toBe(43);
    // An order without a customer is a guest's: left out and reported, not a bad row.
    expect(report.rowsSkipped).toBe(2);
    expect(report.reconciliation.excluded.guest).toEqual({ orders: 1, paise: 10_000 });
    expect(report.problems).toEqual([
      {
        line: 43,
        reason: 'order date-time "someday" is not a date (dates like 03/04/2025 are read day-first)',
      },
      {
        line: 44,
        reason: expect.stringContaining('channel "Carrier pigeon" is neither online nor in-store'),
      },
    ]);
    expect(report.skippedBy).toEqual({
      'unreadable date': 1,
      'unknown channel': 1,
    });
  });

  it('stops when more rows are bad than allowed, listing the first ones', () => {
    const text = [
      HEADER,
      'A,c,2025-01-01,Online,Gifts,1,10,,',
      'B,c,2025-01-01,Online,Gifts,two,10,,',
      'C,c,2025-01-01,Online,Gifts,1,ten,,',
    ].join('\n');
    const message = errorOf(() => read(text));
    expect(message).toContain('orders.csv: 2 of 3 rows (66.7 %) are bad, more than the 5.0 % allowed');
    expect(message).toContain('line 3: quantity "two" is not a whole number');
    expect(message).toContain('line 4: amount "ten" is not a number');
    expect(read(text, { maxBadShare: 0.7 }).report.rowsSkipped).toBe(2);
  });

  it('reads one order number for two customers as two orders (bill numbers restart), and says so', () => {
    const text = [HEADER, 'A,c1,2025-01-01,Online,Gifts,1,10,,', 'A,c2,2025-01-01,Online,Gifts,1,20,,'].join(
      '\n',
    );
    const { log, report } = read(text, { maxBadShare: 0 });
    expect(log.customerIds).toEqual(['c1', 'c2']);
    expect(Array.from(log.orderGross)).toEqual([10, 20]);
    expect(report.warnings.join(' ')).toContain(
      '1 order number of orders.csv came back for another customer or day',
    );
  });

  it('refuses a line whose discount is more than its value, rather than count negative revenue', () => {
    const text = [
      'order_id,customer_id,ordered_at,channel,category,quantity,unit_price,discount',
      'A,c1,2025-01-01,Online,Gifts,1,100,150',
      'B,c1,2025-01-02,Online,Gifts,2,100,50',
    ].join('\n');
    const { log, report } = read(text, { maxBadShare: 0.5 });
    expect(report.problems).toEqual([
      { line: 2, reason: `discount "150" is more than the line's value (unit price × quantity)` },
    ]);
    expect(Array.from(log.lineNet)).toEqual([150]);
  });

  it('names a missing column and the synonyms it tried', () => {
    const message = errorOf(() =>
      read('order_id,order_date,channel,category,quantity,amount\nA,2025-01-01,Online,Gifts,1,10\n'),
    );
    expect(message).toContain('orders.csv: a required column is missing.');
    expect(message).toContain('customer id: tried "customer id"');
  });

  it('gives a clear answer for an empty file, a header only, binary bytes and a wrong delimiter', () => {
    expect(errorOf(() => read(''))).toBe('orders.csv: the file is empty.');
    expect(errorOf(() => read('\uFEFF\n\n'))).toBe('orders.csv: the file is empty.');
    expect(errorOf(() => read(`${HEADER}\n`))).toBe('orders.csv: the file has a header but no order rows.');
    const binary = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 37) % 256));
    expect(errorOf(() => read(binary))).toContain('does not look like a CSV text file');
    const utf16 = new TextDecoder().decode(
      Buffer.from(`\uFEFF${HEADER}\nA,c,2025-01-01,Online,Gifts,1,10,,\n`, 'utf16le'),
    );
    expect(errorOf(() => read(utf16))).toBe(
      'orders.csv: the file is saved in a two-byte encoding (UTF-16), which this reader does not take. Save the orders again as "CSV UTF-8".',
    );
    expect(errorOf(() => read('order_id|customer_id|order_date\nA|c|2025-01-01\n'))).toContain(
      'the header has a single column ("order_id|customer_id|order_date")',
    );
  });

  it('sniffs the delimiter outside quotes', () => {
    expect(sniffDelimiter('a,b,c')).toBe(',');
    expect(sniffDelimiter('a;b;"c,d"')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
  });
});

describe('a quote that is never closed', () => {
  // Line 4 (the header is line 1) opens a quote that nothing closes: without a word, the three lines
  // after it would be read as part of its category.
  const text = [
    'Order ID,Customer ID,Order Date,Channel,Category,Quantity,Amount',
    ...[1, 2].map((o) => `O${o},c1,2025-01-0${o},Online,Linen,1,10`),
    'O3,c2,2025-01-03,Online,"Linen,1,10',
    ...[4, 5, 6].map((o) => `O${o},c${o},2025-01-0${o},Online,Candles,1,10`),
  ].join('\n');
  const said =
    'orders.csv: line 4 (counting the header as line 1) has a value that opens with a quote (") and is not closed, so the rest of the file would read as one value.';

  it('given the whole text, then the read stops and names the line', () => {
    expect(errorOf(() => read(text))).toContain(said);
  });

  it('given the rows in chunks, as the browser streams them, then the read stops and names the line', async () => {
    const reading = startOrdersRead({ file: 'orders.csv' });
    // 40 characters a chunk, streamed: the unclosed quote comes in a later chunk than the header.
    const chunks = Array.from({ length: Math.ceil(text.length / 40) }, (_, i) =>
      text.slice(40 * i, 40 * i + 40),
    );
    const failure = await new Promise<unknown>((resolve) => {
      let caught: unknown = null;
      Papa.parse<string[]>(Readable.from(chunks), {
        chunk(results, parser) {
          try {
            reading.addRows(results.data, results.errors);
          } catch (error) {
            caught = error;
            parser.abort();
          }
        },
        complete: () => resolve(caught),
      });
    });
    expect(failure).toBeInstanceOf(OrdersInputError);
    expect((failure as Error).message).toContain(said);
  });
});
