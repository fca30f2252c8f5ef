/**
 * A bigger customers_master for the explorer benchmark (scripts/bench-explorer.ts): the rows of a
 * real build repeated a number of times, every customer renumbered so ids stay unique. The pipeline
 * cannot build five million customers on a small machine in reasonable time; this keeps its real
 * value distributions (repeated) and its Parquet writer, so the file the browser reads has the
 * same layout, types and row groups as one the pipeline writes.
 */
import { readFileSync } from 'node:fs';
import { CUSTOMERS_MASTER_COLUMNS } from '../../lib/schema/customers-master';
import { writeParquetTable } from './write-data-folder';

type Row = readonly unknown[];

/** The position of customer_id in a customers_master row. */
const ID_COLUMN = CUSTOMERS_MASTER_COLUMNS.findIndex((c) => c.name === 'customer_id');

/**
 * The id of the n-th customer (from 1) of `total`: C and n with zeros in front, at least seven
 * digits as the pipeline writes them (C0000001), and one width for all, so ids sort as numbers.
 */
export function replicatedId(n: number, total: number): string {
  return `C${String(n).padStart(Math.max(7, String(total).length), '0')}`;
}

/** Rows built at a time: the Parquet writer reads the rows a chunk of 2,048 at a time, in order. */
const WINDOW = 4_096;

/**
 * `rows` repeated `times` times, row r of the result being row r mod n of `rows` with the id of
 * customer r + 1 (replicatedId). The result is read-only and made on demand, a window of rows at a
 * time, so five million rows do not sit in memory at once.
 */
export function replicatedRows(rows: readonly Row[], times: number): readonly Row[] {
  if (!Number.isInteger(times) || times < 1)
    throw new Error(`times must be a whole number ≥ 1, not ${times}`);
  const n = rows.length;
  const total = n * times;
  let start = -1;
  let window: Row[] = [];
  const rowAt = (r: number): Row | undefined => {
    if (r < 0 || r >= total) return undefined;
    if (r < start || r >= start + window.length) {
      start = r - (r % WINDOW);
      window = [];
      for (let i = start; i < Math.min(start + WINDOW, total); i++) {
        const row = rows[i % n]!.slice();
        row[ID_COLUMN] = replicatedId(i + 1, total);
        window.push(row);
      }
    }
    return window[r - start];
  };
  return new Proxy([] as Row[], {
    get(target, key, receiver) {
      if (key === 'length') return total;
      // An index (a string of digits): the test is on the first character, as this runs per value.
      if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57)
        return rowAt(Number(key));
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/**
 * Reads the `rows` of a customers_master.json, repeats them `times` times with new ids
 * (replicatedRows) and writes them to `parquetFile` with the pipeline's writer, with the first-rows
 * file beside it as the build writes it.
 */
export async function replicateCustomersParquet(
  jsonFile: string,
  parquetFile: string,
  times: number,
): Promise<{ sourceRows: number; rows: number }> {
  const table = JSON.parse(readFileSync(jsonFile, 'utf8')) as { columns: string[]; rows: Row[] };
  const expected = CUSTOMERS_MASTER_COLUMNS.map((c) => c.name);
  if (table.columns.join(',') !== expected.join(','))
    throw new Error(`${jsonFile} does not have this version's customers_master columns`);
  const rows = replicatedRows(table.rows, times);
  await writeParquetTable(parquetFile, CUSTOMERS_MASTER_COLUMNS, rows);
  return { sourceRows: table.rows.length, rows: rows.length };
}
