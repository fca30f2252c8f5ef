import { parseCustomersMaster } from '@/lib/explorer/customers';
import { tableFileChunks } from '@/lib/own-data/own-tables';
import { readSharedSources } from '@/test/helpers/shared-sources';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, buildTables } from '../pipeline/run-pipeline';
import { stageSources } from '../sources/stage-sources';
import { generateTransactions } from '../synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG } from '../synth/synth-config';
import { ARRIVAL_CELL_COLUMNS, PEAK_WINDOW_COLUMNS } from './arrivals-summary';
import { BEHAVIOUR_OVERVIEW_COLUMNS } from './behaviour-overview';
import { CLV_PROXY_COLUMNS } from './clv-proxy';
import type { Column } from './columns';
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
  const sources = stageSources(readSharedSources());
  const config = { ...DEFAULT_SYNTH_CONFIG, customers: 300 };
  const ctx = analyse(generateTransactions(sources, config), { seed: config.seed, k: 4, currency: 'INR' });
  tables = buildTables(ctx, sources, config.seed);
});

const file = (table: TableName, format: 'json' | 'csv') => tableFileChunks(tables, table, format).join('');
const csvHeader = (text: string) => text.slice(0, text.indexOf('\r\n')).split(',');

describe.each([
  ['customers_master', CUSTOMERS_MASTER_COLUMNS],
  ['clv_proxy', CLV_PROXY_COLUMNS],
] as const)('the %s dictionary', (table, dictionary) => {
  const names = dictionary.map((c) => c.name);

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
      dictionary.forEach((c, i) => expect(c.check(row[i]), `${c.name}: ${String(row[i])}`).toBeNull());
    }
  });
});

describe('a customers_master row read back from the file', () => {
  it('has its keys in the dictionary’s order, and the values the table’s rows hold', () => {
    const { customers } = parseCustomersMaster(JSON.parse(file('customers_master', 'json')));
    expect(Object.keys(customers[0]!)).toEqual(CUSTOMERS_MASTER_COLUMNS.map((c) => c.name));
    // The same customer in the same place of clv_proxy, with the same CLV proxy and cluster.
    const clv = JSON.parse(file('clv_proxy', 'json')) as { columns: string[]; rows: unknown[][] };
    const at = (name: string) => clv.columns.indexOf(name);
    customers.forEach((c, r) => {
      expect(clv.rows[r]![at('customer_id')]).toBe(c.customer_id);
      expect(clv.rows[r]![at('cluster_id')]).toBe(c.cluster_id);
      expect(clv.rows[r]![at('clv_proxy')]).toBe(c.clv_proxy);
    });
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
      dictionary.forEach((c) => expect(c.check(row[c.name]), `${c.name}: ${String(row[c.name])}`).toBeNull());
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
        expect(c.check(pair[i]), `${c.name}: ${String(pair[i])}`).toBeNull(),
      );
    }
  });
});
