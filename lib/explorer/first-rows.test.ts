import { CUSTOMER_COLUMNS } from '@/lib/schema/customers-master';
import { describe, expect, it } from 'vitest';
import { firstCustomers, firstRowsOf } from './first-rows';
import { customer } from './fixtures.test-util';

const asRow = (id: string) => CUSTOMER_COLUMNS.map((c) => customer({ customer_id: id })[c]);

describe('the first-rows file', () => {
  it('given 250 customers, then it holds the first 100 in order and says there are 250', () => {
    const rows = Array.from({ length: 250 }, (_, i) => asRow(`C${i}`));
    const doc = JSON.parse(JSON.stringify(firstRowsOf({ columns: CUSTOMER_COLUMNS, rows })));
    expect(doc.total).toBe(250);
    const read = firstCustomers(doc)!;
    expect(read.total).toBe(250);
    expect(read.customers.map((c) => c.customer_id)).toEqual(Array.from({ length: 100 }, (_, i) => `C${i}`));
    expect(read.customers[7]).toEqual(customer({ customer_id: 'C7' }));
  });

  it('given a file from another version, or not this shape, then the explorer does not show it', () => {
    const rows = [asRow('C1')];
    expect(firstCustomers({ total: 1, columns: CUSTOMER_COLUMNS.slice(1), rows })).toBeNull();
    expect(firstCustomers({ total: 1, columns: CUSTOMER_COLUMNS, rows: [['C1']] })).toBeNull();
    expect(firstCustomers({ columns: CUSTOMER_COLUMNS, rows })).toBeNull();
    expect(firstCustomers('<!doctype html>')).toBeNull();
    expect(firstCustomers(null)).toBeNull();
  });
});
