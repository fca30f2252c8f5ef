import { describe, expect, it } from 'vitest';
import { activeFilterCount, optionLabel, orderedOptions } from './filter';

describe('active filters', () => {
  it('given an empty value list, then that filter is not counted; the at-risk flag is', () => {
    expect(activeFilterCount({ gender: [], locale: ['rural'] })).toBe(1);
    expect(activeFilterCount({ atRisk: true })).toBe(1);
    expect(activeFilterCount({ atRisk: true, gender: ['male'] })).toBe(2);
  });
});

describe('filter options', () => {
  it('orders personas by cluster id, bands by meaning (unknown values after), other values alphabetically', () => {
    const counts = {
      persona: new Map([
        ['Premium but At-Risk', 2],
        ['Engaged Regulars', 1],
        ['Transitional Shoppers', 1],
      ]),
      preferred_channel: new Map([['both', 4]]),
      churn_risk_band: new Map([
        ['high', 2],
        ['low', 1],
        ['medium', 1],
      ]),
      clv_band: new Map([['middle 40%', 4]]),
      age_band: new Map([
        ['unknown', 1],
        ['65+', 1],
        ['18–24', 2],
      ]),
      gender: new Map([
        ['male', 1],
        ['female', 3],
      ]),
      locale: new Map([
        ['zz-other', 1],
        ['rural', 1],
        ['urban', 2],
      ]),
    };
    const clusterOf = new Map([
      ['Engaged Regulars', 0],
      ['Transitional Shoppers', 1],
      ['Premium but At-Risk', 2],
    ]);
    const options = orderedOptions(counts, clusterOf);
    expect(options.persona).toEqual([
      { value: 'Engaged Regulars', count: 1 },
      { value: 'Transitional Shoppers', count: 1 },
      { value: 'Premium but At-Risk', count: 2 },
    ]);
    expect(options.churn_risk_band.map((o) => o.value)).toEqual(['low', 'medium', 'high']);
    expect(options.age_band.map((o) => o.value)).toEqual(['18–24', '65+', 'unknown']);
    expect(options.gender.map((o) => o.value)).toEqual(['female', 'male']);
    expect(options.locale).toEqual([
      { value: 'urban', count: 2 },
      { value: 'rural', count: 1 },
      { value: 'zz-other', count: 1 },
    ]);
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
