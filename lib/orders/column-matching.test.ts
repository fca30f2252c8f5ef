import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_FIELDS,
  describeMissing,
  matchColumns,
  normaliseHeader,
  ORDER_FIELDS,
} from './column-matching';

describe('normaliseHeader', () => {
  it('ignores case, separators, extra spaces and a BOM', () => {
    expect(normaliseHeader('\uFEFFOrder_ID')).toBe('order id');
    expect(normaliseHeader('  Created   at ')).toBe('created at');
    expect(normaliseHeader('Lineitem-Quantity')).toBe('lineitem quantity');
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

  it('matches a Shopify-style export: Name, Email, Created at, Lineitem quantity and price', () => {
    const headers = [
      'Name',
      'Email',
      'Created at',
      'Source',
      'Product Type',
      'Lineitem quantity',
      'Lineitem price',
      'Discount Amount',
    ];
    const m = matchColumns(headers, ORDER_FIELDS);
    expect(m.columns.order_id).toBe(0);
    expect(m.columns.customer_id).toBe(1);
    expect(m.columns.ordered_at).toBe(2);
    expect(m.columns.unit_price).toBe(6);
    expect(m.columns.discount).toBe(7);
    // No line amount: the reader derives it from unit price × quantity, so it is reported missing here.
    expect(m.missing.map((f) => f.key)).toEqual(['amount']);
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
