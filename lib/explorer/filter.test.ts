import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  customerPredicate,
  filterCustomers,
  filterIndices,
  filterOptions,
  optionLabel,
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

describe('at-risk filter', () => {
  const mixed = [
    customer({ customer_id: 'C1', total_spend: 9000, p_alive: 0.2, locale: 'urban' }),
    customer({ customer_id: 'C2', total_spend: 9000, p_alive: 0.5 }),
    customer({ customer_id: 'C3', total_spend: 1000, p_alive: 0.1 }),
    customer({ customer_id: 'C4', total_spend: 8000, p_alive: 0.3, locale: 'rural' }),
    customer({ customer_id: 'C5', total_spend: 8000, p_alive: null }),
  ];

  it('given the flag and a threshold, then only high spenders with low P(alive) are kept, with other filters', () => {
    expect(ids(filterCustomers(mixed, { atRisk: true }, '', 8000))).toEqual(['C1', 'C4']);
    expect(ids(filterCustomers(mixed, { atRisk: true, locale: ['rural'] }, '', 8000))).toEqual(['C4']);
    expect([...filterIndices(mixed, { atRisk: true }, '', 8000)]).toEqual([0, 3]);
  });

  it('given the flag but no threshold (no predictions), then nobody matches; without the flag everyone does', () => {
    expect(filterCustomers(mixed, { atRisk: true }, '', null)).toEqual([]);
    expect(filterCustomers(mixed, {}, '', null)).toHaveLength(5);
  });

  it('counts as an active filter', () => {
    expect(activeFilterCount({ atRisk: true })).toBe(1);
    expect(activeFilterCount({ atRisk: true, gender: ['male'] })).toBe(2);
  });
});

describe('filter chip labels', () => {
  it('shows a preference without a ⅔ majority as "Mixed", not "both" (the Channels page counts anyone buying in both)', () => {
    expect(optionLabel('preferred_channel', 'both')).toBe('Mixed');
    expect(optionLabel('preferred_channel', 'online')).toBe('Mostly online');
    expect(optionLabel('preferred_channel', 'in-store')).toBe('Mostly in store');
  });
  it('shows other values as stored', () => {
    expect(optionLabel('gender', 'female')).toBe('female');
  });
});
