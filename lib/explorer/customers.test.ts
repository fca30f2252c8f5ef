import { CUSTOMER_COLUMNS } from '@/lib/schema/customers-master';
import { describe, expect, it } from 'vitest';
import {
  checkCustomerRow,
  CustomerFileError,
  parseCustomersMaster,
  toCustomer,
  zodCheckCustomerRow,
} from './customers';
import { customer } from './fixtures.test-util';

const good = customer({ customer_id: 'C0000001' });
const row = CUSTOMER_COLUMNS.map((c) => good[c]);
const file = (over: Record<string, unknown> = {}) => ({
  table: 'customers_master',
  currency: 'INR',
  columns: [...CUSTOMER_COLUMNS],
  rows: [row, [...row.slice(0, 0), 'C0000002', ...row.slice(1)]],
  ...over,
});

describe('parseCustomersMaster', () => {
  it('given a row, then toCustomer names every value after CUSTOMER_COLUMNS', () => {
    const numbered = CUSTOMER_COLUMNS.map((_, i) => i) as unknown as Parameters<typeof toCustomer>[0];
    expect(toCustomer(numbered)).toEqual(Object.fromEntries(CUSTOMER_COLUMNS.map((c, i) => [c, i])));
    expect(Object.keys(toCustomer(numbered))).toEqual([...CUSTOMER_COLUMNS]);
  });

  it('given a valid file, then it returns named records and the currency', () => {
    const loaded = parseCustomersMaster(file());
    expect(loaded.currency).toBe('INR');
    expect(loaded.customers.map((c) => c.customer_id)).toEqual(['C0000001', 'C0000002']);
    expect(loaded.customers[0]).toEqual(good);
  });

  it.each([
    ['not an object', [], /not a JSON object/],
    ['another table', file({ table: 'clv_proxy' }), /"table" is "clv_proxy"/],
    ['no rows', file({ rows: [] }), /holds no customers/],
    ['rows not a list', file({ rows: 'x' }), /"rows" is missing/],
    [
      'columns out of order',
      file({ columns: ['customer_id', 'persona', ...CUSTOMER_COLUMNS.slice(2)] }),
      /position 2: found "persona", expected "cluster_id"/,
    ],
    [
      'a column short',
      file({ columns: CUSTOMER_COLUMNS.slice(0, -1) }),
      /position 36: found null, expected "predicted_clv_p90"/,
    ],
  ])('given %s, then it says what is wrong', (_name, raw, message) => {
    expect(() => parseCustomersMaster(raw)).toThrow(CustomerFileError);
    expect(() => parseCustomersMaster(raw)).toThrow(message);
  });

  it('given a bad cell, then the row number and column are named', () => {
    const bad = [...row];
    bad[CUSTOMER_COLUMNS.indexOf('churn_risk')] = 140;
    expect(() => parseCustomersMaster(file({ rows: [row, bad] }))).toThrow(/row 2 .*column churn_risk/);
  });

  it('given a duplicate id, then it is reported', () => {
    expect(() => parseCustomersMaster(file({ rows: [row, row] }))).toThrow(/C0000001 appears twice/);
  });
});

describe('checkCustomerRow agrees with the zod row schema', () => {
  const bad: unknown[] = [
    null,
    undefined,
    '',
    'x',
    -1,
    0.5,
    1.5,
    101,
    121,
    Number.NaN,
    true,
    [],
    {},
    '2026-13',
    'top 5%',
  ];
  it('given a valid row, then both accept it', () => {
    expect(checkCustomerRow(row)).toBeNull();
    expect(zodCheckCustomerRow(row)).toBeNull();
  });

  it('given every column replaced by each odd value, then both give the same verdict', () => {
    let disagreements = 0;
    let rejected = 0;
    for (let i = 0; i < row.length; i++) {
      for (const v of bad) {
        const mutated: unknown[] = [...row];
        mutated[i] = v;
        const fast = checkCustomerRow(mutated);
        const slow = zodCheckCustomerRow(mutated);
        if ((fast === null) !== (slow === null)) disagreements++;
        if (fast !== null) {
          rejected++;
          expect(fast.startsWith(`column ${CUSTOMER_COLUMNS[i]}:`)).toBe(true);
        }
      }
    }
    expect(disagreements).toBe(0);
    expect(rejected).toBeGreaterThan(row.length * 5);
  });

  it('given a row too short or too long, then both reject it', () => {
    for (const r of [row.slice(0, -1), [...row, 1], 'row']) {
      expect(checkCustomerRow(r)).not.toBeNull();
      expect(zodCheckCustomerRow(r)).not.toBeNull();
    }
  });
});
