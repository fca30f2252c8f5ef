import type { BehaviourGroup, BehaviourOverview } from '@/lib/schema/behaviour-overview';
import { arrivalsFixture, DAYS, opsFixture } from '@/test/helpers/channel-fixtures';
import { describe, expect, it } from 'vitest';
import {
  arrivalFacts,
  arrivalsHeatmap,
  basketChart,
  behaviourTable,
  channelKpis,
  channelPeaks,
  dayList,
  digitalPromptChart,
  dwellChart,
  frequencyChart,
  hourRange,
  onlineShareChart,
  overlapChart,
  peakWindowTable,
} from './channels';

function group(cluster_id: number | null, persona: string, o: Partial<BehaviourGroup>): BehaviourGroup {
  return {
    cluster_id,
    persona,
    customers: 100,
    customer_share_pct: 50,
    revenue: 10_000,
    orders: 200,
    avg_spend_per_visit: 50,
    avg_dwell_minutes: 10,
    avg_basket_size: 5,
    online_order_share_pct: 40,
    online_revenue_share_pct: 45,
    repeat_purchase_ratio_pct: 70,
    avg_orders_per_month: 0.4,
    avg_engagement_index: 50,
    avg_loyalty_score: 50,
    avg_churn_risk: 50,
    avg_clv_proxy: 10,
    avg_age: 40,
    gender_split_pct: {},
    locale_split_pct: {},
    age_band_split_pct: {},
    ...o,
  };
}

function behaviourFixture(): BehaviourOverview {
  return {
    table: 'behaviour_overview',
    currency: 'INR',
    window_start: '2025-01-01',
    window_end: '2025-12-31',
    // Deliberately out of cluster order: charts sort by cluster_id.
    personas: [
      group(1, 'Night Owls', {
        online_order_share_pct: 70,
        online_revenue_share_pct: 75,
        avg_dwell_minutes: 6,
      }) as BehaviourGroup & { cluster_id: number },
      group(0, 'Loyal Locals', {
        online_order_share_pct: 20,
        online_revenue_share_pct: 25,
        avg_dwell_minutes: 12,
      }) as BehaviourGroup & { cluster_id: number },
    ],
    total: group(null, 'All customers', {
      customers: 200,
      online_order_share_pct: 45,
      online_revenue_share_pct: 50,
      avg_dwell_minutes: 10,
    }),
  };
}

describe('labels', () => {
  it('writes hour ranges and day lists, with runs of three or more days as a range', () => {
    expect(hourRange(9, 12)).toBe('09:00–12:00');
    expect(dayList(['Friday'], DAYS)).toBe('Friday');
    expect(dayList(['Sunday', 'Monday'], DAYS)).toBe('Monday and Sunday');
    expect(dayList(['Thursday', 'Tuesday', 'Wednesday', 'Saturday'], DAYS)).toBe(
      'Tuesday–Thursday and Saturday',
    );
    expect(dayList(['Monday', 'Tuesday', 'Friday', 'Saturday', 'Sunday'], DAYS)).toBe(
      'Monday, Tuesday and Friday–Sunday',
    );
  });
});

describe('channelPeaks', () => {
  it('given the fixture, names the busiest window and groups the other days by their peak hours', () => {
    const a = arrivalsFixture();
    const store = channelPeaks(a, 'in-store');
    expect(store.busiest).toMatchObject({ day: 'Saturday', from_hour: 13, to_hour: 16, arrivals: 90 });
    expect(store.groups.map((g) => [g.from_hour, g.days])).toEqual([
      [13, ['Saturday']],
      [16, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']],
      [8, ['Sunday']],
    ]);
    // 7 days × 120 + 5 × 30 extra on weekday evenings + 60 extra on Saturday afternoon = 1,050 arrivals.
    expect(a.weekly_totals.instore_arrivals).toBe(1050);
    expect(store.sentence).toBe(
      'Saturday 13:00–16:00 is the busiest 3-hour window: 90 customer arrivals per store, 8.6% of the week’s 1,050; ' +
        'each day’s peak: Saturday at 13:00–16:00, Monday–Friday at 16:00–19:00, Sunday at 08:00–11:00.',
    );
    const online = channelPeaks(a, 'online');
    expect(online.busiest).toMatchObject({ day: 'Saturday', from_hour: 10, arrivals: 12 });
    expect(online.sentence).toContain('12.0 online orders per store');
  });
});

describe('arrivalsHeatmap', () => {
  it('given the fixture, keeps the published values, computes shares of the week and marks each day’s peak', () => {
    const a = arrivalsFixture();
    const h = arrivalsHeatmap(a, 'in-store');
    expect(h.values.count[5]![14]).toBe(30);
    expect(h.values.count[0]![3]).toBe(0);
    // Carried to six decimals of a percentage (2.857142857… → 2.857143).
    expect(h.values.share[5]![14]).toBe(2.857143);
    expect(h.max.count).toBe(30);
    // 7 windows of 3 hours.
    expect(h.peakCells).toHaveLength(21);
    expect(h.peakCells).toContain('5|13');
    expect(h.peakCells).toContain('0|18');
    expect(h.peakCells).not.toContain('0|19');
    // The tables: one row per day, 24 hour columns and a total.
    expect(h.tables.count.rows).toHaveLength(7);
    expect(h.tables.count.columns).toHaveLength(26);
    expect(h.tables.count.rows[5]!.h14).toBe(30);
    expect(h.tables.count.rows[0]!.total).toBe(120 + 30);
    // Seven day totals, each carried to six decimals.
    expect(h.tables.share.rows.reduce((s, r) => s + Number(r.total), 0)).toBeCloseTo(100, 5);
  });

  it('lists every peak window per channel, busiest first', () => {
    const t = peakWindowTable(arrivalsFixture());
    expect(t.rows).toHaveLength(14);
    expect(t.rows[0]).toMatchObject({
      channel: 'In store',
      day: 'Saturday',
      window: '13:00–16:00',
      arrivals: 90,
    });
    expect(t.rows[7]).toMatchObject({ channel: 'Online', day: 'Saturday', window: '10:00–13:00' });
  });
});

describe('arrivalFacts', () => {
  it('given the fixture, finds the online orders that arrive while stores are closed', () => {
    const f = arrivalFacts(arrivalsFixture());
    // Stores are closed 12 hours a day, 84 a week; 84 of the week's 177 online orders arrive then.
    expect(f.closedHours).toBe(84);
    expect(f.onlineWhileClosedPct).toBeCloseTo((100 * 84) / 177, 10);
    expect(f.busiestDay['in-store']).toEqual({ day: 'Saturday', sharePct: (100 * 180) / 1050 });
    expect(f.busiestDay.online).toEqual({ day: 'Saturday', sharePct: (100 * 33) / 177 });
    expect(f.sentences[1]).toBe(
      'Saturday is the busiest day in both channels: 18.6% of the week’s online orders against 17.1% of store arrivals.',
    );
  });
});

describe('persona behaviour by channel', () => {
  it('online shares come from behaviour_overview in cluster order, all customers last', () => {
    const c = onlineShareChart(behaviourFixture());
    expect(c.rows.map((r) => [r.persona, ...r.values])).toEqual([
      ['Loyal Locals', 20, 25],
      ['Night Owls', 70, 75],
      ['All customers', 45, 50],
    ]);
    expect(c.takeaway).toBe(
      '45.0% of orders and 50.0% of revenue are online, from 20.0% of orders (Loyal Locals) to 70.0% (Night Owls); every persona spends more per order online.',
    );
  });

  it('baskets, visit frequency and digital prompts pair the in-store and online rows', () => {
    const ops = opsFixture();
    const basket = basketChart(ops);
    expect(basket.rows.map((r) => r.values)).toEqual([
      [4, 5],
      [6, 9],
      [4.5, 7],
    ]);
    expect(basket.takeaway).toBe(
      'Online baskets are bigger for every persona; the widest gap is Night Owls: 9.0 units online against 6.0 in store.',
    );
    expect(basket.scale.max).toBeGreaterThanOrEqual(9);
    const freq = frequencyChart(ops);
    expect(freq.takeaway).toBe(
      'Loyal Locals come back most often: 0.400 store visits and 0.100 online orders per customer a month, 4.0× the 0.100 store visits of Night Owls.',
    );
    const digital = digitalPromptChart(ops);
    expect(digital.takeaway).toBe(
      '15.0% of in-store orders followed an e-mail, SMS or app push, most for Loyal Locals (20.0%) and least for Night Owls (5.0%).',
    );
  });

  it('dwell is in store only and names the longest and shortest visits', () => {
    const d = dwellChart(behaviourFixture());
    expect(d.rows.map((r) => [r.persona, r.value])).toEqual([
      ['Loyal Locals', 12],
      ['Night Owls', 6],
    ]);
    expect(d.overall).toBe(10);
    expect(d.takeaway).toBe(
      'Loyal Locals stay longest in store, 12.0 minutes a visit, against 6.0 for Night Owls (10.0 for all customers).',
    );
  });

  it('the page table joins behaviour_overview and operational_efficiency per persona', () => {
    const t = behaviourTable(behaviourFixture(), opsFixture());
    expect(
      t.rows.map((r) => [r.persona, r.online_orders, r.basket_instore, r.basket_online, r.freq_online]),
    ).toEqual([
      ['Loyal Locals', 20, 4, 5, 0.1],
      ['Night Owls', 70, 6, 9, 0.3],
      ['All customers', 45, 4.5, 7, 0.2],
    ]);
  });
});

describe('cross-channel', () => {
  it('splits customers into in store only, both and online only, and names the extremes', () => {
    const c = overlapChart(opsFixture());
    expect(c.rows.map((r) => [r.persona, r.instoreOnlyPct, r.bothPct, r.onlineOnlyPct])).toEqual([
      ['Loyal Locals', 50, 40, 10],
      ['Night Owls', 10, 20, 70],
      ['All customers', 30, 30, 40],
    ]);
    expect(c.takeaway).toBe(
      '30.0% of customers buy in both channels, from 40.0% of Loyal Locals to 20.0% of Night Owls.',
    );
  });
});

describe('channelKpis', () => {
  it('reports both peaks, online orders while stores are closed, and cross-channel customers', () => {
    const k = channelKpis(arrivalsFixture(), opsFixture());
    expect(k.map((x) => [x.id, x.value])).toEqual([
      ['kpi-instore-peak', 'Saturday'],
      ['kpi-online-peak', 'Saturday'],
      ['kpi-online-closed', '47.5%'],
      ['kpi-both-channels', '30.0%'],
    ]);
    expect(k[0]!.hint).toBe('13:00–16:00: 8.6% of the week’s arrivals');
  });
});
