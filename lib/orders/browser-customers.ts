/**
 * The optional customers file of the browser's "Analyse your data" page (owned by the browser
 * path; the command line has its own reader): whatever it can read of age, age band, gender and
 * city or region type, matched to the orders' customers by id. Nothing is required but the id;
 * values it cannot read are left unknown and counted, never guessed.
 */
import type { TransactionLog } from '../transactions/transaction-log';
import { CUSTOMER_FIELDS, matchColumns, type CustomerField } from './column-matching';
import { OrdersInputError } from './orders-reader';

export interface CustomersFileReport {
  file: string;
  rows: number;
  /** Rows whose id is a customer of the orders file. */
  matched: number;
  /** Rows whose id is not in the orders file. */
  unknownIds: number;
  /** Field → column name used. */
  columns: Partial<Record<CustomerField, string>>;
  /** Values that could not be read, per field. */
  unreadable: Partial<Record<CustomerField, number>>;
  /** Customers of the orders file with a known age, gender, region type. */
  known: { age: number; gender: number; locale: number };
}

/** "34" → 34; "25-34" or "25–34" → 30 (the midpoint); "65+" → 70; else null. */
export function parseAge(raw: string): number | null {
  const s = raw.trim();
  if (/^\d{1,3}(\.\d+)?$/.test(s)) {
    const v = Math.round(Number(s));
    return v >= 10 && v <= 110 ? v : null;
  }
  const band = /^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})$/i.exec(s);
  if (band) {
    const lo = Number(band[1]);
    const hi = Number(band[2]);
    return lo >= 10 && hi <= 110 && lo <= hi ? Math.round((lo + hi) / 2) : null;
  }
  const open = /^(\d{1,3})\s*\+$/.exec(s);
  if (open) return Number(open[1]) + 5 <= 110 ? Number(open[1]) + 5 : null;
  return null;
}

/** Index into GENDERS: 0 female, 1 male, 2 non-binary or undisclosed; null when unreadable. */
export function parseGender(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (['f', 'female', 'woman', 'w'].includes(s)) return 0;
  if (['m', 'male', 'man'].includes(s)) return 1;
  if (
    ['x', 'nb', 'non-binary', 'nonbinary', 'other', 'undisclosed', 'prefer not to say', 'unknown'].includes(s)
  )
    return 2;
  return null;
}

/** Index into LOCALES: 0 urban, 1 semi-urban, 2 rural; tier 1 / metro → urban, tier 2 → semi-urban, tier 3+ → rural. */
export function parseLocale(raw: string): number | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
  if (['urban', 'metro', 'city', 'tier 1', 'tier1', '1'].includes(s)) return 0;
  if (['semi-urban', 'semi urban', 'semiurban', 'suburban', 'town', 'tier 2', 'tier2', '2'].includes(s))
    return 1;
  if (['rural', 'village', 'tier 3', 'tier3', '3', 'tier 4', '4'].includes(s)) return 2;
  return null;
}

/**
 * Reads parsed customer rows (header first) into the log's attributes, in place. Throws
 * OrdersInputError when the file has no customer id column or no rows.
 */
export function applyCustomerRows(
  file: string,
  rows: readonly string[][],
  log: Pick<TransactionLog, 'customerIds' | 'attributes'>,
): CustomersFileReport {
  const [rawHeader, ...body] = rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
  if (!rawHeader) throw new OrdersInputError(`${file}: the customers file is empty.`);
  const headers = rawHeader.map((h) => h.trim());
  const match = matchColumns(headers, CUSTOMER_FIELDS);
  if (match.columns.customer_id === undefined) {
    throw new OrdersInputError(
      `${file}: no customer id column (tried ${CUSTOMER_FIELDS[0].synonyms.map((s) => `“${s}”`).join(', ')}). Columns in the file: ${headers.map((h) => `“${h}”`).join(', ')}.`,
    );
  }
  if (body.length === 0) throw new OrdersInputError(`${file}: the customers file has a header but no rows.`);
  const index = new Map(log.customerIds.map((id, i) => [id, i]));
  const report: CustomersFileReport = {
    file,
    rows: body.length,
    matched: 0,
    unknownIds: 0,
    columns: Object.fromEntries(
      Object.entries(match.columns).map(([k, i]) => [k, headers[i as number]]),
    ) as CustomersFileReport['columns'],
    unreadable: {},
    known: { age: 0, gender: 0, locale: 0 },
  };
  const cell = (row: readonly string[], field: CustomerField) => {
    const i = match.columns[field];
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const bad = (field: CustomerField) => (report.unreadable[field] = (report.unreadable[field] ?? 0) + 1);
  const { age, gender, locale } = log.attributes;
  for (const row of body) {
    const c = index.get(cell(row, 'customer_id'));
    if (c === undefined) {
      report.unknownIds++;
      continue;
    }
    report.matched++;
    const rawAge = cell(row, 'age') || cell(row, 'age_band');
    if (rawAge) {
      const v = parseAge(rawAge);
      if (v === null) bad(cell(row, 'age') ? 'age' : 'age_band');
      else age[c] = v;
    }
    const rawGender = cell(row, 'gender');
    if (rawGender) {
      const v = parseGender(rawGender);
      if (v === null) bad('gender');
      else gender[c] = v;
    }
    const rawLocale = cell(row, 'region_type');
    if (rawLocale) {
      const v = parseLocale(rawLocale);
      if (v === null) bad('region_type');
      else locale[c] = v;
    }
  }
  for (let c = 0; c < log.customerIds.length; c++) {
    if (age[c]! > 0) report.known.age++;
    if (gender[c] !== 255) report.known.gender++;
    if (locale[c] !== 255) report.known.locale++;
  }
  return report;
}
