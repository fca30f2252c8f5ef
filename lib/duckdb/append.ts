import { DuckDBDataChunk, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** DuckDB's vector size: the appender takes whole chunks of at most this many rows. */
const CHUNK_ROWS = 2048;

/** A column to append: its DuckDB type and its value at each row. */
export type ColumnSource = readonly [DuckDBType, (row: number) => DuckDBValue];

/** Appends `rows` rows to `table`, a chunk at a time, each column read from its source. */
export async function appendColumns(
  connection: DuckDBConnection,
  table: string,
  sources: readonly ColumnSource[],
  rows: number,
): Promise<void> {
  const types = sources.map(([type]) => type);
  const appender = await connection.createAppender(table);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const size = Math.min(CHUNK_ROWS, rows - start);
    const columns = sources.map(([, value]) => Array.from({ length: size }, (_, r) => value(start + r)));
    const chunk = DuckDBDataChunk.create(types, size);
    chunk.setColumns(columns);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}
