/**
 * The first rows of a per-customer table, in file order, written by the build beside its Parquet
 * file. The explorer shows them while its engine starts (downloading and compiling 18 MB of
 * WebAssembly, then reading the file's footer, took 2–3 s in bench:explorer), so the first screen
 * of the plain view needs one small request. Everything after that comes from the engine.
 */
import { columnsProblem, type Customer } from './customers';

/** How many rows: the explorer's first block. */
export const FIRST_ROWS = 100;

/** The file beside `<table>.parquet`. */
export const firstRowsFile = (table: string) => `${table}.first-rows.json`;

/** The file's content: the table's row count, its columns, and its first rows as arrays. */
export interface FirstRows {
  total: number;
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** The first rows of a table held as columns and rows. */
export function firstRowsOf(table: {
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
}): FirstRows {
  const { columns, rows } = table;
  // Read by index: the benchmark's replicated tables are array-like, not arrays.
  return {
    total: rows.length,
    columns,
    rows: Array.from({ length: Math.min(FIRST_ROWS, rows.length) }, (_, i) => rows[i]!),
  };
}

/**
 * The customers of a first-rows file, or null when it is not one this version can show (another
 * version's columns, or not the file's shape): the explorer then waits for its engine instead.
 */
export function firstCustomers(doc: unknown): { total: number; customers: Customer[] } | null {
  const d = doc as Partial<FirstRows> | null;
  if (!d || !Number.isInteger(d.total) || !Array.isArray(d.columns) || !Array.isArray(d.rows)) return null;
  if (columnsProblem(d.columns) !== null) return null;
  const columns = d.columns;
  if (!d.rows.every((r) => Array.isArray(r) && r.length === columns.length)) return null;
  return {
    total: d.total!,
    customers: d.rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])) as Customer),
  };
}
