import type { ArrivalsSummary } from '@/lib/schema/arrivals-summary';
import type { OperationalEfficiency, OperationsRow } from '@/lib/schema/operational-efficiency';

/** Given/expect fixtures for the channels and operations insights. */
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A week where stores open 08:00–20:00 with 10 arrivals an hour, 30 on Saturday 13:00–16:00 and 20
 * on weekdays 16:00–19:00; online orders arrive round the clock at 1 an hour, 4 on Saturday 10:00–13:00.
 */
export function arrivalsFixture(): ArrivalsSummary {
  const cells = DAYS.flatMap((day, d) =>
    Array.from({ length: 24 }, (_, hour) => {
      const open = hour >= 8 && hour < 20;
      let instore = open ? 10 : 0;
      if (d === 5 && hour >= 13 && hour < 16) instore = 30;
      if (d < 5 && hour >= 16 && hour < 19) instore = 20;
      const online = d === 5 && hour >= 10 && hour < 13 ? 4 : 1;
      return {
        day_index: d,
        day,
        hour,
        instore_arrivals: instore,
        online_arrivals: online,
        synthetic_instore_orders: instore,
        synthetic_online_orders: online,
      };
    }),
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const dayTotals = DAYS.map((day, d) => ({
    day,
    instore_arrivals: sum(cells.filter((c) => c.day_index === d).map((c) => c.instore_arrivals)),
    online_arrivals: sum(cells.filter((c) => c.day_index === d).map((c) => c.online_arrivals)),
  }));
  const weekly = {
    instore_arrivals: sum(cells.map((c) => c.instore_arrivals)),
    online_arrivals: sum(cells.map((c) => c.online_arrivals)),
  };
  const window = (channel: 'in-store' | 'online', d: number, from: number) => {
    const pick = (c: (typeof cells)[number]) =>
      channel === 'in-store' ? c.instore_arrivals : c.online_arrivals;
    const arrivals = sum(
      cells.filter((c) => c.day_index === d && c.hour >= from && c.hour < from + 3).map(pick),
    );
    const total = channel === 'in-store' ? weekly.instore_arrivals : weekly.online_arrivals;
    return {
      channel,
      day: DAYS[d]!,
      from_hour: from,
      to_hour: from + 3,
      arrivals,
      share_of_week_pct: (100 * arrivals) / total,
    };
  };
  const peaks = [
    window('in-store', 5, 13),
    ...[0, 1, 2, 3, 4].map((d) => window('in-store', d, 16)),
    window('in-store', 6, 8),
    window('online', 5, 10),
    ...[0, 1, 2, 3, 4, 6].map((d) => window('online', d, 0)),
  ];
  return {
    table: 'arrivals_summary',
    curves: 'public-arrivals',
    cells,
    day_totals: dayTotals,
    weekly_totals: weekly,
    window_hours: 3,
    peak_windows: peaks,
    synthetic_fit: { instore_correlation: 1, online_correlation: 1 },
  };
}

function opsRow(
  cluster_id: number | null,
  persona: string,
  channel: 'in-store' | 'online',
  o: Partial<OperationsRow>,
): OperationsRow {
  const instore = channel === 'in-store';
  return {
    cluster_id,
    persona,
    channel,
    orders: 100,
    revenue: 10_000,
    items: 500,
    items_per_order: 5,
    orders_per_peak_hour: 1,
    peak_hour_order_share_pct: 20,
    avg_dwell_minutes: instore ? 10 : null,
    dwell_minutes_per_item: instore ? 2 : null,
    revenue_per_dwell_minute: instore ? 10 : null,
    customers: 50,
    orders_per_customer_month: 0.1,
    digital_prompted_orders: 10,
    digital_prompted_order_share_pct: 10,
    ...o,
  };
}

/** Two personas: Loyal Locals (store-led, small baskets) and Night Owls (online-led, big baskets). */
export function opsFixture(): OperationalEfficiency {
  return {
    table: 'operational_efficiency',
    currency: 'INR',
    weeks: 52,
    months: 12,
    peak_cells: { instore: [133, 134, 135], online: [130, 131, 132] },
    peak_basis: 'public-arrivals',
    rows: [
      opsRow(0, 'Loyal Locals', 'in-store', {
        items_per_order: 4,
        orders_per_customer_month: 0.4,
        digital_prompted_order_share_pct: 20,
        orders_per_peak_hour: 3,
        dwell_minutes_per_item: 1.5,
        revenue_per_dwell_minute: 30,
      }),
      opsRow(0, 'Loyal Locals', 'online', {
        items_per_order: 5,
        orders_per_customer_month: 0.1,
        orders_per_peak_hour: 1,
      }),
      opsRow(1, 'Night Owls', 'in-store', {
        items_per_order: 6,
        orders_per_customer_month: 0.1,
        digital_prompted_order_share_pct: 5,
        orders_per_peak_hour: 1,
        dwell_minutes_per_item: 2.5,
        revenue_per_dwell_minute: 10,
      }),
      opsRow(1, 'Night Owls', 'online', {
        items_per_order: 9,
        orders_per_customer_month: 0.3,
        orders_per_peak_hour: 2,
      }),
      opsRow(null, 'All customers', 'in-store', {
        items_per_order: 4.5,
        orders_per_customer_month: 0.25,
        digital_prompted_order_share_pct: 15,
        orders_per_peak_hour: 4,
        dwell_minutes_per_item: 2,
        revenue_per_dwell_minute: 20,
      }),
      opsRow(null, 'All customers', 'online', {
        items_per_order: 7,
        orders_per_customer_month: 0.2,
        orders_per_peak_hour: 3,
      }),
    ],
    channel_overlap: [
      {
        cluster_id: 0,
        persona: 'Loyal Locals',
        customers: 100,
        instore_only: 50,
        online_only: 10,
        both: 40,
        instore_only_pct: 50,
        online_only_pct: 10,
        both_pct: 40,
      },
      {
        cluster_id: 1,
        persona: 'Night Owls',
        customers: 100,
        instore_only: 10,
        online_only: 70,
        both: 20,
        instore_only_pct: 10,
        online_only_pct: 70,
        both_pct: 20,
      },
      {
        cluster_id: null,
        persona: 'All customers',
        customers: 200,
        instore_only: 60,
        online_only: 80,
        both: 60,
        instore_only_pct: 30,
        online_only_pct: 40,
        both_pct: 30,
      },
    ],
    hourly_load: Array.from({ length: 168 }, (_, i) => ({
      day_index: Math.floor(i / 24),
      hour: i % 24,
      instore_orders_per_week: 0,
      online_orders_per_week: 0,
    })),
  };
}
