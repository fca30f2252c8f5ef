/**
 * Reads a brand's customers file (one row per customer: id, age or age band, gender, city or region
 * type) into the demographic attributes of a transaction log. Values that cannot be read are left
 * unknown and reported with their line; rows without a customer id, or repeating one with other
 * values, are skipped. Pure: rows in, attributes and a report out.
 */
import { UNKNOWN_ATTRIBUTE, type CustomerAttributes } from '../transactions/transaction-log';
import {
  CUSTOMER_FIELDS,
  describeMissing,
  matchColumns,
  normaliseHeader,
  type CustomerField,
} from './column-matching';
import { checkHeaderIsNames } from './csv-text';
import { normaliseCustomerKey } from './customer-keys';
import { OrdersInputError, type RowProblem } from './orders-input-error';
import { parseOrderTime, type DateOrder } from './parse-values';
import { listHeaders, quoteValue } from './quote-value';
import { readCsvText, startRowsRead, type RowsRead } from './rows-read';

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

/** A row's demographics, read once whichever key column joins it. */
interface RowValues {
  age: number;
  gender: number;
  locale: number;
  /** The region value that is not a region type, if any (left unknown, and reported). */
  unknownLocale: string | null;
  /** Values that could not be read, as the report words them. */
  reasons: string[];
}

/**
 * The join through one key column: the demographics each customer of the orders gets, and what went
 * wrong. A CRM export has several keys (member id, mobile, e-mail); the read joins through each
 * column named like one at once, and keeps the one with the most rows that match a customer.
 */
class KeyJoin {
  readonly attributes: CustomerAttributes;
  /** The line each customer was first read from (0: not yet). */
  readonly seen: Uint32Array;
  /** Rows whose key is a customer of the orders. */
  matches = 0;
  skipped = 0;
  withoutOrders = 0;
  unknownLocale = 0;
  readonly unknownLocaleValues = new Map<string, number>();
  readonly problems: RowProblem[] = [];

  constructor(
    readonly column: number,
    customers: number,
    private readonly shown: number,
  ) {
    this.attributes = {
      age: new Uint8Array(customers),
      gender: new Uint8Array(customers).fill(UNKNOWN),
      locale: new Uint8Array(customers).fill(UNKNOWN),
    };
    this.seen = new Uint32Array(customers);
  }

  private problem(line: number, reason: string): void {
    if (this.problems.length < this.shown) this.problems.push({ line, reason });
  }

  /** One row, keyed `id` in this column (already trimmed), its values read by `values`. */
  take(id: string, line: number, values: () => RowValues, index: ReadonlyMap<string, number>): void {
    if (!id) {
      this.skipped++;
      return this.problem(line, 'customer id is empty');
    }
    const { age, gender, locale, unknownLocale, reasons } = values();
    for (const reason of reasons) this.problem(line, reason);
    if (unknownLocale !== null) {
      this.unknownLocale++;
      this.unknownLocaleValues.set(unknownLocale, (this.unknownLocaleValues.get(unknownLocale) ?? 0) + 1);
    }
    // Keys are compared as the orders' are: e-mails and phone numbers however they were typed.
    const c = index.get(normaliseCustomerKey(id)?.key ?? id);
    if (c === undefined) {
      this.withoutOrders++;
      return;
    }
    this.matches++;
    const { attributes, seen } = this;
    if (seen[c]) {
      if (attributes.age[c] !== age || attributes.gender[c] !== gender || attributes.locale[c] !== locale) {
        this.skipped++;
        this.problem(line, `the same customer is on line ${seen[c]} with other values`);
      }
      return;
    }
    seen[c] = line;
    attributes.age[c] = age;
    attributes.gender[c] = gender;
    attributes.locale[c] = locale;
  }
}

/** The customers read: rows in (the header first), the log's demographics and their report out. */
export type CustomersRead = RowsRead<{ attributes: CustomerAttributes; report: CustomersReport }>;

/** The customers file's columns, checked: those of each field, and the key columns to join through. */
function customersColumns(
  file: string,
  rawHeader: readonly string[],
  mapping: CustomersReadOptions['mapping'],
): { headers: string[]; col: Partial<Record<CustomerField, number>>; keyColumns: number[] } {
  checkHeaderIsNames(file, rawHeader);
  const headers = rawHeader.map((h) => h.trim());
  if (headers.length < 2) {
    throw new OrdersInputError(
      `${file}: the header has ${headers.length === 0 ? 'no columns' : `a single column (${listHeaders(headers)})`}; a customers file needs a customer id and at least one of age, age band, gender, region type.`,
    );
  }
  const match = matchColumns(headers, CUSTOMER_FIELDS, mapping);
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
  // A mapped id column is the key; else every column named like a key is tried.
  const keyNames = new Set(CUSTOMER_FIELDS[0].synonyms.map(normaliseHeader));
  const named = headers.flatMap((h, i) => (keyNames.has(normaliseHeader(h)) ? [i] : []));
  const keyColumns = mapping?.customer_id || named.length === 0 ? [col.customer_id!] : named;
  return { headers, col, keyColumns };
}

/**
 * The customers file's demographics for the customers of a log, read row by row: through
 * readCustomersCsv on a text, readCustomersCsvFile from disk, or the worker's chunks of a File.
 */
export function startCustomersRead(options: CustomersReadOptions): CustomersRead {
  const { file } = options;
  const maxBadShare = options.maxBadShare ?? 0.05;
  const shown = options.shownErrors ?? 10;
  const n = options.customerIds.length;
  const index = new Map<string, number>();
  options.customerIds.forEach((id, i) => index.set(id, i));
  let columns: ReturnType<typeof customersColumns> | null = null;
  let joins: KeyJoin[] = [];
  let rowsRead = 0;

  const take = (cells: string[], line: number) => {
    if (!columns) {
      columns = customersColumns(file, cells, options.mapping);
      joins = columns.keyColumns.map((column) => new KeyJoin(column, n, shown));
      return;
    }
    rowsRead++;
    const { col } = columns;
    const cell = (field: CustomerField) => {
      const i = col[field];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    let values: RowValues | null = null;
    // Read once, and only for a row with an id in some key column.
    const valuesOf = () => (values ??= readValues(cell, options));
    for (const join of joins) join.take((cells[join.column] ?? '').trim(), line, valuesOf, index);
  };

  const finish = () => {
    if (!columns) throw new OrdersInputError(`${file}: the file is empty.`);
    if (rowsRead === 0) throw new OrdersInputError(`${file}: the file has a header but no customer rows.`);
    const { headers, col } = columns;
    // The key column with the most rows that match a customer; ties keep the one the synonyms prefer.
    let join = joins[0]!;
    for (const candidate of joins) {
      if (
        candidate.matches > join.matches ||
        (candidate.matches === join.matches && candidate.column === col.customer_id)
      )
        join = candidate;
    }
    const { attributes, skipped, problems } = join;
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
      if (!join.seen[c]) customersWithoutRow++;
      if (attributes.age[c]! > 0) known.age++;
      if (attributes.gender[c] !== UNKNOWN) known.gender++;
      if (attributes.locale[c] !== UNKNOWN) known.locale++;
    }
    const warnings: string[] = [];
    if (join.unknownLocale > 0) {
      const examples = [...join.unknownLocaleValues.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 5)
        .map(([v, k]) => `${quoteValue(v)} (${k})`)
        .join(', ');
      warnings.push(
        `${file}: ${join.unknownLocale.toLocaleString('en')} region values are not urban, semi-urban or rural (nor Tier 1/2/3) and were left unknown: ${examples}.`,
      );
    }
    if (customersWithoutRow > 0)
      warnings.push(
        `${file}: ${customersWithoutRow.toLocaleString('en')} of ${n.toLocaleString('en')} customers with orders have no row; their demographics are unknown.`,
      );
    if (join.withoutOrders > 0)
      warnings.push(
        `${file}: ${join.withoutOrders.toLocaleString('en')} rows are customers without orders (ignored).`,
      );
    const named = Object.fromEntries(
      Object.entries({ ...col, customer_id: join.column }).map(([k, i]) => [k, headers[i as number]]),
    ) as Partial<Record<CustomerField, string>>;
    return {
      attributes,
      report: {
        file,
        rowsRead,
        rowsSkipped: skipped,
        rowsWithoutOrders: join.withoutOrders,
        customersWithoutRow,
        problems,
        columns: named,
        known,
        warnings,
      },
    };
  };
  // A few NUL bytes in a text are dropped before parsing (checkLooksLikeText refuses many): one
  // before a quote would otherwise keep the quote in the value.
  return startRowsRead(file, take, finish, { dropsNul: true });
}

/** A row's age (from an age, a band or a date of birth), gender and region type. */
function readValues(cell: (field: CustomerField) => string, options: CustomersReadOptions): RowValues {
  const reasons: string[] = [];
  let age = 0;
  const rawAge = cell('age') || cell('age_band');
  const rawBirth = cell('date_of_birth');
  if (rawAge === '' && rawBirth !== '') {
    const a = ageFromBirth(rawBirth, options.ageOn, options.dateOrder ?? 'dmy');
    if (a === null) reasons.push(`date of birth ${quoteValue(rawBirth)} is not a date`);
    else age = a;
  }
  if (rawAge !== '') {
    const a = parseAge(rawAge);
    if (a === null || a > 255)
      reasons.push(`age ${quoteValue(rawAge)} is neither an age nor a band like 25-34 or 55+`);
    else age = a;
  }
  let gender = UNKNOWN;
  const rawGender = cell('gender');
  if (rawGender !== '') {
    const g = parseGender(rawGender);
    if (g === null)
      reasons.push(`gender ${quoteValue(rawGender)} is not recognised (e.g. F, Female, M, Male, Non-binary)`);
    else gender = g;
  }
  let locale = UNKNOWN;
  let unknownLocale: string | null = null;
  const rawLocale = cell('region_type');
  if (rawLocale !== '') {
    const l = parseLocale(rawLocale);
    if (l === null) unknownLocale = rawLocale;
    else locale = l;
  }
  return { age, gender, locale, unknownLocale, reasons };
}

/** The customers file's demographics for the customers of a log, from the file's whole text. */
export function readCustomersCsv(
  text: string,
  options: CustomersReadOptions,
): { attributes: CustomerAttributes; report: CustomersReport } {
  const { attributes, report } = readCsvText(text, 'the customers', startCustomersRead(options));
  return { attributes, report };
}
