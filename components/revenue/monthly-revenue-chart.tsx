'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { SegmentedControl } from '@/components/charts/segmented-control';
import { BottomAxis, LeftAxis, PLOT_EDGE } from '@/components/charts/svg-axes';
import { axisTicks, niceScale, plotBox, type PlotFrame } from '@/lib/charts/plot-frame';
import { personaColor } from '@/lib/format/colors';
import { formatMoney, formatMoneyCompact, formatMoneyTick } from '@/lib/format/format';
import type { MonthlyRevenue } from '@/lib/insights/revenue';
import { useUrlState } from '@/lib/state/use-url-state';
import { area, curveMonotoneX, line, stack, type SeriesPoint } from 'd3-shape';
import { Suspense } from 'react';
import { PersonaLegend } from './persona-legend';

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
  return (
    <Suspense fallback={<MonthlyRevenueView {...props} view="stacked" />}>
      <MonthlyRevenueWithUrl {...props} />
    </Suspense>
  );
}

function MonthlyRevenueWithUrl(props: MonthlyRevenueChartProps) {
  const [view, setView] = useUrlState<TrendView>('trend', 'stacked', TREND_VIEWS);
  return <MonthlyRevenueView {...props} view={view} onView={setView} />;
}

interface TrendFrame extends PlotFrame {
  /** Label every n-th month on the x axis. */
  monthEvery: number;
}

const FRAMES = {
  wide: {
    width: 960,
    height: 360,
    margin: { top: 10, right: 20, bottom: 46, left: 84 },
    fontSize: 12,
    monthEvery: 3,
  },
  phone: {
    width: 360,
    height: 300,
    margin: { top: 8, right: 10, bottom: 44, left: 64 },
    fontSize: 11,
    monthEvery: 6,
  },
} satisfies Record<string, TrendFrame>;

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

function TrendSvg({
  data,
  currency,
  view,
  frame,
}: {
  data: MonthlyRevenue;
  currency: string;
  view: TrendView;
  frame: TrendFrame;
}) {
  const plot = plotBox(frame);
  const rows = data.data;
  const keys = data.personas.map((p) => `c${p.cluster_id}`);
  const top =
    view === 'stacked'
      ? Math.max(0, ...rows.map((r) => num(r, 'total')))
      : Math.max(0, ...rows.flatMap((r) => keys.map((k) => num(r, k))));
  const yScale = niceScale(top, 4);
  const step = rows.length > 1 ? plot.width / (rows.length - 1) : 0;
  const x = (i: number) => plot.x + (rows.length > 1 ? i * step : plot.width / 2);
  const y = (v: number) => plot.y + plot.height - (v / yScale.max) * plot.height;
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
  const monthTicks = rows.map((r, i) => ({
    value: i,
    at: x(i),
    label: shortMonth(String(r.label)),
  }));
  return (
    <svg
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      width="100%"
      className="block h-auto"
      aria-hidden="true"
      focusable="false"
    >
      <LeftAxis
        plot={plot}
        ticks={axisTicks(yScale.ticks, y, (v) => formatMoneyTick(v, currency))}
        title={`Net revenue per month (${currency})`}
        fontSize={frame.fontSize}
      />
      <BottomAxis
        plot={plot}
        ticks={monthTicks}
        title="Month"
        fontSize={frame.fontSize}
        grid={false}
        labelEvery={frame.monthEvery}
      />
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
              data-series={p.cluster_id}
            />
          ))}
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={plot.y + plot.height}
        y2={plot.y + plot.height}
        stroke={PLOT_EDGE}
      />
      {/* One hover strip per month; its title lists every persona's revenue and the total. */}
      {rows.map((r, i) => (
        <rect
          key={String(r.month)}
          x={x(i) - step / 2}
          y={plot.y}
          width={Math.max(step, 1)}
          height={plot.height}
          className="fill-ink/0 hover:fill-ink/5"
        >
          <title>
            {[
              String(r.label),
              ...data.personas.map(
                (p) => `${p.persona}: ${formatMoney(num(r, `c${p.cluster_id}`), currency)}`,
              ),
              `Total: ${formatMoney(num(r, 'total'), currency)}`,
            ].join('\n')}
          </title>
        </rect>
      ))}
    </svg>
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
      <div role="img" aria-label={summary} data-testid="trend-view" data-view={view}>
        <div className="hidden sm:block">
          <TrendSvg data={data} currency={currency} view={view} frame={FRAMES.wide} />
        </div>
        <div className="sm:hidden">
          <TrendSvg data={data} currency={currency} view={view} frame={FRAMES.phone} />
        </div>
      </div>
    </ChartFrame>
  );
}
