import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatMoneyCompact,
  formatMoneyShort,
  formatMoneyTick,
} from './format';

describe('formatMoneyTick', () => {
  it('drops trailing zeros that formatMoneyCompact keeps, in crore and lakh', () => {
    expect(formatMoneyCompact(40e7, 'INR')).toBe('₹40.00 Cr');
    expect(formatMoneyTick(40e7, 'INR')).toBe('₹40 Cr');
    expect(formatMoneyTick(2.5e7, 'INR')).toBe('₹2.5 Cr');
    expect(formatMoneyTick(1e5, 'INR')).toBe('₹1 L');
    expect(formatMoneyTick(1000, 'INR')).toBe('₹1,000');
    expect(formatMoneyTick(0, 'INR')).toBe('₹0');
  });

  it('uses compact notation for other currencies', () => {
    expect(formatMoneyTick(2_500_000, 'USD')).toBe('$2.5M');
    expect(formatMoneyTick(Number.NaN, 'USD')).toBe('—');
  });
});

describe('counts, decimals and rupees without Intl', () => {
  // The expectation is Intl.NumberFormat('en-IN') itself: format.ts writes these by hand only to
  // spare a phone the locale data's load, so any difference from Intl is a bug.
  const intl = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-IN', options);
  // Seeded: the same values on every run.
  const rng = createRng(12345);
  const random = () => rng.next();
  const edges = [
    0,
    -0,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.145,
    1.005,
    2.675,
    999.5,
    9999.995,
    99_999.95,
    123_456.5,
    1e-7,
    5e-5,
    1.23456e-7,
    1e15,
    123_456_789_012_345,
    1e21,
    1.5e22,
    -1_234_567.891,
    4.35,
    8.345,
    0.1 + 0.2,
  ];
  const values = [
    ...edges,
    ...Array.from({ length: 4000 }, () => {
      const magnitude = 10 ** Math.floor(random() * 16 - 5);
      const v = random() * magnitude;
      // Ties at the rounding digit are where hand-written rounding goes wrong: make many.
      const tie = Math.round(v * 1000) / 1000 + 0.0005 * (random() < 0.3 ? 1 : 0);
      return (random() < 0.2 ? -1 : 1) * (random() < 0.5 ? tie : v);
    }),
  ];

  it('formatCount matches Intl for every value and 0–4 decimals', () => {
    for (const decimals of [0, 1, 2, 3, 4]) {
      const f = intl({ minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      for (const v of values) expect(formatCount(v, decimals), `${v} at ${decimals}`).toBe(f.format(v));
    }
  });

  it('formatDecimal matches Intl (no trailing zeros)', () => {
    // Eight places reach the digits of the smallest values (1.23456e-7), not only their rounding to 0.
    for (const decimals of [0, 2, 4, 8]) {
      const f = intl({ maximumFractionDigits: decimals });
      for (const v of values) expect(formatDecimal(v, decimals), `${v} at ${decimals}`).toBe(f.format(v));
    }
  });

  it('formatMoney in rupees matches Intl, sign and symbol included', () => {
    for (const decimals of [0, 2]) {
      const f = intl({
        style: 'currency',
        currency: 'INR',
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      });
      for (const v of values)
        expect(formatMoney(v, 'INR', decimals), `${v} at ${decimals}`).toBe(f.format(v));
    }
  });

  it('formatMoneyShort in rupees matches Intl compact notation, across K, L and Cr', () => {
    const f = intl({
      style: 'currency',
      currency: 'INR',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    // Values next to every unit's edge, where rounding carries into the next unit (99,950 is ₹1L).
    // From ₹1,000 Cr up the function hands over to Intl: there the check is that the hand-over
    // happens (just below 1e10, rounding carries past crore), not the digits.
    const nearEdges = [1e3, 1e5, 1e7, 1e10].flatMap((edge) => [
      edge - 51,
      edge - 50,
      edge - 0.04,
      edge,
      edge + 49,
    ]);
    for (const v of [...values, ...nearEdges, ...nearEdges.map((x) => -x), 99_949, 99_950, 999.96])
      expect(formatMoneyShort(v, 'INR'), String(v)).toBe(f.format(v));
  });

  it('writes the lakh and crore grouping a reader expects', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(12_34_567)).toBe('12,34,567');
    expect(formatMoney(-9_87_65_432.4, 'INR')).toBe('-₹9,87,65,432');
    expect(formatCount(999.5)).toBe('1,000');
  });
});
