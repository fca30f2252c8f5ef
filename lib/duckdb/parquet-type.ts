/** How the per-customer tables' columns are typed in Parquet, read from their zod rules (the build's side). */
import { z } from 'zod';
import type { Column } from '../schema/columns';

export type ParquetType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'DOUBLE';

/**
 * How a dictionary column is stored: text as VARCHAR (dates, unit 'date', as DATE), whole-number
 * rules as INTEGER, other numbers as DOUBLE. Read from the column's zod rule, so the dictionary
 * stays the one place a column's type is said.
 */
export function parquetTypeOf(column: Column): ParquetType {
  let rule: z.ZodType = column.rule(z);
  while (rule instanceof z.ZodNullable || rule instanceof z.ZodOptional) rule = rule.unwrap() as z.ZodType;
  if (rule instanceof z.ZodNumber)
    return rule.format === 'safeint' || rule.format === 'int32' ? 'INTEGER' : 'DOUBLE';
  if (rule instanceof z.ZodString || rule instanceof z.ZodEnum)
    return column.unit === 'date' ? 'DATE' : 'VARCHAR';
  throw new Error(`column ${column.name}: no Parquet type for its rule`);
}
