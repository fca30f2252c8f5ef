/**
 * A column's zod rule as a plain predicate, for the per-customer tables: zod checked a million
 * customers' rows (36 columns in customers_master, 9 in clv_proxy) one tuple at a time in 16 s of the
 * 1M build (bench:pipeline's validate stage); plain comparisons take about 2 s. Read from the rule itself, so the dictionary
 * stays the one place a column's rule is said; rules of a shape this does not know get no predicate
 * (null), and their table is checked by zod as before. fast-check.test.ts holds each predicate to
 * zod's own verdict on values at and around every bound.
 */
import { z } from 'zod';
import type { Column } from './columns';

type Check = (value: unknown) => boolean;

/** zod's internal definition of a schema or check: its kind and settings. */
interface Def {
  type?: string;
  check?: string;
  innerType?: z.ZodType;
  checks?: Array<{ _zod: { def: Def } }>;
  entries?: Record<string, string | number>;
  [setting: string]: unknown;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** One number check, or null for a kind this does not know. */
function numberCheck(def: Def): Check | null {
  const value = def.value as number;
  switch (def.check) {
    case 'greater_than':
      return def.inclusive ? (v) => (v as number) >= value : (v) => (v as number) > value;
    case 'less_than':
      return def.inclusive ? (v) => (v as number) <= value : (v) => (v as number) < value;
    case 'number_format':
      return def.format === 'safeint' ? (v) => Number.isSafeInteger(v) : null;
    default:
      return null;
  }
}

/** A string's length as zod 4 counts it: in code points (an emoji is one), not UTF-16 units. */
function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** One string check, or null for a kind this does not know. */
function stringCheck(def: Def): Check | null {
  switch (def.check) {
    case 'min_length':
      return (v) => codePoints(v as string) >= (def.minimum as number);
    case 'max_length':
      return (v) => codePoints(v as string) <= (def.maximum as number);
    case 'string_format': {
      const pattern = def.pattern as RegExp | undefined;
      // A global or sticky pattern keeps state between tests: leave it to zod.
      if (def.format !== 'regex' || !pattern || pattern.global || pattern.sticky) return null;
      return (v) => pattern.test(v as string);
    }
    default:
      return null;
  }
}

function all(base: Check, checks: Array<Check | null>): Check | null {
  if (checks.some((c) => c === null)) return null;
  const list = checks as Check[];
  return (v) => base(v) && list.every((c) => c(v));
}

/** A schema as a predicate, or null when its shape is not one this knows. */
function predicateOf(schema: z.ZodType): Check | null {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  // A schema can be its own check (z.int() is a number whose def carries 'number_format').
  if (def.check !== undefined) checks.unshift(def);
  switch (def.type) {
    case 'nullable': {
      // Refinements on the wrapper itself are not read here: leave those to zod.
      if (checks.length) return null;
      const inner = predicateOf(def.innerType!);
      return inner && ((v) => v === null || inner(v));
    }
    case 'number':
      // zod 4 refuses NaN and ±Infinity in z.number().
      return all((v) => typeof v === 'number' && Number.isFinite(v), checks.map(numberCheck));
    case 'string':
      return all((v) => typeof v === 'string', checks.map(stringCheck));
    case 'enum': {
      if (checks.length) return null;
      // The enum's values as zod reads them (a TypeScript numeric enum's reverse keys left out).
      const values = new Set<unknown>((schema as z.ZodEnum).options);
      return (v) => (typeof v === 'string' || typeof v === 'number') && values.has(v);
    }
    default:
      return null;
  }
}

/** The column's rule as a predicate on one value, or null when zod must check it. */
export function fastCheckOf(column: Column): Check | null {
  return predicateOf(column.rule(z));
}

/**
 * Whether zod's check of `tableSchema` on a table whose rows are left out says all it would say of
 * the whole table, but for each row on its own: an object with no refinements (which might read the
 * rows), whose `rows` is a plain array (no length rules) of tuples with no rest and no refinements.
 * Only then may the rows be checked by the predicates instead.
 */
export function rowsCheckableApart(tableSchema: z.ZodType): boolean {
  const table = defOf(tableSchema);
  if (table.type !== 'object' || table.checks?.length) return false;
  const rows = (table.shape as Record<string, z.ZodType> | undefined)?.rows;
  if (!rows) return false;
  const array = defOf(rows);
  if (array.type !== 'array' || array.checks?.length) return false;
  const row = defOf(array.element);
  return row.type === 'tuple' && !row.checks?.length && (row.rest === null || row.rest === undefined);
}

/**
 * Whether every compact row holds one value per column and each passes its column's predicate.
 * null when a column has no predicate: the caller then asks zod.
 */
export function rowsPassFastChecks(columns: readonly Column[], rows: ArrayLike<unknown>): boolean | null {
  const checks = columns.map(fastCheckOf);
  if (checks.some((c) => c === null)) return null;
  const list = checks as Check[];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== list.length) return false;
    for (let c = 0; c < list.length; c++) if (!list[c]!(row[c])) return false;
  }
  return true;
}
