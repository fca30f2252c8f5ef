import { CSV_LINE_END, csvLine, type CsvValue } from '@/lib/csv/csv';
import type { CustomerColumn } from '@/lib/schema/customers-master';
import { FILTER_KEYS, FILTER_PARAMS, normaliseSearch, type Filters } from './filter';
import type { SortSpec } from './sort';

/**
 * The filtered customers as CSV parts (for a Blob), one line per customer in the order the batches
 * give them, with the given (visible) columns; header = the column names of customers_master;
 * through the one CSV writer's line (formula guard, RFC 4180, CRLF). Parts, not one string, so an
 * export of a million customers is never one giant string.
 */
export async function customersCsvParts(
  columns: readonly CustomerColumn[],
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>,
): Promise<string[]> {
  const parts = [csvLine(columns) + CSV_LINE_END];
  for await (const batch of batches) {
    if (batch.length) parts.push(batch.map((row) => csvLine(row)).join(CSV_LINE_END) + CSV_LINE_END);
  }
  return parts;
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
