/**
 * A table's column dictionary: each column written once, with its name, label, unit, description
 * and zod rule. The table's zod schema, its column order, the explorer's reader and column
 * headings, the CSV header and the methodology's metric table are derived from it.
 *
 * A rule is a function that is handed zod and returns the column's schema, so a dictionary module
 * needs zod only as a type: the explorer reads customers_master's dictionary in the browser, and
 * zod is 31 KB gzipped that a phone would download and run for labels and units (issue 13). The
 * schemas are built where validation happens (./column-schemas.ts and the table modules).
 */
import type { z } from 'zod';

/** What a column's numbers count; the explorer formats cells by it. */
export type Unit =
  | 'id'
  | 'cluster'
  | 'category'
  | 'date'
  | 'years'
  | 'days'
  | 'count'
  | 'orders/month'
  | 'currency'
  | 'units'
  | 'minutes'
  | 'share'
  | 'score'
  | 'probability'
  | 'purchases'
  | 'weight'
  | 'percent'
  | 'ratio'
  | 'seconds'
  | 'hour'
  | 'rank'
  | 'flag'
  | 'text';

/** zod itself, as dictionaries receive it. */
export type Zod = typeof z;

/** A column's rule: zod in, the column's schema out. */
export type Rule = (zod: Zod) => z.ZodType;

/**
 * Units whose values are text (dates as ISO text) in the per-customer tables, the ones stored as
 * Parquet; there every other unit is a number. Not so in every table (demand_summary's ids are
 * numbers, its flags booleans). What the explorer goes by, which has no zod in the browser to read a
 * rule with; columns.test.ts checks it against those tables' built files and Parquet types.
 */
const TEXT_UNITS: ReadonlySet<Unit> = new Set<Unit>(['id', 'category', 'date', 'text']);

/** In a per-customer table: whether a column's values are text (ids, categories, dates), not numbers. */
export function isTextColumn(column: Column): boolean {
  return TEXT_UNITS.has(column.unit);
}

/** How the methodology page defines a metric column (`{currency}` and similar are filled in there). */
export interface MetricDoc {
  name: string;
  definition: string;
  scale: string;
}

export interface Column {
  name: string;
  /** Short heading (the explorer's column header). */
  label: string;
  unit: Unit;
  /** One sentence for the explorer's column menu and header tooltip, where the label needs one. */
  description?: string;
  /** The column's zod schema, built from the zod it is handed. */
  rule: Rule;
  /** The column's entry in the methodology's metric table, for the metrics it defines. */
  metric?: MetricDoc;
  /** How a category's stored values read on screen, where the stored word would mislead. */
  valueLabels?: Readonly<Record<string, string>>;
}

/** A stored category value as the reader sees it: its label in the dictionary, else the value itself. */
export function valueLabel(column: Column, value: string): string {
  return column.valueLabels?.[value] ?? value;
}

/** The schemas a dictionary's rules return, in column order and by name. */
export type RulesOf<C extends readonly Column[]> = { -readonly [I in keyof C]: ReturnType<C[I]['rule']> };
export type ShapeOf<C extends readonly Column[]> = { [E in C[number] as E['name']]: ReturnType<E['rule']> };

/** The names in order: the header of a compact table and of its CSV. */
export function columnNames<const C extends readonly Column[]>(
  columns: C,
): { -readonly [I in keyof C]: C[I]['name'] } {
  return columns.map((c) => c.name) as never;
}

/** A row as a record named by the columns: what the table's record schema accepts. */
export type RecordOf<C extends readonly Column[]> = z.infer<z.ZodObject<ShapeOf<C>>>;

/** A compact row (one array, values in column order): what the table's row schema accepts. */
export type RowOf<C extends readonly Column[]> = z.infer<z.ZodTuple<RulesOf<C>, null>>;

/**
 * A row with its keys in the dictionary's order, whatever order the values were given in: what a
 * builder writes for a table of records, so the file's key order is the dictionary's.
 */
export function recordOf<const C extends readonly Column[]>(columns: C, values: RecordOf<C>): RecordOf<C> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.name] = (values as Record<string, unknown>)[c.name];
  return out as RecordOf<C>;
}

/** A compact row (one array, values in column order) from a record. */
export function tupleOf<const C extends readonly Column[]>(columns: C, values: RecordOf<C>): RowOf<C> {
  return columns.map((c) => (values as Record<string, unknown>)[c.name]) as never;
}

/** One column of a dictionary by its name, typed as that entry. */
export function columnOf<const C extends readonly Column[], N extends C[number]['name']>(
  columns: C,
  name: N,
): Extract<C[number], { name: N }> {
  return columns.find((c) => c.name === name) as Extract<C[number], { name: N }>;
}

/** A column's label (a page's heading for it), by its name. */
export function labelOf<const C extends readonly Column[]>(columns: C, name: C[number]['name']): string {
  return columnOf(columns, name).label;
}
