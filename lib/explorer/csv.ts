import type { CustomerColumn } from '@/lib/schema/customers-master';
import type { Customer } from './customers';
import { FILTER_KEYS, FILTER_PARAMS, normaliseSearch, type Filters } from './filter';
import type { SortSpec } from './sort';

/**
 * A cell a spreadsheet would run as a formula — text starting with =, +, - or @ (and tab or
 * carriage return, which some spreadsheets skip before reading a formula) — is prefixed with a
 * single quote, as the OWASP CSV-injection guidance recommends. Numbers are written as numbers:
 * a finite number is never a formula, and a negative one must stay a number.
 */
export function neutraliseCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, with quotes doubled. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The filtered customers as CSV, one line per customer in the given order, the columns given (the
 * visible ones) in order, header = the column names of customers_master. Lines end in CRLF (RFC 4180).
 */
export function customersCsv(customers: readonly Customer[], columns: readonly CustomerColumn[]): string {
  const lines: string[] = new Array(customers.length + 1);
  lines[0] = columns.map((c) => quoteField(neutraliseCell(c))).join(',');
  for (let r = 0; r < customers.length; r++) {
    const c = customers[r]!;
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i) line += ',';
      line += quoteField(neutraliseCell(c[columns[i]!]));
    }
    lines[r + 1] = line;
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * The columns an export writes for the visible ones: the same, in order, except that predicted CLV
 * (whose cell shows its range) is followed by the range's ends, predicted_clv_p10 and _p90.
 */
export function exportColumns(visible: readonly CustomerColumn[]): CustomerColumn[] {
  return visible.flatMap((c): CustomerColumn[] =>
    c === 'predicted_clv' ? ['predicted_clv', 'predicted_clv_p10', 'predicted_clv_p90'] : [c],
  );
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/%/g, 'pct')
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A file name that says what was exported: customers, then each filter with its values, the
 * search and the sort, then the row count, e.g.
 * `customers_churn-high_region-urban_search-c00012_sort-total_spend-desc_412-rows.csv`;
 * `customers_all_10000-rows.csv` when nothing is filtered. Long names are shortened to stay
 * within what file systems accept.
 */
export function exportFileName(
  filters: Filters,
  search: string,
  sort: SortSpec | null,
  rowCount: number,
): string {
  const parts: string[] = [];
  for (const k of FILTER_KEYS) {
    const values = filters[k];
    if (values?.length) parts.push(`${FILTER_PARAMS[k]}-${values.map(slug).join('+')}`);
  }
  if (filters.atRisk) parts.push('at-risk');
  const q = normaliseSearch(search);
  if (q) parts.push(`search-${slug(q)}`);
  let body = parts.length ? parts.join('_') : 'all';
  if (sort) body += `_sort-${sort.id}-${sort.desc ? 'desc' : 'asc'}`;
  if (body.length > 180) body = body.slice(0, 180).replace(/[-_+]+$/, '');
  return `customers_${body}_${rowCount}-rows.csv`;
}
