import { describe, expect, it } from 'vitest';
import { formatMoneyCompact, formatMoneyTick } from './format';

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
