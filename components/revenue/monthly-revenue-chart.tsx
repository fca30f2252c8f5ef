'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { SegmentedControl } from '@/components/charts/segmented-control';
import { personaColor } from '@/lib/format/colors';
import { formatMoney, formatMoneyCompact } from '@/lib/format/format';
import type { MonthlyRevenue } from '@/lib/insights/revenue';
import { useUrlState } from '@/lib/state/use-url-state';
import { Suspense } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { PersonaLegend } from './persona-legend';
import { useElementWidth } from './use-element-width';

export const TREND_VIEWS = ['stacked', 'lines'] as const;
export type TrendView = (typeof TREND_VIEWS)[number];

const OPTIONS = [
  { value: 'stacked', label: 'Stacked' },
  { value: 'lines', label: 'Lines' },
] as const satisfies ReadonlyArray<{ value: TrendView; label: string }>;

const AXIS = '#6f655b';

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

function MonthlyRevenueView({
  data,
  currency,
  view,
  onView,
}: MonthlyRevenueChartProps & { view: TrendView; onView?: (v: TrendView) => void }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(1000);
  const narrow = width < 640;
  const money = (v: number) => formatMoneyCompact(v, currency);
  const short = (label: string) => {
    const [m, y] = label.split(' ');
    return `${m} ${y?.slice(2) ?? ''}`;
  };
  const margin = { top: 8, right: narrow ? 8 : 20, bottom: 22, left: narrow ? 4 : 16 };
  const height = narrow ? 300 : 360;
  const xAxis = (
    <XAxis
      dataKey="label"
      tickFormatter={short}
      interval={narrow ? 5 : 2}
      tick={{ fontSize: 11, fill: AXIS }}
      label={{ value: 'Month', position: 'insideBottom', offset: -12, fontSize: 11, fill: AXIS }}
    />
  );
  const yAxis = (
    <YAxis
      tickFormatter={money}
      width={narrow ? 80 : 84}
      tick={{ fontSize: 11, fill: AXIS }}
      label={{
        value: `Net revenue per month (${currency})`,
        angle: -90,
        position: 'insideLeft',
        offset: 2,
        dy: 90,
        fontSize: 11,
        fill: AXIS,
      }}
    />
  );
  const tooltip = (
    <Tooltip
      formatter={(v, name) => [formatMoney(Number(v), currency), name]}
      itemSorter={(item) => -Number(item.value)}
      contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: '#e1d8cb' }}
    />
  );
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
      <div ref={ref} role="img" aria-label={summary} data-testid="trend-view" data-view={view}>
        {view === 'stacked' ? (
          <AreaChart data={data.data} responsive width="100%" height={height} margin={margin}>
            <CartesianGrid vertical={false} stroke="#eee7dc" />
            {xAxis}
            {yAxis}
            {tooltip}
            {data.personas.map((p) => (
              <Area
                key={p.cluster_id}
                type="monotone"
                dataKey={`c${p.cluster_id}`}
                name={p.persona}
                stackId="revenue"
                stroke={personaColor(p.cluster_id)}
                fill={personaColor(p.cluster_id)}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        ) : (
          <LineChart data={data.data} responsive width="100%" height={height} margin={margin}>
            <CartesianGrid vertical={false} stroke="#eee7dc" />
            {xAxis}
            {yAxis}
            {tooltip}
            {data.personas.map((p) => (
              <Line
                key={p.cluster_id}
                type="monotone"
                dataKey={`c${p.cluster_id}`}
                name={p.persona}
                stroke={personaColor(p.cluster_id)}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </div>
    </ChartFrame>
  );
}
