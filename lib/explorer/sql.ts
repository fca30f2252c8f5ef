/**
 * The explorer's view (filters, search, sort) as SQL over the customers_master Parquet (issue 15):
 * duckdb-wasm runs it in the browser, so only the rows in view cross into JavaScript. Pure text:
 * no engine is imported here, and engine.test.ts runs it on the same engine the browser uses.
 */
import { ident, literal } from '@/lib/duckdb/sql-text';
import { isTextColumn } from '@/lib/schema/columns';
import { CUSTOMERS_MASTER_COLUMNS, type CustomerColumn } from '@/lib/schema/customers-master';
import { AT_RISK_P_ALIVE_BELOW } from './at-risk';
import { FILTER_KEYS, normaliseSearch, type Filters } from './filter';
import { ORDINAL, type SortSpec } from './sort';

/** The relation every query reads: a view over the Parquet file, later a table loaded from it. */
export const CUSTOMERS = 'customers';
/** The customer's position in the file: ties in a sort keep file order, so pages never overlap. */
export const POSITION = 'file_position';
/** The id in capitals, worked out once per customer rather than on every keystroke of a search. */
export const SEARCH_KEY = 'search_key';

/** A number as SQL: exactly the double JavaScript holds (its shortest round-trip text). */
const double = (x: number) => `CAST(${literal(String(x))} AS DOUBLE)`;

/**
 * The text columns that hold a few values each (persona, bands, channel…): the copy in memory
 * stores them as ENUM types, one byte a customer instead of sixteen (see CustomerEngine.loadIntoMemory).
 * The id is text too, but one value per customer.
 */
export const CATEGORY_COLUMNS: readonly CustomerColumn[] = CUSTOMERS_MASTER_COLUMNS.filter(
  (c) => isTextColumn(c) && c.unit !== 'date' && c.name !== 'customer_id',
).map((c) => c.name);

/**
 * Every column, as the explorer reads it: dates back to their ISO text (the file stores DATE), text
 * as text (the copy in memory may hold it as an ENUM).
 */
const SELECT_EXPRESSIONS = new Map<CustomerColumn, string>(
  CUSTOMERS_MASTER_COLUMNS.map((c) => {
    const name = ident(c.name);
    if (c.unit === 'date') return [c.name, `strftime(${name}, '%Y-%m-%d') AS ${name}`];
    if (isTextColumn(c)) return [c.name, `${name}::VARCHAR AS ${name}`];
    return [c.name, name];
  }),
);
const selectOf = (columns: Iterable<CustomerColumn>) =>
  Array.from(columns, (c) => SELECT_EXPRESSIONS.get(c)!).join(', ');
export const SELECT_COLUMNS = selectOf(SELECT_EXPRESSIONS.keys());

/** The ENUM type a category column has in the copy in memory (see CustomerEngine.loadIntoMemory). */
export const enumTypeOf = (column: CustomerColumn) => ident(`explorer_${column}`);

/** The values of each category column the copy in memory holds as an ENUM, in the ENUM's order. */
export type EnumColumns = ReadonlyMap<CustomerColumn, readonly string[]>;

/**
 * The rows a view keeps: every active filter must contain the customer's value (OR within a
 * filter, AND across filters); the id must contain the search text, case-insensitive; with the
 * at-risk filter on, spend at or above `riskThreshold` and P(alive) below the rule's bound (no
 * threshold, no predictions: nobody is at risk).
 * A filter on a column held as an ENUM (`enums`) names its values as that ENUM's: compared with
 * text, DuckDB turns every customer's value into text first (at 5M customers, 48 ms against 10 ms
 * for one value). A value the ENUM lacks matches nobody, and is left out rather than cast (a cast fails).
 */
export function whereSql(
  filters: Filters,
  search: string,
  riskThreshold: number | null,
  enums: EnumColumns = new Map(),
): string {
  const parts: string[] = [];
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (!values?.length) continue;
    const members = enums.get(key);
    const listed = members
      ? values.filter((v) => members.includes(v)).map((v) => `${literal(v)}::${enumTypeOf(key)}`)
      : values.map(literal);
    parts.push(listed.length ? `${ident(key)} IN (${listed.join(', ')})` : 'FALSE');
  }
  if (filters.atRisk) {
    parts.push(
      riskThreshold === null
        ? 'FALSE'
        : `(p_alive IS NOT NULL AND p_alive < ${double(AT_RISK_P_ALIVE_BELOW)} AND total_spend >= ${double(riskThreshold)})`,
    );
  }
  const q = normaliseSearch(search);
  if (q) parts.push(`strpos(${ident(SEARCH_KEY)}, ${literal(q)}) > 0`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/**
 * The order of a view: bands by meaning (low → high churn, bottom → top CLV, young → old), other
 * text by code point (ISO dates and ids sort right), numbers by value; missing values last in both
 * directions; ties in file order. No sort: '' (file order, which DuckDB keeps for a query without
 * ORDER BY, so the first rows of the file need no reading of the rest).
 */
export function orderSql(sort: SortSpec | null): string {
  if (!sort) return '';
  // Named with the table: a bare name would be the select list's text (ORDER BY prefers an
  // alias), and the copy in memory sorts its ENUMs and dates faster than their text.
  const col = `${CUSTOMERS}.${ident(sort.id)}`;
  const dir = sort.desc ? 'DESC' : 'ASC';
  const ordinal = ORDINAL[sort.id];
  const keys = ordinal
    ? [
        `CASE ${col} ${ordinal.map((v, i) => `WHEN ${literal(v)} THEN ${i}`).join(' ')} ELSE ${ordinal.length} END ${dir} NULLS LAST`,
        `${col} ${dir} NULLS LAST`,
      ]
    : [`${col} ${dir} NULLS LAST`];
  return [...keys, `${CUSTOMERS}.${ident(POSITION)}`].join(', ');
}

const orderBy = (order: string) => (order ? ` ORDER BY ${order}` : '');

/**
 * One page of a view's rows, with the columns named: a sort carries every column it selects through
 * the whole table, so the page asks only for those on screen (12 columns instead of 36 took a sort of
 * a million customers from about 300 ms to 70 ms in duckdb-wasm). A sorted page is picked on the
 * stored values and only its rows are then turned into text: DuckDB works out a select list before
 * it sorts, so dates and categories written as text in the sort itself cost every customer a
 * conversion (at 5M customers in duckdb-wasm, 312 ms for a page sorted by spend against 82 ms).
 * `sortColumn` is the column `order` sorts by (see orderSql), null with no sort.
 */
export function pageSql(
  where: string,
  order: string,
  sortColumn: CustomerColumn | null,
  offset: number,
  limit: number,
  columns: readonly CustomerColumn[],
): string {
  const window = ` LIMIT ${limit} OFFSET ${offset}`;
  // No sort: file order, and DuckDB stops reading once the page is full, so nothing to save.
  if (!order || sortColumn === null)
    return `SELECT ${selectOf(columns)} FROM ${CUSTOMERS} WHERE ${where}${orderBy(order)}${window}`;
  const stored = [...new Set([...columns, sortColumn])].map(ident);
  const picked = `SELECT ${stored.join(', ')}, ${ident(POSITION)} FROM ${CUSTOMERS} WHERE ${where}${orderBy(order)}${window}`;
  // Named as the table, so that `order` (written with the table's name) sorts the page again.
  return `SELECT ${selectOf(columns)} FROM (${picked}) AS ${CUSTOMERS}${orderBy(order)}`;
}

/** The table of a sorted view's positions in order (slot 1, 2, …), made once per view for deep pages. */
export function viewOrderSql(table: string, where: string, order: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${ident(POSITION)}, row_number() OVER (ORDER BY ${order}) AS slot FROM ${CUSTOMERS} WHERE ${where}`;
}

/** One page of a sorted view from its table of positions: only the page's rows are looked up. */
export function slotPageSql(
  table: string,
  offset: number,
  limit: number,
  columns: readonly CustomerColumn[],
): string {
  return `SELECT ${selectOf(columns)} FROM ${table} JOIN ${CUSTOMERS} USING (${ident(POSITION)}) WHERE slot > ${offset} AND slot <= ${offset + limit} ORDER BY slot`;
}

/** The columns named, for an export, in the view's order. */
export function exportSql(where: string, order: string, columns: readonly CustomerColumn[]): string {
  return `SELECT ${selectOf(columns)} FROM ${CUSTOMERS} WHERE ${where}${orderBy(order)}`;
}
