import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_FIELDS,
  describeMissing,
  findChannelColumn,
  matchColumns,
  normaliseHeader,
  ORDER_FIELDS,
} from './column-matching';
import { detectPlatform } from './platforms';

describe('normaliseHeader', () => {
  it('ignores case, separators, extra spaces and a BOM', () => {
    expect(normaliseHeader('\uFEFFOrder_ID')).toBe('order id');
    expect(normaliseHeader('  Created   at ')).toBe('created at');
    expect(normaliseHeader('Lineitem-Quantity')).toBe('lineitem quantity');
  });

  it.each([
    ['Net Amount (₹)', 'net amount'],
    ['Net Amt (INR)', 'net amount'],
    ['Amount (Rs.)', 'amount'],
    ['Amount/Rs', 'amount'],
    ['Rs. Amount', 'amount'],
    ['Value (in ₹)', 'value'],
    ['Net Sales [INR]', 'net sales'],
    ['Line Total (incl. GST)', 'line total'],
    ['Bill No.', 'bill number'],
    ['Invoice #', 'invoice number'],
    ['Qty (pcs)', 'quantity'],
    ['Disc Amt', 'discount amount'],
    ['Cust. Mob. No', 'customer mobile number'],
    ['E-mail', 'email'],
    ['Bill Dt', 'bill date'],
    // A percentage is not the amount: "Disc (%)" must not pass for "Disc Amt".
    ['Disc (%)', 'discount %'],
  ])('spells out units, currencies and POS abbreviations: %j → %j', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

describe('a POS bill register', () => {
  const headers = [
    'Bill No',
    'Bill Date',
    'Mobile No',
    'Customer Name',
    'Item Code',
    'Item Name',
    'Department',
    'Qty',
    'MRP (₹)',
    'Disc Amt (₹)',
    'Net Amount (₹)',
    'Store/Online',
  ];

  it('matches without a hand mapping: bill, bill date, mobile number, currency in brackets', () => {
    const m = matchColumns(headers, ORDER_FIELDS);
    expect(m.columns).toMatchObject({
      order_id: 0,
      ordered_at: 1,
      customer_id: 2,
      sku: 4,
      product_name: 5,
      category: 6,
      quantity: 7,
      discount: 9,
      amount: 10,
    });
    expect(m.missing.map((f) => f.key)).toEqual(['channel']);
  });

  it('recognises a channel column named after its two values, or by its values when the name says nothing', () => {
    const taken = new Set([0, 1, 2, 4, 5, 6, 7, 9, 10]);
    expect(findChannelColumn(headers, [], taken)).toEqual({
      index: 11,
      how: 'recognised "Store/Online" by its name',
    });
    const renamed = headers.map((h) => (h === 'Store/Online' ? 'Mode' : h));
    const rows = [
      ['B1', '01-02-2025', '98765 43210', 'A', 'X1', 'Kurta', 'Apparel', '1', '999', '0', '999', 'Store'],
      ['B2', '02-02-2025', '98765 43211', 'B', 'X2', 'Mug', 'Dining', '2', '450', '50', '850', 'ONLINE'],
      ['B3', '02-02-2025', '', 'C', 'X3', 'Mug', 'Dining', '1', '450', '0', '450', ''],
    ];
    expect(findChannelColumn(renamed, rows, taken)).toEqual({
      index: 11,
      how: 'recognised "Mode" by its values',
    });
    // A column of other words is not a channel.
    const words = rows.map((r) => r.map((c, i) => (i === 11 ? 'Mumbai' : c)));
    expect(findChannelColumn(renamed, words, taken)).toBeNull();
  });
});

describe('matchColumns', () => {
  it('matches snake_case exports', () => {
    const headers = ['order_id', 'customer_id', 'order_date', 'channel', 'category', 'quantity', 'amount'];
    const m = matchColumns(headers, ORDER_FIELDS);
    expect(m.missing).toEqual([]);
    expect(m.columns).toEqual({
      order_id: 0,
      customer_id: 1,
      ordered_at: 2,
      channel: 3,
      category: 4,
      quantity: 5,
      amount: 6,
    });
  });

  it('matches a Shopify export by its own column names, with the order-level fields it needs', () => {
    const headers = [
      'Name',
      'Email',
      'Financial Status',
      'Created at',
      'Discount Amount',
      'Lineitem quantity',
      'Lineitem price',
      'Lineitem sku',
      'Lineitem discount',
      'Refunded Amount',
      'Source',
    ];
    const platform = detectPlatform(headers);
    expect(platform.id).toBe('shopify');
    const m = matchColumns(headers, ORDER_FIELDS, {}, platform.columns);
    expect(m.columns).toMatchObject({
      order_id: 0,
      customer_id: 1,
      status: 2,
      ordered_at: 3,
      order_discount: 4,
      quantity: 5,
      unit_price: 6,
      sku: 7,
      discount: 8,
      refunded: 9,
      channel: 10,
    });
    expect(m.how.order_id).toBe('matched "Name"');
  });

  it('prefers the more specific synonym and never gives one column to two fields', () => {
    const m = matchColumns(['Date', 'Order Date', 'Customer', 'Customer ID'], ORDER_FIELDS);
    expect(m.columns.ordered_at).toBe(1);
    expect(m.columns.customer_id).toBe(3);
  });

  it('lets a hand mapping win, and reports one that names no column', () => {
    const headers = ['Bill', 'Client code', 'When', 'Where', 'Dept', 'Qty', 'Net'];
    const m = matchColumns(headers, ORDER_FIELDS, {
      order_id: 'Bill',
      customer_id: 'client code',
      ordered_at: 'When',
      channel: 'Where',
      category: 'Dept',
      amount: 'Gross',
    });
    expect(m.columns.customer_id).toBe(1);
    expect(m.columns.quantity).toBe(5);
    expect(m.unknown).toEqual([{ key: 'amount', column: 'Gross' }]);
  });

  it('says which column is missing, the names it tried and what the file has', () => {
    const headers = ['order_id', 'order_date', 'channel', 'category', 'quantity', 'amount'];
    const m = matchColumns(headers, ORDER_FIELDS);
    expect(m.missing.map((f) => f.key)).toEqual(['customer_id']);
    const text = describeMissing(m.missing, headers, 'orders.csv');
    expect(text).toContain('orders.csv: a required column is missing.');
    expect(text).toContain('customer id: tried "customer id", "customerid"');
    expect(text).toContain('Columns in the file: "order_id", "order_date"');
  });

  it('matches a customers file', () => {
    const m = matchColumns(['Customer ID', 'Age Band', 'Gender', 'City Tier'], CUSTOMER_FIELDS);
    expect(m.columns).toEqual({ customer_id: 0, age_band: 1, gender: 2, region_type: 3 });
  });
});
