/**
 * Reads a brand's customers file (one row per customer: id, age or age band, gender, city or region
 * type) into the demographic attributes of a transaction log. Values that cannot be read are left
 * unknown and reported with their line; rows without a customer id, or repeating one with other
 * values, are skipped. Pure: text in, attributes and a report out.
 */
import {
  GENDERS,
  LOCALES,
  type CustomerAttributes,
  type TransactionLog,
} from '../transactions/transaction-log';
import { CUSTOMER_FIELDS, describeMissing, matchColumns, type CustomerField } from './column-matching';
import { OrdersInputError, type RowProblem } from './orders-reader';
import { parseSideFile } from './read-orders-csv';

export const UNKNOWN = 255;

export interface CustomersReadOptions {
  file: string;
  /** The log's customer ids, in log order; the attributes are filled in this order. */
  customerIds: readonly string[];
  mapping?: Partial<Record<CustomerField, string>>;
  /** The read fails when more than this share of rows is bad (default 0.05). */
  maxBadShare?: number;
  shownErrors?: number;
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
  'rather not say': 2,
  'non binary or undisclosed': 2,
};

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
  const [rawHeader, ...rows] = parseSideFile(file, text);
  const headers = (rawHeader ?? []).map((h) => h.trim());
  if (headers.length < 2) {
    throw new OrdersInputError(
      `${file}: the header has ${headers.length === 0 ? 'no columns' : `a single column ("${headers[0]}")`}; a customers file needs a customer id and at least one of age, age band, gender, region type.`,
    );
  }
  const match = matchColumns(headers, CUSTOMER_FIELDS, options.mapping);
  if (match.unknown.length) {
    throw new OrdersInputError(
      `${file}: the column mapping names columns the file does not have: ` +
        match.unknown.map((u) => `${u.key} → "${u.column}"`).join(', ') +
        `. Columns in the file: ${headers.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  if (match.missing.length) throw new OrdersInputError(describeMissing(match.missing, headers, file));
  const col = match.columns;
  if (
    col.age === undefined &&
    col.age_band === undefined &&
    col.gender === undefined &&
    col.region_type === undefined
  ) {
    const tried = CUSTOMER_FIELDS.filter((f) => f.key !== 'customer_id')
      .map((f) => `${f.label} (${f.synonyms.map((s) => `"${s}"`).join(', ')})`)
      .join('; ');
    throw new OrdersInputError(
      `${file}: no demographic column found; tried ${tried}. Columns in the file: ${headers.map((h) => `"${h}"`).join(', ')}.`,
    );
  }

  const n = options.customerIds.length;
  const index = new Map<string, number>();
  options.customerIds.forEach((id, i) => index.set(id, i));
  const attributes: CustomerAttributes = {
    age: new Uint8Array(n),
    gender: new Uint8Array(n).fill(UNKNOWN),
    locale: new Uint8Array(n).fill(UNKNOWN),
  };
  const seen = new Uint8Array(n);
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
    if (rawAge !== '') {
      const a = parseAge(rawAge);
      if (a === null || a > 255)
        problem(line, `age "${rawAge}" is neither an age nor a band like 25-34 or 55+`);
      else age = a;
    }
    let gender = UNKNOWN;
    const rawGender = cell(cells, 'gender');
    if (rawGender !== '') {
      const g = parseGender(rawGender);
      if (g === null)
        problem(line, `gender "${rawGender}" is not recognised (e.g. F, Female, M, Male, Non-binary)`);
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
    const c = index.get(id);
    if (c === undefined) {
      withoutOrders++;
      return;
    }
    if (seen[c]) {
      if (attributes.age[c] !== age || attributes.gender[c] !== gender || attributes.locale[c] !== locale) {
        skipped++;
        problem(line, `customer "${id}" appears on an earlier line with other values`);
      }
      return;
    }
    seen[c] = 1;
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
      .map(([v, k]) => `"${v}" (${k})`)
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

/** The log's demographics as a customers file (customer_id, age, gender, region_type); unknown values empty. */
export function exportCustomersCsv(log: TransactionLog): string {
  const out = ['customer_id,age,gender,region_type'];
  const { age, gender, locale } = log.attributes;
  for (let c = 0; c < log.customerCount; c++) {
    const id = log.customerIds[c]!;
    out.push(
      [
        /[",\n\r]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id,
        age[c]! > 0 ? String(age[c]) : '',
        gender[c] === UNKNOWN ? '' : GENDERS[gender[c]!]!,
        locale[c] === UNKNOWN ? '' : LOCALES[locale[c]!]!,
      ].join(','),
    );
  }
  return `${out.join('\n')}\n`;
}
