import { describe, expect, it } from 'vitest';
import { nodeRunner } from './duckdb-node.test-util';

// The rows duckdb-wasm's answers become, through arrowRows (the worker's and these tests' reader),
// against values written out by hand.
describe('arrowRows', () => {
  it('gives every kind of value the explorer reads as a plain value', async () => {
    const sql = await nodeRunner();
    const rows = await sql.rows(`
      SELECT 1::INTEGER AS i, 2.5::DOUBLE AS d, 'Rā₹' AS t, NULL::DOUBLE AS nothing,
             12345678901::BIGINT AS big, DATE '2025-01-02' AS day, [3, 4] AS list,
             {'k': 5, 'name': 'x'} AS struct, 'b'::ENUM ('a', 'b') AS category
      UNION ALL
      SELECT NULL, -0.125, NULL, 7, 2, NULL, NULL, NULL, 'a'`);
    expect(rows).toEqual([
      {
        i: 1,
        d: 2.5,
        t: 'Rā₹',
        nothing: null,
        big: 12345678901n,
        day: new Date(Date.UTC(2025, 0, 2)),
        list: [3, 4],
        struct: { k: 5, name: 'x' },
        category: 'b',
      },
      {
        i: null,
        d: -0.125,
        t: null,
        nothing: 7,
        big: 2n,
        day: null,
        list: null,
        struct: null,
        category: 'a',
      },
    ]);
    // Nothing Arrow-made is left: the page must be able to receive the rows (structured clone).
    expect(structuredClone(rows)).toEqual(rows);
  });

  it('reads a result of many record batches in order, with its nulls in place', async () => {
    const sql = await nodeRunner();
    const rows = await sql.rows(
      `SELECT range::INTEGER AS n, CASE WHEN range % 3 = 0 THEN NULL ELSE 'v' || range END AS label FROM range(5000) ORDER BY range`,
    );
    expect(rows).toHaveLength(5000);
    for (const n of [0, 1, 2, 2047, 2048, 2049, 4999])
      expect(rows[n]).toEqual({ n, label: n % 3 === 0 ? null : `v${n}` });
    // And streamed a batch at a time, as the export reads it.
    const streamed = [];
    let batches = 0;
    for await (const batch of sql.batches(`SELECT range::INTEGER AS n FROM range(5000) ORDER BY range`)) {
      streamed.push(...batch);
      batches++;
    }
    expect(batches).toBeGreaterThan(1);
    expect(streamed.map((r) => r.n)).toEqual(Array.from({ length: 5000 }, (_, n) => n));
  });
});
