import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeTableParquet } from '../../lib/duckdb/table-parquet';
import { firstRowsFile, firstRowsOf } from '../../lib/explorer/first-rows';
import type { Column } from '../../lib/schema/columns';
import { jsonChunks, tableCsvChunks } from '../../lib/tables/serialise';

/** Streams chunks to a file, waiting for the stream to drain. */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** A JSON document whose `rows` array may be huge (1M customers), written without one giant string. */
export async function writeJson(file: string, doc: unknown): Promise<void> {
  await writeChunks(file, jsonChunks(doc));
}

/** CSV of compact rows with a header line, streamed in chunks. */
export async function writeCsv(
  file: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  await writeChunks(file, tableCsvChunks(columns, rows));
}

/**
 * A per-customer table as the explorer reads it: `<name>.parquet` at `file`, and beside it
 * `<name>.first-rows.json`, the rows the page shows while its engine starts (lib/explorer/first-rows.ts).
 */
export async function writeParquetTable(
  file: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  await writeTableParquet(file, columns, rows);
  const first = firstRowsOf({ columns: columns.map((c) => c.name), rows });
  await writeJson(path.join(path.dirname(file), firstRowsFile(path.basename(file, '.parquet'))), first);
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fill a fresh temporary folder beside `target`, then swap it in whole. If anything fails before
 * the swap, the previous folder is untouched and the temporary one is removed.
 */
export async function replaceFolder(target: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  await mkdir(parent, { recursive: true });
  const tmp = path.join(parent, `.${base}.tmp-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  try {
    await fill(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, old);
  try {
    await rename(tmp, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    throw error;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}
