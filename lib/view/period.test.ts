import { formatCell } from '@/lib/format/table-data';
import type { Month } from '@/lib/schema/revenue-by-cluster';
import { describe, expect, it } from 'vitest';
import {
  comparisonRange,
  concentrationSentence,
  defaultPeriodView,
  periodByPersona,
  periodChannelMix,
  periodSummary,
  readPeriodView,
  wholeMonths,
  writePeriodView,
  type PeriodData,
  type PeriodView,
} from './period';

/**
 * Two personas over Jan–Apr 2025, the window ending on 15 April. Persona 0 ("Regulars") buys in
 * store, persona 1 ("Browsers") online. Figures per month: [in store, online].
 */
const cell = (
  revenue: [number, number],
  orders: [number, number],
  fresh: [number, number],
  active: [number, number, number],
) => ({
  revenue,
  orders,
  new_customers: fresh,
  active_customers: active,
});
const monthly: Month[] = [
  {
    month: '2025-01',
    days: 31,
    clusters: [cell([1000, 0], [10, 0], [5, 0], [8, 0, 8]), cell([0, 400], [0, 4], [0, 4], [0, 4, 4])],
  },
  {
    month: '2025-02',
    days: 28,
    clusters: [cell([1200, 0], [12, 0], [1, 0], [9, 0, 9]), cell([0, 600], [0, 5], [0, 2], [0, 5, 5])],
  },
  {
    month: '2025-03',
    days: 31,
    clusters: [cell([1500, 100], [14, 1], [2, 0], [10, 1, 10]), cell([0, 900], [0, 6], [0, 1], [0, 6, 6])],
  },
  {
    month: '2025-04',
    days: 15,
    clusters: [cell([500, 0], [5, 0], [0, 0], [5, 0, 5]), cell([0, 100], [0, 1], [0, 0], [0, 1, 1])],
  },
];
const rev: PeriodData = {
  currency: 'INR',
  rows: [
    { cluster_id: 0, persona: 'Regulars', customer_share_pct: 60 },
    { cluster_id: 1, persona: 'Browsers', customer_share_pct: 40 },
  ],
  monthly,
};

const NAMES = ['Regulars', 'Browsers'];

const view = (patch: Partial<PeriodView>): PeriodView => ({
  from: '2025-03',
  to: '2025-03',
  compare: 'previous',
  persona: null,
  channel: null,
  ...patch,
});

describe('period ranges', () => {
  it('offers whole months only: a window ending mid-April leaves April out', () => {
    expect(wholeMonths(monthly)).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('opens on every whole month when the data has fewer than twelve, compared with the period before', () => {
    expect(defaultPeriodView(monthly)).toEqual({
      from: '2025-01',
      to: '2025-03',
      compare: 'previous',
      persona: null,
      channel: null,
    });
  });

  it('opens on the last twelve whole months when the data has two years', () => {
    const long: Month[] = Array.from({ length: 24 }, (_, i) => ({
      month: `${2024 + Math.floor((i + 9) / 12)}-${String(((i + 9) % 12) + 1).padStart(2, '0')}`,
      days: 31,
      clusters: [],
    }));
    // Oct 2024 … Sep 2026, every month marked whole (31 days) except those with fewer calendar days.
    const fixed = long.map((m) => ({
      ...m,
      days: new Date(Date.UTC(+m.month.slice(0, 4), +m.month.slice(5), 0)).getUTCDate(),
    }));
    expect(defaultPeriodView(fixed)).toMatchObject({ from: '2025-10', to: '2026-09' });
    expect(comparisonRange(defaultPeriodView(fixed), fixed)).toEqual({ from: '2024-10', to: '2025-09' });
  });

  it('compares with the months just before, or the same months a year earlier, and says when the data cannot', () => {
    // Two months against the two before: Dec 2024 is not in the data.
    expect(comparisonRange(view({ from: '2025-02', to: '2025-03' }), monthly)).toMatchObject({
      missing: expect.stringContaining('no Dec 2024 – Jan 2025 to compare with'),
    });
    expect(comparisonRange(view({ from: '2025-03', to: '2025-03' }), monthly)).toEqual({
      from: '2025-02',
      to: '2025-02',
    });
    const missing = comparisonRange(view({ compare: 'last-year' }), monthly);
    expect(missing).toEqual({
      missing:
        'The data starts in Jan 2025, so there is no Mar 2024 to compare with. Choose a later range or “No comparison”.',
    });
    expect(comparisonRange(view({ compare: 'none' }), monthly)).toBeNull();
  });
});

describe('the address', () => {
  it('reads a view and falls back on anything it cannot use', () => {
    const q = new URLSearchParams('from=2025-03&to=2025-02&vs=last-year&persona=1&channel=online');
    // from after to is swapped rather than refused.
    expect(readPeriodView(q, monthly, NAMES)).toEqual({
      from: '2025-02',
      to: '2025-03',
      compare: 'last-year',
      persona: 1,
      channel: 'online',
    });
    const bad = new URLSearchParams('from=2025-04&to=1999-01&vs=forever&persona=7&channel=phone');
    expect(readPeriodView(bad, monthly, NAMES)).toEqual(defaultPeriodView(monthly));
    expect(readPeriodView(new URLSearchParams('persona=x'), monthly, NAMES).persona).toBeNull();
    // As the explorer writes them: a persona by name, a channel preference by its table value.
    expect(
      readPeriodView(new URLSearchParams('persona=Browsers&channel=in-store'), monthly, NAMES),
    ).toMatchObject({
      persona: 1,
      channel: 'instore',
    });
    expect(readPeriodView(new URLSearchParams('channel=both'), monthly, NAMES).channel).toBeNull();
  });

  it('writes only what differs from the default, and leaves other settings alone', () => {
    const q = new URLSearchParams('metric=spend');
    writePeriodView(defaultPeriodView(monthly), q, monthly);
    expect(q.toString()).toBe('metric=spend');
    writePeriodView(
      view({ from: '2025-02', to: '2025-03', compare: 'none', persona: 0, channel: 'instore' }),
      q,
      monthly,
    );
    expect(q.toString()).toBe('metric=spend&from=2025-02&to=2025-03&vs=none&persona=0&channel=instore');
    expect(readPeriodView(q, monthly, NAMES)).toEqual(
      view({ from: '2025-02', to: '2025-03', compare: 'none', persona: 0, channel: 'instore' }),
    );
  });
});

describe('periodSummary', () => {
  const byId = (s: ReturnType<typeof periodSummary>) => Object.fromEntries(s.kpis.map((k) => [k.id, k]));

  it('sums March for everyone and compares it with February', () => {
    const s = periodSummary(rev, view({}));
    const k = byId(s);
    // March: 1500 + 100 + 900 = 2500 against February's 1200 + 600 = 1800: +38.9 %.
    expect(k.revenue!.value).toBe('₹2,500');
    expect(k.revenue!.delta).toEqual({ text: '+38.9%', direction: 'up', said: 'up 38.9%', tone: 'gain' });
    // Orders 14 + 1 + 6 = 21 against 17: +23.5 %.
    expect(k.orders!.value).toBe('21');
    expect(k.orders!.delta!.text).toBe('+23.5%');
    // Spend per order 2500 / 21 = 119.05 against 1800 / 17 = 105.88: +12.4 %.
    expect(k['spend-per-order']!.value).toBe('₹119');
    expect(k['spend-per-order']!.delta!.text).toBe('+12.4%');
    // Buying customers, either channel: 10 + 6 = 16 against 9 + 5 = 14: +14.3 %.
    expect(k.active!.value).toBe('16');
    expect(k.active!.delta!.text).toBe('+14.3%');
    // New: 2 + 1 = 3 against 1 + 2 = 3: unchanged.
    expect(k.new!.delta).toEqual({ text: '0.0%', direction: 'flat', said: 'unchanged', tone: 'neutral' });
    // Online share of revenue: (100 + 900) / 2500 = 40 % against 600 / 1800 = 33.3 %: +6.7 points.
    expect(k.share!.label).toBe('Online share');
    expect(k.share!.value).toBe('40.0%');
    expect(k.share!.delta).toEqual({
      text: '+6.7 pts',
      direction: 'up',
      said: 'up 6.7 points',
      tone: 'neutral',
    });
    expect(s.comparison).toBe('Feb 2025 (previous period)');
    expect(s.trend).toBe('₹2,500 in Mar 2025, up 38.9% on Feb 2025 (₹1,800).');
    expect(s.scope).toBe('All customers, both channels');
  });

  it('narrows to one persona in one channel, with its share of all revenue', () => {
    const s = periodSummary(
      rev,
      view({ from: '2025-02', to: '2025-03', persona: 0, channel: 'online', compare: 'none' }),
    );
    const k = byId(s);
    // Regulars online in Feb–Mar: 0 + 100 = 100 of everyone's 1800 + 2500 = 4300: 2.3 %.
    expect(k.revenue!.value).toBe('₹100');
    expect(k.share!.label).toBe('Share of all revenue');
    expect(k.share!.value).toBe('2.3%');
    // Buying online a month: (0 + 1) / 2.
    expect(k.active!.value).toBe('1');
    expect(k.revenue!.delta).toBeNull();
    expect(k.revenue!.trend).toEqual({ current: [0, 100], previous: null });
    expect(s.scope).toBe('Regulars, online');
    expect(s.comparison).toBeNull();
  });

  it('gives no change when the comparison months are missing, and says why', () => {
    const s = periodSummary(rev, view({ from: '2025-01', to: '2025-02' }));
    expect(s.kpis.every((k) => k.delta === null)).toBe(true);
    expect(s.comparisonMissing).toContain('no Nov 2024 – Dec 2024 to compare with');
  });

  it('names where the range’s revenue concentrates, in rupees', () => {
    // Jan–Mar: Regulars 1000 + 1200 + 1600 = 3800, Browsers 400 + 600 + 900 = 1900, of 5700.
    expect(concentrationSentence(rev, view({ from: '2025-01', to: '2025-03' }))).toBe(
      'Regulars brought ₹3,800 of the ₹5,700 revenue in Jan 2025 – Mar 2025 (66.7%), from 60.0% of all customers.',
    );
  });
});

describe('periodByPersona', () => {
  const shown = (t: ReturnType<typeof periodByPersona>['table']) =>
    t.rows.map((r) => t.columns.map((c) => formatCell(r[c.key], c, 'INR')));

  it('gives every persona and all customers their March against February, with signed changes', () => {
    const { table, caption } = periodByPersona(rev, view({}));
    expect(table.columns.map((c) => c.label)).toEqual([
      'Persona',
      'Revenue',
      'Revenue change',
      'Share of revenue',
      'Orders',
      'Spend per order',
      'Spend per order change',
      'Buying customers a month',
      'Online share of revenue',
      'Online share change',
    ]);
    expect(shown(table)).toEqual([
      // Regulars: 1500 + 100 = 1600 against 1200 (+33.3 %), 1600 / 2500 = 64 % of revenue, 15 orders,
      // 1600 / 15 = 106.67 a order against 100 (+6.7 %), 10 buyers, online 100 / 1600 = 6.25 % against 0.
      ['Regulars', '₹1,600', '+33.3%', '64.0%', '15', '₹107', '+6.7%', '10', '6.3%', '+6.3 pts'],
      // Browsers: 900 against 600 (+50 %), 36 %, 6 orders, 150 against 120 (+25 %), 6 buyers, all online.
      ['Browsers', '₹900', '+50.0%', '36.0%', '6', '₹150', '+25.0%', '6', '100.0%', '0.0 pts'],
      // Everyone: 2500 against 1800, 21 orders, 119.05 against 105.88, 16 buyers, online 40 % against 33.3 %.
      ['All customers', '₹2,500', '+38.9%', '100.0%', '21', '₹119', '+12.4%', '16', '40.0%', '+6.7 pts'],
    ]);
    expect(caption).toBe('Each persona in Mar 2025 (INR); changes against Feb 2025');
  });

  it('drops the change columns without a comparison, and the online share within one channel', () => {
    const { table, caption } = periodByPersona(rev, view({ compare: 'none', channel: 'online' }));
    expect(table.columns.map((c) => c.key)).toEqual([
      'persona',
      'revenue',
      'revenue_share',
      'orders',
      'spend_per_order',
      'active',
    ]);
    // Online in March: Regulars 100 of 1000 (10 %), Browsers 900 (90 %).
    expect(shown(table).map((r) => r.slice(0, 3))).toEqual([
      ['Regulars', '₹100', '10.0%'],
      ['Browsers', '₹900', '90.0%'],
      ['All customers', '₹1,000', '100.0%'],
    ]);
    expect(caption).toBe('Each persona in Mar 2025, online only (INR)');
  });
});

describe('periodChannelMix', () => {
  it('splits each persona’s March between the channels, with the online shares’ changes in points', () => {
    const { table, caption } = periodChannelMix(rev, view({}));
    const shown = table.rows.map((r) => table.columns.map((c) => formatCell(r[c.key], c, 'INR')));
    expect(table.columns.map((c) => c.label)).toEqual([
      'Persona',
      'In-store revenue',
      'Online revenue',
      'Online share of revenue',
      'Revenue share change',
      'Online share of orders',
      'Order share change',
      'Store buyers a month',
      'Online buyers a month',
    ]);
    expect(shown).toEqual([
      // Regulars: 1500 in store, 100 online: 6.25 % of revenue (0 in February); 1 of 15 orders = 6.7 %.
      ['Regulars', '₹1,500', '₹100', '6.3%', '+6.3 pts', '6.7%', '+6.7 pts', '10', '1'],
      // Browsers: all online, in both months.
      ['Browsers', '₹0', '₹900', '100.0%', '0.0 pts', '100.0%', '0.0 pts', '0', '6'],
      // Everyone: 1000 of 2500 online (40 %) against 600 of 1800 (33.3 %); orders 7 of 21 against 5 of 17.
      ['All customers', '₹1,500', '₹1,000', '40.0%', '+6.7 pts', '33.3%', '+3.9 pts', '10', '7'],
    ]);
    expect(caption).toBe(
      'Channel mix by persona in Mar 2025 (INR); changes in percentage points against Feb 2025',
    );
  });
});
