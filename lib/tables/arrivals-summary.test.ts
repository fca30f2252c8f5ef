import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import type { ArrivalCell } from '../sources/arrivals';
import { buildArrivalsSummary, dayHourCurves, ordersPerCell } from './arrivals-summary';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** 168 cells, Monday 0:00 first, zero except the (cell → value) pairs given. */
function curve(instore: Record<number, number>, online: Record<number, number>): ArrivalCell[] {
  return Array.from({ length: 168 }, (_, i) => ({
    day_index: Math.floor(i / 24),
    day: DAYS[Math.floor(i / 24)]!,
    hour: i % 24,
    instore_arrivals: instore[i] ?? 0,
    online_arrivals: online[i] ?? 0,
  }));
}

// In store: Monday 9–11 h bring 5, 6, 7 (18 in three hours); Monday 15 h a lone 10. Week: 28.
// Online: Monday 20 h and 21 h bring 4 each; Sunday 23 h (cell 6·24 + 23 = 167) brings 2. Week: 10.
const arrivals = curve({ 9: 5, 10: 6, 11: 7, 15: 10 }, { 20: 4, 21: 4, 167: 2 });

// The window starts on Wednesday 2025-01-01. Day 5 and day 12 are Mondays; day 0 is a Wednesday.
const log = tinyLog(2, [
  { customer: 0, day: 5, hour: 10, gross: 10, lines: [[0, 1, 10]] }, // Monday 10 h → cell 10
  { customer: 0, day: 12, hour: 9, gross: 10, lines: [[0, 1, 10]] }, // Monday 9 h → cell 9
  { customer: 1, day: 0, hour: 12, online: true, gross: 10, lines: [[0, 1, 10]] }, // Wednesday 12 h → cell 60
]);

describe('buildArrivalsSummary', () => {
  const table = buildArrivalsSummary({ cells: arrivals, basis: 'public-arrivals' }, ordersPerCell(log));

  it('places each order in its weekday × hour cell beside the published arrivals', () => {
    expect(table.cells).toHaveLength(168);
    expect(table.cells[10]).toEqual({
      day_index: 0,
      day: 'Monday',
      hour: 10,
      instore_arrivals: 6,
      online_arrivals: 0,
      synthetic_instore_orders: 1,
      synthetic_online_orders: 0,
    });
    expect(table.cells[9]!.synthetic_instore_orders).toBe(1);
    expect(table.cells[60]).toMatchObject({ day: 'Wednesday', hour: 12, synthetic_online_orders: 1 });
    const orders = table.cells.reduce(
      (s, c) => s + c.synthetic_instore_orders + c.synthetic_online_orders,
      0,
    );
    expect(orders).toBe(3);
    expect(table.curves).toBe('public-arrivals');
    expect(table.orders_source).toBeUndefined();
  });

  it('sums arrivals per day and per week', () => {
    expect(table.weekly_totals).toEqual({ instore_arrivals: 28, online_arrivals: 10 });
    expect(table.day_totals[0]).toEqual({ day: 'Monday', instore_arrivals: 28, online_arrivals: 8 });
    expect(table.day_totals[6]).toEqual({ day: 'Sunday', instore_arrivals: 0, online_arrivals: 2 });
  });

  it('finds the busiest three-hour window per day, busiest first within each channel', () => {
    expect(table.window_hours).toBe(3);
    // Monday in store: 9–12 h holds 5 + 6 + 7 = 18, more than any window around the lone 10 at 15 h.
    expect(table.peak_windows[0]).toEqual({
      channel: 'in-store',
      day: 'Monday',
      from_hour: 9,
      to_hour: 12,
      arrivals: 18,
      share_of_week_pct: 64.29, // 18 / 28
    });
    // A day without arrivals keeps the first window, 0–3 h, at 0 %.
    expect(table.peak_windows[1]).toEqual({
      channel: 'in-store',
      day: 'Tuesday',
      from_hour: 0,
      to_hour: 3,
      arrivals: 0,
      share_of_week_pct: 0,
    });
    const online = table.peak_windows.filter((p) => p.channel === 'online');
    // Monday online: 19–22 h and 20–23 h both hold 8; the earlier window wins the tie.
    expect(online[0]).toMatchObject({
      day: 'Monday',
      from_hour: 19,
      to_hour: 22,
      arrivals: 8,
      share_of_week_pct: 80,
    });
    // Sunday online: the last possible window, 21–24 h, holds the 2 at 23 h.
    expect(online[1]).toMatchObject({
      day: 'Sunday',
      from_hour: 21,
      to_hour: 24,
      arrivals: 2,
      share_of_week_pct: 20,
    });
    // The zero days follow in weekday order (the sort keeps ties as they were).
    expect(online.slice(2).map((p) => p.day)).toEqual([
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
    expect(table.peak_windows.map((p) => p.channel)).toEqual([
      ...new Array(7).fill('in-store'),
      ...new Array(7).fill('online'),
    ]);
  });

  it('correlates the arrival curve with the orders per cell (Pearson over 168 cells)', () => {
    // In store: Σxy = 5 + 6 = 11, x̄ = 28/168, ȳ = 2/168; Sxy = 11 − 28·2/168 = 10.667,
    // Sxx = 210 − 28²/168 = 205.333, Syy = 2 − 4/168 = 1.976; r = 10.667 / √(205.333 · 1.976) = 0.5295.
    // Online: no order falls where arrivals are; Sxy = 0 − 10·1/168, Sxx = 36 − 100/168, Syy = 1 − 1/168: r = −0.0100.
    expect(table.synthetic_fit).toEqual({ instore_correlation: 0.5295, online_correlation: -0.01 });
  });

  it('given no orders, reports a correlation of 0 instead of NaN, and marks a brand’s own orders', () => {
    const none = buildArrivalsSummary(
      { cells: arrivals, basis: 'public-arrivals' },
      ordersPerCell(tinyLog(1, [])),
      true,
    );
    expect(none.synthetic_fit).toEqual({ instore_correlation: 0, online_correlation: 0 });
    expect(none.orders_source).toBe('orders');
  });
});

describe('dayHourCurves', () => {
  it('given the 168 published cells, uses them as they are', () => {
    expect(dayHourCurves(arrivals, log, ordersPerCell(log))).toEqual({
      cells: arrivals,
      basis: 'public-arrivals',
    });
  });

  it('without published cells, uses the log’s own orders a week per cell', () => {
    // A 14-day window is 2 weeks: one in-store order in cell 10 is 0.5 a week.
    const twoWeeks = tinyLog(1, [{ customer: 0, day: 5, hour: 10, gross: 10, lines: [[0, 1, 10]] }], {
      windowDays: 14,
    });
    const curves = dayHourCurves([], twoWeeks, ordersPerCell(twoWeeks));
    expect(curves.basis).toBe('own-orders');
    expect(curves.cells[10]).toEqual({
      day_index: 0,
      day: 'Monday',
      hour: 10,
      instore_arrivals: 0.5,
      online_arrivals: 0,
    });
    expect(curves.cells.reduce((s, c) => s + c.instore_arrivals, 0)).toBe(0.5);
  });
});
