import { describe, expect, it } from 'vitest';
import { customer } from './fixtures.test-util';
import { columnRanks, RankCache, sortCustomers, sortIndices } from './sort';

const people = [
  customer({
    customer_id: 'C3',
    total_spend: 500,
    age: null,
    churn_risk_band: 'high',
    clv_band: 'top 10%',
    last_order_date: '2026-01-02',
  }),
  customer({
    customer_id: 'C1',
    total_spend: 1500,
    age: 30,
    churn_risk_band: 'low',
    clv_band: 'bottom 30%',
    last_order_date: '2025-12-31',
  }),
  customer({
    customer_id: 'C2',
    total_spend: 500,
    age: 61,
    churn_risk_band: 'medium',
    clv_band: 'next 20%',
    last_order_date: '2026-03-01',
  }),
  customer({
    customer_id: 'C4',
    total_spend: 90,
    age: 25,
    churn_risk_band: 'low',
    clv_band: 'middle 40%',
    last_order_date: '2026-01-02',
  }),
];
const ids = (list: { customer_id: string }[]) => list.map((c) => c.customer_id);

describe('sortCustomers', () => {
  it('given a numeric column, when sorting ascending and descending, then ties keep input order', () => {
    expect(ids(sortCustomers(people, { id: 'total_spend', desc: false }))).toEqual(['C4', 'C3', 'C2', 'C1']);
    expect(ids(sortCustomers(people, { id: 'total_spend', desc: true }))).toEqual(['C1', 'C3', 'C2', 'C4']);
  });

  it('given missing values, when sorting either way, then they come last', () => {
    expect(ids(sortCustomers(people, { id: 'age', desc: false }))).toEqual(['C4', 'C1', 'C2', 'C3']);
    expect(ids(sortCustomers(people, { id: 'age', desc: true }))).toEqual(['C2', 'C1', 'C4', 'C3']);
  });

  it('given band columns, when sorting, then bands go by meaning, not alphabet', () => {
    expect(ids(sortCustomers(people, { id: 'churn_risk_band', desc: false }))).toEqual([
      'C1',
      'C4',
      'C2',
      'C3',
    ]);
    expect(ids(sortCustomers(people, { id: 'clv_band', desc: true }))).toEqual(['C3', 'C2', 'C4', 'C1']);
  });

  it('given text and dates, when sorting, then they go in code-point order', () => {
    expect(ids(sortCustomers(people, { id: 'customer_id', desc: false }))).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(ids(sortCustomers(people, { id: 'last_order_date', desc: true }))).toEqual([
      'C2',
      'C3',
      'C4',
      'C1',
    ]);
  });

  it('given no sort, then a copy in input order is returned and the input is never mutated', () => {
    const before = ids(people);
    const copy = sortCustomers(people, null);
    expect(copy).not.toBe(people);
    expect(ids(copy)).toEqual(before);
    sortCustomers(people, { id: 'total_spend', desc: true });
    expect(ids(people)).toEqual(before);
  });

  it('given many random values, then the result equals a plain comparator sort', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many = Array.from({ length: 2000 }, (_, i) =>
      customer({ customer_id: `C${String(i).padStart(5, '0')}`, recency_days: Math.floor(rand() * 50) }),
    );
    const expected = many
      .map((c, i) => ({ c, i }))
      .sort((a, b) => b.c.recency_days - a.c.recency_days || a.i - b.i)
      .map((x) => x.c.customer_id);
    expect(ids(sortCustomers(many, { id: 'recency_days', desc: true }))).toEqual(expected);
  });

  it('given many values with gaps, either way, then the result equals a plain comparator sort with missing last', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many = Array.from({ length: 3000 }, (_, i) =>
      customer({
        customer_id: `C${String(i).padStart(5, '0')}`,
        dwell_minutes: rand() < 0.2 ? null : Math.round(rand() * 300) / 10,
      }),
    );
    for (const desc of [false, true]) {
      const expected = many
        .map((c, i) => ({ c, i }))
        .sort((a, b) => {
          const x = a.c.dwell_minutes;
          const y = b.c.dwell_minutes;
          if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.i - b.i;
          return (desc ? y - x : x - y) || a.i - b.i;
        })
        .map((x) => x.c.customer_id);
      expect(ids(sortCustomers(many, { id: 'dwell_minutes', desc }))).toEqual(expected);
    }
  });
});

describe('sortIndices with cached ranks', () => {
  const people = [
    customer({ customer_id: 'A', total_spend: 30 }),
    customer({ customer_id: 'B', total_spend: 10 }),
    customer({ customer_id: 'C', total_spend: 30 }),
    customer({ customer_id: 'D', total_spend: 20 }),
  ];

  it('given a subset of positions, then only those are ordered, ties in subset order', () => {
    const ranks = new RankCache(people).get('total_spend');
    expect([...sortIndices(Uint32Array.from([3, 2, 0]), ranks, true)]).toEqual([2, 0, 3]);
    expect([...sortIndices(Uint32Array.from([0, 1, 2, 3]), ranks, false)]).toEqual([1, 3, 0, 2]);
  });

  it('given the same column twice, then the cache returns the same ranks', () => {
    const cache = new RankCache(people);
    expect(cache.get('persona')).toBe(cache.get('persona'));
    expect(columnRanks(people, 'total_spend')).toEqual({
      rank: Float64Array.from([2, 0, 2, 1]),
      distinct: 3,
    });
  });
});
