'use client';

import { Baseline, ticksOf, XAxis, YAxis } from '@/components/charts/axes';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { PersonaLegend } from '@/components/charts/persona-legend';
import { pc, Plot, Stretch, STROKE } from '@/components/charts/plot';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { personaColor } from '@/lib/charts/theme';
import { zeroAxis } from '@/lib/charts/ticks';
import { formatMoney, formatMoneyCompact, formatMoneyTick } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import type { MonthlyRevenue } from '@/lib/view/revenue';
import { area, curveMonotoneX, line, stack, type SeriesPoint } from 'd3-shape';

export const TREND_VIEWS = ['stacked', 'lines'] as const;
export type TrendView = (typeof TREND_VIEWS)[number];

const OPTIONS = [
  { value: 'stacked', label: 'Stacked' },
  { value: 'lines', label: 'Lines' },
] as const satisfies ReadonlyArray<{ value: TrendView; label: string }>;

interface MonthlyRevenueChartProps {
  data: MonthlyRevenue;
  currency: string;
}

/** Net revenue per month by persona over the window, stacked (the total) or as lines (each trend). */
export function MonthlyRevenueChart(props: MonthlyRevenueChartProps) {
  const [view, setView] = useUrlState<TrendView>('trend', 'stacked', TREND_VIEWS);
  return <MonthlyRevenueView {...props} view={view} onView={setView} />;
}

type MonthRow = MonthlyRevenue['data'][number];

function num(row: MonthRow | undefined, key: string): number {
  const v = row?.[key];
  return typeof v === 'number' ? v : 0;
}

/** "Mar 2025" → "Mar 25". */
function shortMonth(label: string): string {
  const [m, y] = label.split(' ');
  return `${m} ${y?.slice(2) ?? ''}`;
}

/** What one month's tooltip says: every persona's revenue and the total. */
function monthTip(data: MonthlyRevenue, row: MonthRow, currency: string): string {
  return [
    String(row.label),
    ...data.personas.map((p) => `${p.persona}: ${formatMoney(num(row, `c${p.cluster_id}`), currency)}`),
    `Total: ${formatMoney(num(row, 'total'), currency)}`,
  ].join('\n');
}

function TrendPlot({ data, currency, view }: { data: MonthlyRevenue; currency: string; view: TrendView }) {
  const rows = data.data;
  const keys = data.personas.map((p) => `c${p.cluster_id}`);
  const top =
    view === 'stacked'
      ? Math.max(0, ...rows.map((r) => num(r, 'total')))
      : Math.max(0, ...rows.flatMap((r) => keys.map((k) => num(r, k))));
  const yAxis = zeroAxis(top, 4);
  const step = rows.length > 1 ? 100 / (rows.length - 1) : 0;
  const x = (i: number) => (rows.length > 1 ? i * step : 50);
  const y = (v: number) => 100 - (v / yAxis.max) * 100;
  const layers = stack<MonthRow>()
    .keys(keys)
    .value((row, key) => num(row, key))(rows);
  const areaPath = area<SeriesPoint<MonthRow>>()
    .x((_, i) => x(i))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]))
    .curve(curveMonotoneX);
  const linePath = (key: string) =>
    line<MonthRow>()
      .x((_, i) => x(i))
      .y((r) => y(num(r, key)))
      .curve(curveMonotoneX)(rows) ?? '';
  // Every 3rd month labelled on wide screens, every 6th on phones.
  const monthTicks = rows
    .map((r, i) => ({ value: i, at: x(i), label: shortMonth(String(r.label)), phone: i % 6 === 0 }))
    .filter((t) => t.value % 3 === 0 || t.value === rows.length - 1);
  return (
    <Plot
      height={{ phone: 248, wide: 330 }}
      margin={{ top: 10, right: 16, bottom: 46, left: 76 }}
      yTitle={`Net revenue per month (${currency})`}
      xTitle="Month"
    >
      <YAxis
        ticks={ticksOf(
          yAxis.ticks,
          (v) => 100 - y(v),
          (v) => formatMoneyTick(v, currency),
        )}
      />
      <XAxis ticks={monthTicks} grid={false} />
      <Stretch>
        {view === 'stacked'
          ? layers.map((layer, i) => {
              const id = data.personas[i]!.cluster_id;
              return (
                <path
                  key={id}
                  d={areaPath(layer) ?? ''}
                  fill={personaColor(id)}
                  fillOpacity={0.55}
                  stroke={personaColor(id)}
                  strokeWidth={1.5}
                  {...STROKE}
                  data-series={id}
                />
              );
            })
          : data.personas.map((p) => (
              <path
                key={p.cluster_id}
                d={linePath(`c${p.cluster_id}`)}
                fill="none"
                stroke={personaColor(p.cluster_id)}
                strokeWidth={2}
                {...STROKE}
                data-series={p.cluster_id}
              />
            ))}
      </Stretch>
      <Baseline />
      {/* One strip per month: hover or focus it for every persona's revenue and the total. */}
      {rows.map((r, i) => (
        <rect
          key={String(r.month)}
          x={pc(Math.max(0, x(i) - step / 2))}
          y="0"
          width={pc(Math.min(x(i) + step / 2, 100) - Math.max(0, x(i) - step / 2) || 100)}
          height="100%"
          fill="transparent"
          {...markProps(monthTip(data, r, currency))}
        />
      ))}
    </Plot>
  );
}

function MonthlyRevenueView({
  data,
  currency,
  view,
  onView,
}: MonthlyRevenueChartProps & { view: TrendView; onView?: (v: TrendView) => void }) {
  const money = (v: number) => formatMoneyCompact(v, currency);
  const summary =
    `Monthly net revenue by persona, ${data.period}. ` +
    data.personas
      .map((p) => {
        const first = data.data[0]?.[`c${p.cluster_id}`];
        const last = data.data[data.data.length - 1]?.[`c${p.cluster_id}`];
        return `${p.persona}: ${money(Number(first))} in the first month, ${money(Number(last))} in the last`;
      })
      .join('; ');

  return (
    <ChartFrame
      id="monthly-revenue-chart"
      title="Monthly revenue by persona"
      takeaway={data.takeaway}
      subtitle={`Net revenue per calendar month, ${data.period}, ${currency}. ${
        view === 'stacked' ? 'Stacked: the top edge is the total.' : 'Lines: each persona on its own.'
      }`}
      table={data.table}
      currency={currency}
      downloadName="monthly-revenue-by-persona"
      controls={
        <SegmentedControl
          label="Show"
          name="trend-view"
          options={OPTIONS}
          value={view}
          onChange={(v) => onView?.(v)}
        />
      }
    >
      <PersonaLegend personas={data.personas} shape={view === 'lines' ? 'line' : 'square'} className="mb-3" />
      <div data-testid="trend-view" data-view={view}>
        <ChartTips label={summary}>
          <TrendPlot data={data} currency={currency} view={view} />
        </ChartTips>
      </div>
    </ChartFrame>
  );
}
