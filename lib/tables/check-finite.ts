/**
 * No table ever holds NaN or ±Infinity. JSON would quietly write them as null and a page would draw
 * a gap or "NaN", so every table is checked before it is written or posted to the page, and the
 * first offending number is named by table, column and row. Builders round with roundNum, which
 * passes a non-finite value through to this check rather than throwing from deep inside a builder.
 */

export interface NonFiniteCell {
  table: string;
  /** Column (or field) name, e.g. `predicted` or `clv_proxy_value`. */
  column: string;
  /** Where the row is: `rows[41] (customer_id C00042)` or `back_test.tracking[61]`; empty for a top-level field. */
  row: string;
  value: number;
}

export class NonFiniteTableError extends Error {
  constructor(readonly cell: NonFiniteCell) {
    const where = cell.row ? `, row ${cell.row}` : '';
    const what = Number.isNaN(cell.value) ? 'not a number' : 'infinite';
    super(
      `The ${cell.table} table came out with a value that is ${what} (column ${cell.column}${where}). ` +
        'This is a fault in Omnichannel Insights, not in your data: nothing was written. Please report it with this message.',
    );
    this.name = 'NonFiniteTableError';
  }
}

const isCompact = (doc: Record<string, unknown>): doc is { columns: string[]; rows: unknown[][] } =>
  Array.isArray(doc.columns) && Array.isArray(doc.rows) && doc.rows.every(Array.isArray);

/** The first non-finite number in a table, or null. Compact tables are read as columns × rows. */
export function findNonFinite(table: string, doc: unknown): NonFiniteCell | null {
  if (doc === null || typeof doc !== 'object') return null;
  const record = doc as Record<string, unknown>;
  if (isCompact(record)) {
    const { columns, rows } = record;
    const key = columns.indexOf('customer_id');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v === 'number' && !Number.isFinite(v)) {
          const id = key >= 0 ? ` (customer_id ${String(row[key])})` : '';
          return { table, column: columns[j] ?? String(j), row: `rows[${i}]${id}`, value: v };
        }
      }
    }
    const { rows: _rows, ...rest } = record;
    return walk(table, rest, []);
  }
  return walk(table, record, []);
}

function walk(table: string, value: unknown, path: Array<string | number>): NonFiniteCell | null {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return null;
    const column = String(path[path.length - 1] ?? '');
    return { table, column, row: describePath(path.slice(0, -1)), value };
  }
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(table, value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const found = walk(table, v, [...path, k]);
    if (found) return found;
  }
  return null;
}

/** ['back_test', 'tracking', 61] → `back_test.tracking[61]`. */
function describePath(path: Array<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** Throws NonFiniteTableError for the first non-finite number in any of the tables. */
export function assertFiniteTables(tables: Record<string, unknown>): void {
  for (const [name, doc] of Object.entries(tables)) {
    const cell = findNonFinite(name, doc);
    if (cell) throw new NonFiniteTableError(cell);
  }
}
