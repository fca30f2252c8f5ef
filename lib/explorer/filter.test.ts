import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  customerPredicate,
  filterCustomers,
  filterIndices,
  filterOptions,
} from './filter';
import { customer } from './fixtures.test-util';

const people = [
  customer({ customer_id: 'C0000001', persona: 'Engaged Regulars', cluster_id: 0, churn_risk_band: 'low' }),
  customer({
    customer_id: 'C0000002',
    persona: 'Premium but At-Risk',
    cluster_id: 2,
    churn_risk_band: 'high',
  }),
  customer({
    customer_id: 'C0000012',
    persona: 'Transitional Shoppers',
    cluster_id: 1,
    churn_risk_band: 'high',
    locale: 'rural',
  }),
  customer({
    customer_id: 'C0000120',
    persona: 'Premium but At-Risk',
    cluster_id: 2,
    churn_risk_band: 'medium',
    gender: 'male',
  }),
];
const ids = (list: { customer_id: string }[]) => list.map((c) => c.customer_id);

describe('customer filters', () => {
  it('given no filters and no search, when filtering, then everyone is kept in order', () => {
    expect(ids(filterCustomers(people, {}, ''))).toEqual(ids(people));
  });

  it('given two values of one filter, when filtering, then customers with either value are kept (OR)', () => {
    expect(ids(filterCustomers(people, { churn_risk_band: ['high', 'medium'] }, ''))).toEqual([
      'C0000002',
      'C0000012',
      'C0000120',
    ]);
  });

  it('given two filters, when filtering, then customers must match both (AND)', () => {
    const kept = filterCustomers(people, { churn_risk_band: ['high'], persona: ['Premium but At-Risk'] }, '');
    expect(ids(kept)).toEqual(['C0000002']);
  });

  it('given an empty value list, when filtering, then that filter is ignored', () => {
    expect(filterCustomers(people, { gender: [] }, '')).toHaveLength(4);
    expect(activeFilterCount({ gender: [], locale: ['rural'] })).toBe(1);
  });

  it('given a search, when filtering, then ids containing it match, case-insensitively and trimmed', () => {
    expect(ids(filterCustomers(people, {}, '  c000001 '))).toEqual(['C0000012']);
    expect(ids(filterCustomers(people, {}, '12'))).toEqual(['C0000012', 'C0000120']);
    expect(filterCustomers(people, {}, 'X9')).toEqual([]);
  });

  it('given search and filters, when filtering, then both apply', () => {
    const keep = customerPredicate({ gender: ['male'] }, '12');
    expect(people.filter(keep).map((c) => c.customer_id)).toEqual(['C0000120']);
  });

  it('given a value nobody has, when filtering, then nobody matches', () => {
    expect(filterCustomers(people, { locale: ['lunar'] }, '')).toEqual([]);
  });
});

describe('filter options', () => {
  it('given customers, then options count each value, personas by cluster id and bands in their order', () => {
    const options = filterOptions(people);
    expect(options.persona).toEqual([
      { value: 'Engaged Regulars', count: 1 },
      { value: 'Transitional Shoppers', count: 1 },
      { value: 'Premium but At-Risk', count: 2 },
    ]);
    expect(options.churn_risk_band.map((o) => o.value)).toEqual(['low', 'medium', 'high']);
    expect(options.locale).toEqual([
      { value: 'urban', count: 3 },
      { value: 'rural', count: 1 },
    ]);
  });
});

describe('filterIndices', () => {
  it('given filters, then the kept positions are those of filterCustomers, ascending', () => {
    const f = { churn_risk_band: ['high'] } as const;
    expect([...filterIndices(people, f, '')]).toEqual([1, 2]);
    expect(filterCustomers(people, f, '')).toEqual([...filterIndices(people, f, '')].map((i) => people[i]));
  });
});
