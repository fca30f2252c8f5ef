import { TableValidationError, validateTables } from '@/scripts/lib/build-data-lib';
import { syntheticTables } from '@/test/helpers/synthetic-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ARRIVAL_CELL_COLUMNS, PEAK_WINDOW_COLUMNS } from './arrivals-summary';
import { PREFERRED_CHANNELS } from './channels';
import { CLV_PROXY_COLUMNS } from './clv-proxy';
import type { Column } from './columns';
import { AGE_BANDS, CHURN_BANDS, CLV_BANDS, CUSTOMERS_MASTER_COLUMNS } from './customers-master';
import { DEMAND_SUMMARY_COLUMNS } from './demand-summary';
import { fastCheckOf, rowsCheckableApart, rowsPassFastChecks } from './fast-check';
import { TABLE_SCHEMAS, type Tables } from './index';
import { MARKETING_EFFECTIVENESS_COLUMNS } from './marketing-effectiveness';
import { CHANNEL_OVERLAP_COLUMNS, OPERATIONAL_EFFICIENCY_COLUMNS } from './operational-efficiency';
import { AFFINITY_CELL_COLUMNS, LIFT_PAIR_COLUMNS, OVERALL_CATEGORY_COLUMNS } from './product-affinity';
import { REVENUE_BY_CLUSTER_COLUMNS } from './revenue-by-cluster';

/** Values at, just inside and just outside the bounds the dictionaries use, and of every other kind. */
const PROBES: unknown[] = [
  ...[
    -1e21,
    -121,
    -1,
    -0.5,
    -Number.MIN_VALUE,
    -0,
    0,
    Number.MIN_VALUE,
    0.1 + 0.2,
    0.5,
    0.999999,
    1,
    1.000001,
  ],
  ...[1.5, 2, 30, 99.999, 100, 100.0001, 119.5, 120, 120.5, 121, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e21],
  ...[NaN, Infinity, -Infinity],
  ...['', ' ', 'a', 'C0000001', '0', '5', 'low ', 'Low'],
  ...['2024-01-01', '2024-1-01', '2024-01-01x', 'x2024-01-01', '2024-13-45', '20240101'],
  ...AGE_BANDS,
  ...CHURN_BANDS,
  ...CLV_BANDS,
  ...PREFERRED_CHANNELS,
  ...[null, undefined, true, false, {}, [], [1], 5n],
];

const DICTIONARIES: Array<[string, readonly Column[]]> = [
  ['customers_master', CUSTOMERS_MASTER_COLUMNS],
  ['clv_proxy', CLV_PROXY_COLUMNS],
  ['revenue_by_cluster', REVENUE_BY_CLUSTER_COLUMNS],
  ['demand_summary', DEMAND_SUMMARY_COLUMNS],
  ['marketing_effectiveness', MARKETING_EFFECTIVENESS_COLUMNS],
  ['operational_efficiency', OPERATIONAL_EFFICIENCY_COLUMNS],
  ['channel_overlap', CHANNEL_OVERLAP_COLUMNS],
  ['arrival cells', ARRIVAL_CELL_COLUMNS],
  ['peak windows', PEAK_WINDOW_COLUMNS],
  ['affinity cells', AFFINITY_CELL_COLUMNS],
  ['overall categories', OVERALL_CATEGORY_COLUMNS],
  ['lift pairs', LIFT_PAIR_COLUMNS],
];

describe.each(DICTIONARIES)('the %s columns’ plain checks', (_, columns) => {
  it('say what zod says of every probe value, for every column they check', () => {
    for (const column of columns) {
      const check = fastCheckOf(column);
      if (!check) continue;
      const schema = column.rule(z);
      for (const value of PROBES) {
        expect(check(value), `${column.name} on ${String(value)} (${typeof value})`).toBe(
          schema.safeParse(value).success,
        );
      }
    }
  });
});

describe('where the plain checks stand in for zod', () => {
  it('cover every column of the per-customer tables (else the build falls back to zod, slowly)', () => {
    for (const column of [...CUSTOMERS_MASTER_COLUMNS, ...CLV_PROXY_COLUMNS]) {
      expect(fastCheckOf(column), column.name).not.toBeNull();
    }
  });

  it('leave a rule of a shape they do not know to zod', () => {
    const odd: Column = { name: 'x', label: 'X', unit: 'count', rule: (z) => z.number().multipleOf(5) };
    expect(fastCheckOf(odd)).toBeNull();
    expect(rowsPassFastChecks([odd], [[5]])).toBeNull();
  });
});

/** A numeric TypeScript enum: its object also maps the numbers back to the names. */
enum Level {
  Low,
  High,
}

describe('rules spelled other ways', () => {
  const column = (rule: Column['rule']): Column => ({ name: 'x', label: 'X', unit: 'count', rule });
  const extra = ['😀', '😀😀', 'a😀', 'Low', 'High', 0, 1, 2, 'Level'];

  it.each([
    ['z.int()', (z) => z.int()],
    ['z.int().min(0)', (z) => z.int().min(0)],
    ['z.string().min(2), counted in code points', (z) => z.string().min(2)],
    ['z.string().max(1), counted in code points', (z) => z.string().max(1)],
    ['a numeric TypeScript enum', (z) => z.enum(Level)],
    ['an enum, nullable', (z) => z.enum(['a', 'b']).nullable()],
  ] as Array<[string, Column['rule']]>)('%s: checked as zod checks it', (_, rule) => {
    const check = fastCheckOf(column(rule));
    expect(check).not.toBeNull();
    for (const value of [...PROBES, ...extra]) {
      expect(check!(value), `${String(value)}`).toBe(rule(z).safeParse(value).success);
    }
  });

  it.each([
    [
      'a refinement on a nullable',
      (z) =>
        z
          .number()
          .nullable()
          .refine((v) => v !== 3),
    ],
    ['an ISO date format', (z) => z.iso.date()],
    ['an e-mail format', (z) => z.email()],
    ['a union', (z) => z.union([z.string(), z.number()])],
  ] as Array<[string, Column['rule']]>)('%s: left to zod', (_, rule) => {
    expect(fastCheckOf(column(rule))).toBeNull();
  });

  it('stand in for zod only where a table’s rows carry no rule beyond their own', () => {
    const row = z.tuple([z.number()]);
    expect(rowsCheckableApart(TABLE_SCHEMAS.customers_master)).toBe(true);
    expect(rowsCheckableApart(TABLE_SCHEMAS.clv_proxy)).toBe(true);
    expect(rowsCheckableApart(z.object({ rows: z.array(row) }))).toBe(true);
    expect(rowsCheckableApart(z.object({ rows: z.array(row).min(1) }))).toBe(false);
    expect(rowsCheckableApart(z.object({ rows: z.array(row.refine(() => true)) }))).toBe(false);
    expect(rowsCheckableApart(z.object({ rows: z.array(z.tuple([z.number()], z.string())) }))).toBe(false);
    expect(rowsCheckableApart(z.object({ rows: z.array(row) }).refine(() => true))).toBe(false);
  });
});

describe('the build’s validation with the plain checks', () => {
  let tables: Tables;
  beforeAll(() => {
    tables = syntheticTables();
  });

  const withRow = (table: 'customers_master' | 'clv_proxy', at: number, row: unknown[]): Tables => {
    const copy = structuredClone(tables);
    (copy[table].rows as unknown[])[at] = row;
    return copy;
  };

  it('passes the built tables', () => {
    expect(() => validateTables(tables)).not.toThrow();
    expect(rowsPassFastChecks(CUSTOMERS_MASTER_COLUMNS, tables.customers_master.rows)).toBe(true);
  });

  it.each([
    ['a churn risk of 150', 'churn_risk', 150],
    ['an age band the schema does not list', 'age_band', '30s'],
    ['a date without its day', 'last_order_date', '2026-09'],
    ['a missing persona', 'persona', ''],
    ['orders as text', 'order_count', '3'],
  ])('stops on %s in the 200th customer, naming customers_master', (_, column, value) => {
    const row = [...tables.customers_master.rows[199]!];
    row[CUSTOMERS_MASTER_COLUMNS.findIndex((c) => c.name === column)] = value;
    const bad = withRow('customers_master', 199, row);
    expect(rowsPassFastChecks(CUSTOMERS_MASTER_COLUMNS, bad.customers_master.rows)).toBe(false);
    expect(() => validateTables(bad)).toThrow(TableValidationError);
    expect(() => validateTables(bad)).toThrow(/customers_master/);
  });

  it('stops on a row with a column too many or too few', () => {
    const row = tables.clv_proxy.rows[5]!;
    expect(() => validateTables(withRow('clv_proxy', 5, [...row, 1]))).toThrow(/clv_proxy/);
    expect(() => validateTables(withRow('clv_proxy', 5, row.slice(1)))).toThrow(/clv_proxy/);
  });

  it('still checks the rest of a per-customer table with zod', () => {
    const copy = structuredClone(tables);
    (copy.customers_master as { currency: unknown }).currency = 5;
    expect(() => validateTables(copy)).toThrow(/customers_master/);
  });
});
