import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  detectDecimalSeparator,
  hasOrderDependentDates,
  parseAmount,
  parseChannel,
  parseOrderTime,
  parseQuantity,
} from './parse-values';

describe('parseAmount', () => {
  it.each([
    ['1234.5', 1234.5],
    ['₹1,23,456.50', 123456.5],
    ['$1,234.56', 1234.56],
    ['Rs. 2,500', 2500],
    ['INR 99', 99],
    ['1 234.50', 1234.5],
    ['(12.00)', -12],
    ['-7.25', -7.25],
    ['0', 0],
    ['.5', 0.5],
  ])('reads %s with a decimal point', (raw, expected) => {
    expect(parseAmount(raw, '.')).toBe(expected);
  });

  it.each([
    ['1.234,50', 1234.5],
    ['12,5', 12.5],
    ['€ 1.000', 1000],
    ['1234', 1234],
  ])('reads %s with a decimal comma', (raw, expected) => {
    expect(parseAmount(raw, ',')).toBe(expected);
  });

  it.each(['', 'abc', '12.3.4', '1,2,3', '12$34', 'NaN', '1e5'])('rejects %j', (raw) => {
    expect(parseAmount(raw, '.')).toBeNull();
  });
});

describe('detectDecimalSeparator', () => {
  it('finds a decimal comma from values ending in ,d or ,dd', () => {
    expect(detectDecimalSeparator(['1.234,50', '12,5', '3'])).toBe(',');
  });
  it('defaults to a point, also for whole thousands with commas', () => {
    expect(detectDecimalSeparator(['1,234.50', '12', '1,000'])).toBe('.');
    expect(detectDecimalSeparator([])).toBe('.');
  });
});

describe('parseOrderTime', () => {
  it.each([
    ['2024-03-05', 'dmy', '2024-03-05', 0],
    ['2024-03-05T14:22:10Z', 'dmy', '2024-03-05', 14],
    ['2024-03-05T14:22:10.123+05:30', 'mdy', '2024-03-05', 14],
    ['2024-03-05 14:22:10 +0530', 'dmy', '2024-03-05', 14],
    // A date alone written with dashes: its "-2025" is the year, not a time zone.
    ['05-01-2025', 'dmy', '2025-01-05', 0],
    ['05-01-25', 'dmy', '2025-01-05', 0],
    ['2025-01-05 10:00 -0800', 'dmy', '2025-01-05', 10],
    ['05/03/2024 14:22', 'dmy', '2024-03-05', 14],
    ['05/03/2024 2:22 PM', 'mdy', '2024-05-03', 14],
    ['12/31/2024 12:05 am', 'mdy', '2024-12-31', 0],
    ['05-03-24', 'dmy', '2024-03-05', 0],
    ['05.03.2024 09:00', 'dmy', '2024-03-05', 9],
    ['5 Mar 2024', 'mdy', '2024-03-05', 0],
    ['Mar 5, 2024 18:30', 'dmy', '2024-03-05', 18],
    ['2024/3/5', 'dmy', '2024-03-05', 0],
  ] as const)('reads %s (%s) as %s, hour %i', (raw, order, day, hour) => {
    expect(parseOrderTime(raw, order)).toEqual({ day, hour });
  });

  it.each(['', 'yesterday', '2024-02-30', '31/12/2024', '2024-03-05 25:00', '13:00'])(
    'rejects %j (month-first)',
    (raw) => {
      expect(parseOrderTime(raw, 'mdy')).toBeNull();
    },
  );
});

describe('detectDateOrder', () => {
  it('is proven by a first number above 12 (day-first) or a second (month-first)', () => {
    expect(detectDateOrder(['01/02/2024', '25/02/2024'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2024', '02/25/2024'])).toBe('mdy');
  });
  it('is null when the sample cannot tell, or contradicts itself', () => {
    expect(detectDateOrder(['01/02/2024', '03/04/2024'])).toBeNull();
    expect(detectDateOrder(['2024-01-02'])).toBeNull();
    expect(detectDateOrder(['25/02/2024', '02/25/2024'])).toBeNull();
  });
  it('knows which dates depend on the order at all', () => {
    expect(hasOrderDependentDates(['2024-01-02', '2024-03-04T10:00'])).toBe(false);
    expect(hasOrderDependentDates(['03/04/2024'])).toBe(true);
  });
});

describe('parseChannel and parseQuantity', () => {
  it.each([
    ['Online', 'online'],
    ['web', 'online'],
    ['E-commerce', 'online'],
    ['Shopify', 'online'],
    ['In-store', 'in-store'],
    ['in_store', 'in-store'],
    ['POS', 'in-store'],
    ['Offline', 'in-store'],
    ['carrier pigeon', null],
  ])('channel %s → %s', (raw, expected) => {
    expect(parseChannel(raw)).toBe(expected);
  });
  it('takes whole positive quantities only', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1,000')).toBe(1000);
    expect(parseQuantity('2.0')).toBe(2);
    expect(parseQuantity('2.5')).toBeNull();
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
  });
});
