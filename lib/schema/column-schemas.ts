/**
 * The zod schemas of a dictionary's rows, built from its columns' rules. Kept apart from
 * ./columns.ts, which the browser imports for labels and units, so that only modules that validate
 * load zod.
 */
import { z } from 'zod';
import type { Column, RulesOf, ShapeOf } from './columns';

/** The zod schema of a compact row (one array per row, values in column order). */
export function rowSchema<const C extends readonly Column[]>(columns: C) {
  return z.tuple(columns.map((c) => c.rule(z)) as never) as unknown as z.ZodTuple<RulesOf<C>, null>;
}

/** The zod schema of a row as a record named by the columns. */
export function recordSchema<const C extends readonly Column[]>(columns: C) {
  return z.object(Object.fromEntries(columns.map((c) => [c.name, c.rule(z)])) as ShapeOf<C>);
}
