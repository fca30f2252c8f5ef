import { toCsvText } from '../csv/csv';
import { formatCount, formatMoney, formatPct, formatRatio } from './format';

/** How a column's numbers are shown. */
export type ColumnFormat = 'text' | 'count' | 'number' | 'money' | 'pct' | 'ratio' | 'score';

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
    case 'text':
      return String(value);
    default:
      return formatCount(value, column.decimals ?? 2);
  }
}

/** CSV of the table (raw numbers, not formatted), through the one CSV writer (formula guard, RFC 4180). */
export function toCsv(table: TableData): string {
  return toCsvText(
    table.columns.map((c) => c.label),
    table.rows.map((row) => table.columns.map((c) => row[c.key])),
  );
}
