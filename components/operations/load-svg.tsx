import { Baseline, XAxis, YAxis, type Tick } from '@/components/charts/axes';
import { markProps } from '@/components/charts/marks';
import { pc, Plot, Stretch, STROKE } from '@/components/charts/plot';
import { CHANNEL_COLORS, INK } from '@/lib/charts/theme';
import { formatCount } from '@/lib/format/format';
import type { LoadLayout } from '@/lib/view/operations';

/**
 * The hour-of-day load chart (laid out in lib/view/operations) on the chart kit's <Plot>: one
 * drawing for every width, every hour labelled on wide screens and every third on phones. Each
 * store bar takes focus and shows the hour's figures in a tooltip (inside a <ChartTips>).
 */
export function LoadPlot({ layout }: { layout: LoadLayout }) {
  const yTicks: Tick[] = layout.yTicks.map((t) => ({
    ...t,
    label: formatCount(t.value, Number.isInteger(t.value) ? 0 : 1),
  }));
  return (
    <Plot
      height={{ phone: 232, wide: 260 }}
      margin={{ top: 26, right: 10, bottom: 44, left: 52 }}
      xTitle="Hour of the day (starting at), 00–23 →"
      yTitle="Orders per week"
      className="load-plot"
    >
      <YAxis ticks={yTicks} />
      <XAxis ticks={layout.xTicks} grid={false} />
      {layout.bars.map((b) => (
        <rect
          key={b.hour}
          x={pc(b.x)}
          y={pc(b.y)}
          width={pc(b.width)}
          height={pc(b.height)}
          fill={CHANNEL_COLORS.instore}
          data-hour={b.hour}
          {...markProps(b.tip)}
        />
      ))}
      <Baseline />
      <Stretch>
        <path d={layout.line} fill="none" stroke={INK.paper} strokeWidth={5} {...STROKE} />
        <path
          d={layout.line}
          fill="none"
          stroke={CHANNEL_COLORS.online}
          strokeWidth={2.25}
          {...STROKE}
          data-series="online"
        />
      </Stretch>
      <g aria-hidden="true">
        {layout.dots.map((d) => (
          <circle
            key={d.hour}
            cx={pc(d.x)}
            cy={pc(d.y)}
            r={3}
            fill={CHANNEL_COLORS.online}
            stroke={INK.paper}
            strokeWidth={1}
          />
        ))}
      </g>
      <text
        x={pc(layout.peak.x)}
        y={pc(layout.peak.y)}
        dy={-8}
        textAnchor={layout.peak.anchor}
        fontWeight={600}
        fill={INK.ink}
        stroke={INK.paper}
        strokeWidth={3}
        paintOrder="stroke"
        aria-hidden="true"
      >
        {layout.peak.label}
      </text>
    </Plot>
  );
}
