import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../orders/customers-csv';
import { OrdersInputError } from '../orders/orders-reader';
import { readOwnData, readSideFiles } from './own-data';

const SECRET = new Uint8Array(32).fill(7);

const ORDERS = [
  'Bill No,Client,Date,Channel,Category,Qty,Amount',
  'B1,c1,2025-01-02 10:00,Store,Linen,1,100',
  'B2,c2,2025-01-03 12:00,Online,Candles,2,300',
  'B3,c1,2025-02-01 18:00,Online,Candles,1,150',
].join('\n');

describe('readOwnData', () => {
  it('reads orders, fills demographics from the customers file and intents from the mapping', () => {
    const { log, report, keyMap } = readOwnData(
      {
        orders: { file: 'orders.csv', text: ORDERS },
        customers: {
          file: 'customers.csv',
          text: 'customer id,age band,gender,city tier\nc2,35-44,F,Tier 2\n',
        },
        intents: { file: 'intents.csv', text: 'category,intent\nCandles,Comfort Living\n' },
      },
      { mapping: { order_id: 'Bill No', customer_id: 'Client' }, secret: SECRET },
    );
    // The tables get pseudonyms; the key map (kept private) turns them back into the file's ids.
    expect(keyMap.keys).toEqual(['c1', 'c2']);
    expect(log.customerIds).toEqual(keyMap.ids);
    expect(log.customerIds.every((id) => /^c_[a-z]{14}$/.test(id))).toBe(true);
    expect(new Set(log.customerIds).size).toBe(2);
    expect(log.orderCount).toBe(3);
    expect(Array.from(log.attributes.age)).toEqual([0, 39]);
    expect(Array.from(log.attributes.gender)).toEqual([UNKNOWN, 0]);
    expect(Array.from(log.attributes.locale)).toEqual([UNKNOWN, 1]);
    expect(log.categories.map((c) => [c.name, c.intent])).toEqual([
      ['Candles', 'Comfort Living'],
      ['Linen', 'Linen'],
    ]);
    expect(log.marketing).toBeNull();
    expect(report.orders.columns.order_id).toBe('Bill No');
    expect(report.customers?.customersWithoutRow).toBe(1);
    expect(report.categoriesWithoutIntent).toEqual(['Linen']);
    expect(report.warnings.some((w) => w.includes('1 categories have no intent'))).toBe(true);
  });

  it("maps the customers file's own columns with customers.<field>, apart from the orders file's", () => {
    const customers = {
      file: 'crm.csv',
      text: 'Patron Ref,Years,Sex\nc1,41,M\nc2,29,F\n',
    };
    const mapping = {
      order_id: 'Bill No',
      customer_id: 'Client',
      'customers.customer_id': 'Patron Ref',
      'customers.age': 'Years',
    };
    const { log, report } = readOwnData(
      { orders: { file: 'orders.csv', text: ORDERS }, customers },
      { mapping, secret: SECRET },
    );
    expect(report.customers?.columns).toMatchObject({ customer_id: 'Patron Ref', age: 'Years' });
    expect(Array.from(log.attributes.age)).toEqual([41, 29]);
    // Without the mapping, "Patron Ref" is no synonym of a customer id: the file is refused, naming the column.
    expect(() =>
      readOwnData(
        { orders: { file: 'orders.csv', text: ORDERS }, customers },
        { mapping: { order_id: 'Bill No', customer_id: 'Client' }, secret: SECRET },
      ),
    ).toThrow(/crm\.csv: a required column is missing/);
  });

  it('warns that demographics are unknown without a customers file', () => {
    const { report } = readOwnData(
      { orders: { file: 'orders.csv', text: ORDERS } },
      { mapping: { order_id: 'Bill No', customer_id: 'Client' }, secret: SECRET },
    );
    expect(report.customers).toBeNull();
    expect(report.warnings.join(' ')).toContain('No customers file');
  });

  it('keeps the 5 % bad-row limit when the option is given as undefined', () => {
    const rows = [ORDERS, 'B9,c3,someday,Store,Linen,1,100'].join('\n');
    expect(() =>
      readOwnData(
        { orders: { file: 'orders.csv', text: rows } },
        { mapping: { order_id: 'Bill No', customer_id: 'Client' }, maxBadShare: undefined, secret: SECRET },
      ),
    ).toThrow(OrdersInputError);
    expect(
      readOwnData(
        { orders: { file: 'orders.csv', text: rows } },
        { mapping: { order_id: 'Bill No', customer_id: 'Client' }, maxBadShare: 0.5, secret: SECRET },
      ).report.orders.rowsSkipped,
    ).toBe(1);
  });
});

describe('readSideFiles', () => {
  it('given a UTF-16 intents file in Hindi, with its first bytes, then it names UTF-16', () => {
    // Excel's "Unicode Text": UTF-16LE with a byte-order mark; its Devanagari has no zero byte.
    const bytes = Buffer.from('\uFEFFश्रेणी\tइरादा\r\nदीया\tउपहार\r\nकपड़े\tरोज़\r\n', 'utf16le');
    const intents = { file: 'groups.csv', text: bytes.toString('utf8'), firstBytes: bytes.subarray(0, 2) };
    expect(() => readSideFiles({ intents })).toThrow(
      'groups.csv: the file is saved in a two-byte encoding (UTF-16), which this reader does not take.',
    );
  });
});
