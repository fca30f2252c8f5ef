/**
 * Reading the values of a brand's export: amounts with currency signs and thousands separators,
 * dates in ISO 8601 and the common day-first and month-first forms, channel names. Each parser
 * returns null for a value it cannot read, so the caller can report the row, line and reason.
 */

export type DecimalSeparator = '.' | ',';
export type DateOrder = 'dmy' | 'mdy';

const CURRENCY_CODE = '(?:rs\\.?|inr|usd|eur|gbp|aed|sgd|aud|cad|₹|\\$|€|£|¥)';
/** A currency sign or code at either end of a value (after a sign, before a minus), never inside it. */
const CURRENCY = new RegExp(`^([-(]?)\\s*${CURRENCY_CODE}\\s*|\\s*${CURRENCY_CODE}\\s*(-?\\)?)$`, 'gi');
const SPACES = /[\s\u00a0\u202f']/g;

/**
 * "₹1,23,456.50" → 123456.5; "(12.00)" → −12; "1.234,5" with `,` as the decimal separator → 1234.5.
 * Thousands separators may follow any grouping (Indian lakh groups included).
 */
/** The common case, "1234" or "1234.50", read without the general rules (a third of the read time at 1M rows). */
const PLAIN_POINT = /^\d+(?:\.\d+)?$/;

/** No amount, date or channel is written in more characters: longer cells are refused unread. */
export const MAX_VALUE_LENGTH = 60;

export function parseAmount(raw: string, decimal: DecimalSeparator = '.'): number | null {
  if (raw.length > MAX_VALUE_LENGTH) return null;
  if (decimal === '.' && PLAIN_POINT.test(raw)) return Number(raw);
  let s = raw.trim();
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY, '$1$2').replace(SPACES, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  const thousands = decimal === '.' ? ',' : '.';
  const pattern =
    decimal === '.'
      ? /^(?:\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?$|^\.\d+$/
      : /^(?:\d{1,3}(?:\.\d{2,3})+|\d+)(?:,\d+)?$|^,\d+$/;
  if (!pattern.test(s)) return null;
  const value = Number(s.split(thousands).join('').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/**
 * The decimal separator of a file's amounts, from a sample: a comma followed by one or two digits
 * at the end ("12,5", "1.234,50") says comma; otherwise point.
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const s = raw.trim().replace(CURRENCY, '$1$2').replace(SPACES, '');
    if (/,\d{1,2}\)?-?$/.test(s)) comma++;
    else if (/\.\d{1,2}\)?-?$/.test(s) || /\.\d{3}\)?-?$/.test(s.replace(/^.*,/, ''))) point++;
  }
  return comma > point ? ',' : '.';
}

/** A calendar day (ISO) and the hour of day as written in the file: the store's local time. */
export interface OrderTime {
  day: string;
  hour: number;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Days already checked: a file has a few thousand distinct days over a million rows. */
const isoDays = new Map<number, string | null>();

function isoDay(y: number, m: number, d: number): string | null {
  const key = y * 10_000 + m * 100 + d;
  let day = isoDays.get(key);
  if (day === undefined) {
    day = checkIsoDay(y, m, d);
    if (isoDays.size > 100_000) isoDays.clear();
    isoDays.set(key, day);
  }
  return day;
}

function checkIsoDay(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "14:05", "2:05 PM", "14:05:09.123" → hour 0–23; "" → 0 (a date without a time). */
function parseHour(time: string | undefined): number | null {
  if (!time || time.trim() === '') return 0;
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?$/i.exec(time.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  if (minute > 59 || (m[3] && Number(m[3]) > 60)) return null;
  const ampm = m[4]?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  return hour <= 23 ? hour : null;
}

/** Splits "2024-03-05T14:22:10+05:30" or "05/03/2024 2:22 PM" into its date and time parts, zone dropped. */
function splitDateTime(raw: string): [string, string | undefined] {
  // A zone only follows a time ("14:22:10 +0530", "…T14:22Z"): "05-01-2025" ends in "-2025", no zone.
  const s = raw
    .trim()
    .replace(/(?<=\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(?:\s*(?:z|utc|gmt|ist)|\s*[+-]\d{2}:?\d{2})$/i, '')
    .trim();
  const t = s.indexOf('T');
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return [s.slice(0, t), s.slice(t + 1)];
  const m = /^(.*?\d)(?:,?\s+(\d{1,2}(?::\d{2}){0,2}(?:[.,]\d+)?\s*(?:[ap]\.?m\.?)?))?$/i.exec(s);
  return m ? [m[1]!, m[2]] : [s, undefined];
}

/**
 * Reads an order date-time. ISO dates ("2024-03-05", "2024-03-05 14:22:10 +0530") are unambiguous;
 * "05/03/2024", "05-03-24" and "05.03.2024" are read in `order`; month names ("5 Mar 2024",
 * "Mar 5, 2024") in either. The time zone, if any, is dropped: the hour is the one written.
 */
export function parseOrderTime(raw: string, order: DateOrder): OrderTime | null {
  if (raw.trim() === '' || raw.length > MAX_VALUE_LENGTH) return null;
  const [datePart, timePart] = splitDateTime(raw);
  const hour = parseHour(timePart);
  if (hour === null) return null;
  let day: string | null = null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(datePart);
  if (m) day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(datePart))) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    day = order === 'dmy' ? isoDay(y, b, a) : isoDay(y, a, b);
  } else if ((m = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-,]+(\d{2}|\d{4})$/i.exec(datePart))) {
    const month = MONTH_NAMES.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) day = isoDay(Number(m[3]), month + 1, Number(m[1]));
  } else if ((m = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(datePart))) {
    const month = MONTH_NAMES.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (month >= 0) day = isoDay(Number(m[3]), month + 1, Number(m[2]));
  }
  return day ? { day, hour } : null;
}

/**
 * Day-first or month-first, from a sample of date values: a first number above 12 proves day-first,
 * a second above 12 month-first. `null` when the sample proves neither (every value is ambiguous or
 * ISO); the caller then uses its default and says so.
 */
export function detectDateOrder(samples: readonly string[]): DateOrder | null {
  let dmy = 0;
  let mdy = 0;
  for (const raw of samples) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(raw);
    if (!m) continue;
    if (Number(m[1]) > 12) dmy++;
    else if (Number(m[2]) > 12) mdy++;
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return null;
}

/** Whether any sampled date is written with numbers only in an order-dependent form (not ISO). */
export function hasOrderDependentDates(samples: readonly string[]): boolean {
  return samples.some((s) => /^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/.test(s));
}

const ONLINE = new Set([
  'online',
  'on line',
  'web',
  'website',
  'web store',
  'webstore',
  'webshop',
  'ecommerce',
  'e commerce',
  'ecom',
  'app',
  'mobile app',
  'mobile',
  'iphone',
  'android',
  'ios',
  'shopify',
  'online store',
  'marketplace',
  'delivery',
  'home delivery',
  'digital',
  'draft order',
  'shopify draft order',
  'whatsapp',
  'instagram',
  'facebook',
  'phone order',
  'call centre',
  'call center',
]);
const IN_STORE = new Set([
  'in store',
  'instore',
  'store',
  'stores',
  'offline',
  'pos',
  'point of sale',
  'retail',
  'retail store',
  'shop',
  'boutique',
  'physical',
  'walk in',
  'walkin',
  'counter',
  'counter sale',
  'outlet',
  'showroom',
  'branch',
  'kiosk',
  'pop up',
  'popup',
  'exhibition',
]);

/** "Online", "web", "Shopify" → 'online'; "In-store", "POS", "offline" → 'in-store'; otherwise null. */
export function parseChannel(raw: string): 'online' | 'in-store' | null {
  if (raw.length > MAX_VALUE_LENGTH) return null;
  const s = raw
    .toLowerCase()
    .replace(/[_\-./]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (ONLINE.has(s)) return 'online';
  if (IN_STORE.has(s)) return 'in-store';
  return null;
}

/** A whole, positive quantity ("2", "2.0", "1,000"); null otherwise. */
export function parseQuantity(raw: string): number | null {
  const v = parseAmount(raw, '.');
  if (v === null || !Number.isInteger(v) || v < 1) return null;
  return v;
}
