import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDuckDB } from '../../lib/duckdb/contract';
import { customer } from '../../lib/explorer/fixtures.test-util';
import { CUSTOMER_COLUMNS } from '../../lib/schema/customers-master';
import { replicateCustomersParquet, replicatedId, replicatedRows } from './replicate-customers';

const row = (id: string, spend: number) =>
  CUSTOMER_COLUMNS.map((c) => customer({ customer_id: id, total_spend: spend })[c]);

describe('the replicated customers_master of the explorer benchmark', () => {
  it('numbers ids with one width, so they sort as numbers', () => {
    expect(replicatedId(1, 5_000_000)).toBe('C0000001');
    expect(replicatedId(5_000_000, 5_000_000)).toBe('C5000000');
    expect(replicatedId(12, 10_000_000)).toBe('C00000012');
  });

  it('repeats every row, in order, with new unique ids and the other values unchanged', () => {
    const rows = [row('C0000001', 10), row('C0000002', 20), row('C0000003', 30)];
    const copies = replicatedRows(rows, 3);
    expect(copies.length).toBe(9);
    const ids = Array.from({ length: 9 }, (_, r) => copies[r]![0]);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(9);
    expect(copies[7]![0]).toBe('C0000008');
    expect(copies[7]!.slice(1)).toEqual(rows[1]!.slice(1));
    expect(copies[9]).toBeUndefined();
    expect(rows[0]![0]).toBe('C0000001');
  });

  it('writes the repeated rows as Parquet with the pipeline writer', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'replicate-'));
    const json = path.join(dir, 'customers_master.json');
    writeFileSync(json, JSON.stringify({ columns: CUSTOMER_COLUMNS, rows: [row('a', 10), row('b', 20)] }));
    const out = path.join(dir, 'customers_master.parquet');
    expect(await replicateCustomersParquet(json, out, 5)).toEqual({ sourceRows: 2, rows: 10 });
    const read = await withDuckDB(async (connection) =>
      (
        await connection.runAndReadAll(
          `SELECT count(*)::INTEGER AS n, count(DISTINCT customer_id)::INTEGER AS ids, sum(total_spend) AS spend, max(customer_id) AS last FROM '${out}'`,
        )
      ).getRowObjects(),
    );
    expect(read).toEqual([{ n: 10, ids: 10, spend: 150, last: 'C0000010' }]);
  });
});
