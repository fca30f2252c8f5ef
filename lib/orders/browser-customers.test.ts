import { describe, expect, it } from 'vitest';
import { applyCustomerRows, parseAge, parseGender, parseLocale } from './browser-customers';
import { OrdersInputError } from './orders-reader';

const unknownLog = (ids: string[]) => ({
  customerIds: ids,
  attributes: {
    age: new Uint8Array(ids.length),
    gender: new Uint8Array(ids.length).fill(255),
    locale: new Uint8Array(ids.length).fill(255),
  },
});

describe('customer values', () => {
  it('reads ages, age bands and open bands', () => {
    expect(parseAge('34')).toBe(34);
    expect(parseAge('25-34')).toBe(30);
    expect(parseAge('25 – 34')).toBe(30);
    expect(parseAge('65+')).toBe(70);
    expect(parseAge('3')).toBeNull();
    expect(parseAge('old')).toBeNull();
  });

  it('reads gender and region type words, and nothing it does not know', () => {
    expect([parseGender('F'), parseGender('Male'), parseGender('Prefer not to say')]).toEqual([0, 1, 2]);
    expect(parseGender('?')).toBeNull();
    expect([parseLocale('Metro'), parseLocale('Tier 2'), parseLocale('rural')]).toEqual([0, 1, 2]);
    expect(parseLocale('Mumbai')).toBeNull();
  });
});

describe('applyCustomerRows', () => {
  it('given a customers file, fills what it can read for the customers of the orders', () => {
    const log = unknownLog(['C1', 'C2', 'C3']);
    const report = applyCustomerRows(
      'customers.csv',
      [
        ['Customer ID', 'Age group', 'Sex', 'City tier', 'Loyalty card'],
        ['C1', '25-34', 'F', 'Tier 1', 'yes'],
        ['C3', 'n/a', 'M', 'Tier 3', 'no'],
        ['C9', '40', 'F', 'Tier 1', 'no'],
      ],
      log,
    );
    expect(report).toMatchObject({
      rows: 3,
      matched: 2,
      unknownIds: 1,
      columns: { customer_id: 'Customer ID', age_band: 'Age group', gender: 'Sex', region_type: 'City tier' },
      unreadable: { age_band: 1 },
      known: { age: 1, gender: 2, locale: 2 },
    });
    expect(Array.from(log.attributes.age)).toEqual([30, 0, 0]);
    expect(Array.from(log.attributes.gender)).toEqual([0, 255, 1]);
    expect(Array.from(log.attributes.locale)).toEqual([0, 255, 2]);
  });

  it('refuses a file without a customer id column, or without rows', () => {
    expect(() =>
      applyCustomerRows(
        'c.csv',
        [
          ['Age', 'Sex'],
          ['30', 'F'],
        ],
        unknownLog(['C1']),
      ),
    ).toThrow(/c\.csv: no customer id column/);
    expect(() => applyCustomerRows('c.csv', [['Customer ID', 'Age']], unknownLog(['C1']))).toThrow(
      OrdersInputError,
    );
  });
});
