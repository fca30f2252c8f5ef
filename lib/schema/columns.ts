/**
 * A table's column dictionary: each column written once, with its name, label, unit, description
 * and zod rule. The table's zod schema, its column order, the explorer's reader and column
 * headings, the CSV header and the methodology's metric table are derived from it.
 */
import { z } from 'zod';

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
  rule: z.ZodType;
  /** The column's entry in the methodology's metric table, for the metrics it defines. */
  metric?: MetricDoc;
  /** How a category's stored values read on screen, where the stored word would mislead. */
  valueLabels?: Readonly<Record<string, string>>;
}

/** A stored category value as the reader sees it: its label in the dictionary, else the value itself. */
export function valueLabel(column: Column, value: string): string {
  return column.valueLabels?.[value] ?? value;
}

type RulesOf<C extends readonly Column[]> = { -readonly [I in keyof C]: C[I]['rule'] };
type ShapeOf<C extends readonly Column[]> = { [E in C[number] as E['name']]: E['rule'] };

/** The names in order: the header of a compact table and of its CSV. */
export function columnNames<const C extends readonly Column[]>(
  columns: C,
): { -readonly [I in keyof C]: C[I]['name'] } {
  return columns.map((c) => c.name) as never;
}

/** The zod schema of a compact row (one array per row, values in column order). */
export function rowSchema<const C extends readonly Column[]>(columns: C) {
  return z.tuple(columns.map((c) => c.rule) as never) as unknown as z.ZodTuple<RulesOf<C>, null>;
}

/** The zod schema of a row as a record named by the columns. */
export function recordSchema<const C extends readonly Column[]>(columns: C) {
  return z.object(Object.fromEntries(columns.map((c) => [c.name, c.rule])) as ShapeOf<C>);
}

/** A row as a record named by the columns: the type `recordSchema` infers. */
export type RecordOf<C extends readonly Column[]> = z.infer<z.ZodObject<ShapeOf<C>>>;

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
export function tupleOf<const C extends readonly Column[]>(
  columns: C,
  values: RecordOf<C>,
): z.infer<ReturnType<typeof rowSchema<C>>> {
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
