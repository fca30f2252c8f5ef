/**
 * Formatting of money, percentages and counts, in one place. Indian digit grouping (lakh, crore)
 * by default, as the brand reports in rupees; the currency itself comes from the data's manifest.
 */
export const LOCALE = 'en-IN';

/*
 * Counts, decimals and rupee amounts are written here without Intl. A browser's first
 * Intl.NumberFormat loads the locale's data: 84–157 ms on a phone (Lighthouse's 4× CPU slowdown),
 * inside the hydration task of every page whose client components format a number (7 of 12
 * pages). The output is Intl's own, digit for digit (format.test.ts compares the two); other
 * currencies, and compact rupees from ₹1,000 Cr up, still go through Intl.
 */

/**
 * |value| rounded half away from zero to `decimals` places, as ICU rounds: from the number's
 * shortest decimal form (String(0.145) is "0.145", so it rounds to 0.15, where toFixed gives 0.14).
 */
function roundedDigits(abs: number, decimals: number, shift = 0): { whole: string; fraction: string } {
  const [mantissa = '0', exponent = '0'] = String(abs).split('e');
  const dot = mantissa.indexOf('.');
  let digits = mantissa.replace('.', '');
  // The decimal point sits after `point` digits of `digits` (negative: zeros come first); `shift`
  // moves it left, dividing by 10^shift exactly.
  let point = (dot === -1 ? mantissa.length : dot) + Number(exponent) - shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + decimals + 1, '0');
  let kept = digits.slice(0, point + decimals);
  if (digits[point + decimals]! >= '5') {
    // Add one in the last kept place, carrying to the left.
    const carried = [...kept];
    let i = carried.length - 1;
    while (i >= 0 && carried[i] === '9') carried[i--] = '0';
    if (i >= 0) carried[i] = String(Number(carried[i]) + 1);
    else {
      carried.unshift('1');
      point += 1;
    }
    kept = carried.join('');
  }
  const whole = kept.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  return { whole, fraction: kept.slice(point) };
}

/** Indian grouping: the last three digits, then pairs (12,34,567). */
function groupIndian(whole: string): string {
  if (whole.length <= 3) return whole;
  const head = whole.slice(0, -3);
  const pairs = head.length % 2 ? [head[0]!] : [];
  for (let i = head.length % 2; i < head.length; i += 2) pairs.push(head.slice(i, i + 2));
  return `${pairs.join(',')},${whole.slice(-3)}`;
}

/** Fraction digits beyond `min` without trailing zeros, after a point if any are left. */
function fractionPart(fraction: string, min: number): string {
  let shown = fraction;
  while (shown.length > min && shown.endsWith('0')) shown = shown.slice(0, -1);
  return shown ? `.${shown}` : '';
}

const sign = (value: number) => (value < 0 || Object.is(value, -0) ? '-' : '');

/** A finite number as Intl.NumberFormat('en-IN') writes it, with `min`–`max` fraction digits. */
function formatIndian(value: number, max: number, min: number, prefix = ''): string {
  const { whole, fraction } = roundedDigits(Math.abs(value), max);
  return `${sign(value)}${prefix}${groupIndian(whole)}${fractionPart(fraction, min)}`;
}

/** en-IN's compact units as powers of ten: thousand, lakh, crore (thousands of crore go to Intl). */
const INDIAN_UNITS: ReadonlyArray<{ power: number; suffix: string }> = [
  { power: 0, suffix: '' },
  { power: 3, suffix: 'K' },
  { power: 5, suffix: 'L' },
  { power: 7, suffix: 'Cr' },
];

const cache = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function formatMoney(value: number | null | undefined, currency: string, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (currency === 'INR') return formatIndian(value, decimals, decimals, '₹');
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

/** formatMoneyShort in rupees, or null from a thousand crore up (Intl writes those). */
function indianShort(value: number): string | null {
  const abs = Math.abs(value);
  // The unit the value reaches, moved up when rounding carries it into the next (99,950 is ₹1L).
  let u = Math.max(
    INDIAN_UNITS.findLastIndex((unit) => abs >= 10 ** unit.power),
    0,
  );
  let digits = roundedDigits(abs, 1, INDIAN_UNITS[u]!.power);
  const next = INDIAN_UNITS[u + 1];
  const width = (next?.power ?? 10) - INDIAN_UNITS[u]!.power;
  if (digits.whole.length > width) {
    if (!next) return null;
    u += 1;
    digits = roundedDigits(abs, 1, next.power);
  }
  return `${sign(value)}₹${digits.whole}${fractionPart(digits.fraction, 0)}${INDIAN_UNITS[u]!.suffix}`;
}

/**
 * Money in a few characters, for the ends of a range: ₹2.2K, ₹73.9K, ₹1.5L, ₹1.2Cr (Intl's compact
 * notation, one decimal at most).
 */
export function formatMoneyShort(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const short = currency === 'INR' ? indianShort(value) : null;
  if (short !== null) return short;
  return formatter(
    `ms:${currency}`,
    () =>
      new Intl.NumberFormat(currency === 'INR' ? LOCALE : 'en', {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
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
  return formatIndian(value, decimals, decimals);
}

export function formatRatio(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(decimals)}×`;
}

/** A number with at most `maxDecimals` decimals (no padding), e.g. a conversion rate: 83, 83.25. */
export function formatDecimal(value: number | null | undefined, maxDecimals = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatIndian(value, maxDecimals, 0);
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
