import { describe, expect, it } from 'vitest';
import { assertFiniteTables, findNonFinite, NonFiniteTableError } from './check-finite';
import { roundNum } from './numbers';

describe('the non-finite check every table passes before it is written', () => {
  it('given a compact table with NaN in a cell, then it names the table, the column and the row with its customer id', () => {
    const doc = {
      table: 'clv_proxy',
      columns: ['customer_id', 'cluster_id', 'clv_proxy_value'],
      rows: [
        ['C1', 0, 12.5],
        ['C2', 1, Number.NaN],
      ],
    };
    expect(findNonFinite('clv_proxy', doc)).toEqual({
      table: 'clv_proxy',
      column: 'clv_proxy_value',
      row: 'rows[1] (customer_id C2)',
      value: Number.NaN,
    });
  });

  it('given a nested document with Infinity deep in an array, then it gives the path to the row and the field', () => {
    const doc = {
      back_test: {
        tracking: [
          { week: 1, predicted: 2 },
          { week: 2, predicted: Infinity },
        ],
      },
    };
    expect(findNonFinite('value_model', doc)).toMatchObject({
      column: 'predicted',
      row: 'back_test.tracking[1]',
      value: Infinity,
    });
  });

  it('given the fields beside a compact table’s rows, then they are checked too', () => {
    const doc = { columns: ['a'], rows: [[1]], clusters: [{ mean: -Infinity }] };
    expect(findNonFinite('t', doc)).toMatchObject({ column: 'mean', row: 'clusters[0]' });
  });

  it('given finite numbers, nulls and text only, then nothing is found', () => {
    expect(findNonFinite('t', { a: [1, null, 'x', { b: 0 }], columns: ['x'], rows: [[null]] })).toBeNull();
    expect(() => assertFiniteTables({ a: { x: 1 }, b: null })).not.toThrow();
  });

  it('given a NaN from a builder’s roundNum, then the check, not the rounding, stops the build with a sentence for people', () => {
    const tables = { revenue_by_cluster: { rows: [{ cluster_id: 0, revenue: roundNum(0 / 0) }] } };
    let error: unknown;
    try {
      assertFiniteTables(tables);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonFiniteTableError);
    const message = (error as Error).message;
    expect(message).toContain('revenue_by_cluster');
    expect(message).toContain('column revenue, row rows[0]');
    expect(message).toContain('nothing was written');
    expect(message).not.toMatch(/\bNaN\b/);
  });
});
