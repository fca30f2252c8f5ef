import type { OperationalEfficiency } from '@/lib/schema/operational-efficiency';
import { DAYS, opsFixture } from '@/test/helpers/channel-fixtures';
import { describe, expect, it } from 'vitest';
import {
  cellLabel,
  dwellPerItemChart,
  layoutLoadChart,
  loadByHour,
  loadHourTable,
  loadSummary,
  loadViews,
  operationsKpis,
  operationsTable,
  peakHourChart,
  peakHoursText,
  revenuePerMinuteChart,
} from './operations';

/** The fixture with a load curve: stores busy 10:00–18:00 and online orders too, both peaking at 14:00; 5 online orders at 20:00 on Saturdays. */
function withLoad(): OperationalEfficiency {
  const ops = opsFixture();
  ops.hourly_load = ops.hourly_load.map((c) => ({
    ...c,
    instore_orders_per_week: c.hour >= 10 && c.hour < 18 ? (c.hour === 14 ? 4 : 2) : 0,
    online_orders_per_week:
      c.day_index === 5 && c.hour === 20 ? 5 : c.hour === 14 ? 2 : c.hour >= 10 && c.hour < 18 ? 1 : 0,
  }));
  return ops;
}

describe('peak hours in words', () => {
  it('labels cells and groups runs of peak hours by day', () => {
    expect(cellLabel(24 * 5 + 13, DAYS)).toBe('Saturday 13:00–14:00');
    expect(peakHoursText([133, 134, 135, 140, 157], DAYS)).toBe(
      'Saturday 13:00–16:00 and 20:00–21:00; Sunday 13:00–14:00',
    );
  });
});

describe('operationsKpis', () => {
  it('reads the all-customer rows of each channel', () => {
    const k = operationsKpis(opsFixture());
    expect(k.map((x) => [x.id, x.value])).toEqual([
      ['kpi-store-peak-orders', '4.0'],
      ['kpi-online-peak-orders', '3.0'],
      ['kpi-dwell-per-item', '2.00 min'],
      ['kpi-revenue-per-minute', '₹20'],
    ]);
    expect(k[0]!.hint).toBe('20.0% of store orders fall in the 3 peak hours');
  });
});

describe('per channel and persona', () => {
  it('orders per peak hour: who carries the store peak', () => {
    const c = peakHourChart(opsFixture());
    expect(c.rows.map((r) => [r.persona, ...r.values])).toEqual([
      ['Loyal Locals', 3, 1],
      ['Night Owls', 1, 2],
      ['All customers', 4, 3],
    ]);
    expect(c.takeaway).toBe(
      'An average peak hour brings 4.0 store orders and 3.0 online; Loyal Locals alone bring 3.0 of the store’s (75%).',
    );
  });

  it('dwell per item and revenue per dwell minute are in store only', () => {
    const d = dwellPerItemChart(opsFixture());
    expect(d.rows.map((r) => [r.persona, r.value])).toEqual([
      ['Loyal Locals', 1.5],
      ['Night Owls', 2.5],
    ]);
    expect(d.overall).toBe(2);
    expect(d.takeaway).toBe(
      'Loyal Locals shop fastest, 1.50 minutes per item; Night Owls take 2.50 (all customers 2.00).',
    );
    const r = revenuePerMinuteChart(opsFixture());
    expect(r.takeaway).toBe(
      'Loyal Locals earn ₹30 per minute in store, 1.5× the average of ₹20; Night Owls earn ₹10.',
    );
    expect(r.table.rows.map((x) => x.revenue_per_minute)).toEqual([30, 10, 20]);
  });

  it('the page table has a row per persona and channel, all customers last, online dwell empty', () => {
    const t = operationsTable(opsFixture());
    expect(t.rows.map((r) => [r.persona, r.channel, r.dwell_per_item])).toEqual([
      ['Loyal Locals', 'In store', 1.5],
      ['Loyal Locals', 'Online', null],
      ['Night Owls', 'In store', 2.5],
      ['Night Owls', 'Online', null],
      ['All customers', 'In store', 2],
      ['All customers', 'Online', null],
    ]);
  });
});

describe('load by hour', () => {
  it('sums orders per week over the chosen days', () => {
    const ops = withLoad();
    const all = loadByHour(ops, 'all');
    expect(all).toHaveLength(24);
    expect(all[14]).toEqual({ hour: 14, instore: 28, online: 14 });
    expect(all[20]).toEqual({ hour: 20, instore: 0, online: 5 });
    expect(loadByHour(ops, 'weekdays')[14]).toEqual({ hour: 14, instore: 20, online: 10 });
    expect(loadByHour(ops, 'weekend')[20]).toEqual({ hour: 20, instore: 0, online: 5 });
  });

  it('finds both peaks and the online orders that arrive while stores are quiet', () => {
    const s = loadSummary(loadByHour(withLoad(), 'weekend'));
    expect(s.onlinePeak.hour).toBe(20);
    expect(s.storePeak.hour).toBe(14);
    // Online weekend orders: 2 days × (7 + 2) + 5 at 20:00 = 23; the 5 arrive while stores are quiet.
    expect(s.quietOnlinePct).toBeCloseTo((100 * 5) / 23, 10);
    expect(s.takeaway).toBe(
      'Online orders peak at 20:00–21:00 (5.0 a week), store traffic at 14:00–15:00 (8.0 store orders); only 22% of online orders arrive while stores run below a quarter of their peak, so most picking competes with shoppers.',
    );
    const table = loadHourTable(loadByHour(withLoad(), 'weekend'));
    expect(table.rows[14]).toEqual({ hour: '14:00–15:00', instore: 8, online: 4, ratio: 50 });
    expect(table.rows[20]!.ratio).toBeNull();
  });

  it('lays the chart out on 0–100: bars on the baseline, the peak dot highest', () => {
    const points = loadByHour(withLoad(), 'all');
    const l = layoutLoadChart(points);
    expect(l.bars).toHaveLength(24);
    for (const b of l.bars) expect(b.y + b.height).toBeCloseTo(100, 1);
    expect(l.bars[0]!.height).toBe(0);
    expect(l.bars[14]!.height).toBeGreaterThan(l.bars[13]!.height);
    expect(l.bars[14]!.tip).toContain('14:00–15:00');
    // Online peaks at 14:00 all week (14 orders); its dot is the highest point of the line.
    expect(Math.min(...l.dots.map((d) => d.y))).toBe(l.dots[14]!.y);
    expect(l.peak.label).toBe('Online peak 14:00–15:00');
    expect(l.line.startsWith('M')).toBe(true);
    expect(l.yTicks[0]!.value).toBe(0);
    expect(l.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(28);
    expect(l.xTicks).toHaveLength(24);
    expect(l.xTicks.filter((t) => t.phone).map((t) => t.label)).toEqual([
      '00',
      '03',
      '06',
      '09',
      '12',
      '15',
      '18',
      '21',
    ]);
  });

  it('prepares every view with its order count', () => {
    const views = loadViews(withLoad());
    expect(views.map((v) => [v.day, v.dayName])).toEqual([
      ['all', 'All week'],
      ['weekdays', 'Monday–Friday'],
      ['weekend', 'Saturday and Sunday'],
    ]);
    // All week: 7 days × (2 × 7 + 4) store + 7 days × (7 + 2) + 5 online = 126 + 68 = 194 a week, × 52 weeks.
    expect(views[0]!.orders).toBe(194 * 52);
  });
});
