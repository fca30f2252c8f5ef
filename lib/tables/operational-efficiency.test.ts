import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { CONTACT_CHANNELS } from '../transactions/transaction-log';
import { buildOperationalEfficiency, channelUse, peakCells } from './operational-efficiency';
import { tinyContext } from './test-context.test-util';

const EMAIL = CONTACT_CHANNELS.indexOf('email');
const APP = CONTACT_CHANNELS.indexOf('app');
const EVENT = CONTACT_CHANNELS.indexOf('event');

describe('channelUse', () => {
  it('given four customers in two clusters, counts channel users, overlap and digitally prompted orders', () => {
    // Customer 0 (cluster 0): in store twice (one after an e-mail), once online → both channels.
    // Customer 1 (cluster 0): online only, once after an app push.
    // Customer 2 (cluster 1): in store only, once after a store event (not digital).
    // Customer 3 (cluster 1): no orders at all.
    const log = tinyLog(4, [
      { customer: 0, day: 1, gross: 100, lines: [[0, 1, 100]], contact: EMAIL },
      { customer: 0, day: 5, gross: 100, lines: [[0, 1, 100]] },
      { customer: 0, day: 9, online: true, gross: 100, lines: [[1, 2, 100]] },
      { customer: 1, day: 2, online: true, gross: 50, lines: [[2, 1, 50]], contact: APP },
      { customer: 2, day: 3, gross: 80, lines: [[1, 1, 80]], contact: EVENT },
    ]);
    const use = channelUse(log, [0, 0, 1, 1], 2);

    expect(use.customers).toEqual([
      [1, 2],
      [1, 0],
      [2, 2],
    ]);
    expect(use.digitalOrders).toEqual([
      [1, 1],
      [0, 0],
      [1, 1],
    ]);
    expect(use.overlap).toEqual([
      { customers: 2, instoreOnly: 0, onlineOnly: 1, both: 1 },
      { customers: 1, instoreOnly: 1, onlineOnly: 0, both: 0 },
      { customers: 3, instoreOnly: 1, onlineOnly: 1, both: 1 },
    ]);
  });
});

describe('peakCells', () => {
  it('given 20 values, keeps the busiest two (10 %), ties to the earlier cell, in cell order', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i === 15 ? 9 : i === 3 || i === 7 ? 5 : 1));
    expect(peakCells(values)).toEqual([3, 15]);
  });
});

describe('buildOperationalEfficiency', () => {
  // Peak hours: the busiest 10 % of 168 cells = 17. In store, cells 0–16 (Monday 0–16 h) carry 2
  // arrivals and every other cell 1; online, cells 100–116 do.
  const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
  const cells = Array.from({ length: 168 }, (_, i) => ({
    day_index: Math.floor(i / 24),
    day: DAYS[Math.floor(i / 24)]!,
    hour: i % 24,
    instore_arrivals: i <= 16 ? 2 : 1,
    online_arrivals: i >= 100 && i <= 116 ? 2 : 1,
  }));
  // Two weeks from Wednesday 2025-01-01. Cell = weekday × 24 + hour.
  // Customer 0 (cluster 0): in store day 5 (Monday) 10 h → cell 10, a peak: 100, 4 items, 20 min;
  //   in store day 6 (Tuesday) 20 h → cell 44, off-peak: 50, 1 item, 10 min;
  //   online day 2 (Friday) 4 h → cell 100, a peak: 80 − 20 discount, 3 items, after an e-mail.
  // Customer 1 (cluster 1): online day 3 (Saturday) 12 h → cell 132, off-peak: 40, 1 item, after a store event.
  // Customer 2 (cluster 1): no orders.
  const log = tinyLog(
    3,
    [
      // tiny-log wants each customer's orders in day order.
      {
        customer: 0,
        day: 2,
        hour: 4,
        online: true,
        gross: 80,
        discount: 20,
        contact: EMAIL,
        lines: [[2, 3, 60]],
      },
      {
        customer: 0,
        day: 5,
        hour: 10,
        gross: 100,
        dwell: 20,
        lines: [
          [0, 2, 60],
          [1, 2, 40],
        ],
      },
      { customer: 0, day: 6, hour: 20, gross: 50, dwell: 10, lines: [[1, 1, 50]] },
      { customer: 1, day: 3, hour: 12, online: true, gross: 40, contact: EVENT, lines: [[2, 1, 40]] },
    ],
    { windowDays: 14 },
  );
  const ctx = tinyContext({ log, clusterOf: [0, 1, 1], k: 2, personas: ['Both', 'Online'] });
  const table = buildOperationalEfficiency(ctx, { cells, basis: 'public-arrivals' });
  const row = (cluster: number | null, channel: string) =>
    table.rows.find((r) => r.cluster_id === cluster && r.channel === channel)!;

  it('takes the busiest 17 cells of each channel as its peak hours', () => {
    expect(table.peak_cells.instore).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(table.peak_cells.online).toEqual(Array.from({ length: 17 }, (_, i) => 100 + i));
    expect(table.weeks).toBe(2);
    expect(table.months).toBe(0.46); // 14 / 30.4375
  });

  it('given a cluster’s store visits, gives peak load, dwell per item and revenue per dwell minute', () => {
    expect(row(0, 'in-store')).toEqual({
      cluster_id: 0,
      persona: 'Both',
      channel: 'in-store',
      orders: 2,
      revenue: 150,
      items: 5,
      items_per_order: 2.5,
      orders_per_peak_hour: 0.029, // 1 peak order / (17 peak hours × 2 weeks)
      peak_hour_order_share_pct: 50,
      avg_dwell_minutes: 15, // (20 + 10) / 2
      dwell_minutes_per_item: 6, // 30 / 5
      revenue_per_dwell_minute: 5, // 150 / 30
      customers: 1,
      orders_per_customer_month: 4.3482, // 2 orders / 1 customer / (14 / 30.4375) months
      digital_prompted_orders: 0,
      digital_prompted_order_share_pct: 0,
    });
  });

  it('counts only digital messages (not store events) as prompting an order, and has no dwell online', () => {
    expect(row(0, 'online')).toMatchObject({
      orders: 1,
      revenue: 60,
      peak_hour_order_share_pct: 100,
      avg_dwell_minutes: null,
      dwell_minutes_per_item: null,
      revenue_per_dwell_minute: null,
      digital_prompted_orders: 1,
      digital_prompted_order_share_pct: 100,
    });
    expect(row(1, 'online')).toMatchObject({
      orders: 1,
      orders_per_peak_hour: 0,
      digital_prompted_orders: 0,
    });
    expect(row(null, 'online')).toMatchObject({
      orders: 2,
      revenue: 100,
      items_per_order: 2, // 4 items / 2 orders
      peak_hour_order_share_pct: 50,
      customers: 2,
      orders_per_customer_month: 2.1741, // 2 / 2 / 0.45996
      digital_prompted_order_share_pct: 50,
    });
  });

  it('given a cluster that never visits a store, writes zeros and unknown dwell rather than NaN', () => {
    expect(row(1, 'in-store')).toMatchObject({
      orders: 0,
      items_per_order: 0,
      orders_per_peak_hour: 0,
      peak_hour_order_share_pct: 0,
      avg_dwell_minutes: null,
      dwell_minutes_per_item: null,
      revenue_per_dwell_minute: null,
      customers: 0,
      orders_per_customer_month: 0,
    });
  });

  it('splits each group’s ordering customers over the channels, and loads each cell per week', () => {
    expect(table.channel_overlap).toEqual([
      {
        cluster_id: 0,
        persona: 'Both',
        customers: 1,
        instore_only: 0,
        online_only: 0,
        both: 1,
        instore_only_pct: 0,
        online_only_pct: 0,
        both_pct: 100,
      },
      // Customer 2 never ordered and is not counted.
      {
        cluster_id: 1,
        persona: 'Online',
        customers: 1,
        instore_only: 0,
        online_only: 1,
        both: 0,
        instore_only_pct: 0,
        online_only_pct: 100,
        both_pct: 0,
      },
      {
        cluster_id: null,
        persona: 'All customers',
        customers: 2,
        instore_only: 0,
        online_only: 1,
        both: 1,
        instore_only_pct: 0,
        online_only_pct: 50,
        both_pct: 50,
      },
    ]);
    // One order in two weeks is 0.5 a week.
    expect(table.hourly_load[10]).toEqual({
      day_index: 0,
      hour: 10,
      instore_orders_per_week: 0.5,
      online_orders_per_week: 0,
    });
    expect(table.hourly_load[100]!.online_orders_per_week).toBe(0.5);
    expect(table.hourly_load[132]!.online_orders_per_week).toBe(0.5);
  });
});
