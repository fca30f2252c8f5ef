/**
 * Formatting of money, percentages and counts, in one place. Indian digit grouping (lakh, crore)
 * by default, as the brand reports in rupees; the currency itself comes from the data's manifest.
 */
export const LOCALE = 'en-IN';

const cache = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function formatMoney(value: number | null | undefined, currency: string, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatter(
    `m:${currency}:${decimals}`,
    () =>
      new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency,
        maximumFractionDigits: decimals,
        minimumFractionDigits: decimals,
      }),
  ).format(value);
}

/** Large sums in words the brand uses: ₹4.2 Cr, ₹12.5 L. */
export function formatMoneyCompact(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (currency === 'INR') {
    const symbol = '₹';
    if (Math.abs(value) >= 1e7) return `${symbol}${(value / 1e7).toFixed(2)} Cr`;
    if (Math.abs(value) >= 1e5) return `${symbol}${(value / 1e5).toFixed(2)} L`;
    return formatMoney(value, currency);
  }
  return formatter(
    `mc:${currency}`,
    () =>
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 2,
      }),
  ).format(value);
}

/** Compact money for axis ticks: like formatMoneyCompact, without trailing zeros ("₹40 Cr", "₹2.5 L"). */
export function formatMoneyTick(value: number, currency: string): string {
  if (!Number.isFinite(value)) return '—';
  if (currency === 'INR') {
    const trim = (v: number) => String(Number(v.toFixed(2)));
    if (Math.abs(value) >= 1e7) return `₹${trim(value / 1e7)} Cr`;
    if (Math.abs(value) >= 1e5) return `₹${trim(value / 1e5)} L`;
    return formatMoney(value, currency);
  }
  return formatter(
    `mt:${currency}`,
    () =>
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      }),
  ).format(value);
}

export function formatPct(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(decimals)}%`;
}

export function formatCount(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatter(
    `c:${decimals}`,
    () => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: decimals, minimumFractionDigits: decimals }),
  ).format(value);
}

export function formatRatio(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(decimals)}×`;
}

/** A number with at most `maxDecimals` decimals (no padding), e.g. a conversion rate: 83, 83.25. */
export function formatDecimal(value: number | null | undefined, maxDecimals = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatter(
    `d:${maxDecimals}`,
    () => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxDecimals }),
  ).format(value);
}

/** File sizes: 512 B, 12.3 KB, 4.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar month as the tables hold it ("2025-03") as a reader sees it ("Mar 2025"). */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}
