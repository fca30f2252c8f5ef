/**
 * The bytes of a table file, as a sequence of string chunks, so a 1M-customer table is never one
 * giant string. The build writes these chunks to public/data; the browser worker joins them into a
 * Blob for "download": both give byte-identical files.
 */

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

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; null is empty.
 * Hand-written rather than papaparse's unparse, which took ~25 s of a 1M-customer build for
 * cells that are numbers and plain labels (measured with scripts/bench-pipeline.ts).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV of compact rows with a header line, in chunks of 10,000 rows. */
export function* csvChunks(columns: readonly string[], rows: readonly unknown[][]): Generator<string> {
  yield columns.map(csvCell).join(',') + '\n';
  for (let i = 0; i < rows.length; i += 10_000) {
    const lines: string[] = [];
    for (const row of rows.slice(i, i + 10_000)) lines.push(row.map(csvCell).join(','));
    yield lines.join('\n') + '\n';
  }
}
