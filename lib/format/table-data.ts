import { toCsvText } from '../csv/csv';
import { formatCount, formatMoney, formatPct, formatRatio } from './format';

/** How a column's numbers are shown. */
export type ColumnFormat =
  | 'text'
  | 'count'
  | 'number'
  | 'money'
  | 'pct'
  | 'ratio'
  | 'score'
  /** A relative change in percent, signed: "+41.2%", "−3.0%". */
  | 'change'
  /** A change of a share in percentage points, signed: "+6.7 pts". */
  | 'points';

export interface TableColumn {
  key: string;
  label: string;
  format?: ColumnFormat;
  /** Decimals for number, pct and ratio formats. */
  decimals?: number;
}

export type TableRow = Record<string, string | number | null>;

/** The accessible, downloadable equivalent of a chart: plain columns and rows. */
export interface TableData {
  columns: TableColumn[];
  rows: TableRow[];
}

export function formatCell(
  value: string | number | null | undefined,
  column: TableColumn,
  currency: string,
): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  switch (column.format ?? 'number') {
    case 'count':
      return formatCount(value);
    case 'money':
      return formatMoney(value, currency);
    case 'pct':
      return formatPct(value, column.decimals ?? 1);
    case 'ratio':
      return formatRatio(value, column.decimals ?? 2);
    case 'score':
      return formatCount(value, column.decimals ?? 1);
    case 'change':
      return `${signOf(value, column.decimals ?? 1)}${formatPct(Math.abs(value), column.decimals ?? 1)}`;
    case 'points':
      return `${signOf(value, column.decimals ?? 1)}${formatCount(Math.abs(value), column.decimals ?? 1)} pts`;
    case 'text':
      return String(value);
    default:
      return formatCount(value, column.decimals ?? 2);
  }
}

/** "+" or "−" before a change, none when it rounds to zero at the shown decimals. */
function signOf(value: number, decimals: number): string {
  const shown = Math.round(Math.abs(value) * 10 ** decimals);
  return shown === 0 ? '' : value > 0 ? '+' : '−';
}

/** CSV of the table (raw numbers, not formatted), through the one CSV writer (formula guard, RFC 4180). */
export function toCsv(table: TableData): string {
  return toCsvText(
    table.columns.map((c) => c.label),
    table.rows.map((row) => table.columns.map((c) => row[c.key])),
  );
}
