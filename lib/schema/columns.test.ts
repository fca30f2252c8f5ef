import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetTypeOf } from '@/lib/duckdb/parquet-type';
import { writeTableParquet } from '@/lib/duckdb/table-parquet';
import { nodeRunner } from '@/lib/explorer/duckdb-node.test-util';
import { CustomerEngine } from '@/lib/explorer/engine';
import { tableFileChunks } from '@/lib/own-data/own-tables';
import { syntheticTables } from '@/test/helpers/synthetic-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ARRIVAL_CELL_COLUMNS, PEAK_WINDOW_COLUMNS } from './arrivals-summary';
import { BEHAVIOUR_OVERVIEW_COLUMNS } from './behaviour-overview';
import { CLV_PROXY_COLUMNS } from './clv-proxy';
import { isTextColumn, type Column } from './columns';
import { CUSTOMERS_MASTER_COLUMNS } from './customers-master';
import { DEMAND_SUMMARY_COLUMNS } from './demand-summary';
import type { TableName, Tables } from './index';
import { MARKETING_EFFECTIVENESS_COLUMNS } from './marketing-effectiveness';
import { CHANNEL_OVERLAP_COLUMNS, OPERATIONAL_EFFICIENCY_COLUMNS } from './operational-efficiency';
import { AFFINITY_CELL_COLUMNS, LIFT_PAIR_COLUMNS, OVERALL_CATEGORY_COLUMNS } from './product-affinity';
import { REVENUE_BY_CLUSTER_COLUMNS } from './revenue-by-cluster';

/**
 * The column dictionaries against the files a build writes: the header of each compact table, its
 * CSV header and every row are read back from the file text (as data:build writes it), not taken
 * from the dictionary.
 */
let tables: Tables;

beforeAll(() => {
  tables = syntheticTables();
});

const file = (table: TableName, format: 'json' | 'csv') => tableFileChunks(tables, table, format).join('');
/** What the column's zod rule says of a value: null when it holds. */
const problem = (c: Column, v: unknown) => {
  const result = c.rule(z).safeParse(v);
  return result.success ? null : result.error.issues[0]!.message;
};
const csvHeader = (text: string) => text.slice(0, text.indexOf('\r\n')).split(',');

describe.each([
  ['customers_master', CUSTOMERS_MASTER_COLUMNS],
  ['clv_proxy', CLV_PROXY_COLUMNS],
] as const)('the %s dictionary', (table, dictionary) => {
  const names = dictionary.map((c) => c.name);

  it('says by unit which columns hold text, as the built file’s values and the Parquet types do', () => {
    const doc = JSON.parse(file(table, 'json')) as { rows: unknown[][] };
    dictionary.forEach((c, i) => {
      const kinds = new Set(
        doc.rows
          .map((r) => r[i])
          .filter((v) => v !== null)
          .map((v) => typeof v),
      );
      expect([...kinds], c.name).toEqual([isTextColumn(c) ? 'string' : 'number']);
      expect(['VARCHAR', 'DATE'].includes(parquetTypeOf(c)), c.name).toBe(isTextColumn(c));
    });
  });

  it('is the order of the built file’s columns and of its CSV header', () => {
    const doc = JSON.parse(file(table, 'json')) as { columns: string[]; rows: unknown[][] };
    expect(doc.columns).toEqual(names);
    expect(csvHeader(file(table, 'csv'))).toEqual(names);
  });

  it('checks every value of every built row in its place', () => {
    const doc = JSON.parse(file(table, 'json')) as { rows: unknown[][] };
    expect(doc.rows.length).toBe(300);
    for (const row of doc.rows) {
      expect(row).toHaveLength(dictionary.length);
      dictionary.forEach((c, i) => expect(problem(c, row[i]), `${c.name}: ${String(row[i])}`).toBeNull());
    }
  });
});

describe('the per-customer Parquet files, read back by the browser’s engine', () => {
  /** The rows of a JSON file as records, keyed by its own header (read from the file's text). */
  const records = (table: TableName) => {
    const doc = JSON.parse(file(table, 'json')) as { columns: string[]; rows: unknown[][] };
    return doc.rows.map((r) => Object.fromEntries(doc.columns.map((c, i) => [c, r[i]])));
  };
  const written = async (table: 'customers_master' | 'clv_proxy', columns: readonly Column[]) => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'parquet-')), `${table}.parquet`);
    const doc = JSON.parse(file(table, 'json')) as { rows: unknown[][] };
    await writeTableParquet(target, columns, doc.rows);
    return target;
  };

  it('customers_master: the explorer reads every customer, every value and key order as in the JSON', async () => {
    const engine = await CustomerEngine.open(
      await nodeRunner(),
      await written('customers_master', CUSTOMERS_MASTER_COLUMNS),
    );
    const rows = await engine.page({ filters: {}, search: '', sort: null }, null, 0, 1_000);
    expect(rows).toEqual(records('customers_master'));
    expect(Object.keys(rows[0]!)).toEqual(CUSTOMERS_MASTER_COLUMNS.map((c) => c.name));
  });

  it('clv_proxy: every row as in the JSON', async () => {
    const sql = await nodeRunner();
    const target = await written('clv_proxy', CLV_PROXY_COLUMNS);
    expect(await sql.rows(`SELECT * FROM read_parquet('${target}')`)).toEqual(records('clv_proxy'));
  });
});

/** Every row of one row-shaped part of a built file, read back from the file's text. */
type Doc = Record<string, unknown>;
const list = (v: unknown) => v as Doc[];
const ROW_PARTS: Array<[TableName, string, readonly Column[], (doc: Doc) => Doc[]]> = [
  ['revenue_by_cluster', 'rows, total', REVENUE_BY_CLUSTER_COLUMNS, (d) => [...list(d.rows), d.total as Doc]],
  [
    'behaviour_overview',
    'personas, total',
    BEHAVIOUR_OVERVIEW_COLUMNS,
    (d) => [...list(d.personas), d.total as Doc],
  ],
  ['marketing_effectiveness', 'rows', MARKETING_EFFECTIVENESS_COLUMNS, (d) => list(d.rows)],
  ['operational_efficiency', 'rows', OPERATIONAL_EFFICIENCY_COLUMNS, (d) => list(d.rows)],
  ['operational_efficiency', 'channel_overlap', CHANNEL_OVERLAP_COLUMNS, (d) => list(d.channel_overlap)],
  ['demand_summary', 'rows', DEMAND_SUMMARY_COLUMNS, (d) => list(d.rows)],
  [
    'product_affinity',
    'intent_cells, family_cells',
    AFFINITY_CELL_COLUMNS,
    (d) => [...list(d.intent_cells), ...list(d.family_cells)],
  ],
  [
    'product_affinity',
    'overall_intents, overall_families',
    OVERALL_CATEGORY_COLUMNS,
    (d) => [...list(d.overall_intents), ...list(d.overall_families)],
  ],
  ['arrivals_summary', 'cells', ARRIVAL_CELL_COLUMNS, (d) => list(d.cells)],
  ['arrivals_summary', 'peak_windows', PEAK_WINDOW_COLUMNS, (d) => list(d.peak_windows)],
];

describe.each(ROW_PARTS)('the %s dictionary of %s', (table, _part, dictionary, rowsOf) => {
  it('is the key order of every built row, and checks every value', () => {
    const rows = rowsOf(JSON.parse(file(table, 'json')) as Doc);
    expect(rows.length).toBeGreaterThan(0);
    const names = dictionary.map((c) => c.name);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(names);
      dictionary.forEach((c) =>
        expect(problem(c, row[c.name]), `${c.name}: ${String(row[c.name])}`).toBeNull(),
      );
    }
  });
});

describe('the product_affinity lift-pair dictionary', () => {
  it('checks every value of every built pair in its place', () => {
    const doc = JSON.parse(file('product_affinity', 'json')) as {
      intent_lift: unknown[][];
      family_lift: unknown[][];
      top_pairs_by_cluster: Array<{ pairs: unknown[][] }>;
    };
    const pairs = [
      ...doc.intent_lift,
      ...doc.family_lift,
      ...doc.top_pairs_by_cluster.flatMap((c) => c.pairs),
    ];
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(pair).toHaveLength(LIFT_PAIR_COLUMNS.length);
      LIFT_PAIR_COLUMNS.forEach((c, i) =>
        expect(problem(c, pair[i]), `${c.name}: ${String(pair[i])}`).toBeNull(),
      );
    }
  });
});
