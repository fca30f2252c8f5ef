/**
 * Reads a brand's customers file (one row per customer: id, age or age band, gender, city or region
 * type) into the demographic attributes of a transaction log. Values that cannot be read are left
 * unknown and reported with their line; rows without a customer id, or repeating one with other
 * values, are skipped. Pure: text in, attributes and a report out.
 */
import { UNKNOWN_ATTRIBUTE, type CustomerAttributes } from '../transactions/transaction-log';
import {
  CUSTOMER_FIELDS,
  describeMissing,
  matchColumns,
  normaliseHeader,
  type CustomerField,
} from './column-matching';
import { parseSideFile } from './csv-text';
import { normaliseCustomerKey } from './customer-keys';
import { OrdersInputError, type RowProblem } from './orders-input-error';
import { parseOrderTime, type DateOrder } from './parse-values';
import { listHeaders, quoteValue } from './quote-value';

export const UNKNOWN = UNKNOWN_ATTRIBUTE;

export interface CustomersReadOptions {
  file: string;
  /** The log's customer ids, in log order; the attributes are filled in this order. */
  customerIds: readonly string[];
  mapping?: Partial<Record<CustomerField, string>>;
  /** The read fails when more than this share of rows is bad (default 0.05). */
  maxBadShare?: number;
  shownErrors?: number;
  /** The day ages are taken at, from a date of birth (the last day of the orders); ISO. */
  ageOn?: string;
  /** How dates of birth like 03/04/1980 are read (the orders file's date order). */
  dateOrder?: DateOrder;
}

export interface CustomersReport {
  file: string;
  rowsRead: number;
  rowsSkipped: number;
  /** Rows whose customer has no order in the orders file (ignored). */
  rowsWithoutOrders: number;
  /** Customers of the orders file with no row here (their demographics stay unknown). */
  customersWithoutRow: number;
  problems: RowProblem[];
  columns: Partial<Record<CustomerField, string>>;
  /** How many customers got a known value, per attribute. */
  known: { age: number; gender: number; locale: number };
  warnings: string[];
}

/** "34" → 34; "25-34" / "25–34" / "25 to 34" → 29 (inside the band); "55+" → 60; else null. */
export function parseAge(raw: string): number | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/\s*years?$/, '');
  if (s === '') return null;
  if (/^\d{1,3}(\.\d+)?$/.test(s)) {
    const n = Math.floor(Number(s));
    return n >= 1 && n <= 120 ? n : null;
  }
  const band = /^(\d{1,3})\s*(?:-|–|—|to)\s*(\d{1,3})$/.exec(s);
  if (band) {
    const lo = Number(band[1]);
    const hi = Number(band[2]);
    return lo >= 1 && hi >= lo && hi <= 120 ? Math.floor((lo + hi) / 2) : null;
  }
  const open = /^(\d{1,3})\s*(?:\+|and over|and above|or over|plus)$/.exec(s);
  if (open) {
    const lo = Number(open[1]);
    return lo >= 1 && lo <= 115 ? lo + 5 : null;
  }
  return null;
}

const GENDER_WORDS: Record<string, number> = {
  f: 0,
  female: 0,
  woman: 0,
  women: 0,
  w: 0,
  girl: 0,
  m: 1,
  male: 1,
  man: 1,
  men: 1,
  boy: 1,
  x: 2,
  nb: 2,
  'non binary': 2,
  nonbinary: 2,
  other: 2,
  diverse: 2,
  undisclosed: 2,
  'prefer not to say': 2,
  'not disclosed': 2,
  'not specified': 2,
  unspecified: 2,
  'rather not say': 2,
  'non binary or undisclosed': 2,
};

/** Of the columns named like a customer key, the one whose values match the most customers of the orders. */
function joiningKeyColumn(
  headers: readonly string[],
  rows: readonly string[][],
  index: ReadonlyMap<string, number>,
  first: number,
): number {
  const keyNames = new Set(CUSTOMER_FIELDS[0].synonyms.map(normaliseHeader));
  let best = { column: first, matches: -1 };
  headers.forEach((h, i) => {
    if (!keyNames.has(normaliseHeader(h))) return;
    let matches = 0;
    for (const cells of rows) {
      const raw = (cells[i] ?? '').trim();
      if (raw && index.has(normaliseCustomerKey(raw)?.key ?? raw)) matches++;
    }
    // Ties keep the column the synonyms prefer.
    if (matches > best.matches || (matches === best.matches && i === first)) best = { column: i, matches };
  });
  return best.column;
}

/** Whole years from a date of birth to `on` (ISO; today when absent); null when it is not a date or not an age. */
export function ageFromBirth(raw: string, on: string | undefined, order: DateOrder): number | null {
  const born = parseOrderTime(raw, order);
  if (!born) return null;
  const day = on ?? new Date().toISOString().slice(0, 10);
  let years = Number(day.slice(0, 4)) - Number(born.day.slice(0, 4));
  if (day.slice(5) < born.day.slice(5)) years--;
  return years >= 1 && years <= 120 ? years : null;
}

/** Index into GENDERS (female, male, non-binary or undisclosed), or null when not recognised. */
export function parseGender(raw: string): number | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ');
  return GENDER_WORDS[s] ?? null;
}

/** Index into LOCALES (urban, semi-urban, rural), or null when not recognised. */
export function parseLocale(raw: string): number | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ');
  if (s === '') return null;
  if (/^(semi urban|semiurban|suburban|suburb|peri urban|town|small town|tier ?2|t2)\b/.test(s)) return 1;
  if (/(^|\W)(tier ?2|t2)(\W|$)/.test(s)) return 1;
  if (/^(urban|metro|metropolitan|city|big city|tier ?1|t1)\b/.test(s)) return 0;
  if (/(^|\W)(tier ?1|t1|metro)(\W|$)/.test(s)) return 0;
  if (/^(rural|village|countryside|tier ?[34]|t[34])\b/.test(s)) return 2;
  if (/(^|\W)(tier ?[34]|t[34]|village|rural)(\W|$)/.test(s)) return 2;
  return null;
}

/** The customers file's demographics for the customers of a log. */
export function readCustomersCsv(
  text: string,
  options: CustomersReadOptions,
): { attributes: CustomerAttributes; report: CustomersReport } {
  const { file } = options;
  const maxBadShare = options.maxBadShare ?? 0.05;
  const shown = options.shownErrors ?? 10;
  const [rawHeader, ...rows] = parseSideFile(file, text, 'the customers');
  const headers = (rawHeader ?? []).map((h) => h.trim());
  if (headers.length < 2) {
    throw new OrdersInputError(
      `${file}: the header has ${headers.length === 0 ? 'no columns' : `a single column (${listHeaders(headers)})`}; a customers file needs a customer id and at least one of age, age band, gender, region type.`,
    );
  }
  const match = matchColumns(headers, CUSTOMER_FIELDS, options.mapping);
  if (match.unknown.length) {
    throw new OrdersInputError(
      `${file}: the column mapping names columns the file does not have: ` +
        match.unknown.map((u) => `${u.key} → ${quoteValue(u.column)}`).join(', ') +
        `. Columns in the file: ${listHeaders(headers)}.`,
    );
  }
  if (match.missing.length) throw new OrdersInputError(describeMissing(match.missing, headers, file));
  const col = match.columns;
  if (
    col.age === undefined &&
    col.age_band === undefined &&
    col.date_of_birth === undefined &&
    col.gender === undefined &&
    col.region_type === undefined
  ) {
    const tried = CUSTOMER_FIELDS.filter((f) => f.key !== 'customer_id')
      .map((f) => `${f.label} (${f.synonyms.map((s) => `"${s}"`).join(', ')})`)
      .join('; ');
    throw new OrdersInputError(
      `${file}: no demographic column found; tried ${tried}. Columns in the file: ${listHeaders(headers)}.`,
    );
  }

  const n = options.customerIds.length;
  const index = new Map<string, number>();
  options.customerIds.forEach((id, i) => index.set(id, i));
  // A CRM export has several keys (member id, mobile, e-mail): the one that joins is the one whose
  // values are the orders' customers, whichever the orders file identified them by.
  if (!options.mapping?.customer_id)
    col.customer_id = joiningKeyColumn(headers, rows, index, col.customer_id!);
  const attributes: CustomerAttributes = {
    age: new Uint8Array(n),
    gender: new Uint8Array(n).fill(UNKNOWN),
    locale: new Uint8Array(n).fill(UNKNOWN),
  };
  /** The line each customer was first read from (0: not yet). */
  const seen = new Uint32Array(n);
  const problems: RowProblem[] = [];
  let skipped = 0;
  let withoutOrders = 0;
  let unknownLocale = 0;
  const unknownLocaleValues = new Map<string, number>();
  const problem = (line: number, reason: string) => {
    if (problems.length < shown) problems.push({ line, reason });
  };
  const cell = (cells: string[], field: CustomerField) => {
    const i = col[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };

  rows.forEach((cells, r) => {
    const line = r + 2;
    const id = cell(cells, 'customer_id');
    if (!id) {
      skipped++;
      return problem(line, 'customer id is empty');
    }
    let age = 0;
    const rawAge = cell(cells, 'age') || cell(cells, 'age_band');
    const rawBirth = cell(cells, 'date_of_birth');
    if (rawAge === '' && rawBirth !== '') {
      const a = ageFromBirth(rawBirth, options.ageOn, options.dateOrder ?? 'dmy');
      if (a === null) problem(line, `date of birth ${quoteValue(rawBirth)} is not a date`);
      else age = a;
    }
    if (rawAge !== '') {
      const a = parseAge(rawAge);
      if (a === null || a > 255)
        problem(line, `age ${quoteValue(rawAge)} is neither an age nor a band like 25-34 or 55+`);
      else age = a;
    }
    let gender = UNKNOWN;
    const rawGender = cell(cells, 'gender');
    if (rawGender !== '') {
      const g = parseGender(rawGender);
      if (g === null)
        problem(
          line,
          `gender ${quoteValue(rawGender)} is not recognised (e.g. F, Female, M, Male, Non-binary)`,
        );
      else gender = g;
    }
    let locale = UNKNOWN;
    const rawLocale = cell(cells, 'region_type');
    if (rawLocale !== '') {
      const l = parseLocale(rawLocale);
      if (l === null) {
        unknownLocale++;
        unknownLocaleValues.set(rawLocale, (unknownLocaleValues.get(rawLocale) ?? 0) + 1);
      } else locale = l;
    }
    // Keys are compared as the orders' are: e-mails and phone numbers however they were typed.
    const c = index.get(normaliseCustomerKey(id)?.key ?? id);
    if (c === undefined) {
      withoutOrders++;
      return;
    }
    if (seen[c]) {
      if (attributes.age[c] !== age || attributes.gender[c] !== gender || attributes.locale[c] !== locale) {
        skipped++;
        problem(line, `the same customer is on line ${seen[c]} with other values`);
      }
      return;
    }
    seen[c] = line;
    attributes.age[c] = age;
    attributes.gender[c] = gender;
    attributes.locale[c] = locale;
  });

  const rowsRead = rows.length;
  if (rowsRead === 0) throw new OrdersInputError(`${file}: the file has a header but no customer rows.`);
  if (skipped / rowsRead > maxBadShare) {
    throw new OrdersInputError(
      `${file}: ${skipped.toLocaleString('en')} of ${rowsRead.toLocaleString('en')} rows ` +
        `(${((skipped / rowsRead) * 100).toFixed(1)} %) are bad, more than the ${(maxBadShare * 100).toFixed(1)} % allowed. First ones:\n` +
        problems.map((p) => `  line ${p.line}: ${p.reason}`).join('\n'),
    );
  }
  let customersWithoutRow = 0;
  const known = { age: 0, gender: 0, locale: 0 };
  for (let c = 0; c < n; c++) {
    if (!seen[c]) customersWithoutRow++;
    if (attributes.age[c]! > 0) known.age++;
    if (attributes.gender[c] !== UNKNOWN) known.gender++;
    if (attributes.locale[c] !== UNKNOWN) known.locale++;
  }
  const warnings: string[] = [];
  if (unknownLocale > 0) {
    const examples = [...unknownLocaleValues.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([v, k]) => `${quoteValue(v)} (${k})`)
      .join(', ');
    warnings.push(
      `${file}: ${unknownLocale.toLocaleString('en')} region values are not urban, semi-urban or rural (nor Tier 1/2/3) and were left unknown: ${examples}.`,
    );
  }
  if (customersWithoutRow > 0)
    warnings.push(
      `${file}: ${customersWithoutRow.toLocaleString('en')} of ${n.toLocaleString('en')} customers with orders have no row; their demographics are unknown.`,
    );
  if (withoutOrders > 0)
    warnings.push(
      `${file}: ${withoutOrders.toLocaleString('en')} rows are customers without orders (ignored).`,
    );
  const columns = Object.fromEntries(
    Object.entries(col).map(([k, i]) => [k, headers[i as number]]),
  ) as Partial<Record<CustomerField, string>>;
  return {
    attributes,
    report: {
      file,
      rowsRead,
      rowsSkipped: skipped,
      rowsWithoutOrders: withoutOrders,
      customersWithoutRow,
      problems,
      columns,
      known,
      warnings,
    },
  };
}
