/**
 * The bytes of a table file, as a sequence of string chunks, so a 1M-customer table is never one
 * giant string. The build writes these chunks to public/data; the browser worker joins them into a
 * Blob for "download": both give byte-identical files. CSV forms come from the one CSV writer.
 */
import { csvChunks, type CsvValue } from '../csv/csv';

/** A compact table (`{columns, rows}`, one array per row) as CSV chunks. */
export function tableCsvChunks(columns: readonly string[], rows: readonly unknown[][]): Generator<string> {
  return csvChunks(columns, rows as ReadonlyArray<readonly CsvValue[]>);
}

/** Above this many rows, a JSON document's `rows` are serialised in chunks. */
const CHUNKED_ROWS = 10_000;

/** A JSON document whose `rows` array may be huge: the rest is serialised normally, the rows in chunks. */
export function* jsonChunks(doc: unknown): Generator<string> {
  const record = doc as Record<string, unknown> | null;
  const rows =
    record && Array.isArray(record.rows) && record.rows.length > CHUNKED_ROWS
      ? (record.rows as unknown[])
      : null;
  if (!rows) {
    yield JSON.stringify(doc);
    return;
  }
  const shell = JSON.stringify({ ...record, rows: [] });
  const at = shell.indexOf('"rows":[]');
  yield shell.slice(0, at) + '"rows":[';
  for (let i = 0; i < rows.length; i += 5_000) {
    const part = rows.slice(i, i + 5_000).map((r) => JSON.stringify(r));
    yield (i > 0 ? ',' : '') + part.join(',');
  }
  yield ']' + shell.slice(at + '"rows":[]'.length);
}
