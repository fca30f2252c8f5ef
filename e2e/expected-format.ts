/**
 * How the dashboard writes numbers, restated here for the e2e expectations so that they do not reuse
 * the app's own formatters (lib/format): if a page starts grouping digits the US way, drops a
 * decimal or loses the lakh/crore words, these expectations fail instead of changing with it.
 *
 * The product's conventions (README "Data model", lib/format's contract): Indian digit grouping
 * (en-IN: 12,34,567), whole rupees unless stated, percentages with one decimal and a "%" sign,
 * ratios with two decimals and "×", large rupee sums as "₹4.20 Cr" (10^7) and "₹12.50 L" (10^5),
 * and an em dash for a missing value. Names and arguments mirror the app's, so a spec only changes
 * where it imports from.
 */

const MISSING = '—';
const known = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

/** Money in the data's currency, en-IN grouping, `decimals` fixed (whole units by default). */
export function formatMoney(value: number | null | undefined, currency: string, decimals = 0): string {
  if (!known(value)) return MISSING;
  return new Intl.NumberFormat('en-IN', {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Large sums: rupees in crore (10^7) and lakh (10^5) with two decimals; other currencies Intl's compact form. */
export function formatMoneyCompact(value: number | null | undefined, currency: string): string {
  if (!known(value)) return MISSING;
  if (currency === 'INR') {
    if (Math.abs(value) >= 10_000_000) return `₹${(value / 10_000_000).toFixed(2)} Cr`;
    if (Math.abs(value) >= 100_000) return `₹${(value / 100_000).toFixed(2)} L`;
    return formatMoney(value, currency);
  }
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(value);
}

/** A count or measure with en-IN grouping and `decimals` fixed. */
export function formatCount(value: number | null | undefined, decimals = 0): string {
  if (!known(value)) return MISSING;
  return new Intl.NumberFormat('en-IN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** A percentage already in 0–100, e.g. 12.3%. */
export function formatPct(value: number | null | undefined, decimals = 1): string {
  if (!known(value)) return MISSING;
  return `${value.toFixed(decimals)}%`;
}

/** A ratio such as the revenue index, e.g. 1.25×. */
export function formatRatio(value: number | null | undefined, decimals = 2): string {
  if (!known(value)) return MISSING;
  return `${value.toFixed(decimals)}×`;
}
