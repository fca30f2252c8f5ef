import { Baseline, thinOnPhone, XAxis, YAxis, type Tick } from '@/components/charts/axes';
import { ChartTips } from '@/components/charts/chart-tips';
import { Legend } from '@/components/charts/legend';
import { markProps } from '@/components/charts/marks';
import { pc, Plot, Stretch, STROKE, type PlotMargin } from '@/components/charts/plot';
import { CHANNEL_COLORS, INK } from '@/lib/charts/theme';
import { formatCount, formatPct } from '@/lib/format/format';
import { CHANNEL_ADJECTIVE, layoutPareto, type ParetoChart } from '@/lib/view/demand';

/** Families outside the core, the cumulative line and the cut. */
const TAIL_COLOR = INK.edge;
const LINE_COLOR = INK.ink;
const CUT_COLOR = INK.accent;
const MARGIN: PlotMargin = { top: 14, right: 46, bottom: 48, left: 60 };

function barTip(chart: ParetoChart, p: ParetoChart['points'][number]): string {
  return [
    `#${p.rank} ${p.name}`,
    `${formatCount(p.daily, 1)} units a day`,
    `${formatPct(p.sharePct, 2)} of ${CHANNEL_ADJECTIVE[chart.channel]} demand, ${formatPct(p.cumulativePct, 1)} cumulative`,
  ].join('\n');
}

/**
 * A Pareto chart of one channel: bars of daily demand per family, ranked, coloured when the family
 * is in the core that carries 80 % of demand; the cumulative share as a line on the right axis;
 * the 80 % cut marked both ways. One server-rendered drawing on the chart kit's <Plot>; each bar
 * takes focus and shows its family's figures in a tooltip.
 */
export function ParetoChartSvg({ chart }: { chart: ParetoChart }) {
  const where = CHANNEL_ADJECTIVE[chart.channel];
  const top = chart.points.slice(0, 5);
  const label =
    `Pareto chart of ${where} daily demand over ${chart.familyCount} product families: ${chart.coreCount} families carry ` +
    `${formatPct(chart.thresholdPct, 0)}. Top five: ${top
      .map((p) => `${p.name} ${formatPct(p.sharePct, 1)} (cumulative ${formatPct(p.cumulativePct, 1)})`)
      .join('; ')}.`;
  const l = layoutPareto(chart);
  const core = CHANNEL_COLORS[chart.channel];
  const cutLabelLeft = l.threshold.x > 60;
  const yTicks: Tick[] = l.yTicks.map((t) => ({ ...t, label: formatCount(t.value) }));
  const cumTicks: Tick[] = l.cumTicks.map((t) => ({ ...t, label: `${t.value}%` }));
  const xTicks: Tick[] = thinOnPhone(
    l.xTicks.map((t) => ({ ...t, label: String(t.value) })),
    2,
  );
  return (
    <div
      data-testid={`pareto-${chart.channel}`}
      data-core-count={chart.coreCount}
      data-family-count={chart.familyCount}
    >
      <div className="mx-auto max-w-[640px]">
        <ChartTips label={label}>
          <Plot
            height={{ phone: 200, wide: 238 }}
            margin={MARGIN}
            xTitle="Rank by daily demand (1 = top) →"
            yTitle="Daily demand, units"
            y2Title="Cumulative share, %"
          >
            <YAxis ticks={yTicks} />
            <YAxis ticks={cumTicks} side="right" />
            <XAxis ticks={xTicks} grid={false} />
            {l.bars.map((b) => (
              <rect
                key={b.point.id}
                x={pc(b.x)}
                y={pc(b.y)}
                width={pc(b.width)}
                height={pc(Math.max(0, b.height))}
                fill={b.core ? core : TAIL_COLOR}
                data-rank={b.point.rank}
                {...markProps(barTip(chart, b.point))}
              />
            ))}
            <Baseline />
            <g stroke={CUT_COLOR} strokeDasharray="5 3" strokeWidth={1.25} aria-hidden="true">
              <line x1="0" x2="100%" y1={pc(l.threshold.y)} y2={pc(l.threshold.y)} />
              <line x1={pc(l.threshold.x)} x2={pc(l.threshold.x)} y1="0" y2="100%" />
            </g>
            <Stretch>
              <path d={l.linePath} fill="none" stroke={INK.paper} strokeWidth={4} {...STROKE} />
              <path
                d={l.linePath}
                fill="none"
                stroke={LINE_COLOR}
                strokeWidth={2}
                {...STROKE}
                data-series="cumulative"
              />
            </Stretch>
            <text
              x={pc(l.threshold.x)}
              dx={cutLabelLeft ? -6 : 6}
              y={pc(l.threshold.y)}
              dy="1.5em"
              textAnchor={cutLabelLeft ? 'end' : 'start'}
              fontWeight={600}
              fill={CUT_COLOR}
              stroke={INK.paper}
              strokeWidth={3}
              paintOrder="stroke"
              aria-hidden="true"
              data-testid="pareto-cut-label"
            >
              {`${chart.coreCount} families → ${formatPct(chart.thresholdPct, 0)}`}
            </text>
          </Plot>
        </ChartTips>
      </div>
      <Legend
        hidden
        className="mt-2"
        items={[
          { label: `In the ${formatPct(chart.thresholdPct, 0)} core (${chart.coreCount})`, color: core },
          { label: `Other families (${chart.familyCount - chart.coreCount})`, color: TAIL_COLOR },
          { label: 'Cumulative share', color: LINE_COLOR, shape: 'line' },
          { label: `${formatPct(chart.thresholdPct, 0)} cut`, color: CUT_COLOR, shape: 'dashed' },
        ]}
      />
    </div>
  );
}
