/**
 * Per-customer tables as Parquet, beside their JSON (issue 15): the explorer reads them through
 * duckdb-wasm with HTTP range requests instead of downloading every row, and a brand's analyst
 * opens them in any warehouse or notebook with proper types.
 */
import { DOUBLE, INTEGER, VARCHAR, type DuckDBType } from '@duckdb/node-api';
import type { Column } from '../schema/columns';
import { appendColumns } from './append';
import { withDuckDB } from './contract';
import { parquetTypeOf, type ParquetType } from './parquet-type';
import { ident, literal } from './sql-text';

const STAGED: Record<ParquetType, DuckDBType> = { VARCHAR, DATE: VARCHAR, INTEGER, DOUBLE };

/** Rows per row group: a range read for one customer fetches one group of each column it needs. */
export const PARQUET_ROW_GROUP_ROWS = 65_536;

/**
 * Writes a compact table (one array per row, values in the dictionary's order) to `file` as
 * Parquet. One thread writes, so the same rows give the same bytes on every run and machine.
 */
export function writeTableParquet(
  file: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const types = columns.map(parquetTypeOf);
  return withDuckDB(async (connection) => {
    await connection.run('SET threads = 1');
    await connection.run(
      `CREATE TABLE staged (${columns.map((c, i) => `${ident(c.name)} ${STAGED[types[i]!]}`).join(', ')})`,
    );
    await appendColumns(
      connection,
      'staged',
      columns.map(
        (_, i) => [STAGED[types[i]!], (r: number) => rows[r]![i] as string | number | null] as const,
      ),
      rows.length,
    );
    const select = columns
      .map((c, i) =>
        types[i] === 'DATE' ? `CAST(${ident(c.name)} AS DATE) AS ${ident(c.name)}` : ident(c.name),
      )
      .join(', ');
    await connection.run(
      `COPY (SELECT ${select} FROM staged) TO ${literal(file)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${PARQUET_ROW_GROUP_ROWS})`,
    );
  });
}
