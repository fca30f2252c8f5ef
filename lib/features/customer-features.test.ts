import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { marketingSlot } from '../transactions/transaction-log';
import { computeCustomerFeatures, DAYS_PER_MONTH } from './customer-features';

describe('computeCustomerFeatures', () => {
  // Customer 0: three orders (two in store, one online) across two months; customer 1: one online order.
  const log = tinyLog(2, [
    {
      customer: 0,
      day: 0,
      gross: 100,
      discount: 10,
      dwell: 12,
      lines: [
        [0, 1, 60],
        [1, 2, 30],
      ],
    },
    { customer: 0, day: 10, gross: 50, dwell: 8, lines: [[1, 1, 50]] },
    { customer: 0, day: 40, online: true, gross: 200, lines: [[2, 4, 200]] },
    { customer: 1, day: 300, online: true, gross: 80, lines: [[0, 1, 80]] },
  ]);
  log.marketing!.touches[marketingSlot(0, 0, 0)] = 10;
  log.marketing!.responses[marketingSlot(0, 0, 0)] = 2;
  const f = computeCustomerFeatures(log);

  it('computes frequency, recency, spend and order value from orders (net of discount)', () => {
    expect(f.order_count[0]).toBe(3);
    expect(f.total_spend[0]).toBe(340); // 90 + 50 + 200
    expect(f.avg_order_value[0]).toBeCloseTo(340 / 3, 10);
    expect(f.recency_days[0]).toBe(365 - 1 - 40);
    expect(f.tenure_days[0]).toBe(365);
    expect(f.orders_per_month[0]).toBeCloseTo(3 / (365 / DAYS_PER_MONTH), 10);
  });

  it('computes basket, dwell, channel mix, diversity and discount share', () => {
    expect(f.basket_size[0]).toBeCloseTo((3 + 1 + 4) / 3, 10);
    expect(f.dwell_minutes[0]).toBeCloseTo(10, 5); // mean of the two in-store visits
    expect(f.online_ratio[0]).toBeCloseTo(1 / 3, 10);
    expect(f.category_diversity[0]).toBe(3);
    expect(f.discount_share[0]).toBeCloseTo(10 / 350, 10);
  });

  it('leaves dwell undefined for a customer who never visited a store', () => {
    expect(Number.isNaN(f.dwell_minutes[1]!)).toBe(true);
    expect(f.online_ratio[1]).toBe(1);
  });

  it('measures consistency as active months over tenure months', () => {
    // Orders on days 0, 10 (month 0) and 40 (month 1); tenure 365 days = 12 months.
    expect(f.active_month_share[0]).toBeCloseTo(2 / 12, 10);
    // One order on day 300, tenure 65 days = 3 started months.
    expect(f.active_month_share[1]).toBeCloseTo(1 / 3, 10);
  });

  it('splits order rates into earlier and recent periods', () => {
    // recentFromDay = 185: all of customer 0's orders are earlier.
    expect(f.recent_order_rate[0]).toBe(0);
    expect(f.earlier_order_rate[0]).toBeCloseTo((30 * 3) / 185, 10);
    // Customer 1 started in the recent period: no earlier rate.
    expect(Number.isNaN(f.earlier_order_rate[1]!)).toBe(true);
  });

  it('reads marketing responses per touch', () => {
    expect(f.response_rate[0]).toBeCloseTo(0.2, 10);
    expect(Number.isNaN(f.response_rate[1]!)).toBe(true);
  });
});
