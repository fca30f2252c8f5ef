import { describe, expect, it } from 'vitest';
import { adoptCarriedFilters, EMPTY_VIEW, parseView, serializeView, type ExplorerView } from './query';

describe('explorer view in the URL', () => {
  it('given an empty query, then the view is empty and serialises to nothing', () => {
    expect(parseView('')).toEqual(EMPTY_VIEW);
    expect(serializeView(EMPTY_VIEW)).toBe('');
  });

  it('given a full view, when written and read back, then it round-trips', () => {
    const view: ExplorerView = {
      filters: {
        persona: ['Premium but At-Risk', 'Engaged Regulars'],
        churn_risk_band: ['high'],
        locale: ['semi-urban'],
      },
      search: 'C00012',
      sort: { id: 'total_spend', desc: true },
      columns: ['customer_id', 'persona', 'total_spend'],
      customer: 'C0000042',
    };
    const qs = serializeView(view);
    expect(qs).toBe(
      'q=C00012&persona=Premium+but+At-Risk%7EEngaged+Regulars&churn=high&region=semi-urban&sort=total_spend.desc&cols=customer_id%7Epersona%7Etotal_spend&customer=C0000042',
    );
    expect(parseView(qs)).toEqual(view);
  });

  it('given a sort without direction, then it is ascending', () => {
    expect(parseView('sort=age').sort).toEqual({ id: 'age', desc: false });
  });

  it('given unknown columns, a bad sort, duplicates and stray keys, then they are dropped', () => {
    const view = parseView('sort=nope.desc&cols=persona~nope~persona&churn=high~high&utm=x&customer=');
    expect(view.sort).toBeNull();
    expect(view.columns).toEqual(['persona']);
    expect(view.filters).toEqual({ churn_risk_band: ['high'] });
    expect(view.customer).toBeNull();
  });

  it('given the at-risk filter, then it is written as risk=1 and read back; other values are ignored', () => {
    const view: ExplorerView = { ...EMPTY_VIEW, filters: { atRisk: true, clv_band: ['top 10%'] } };
    const qs = serializeView(view);
    expect(qs).toBe('clv=top+10%25&risk=1');
    expect(parseView(qs)).toEqual(view);
    expect(parseView('risk=yes').filters).toEqual({});
  });
});

describe('adoptCarriedFilters', () => {
  const names = new Map([
    [0, 'Regulars'],
    [2, 'Browsers'],
  ]);

  it('turns a carried cluster id and channel key into the explorer’s persona name and channel preference', () => {
    const carried = parseView('persona=2&channel=instore&q=ab');
    expect(adoptCarriedFilters(carried, names)).toEqual({
      ...carried,
      filters: { persona: ['Browsers'], preferred_channel: ['in-store'] },
    });
  });

  it('leaves the explorer’s own values alone, and an unknown id as it is (it matches nobody, and the page says so)', () => {
    const own = parseView('persona=Regulars~Browsers&channel=both');
    expect(adoptCarriedFilters(own, names)).toBe(own);
    expect(adoptCarriedFilters(parseView('persona=7'), names).filters.persona).toEqual(['7']);
  });
});
