import { Baseline, XAxis, YAxis } from '@/components/charts/axes';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { pc, Plot, Stretch, STROKE } from '@/components/charts/plot';
import { INK, PAIR_COLORS } from '@/lib/charts/theme';
import { layoutKChart, type KRow } from '@/lib/view/methodology';

const LINE = PAIR_COLORS.first;

/** Inertia or silhouette for k = 2…10 with the chosen k marked; one drawing, on the server. */
export function KLineChart({
  rows,
  metric,
  yLabel,
  testId,
}: {
  rows: KRow[];
  metric: 'inertia' | 'silhouette';
  yLabel: string;
  testId: string;
}) {
  const label = `${yLabel} for k = ${rows[0]?.k ?? ''} to ${rows[rows.length - 1]?.k ?? ''}: ${rows
    .map((r) => `k ${r.k} ${metric === 'inertia' ? r.inertia : r.silhouette}${r.chosen ? ' (chosen)' : ''}`)
    .join(', ')}`;
  const l = layoutKChart(rows, metric);
  const chosen = l.points.find((p) => p.chosen);
  return (
    <div className="mx-auto max-w-[600px]" data-testid={testId}>
      <ChartTips label={label}>
        <Plot
          height={{ phone: 190, wide: 220 }}
          margin={{ top: 26, right: 18, bottom: 44, left: 66 }}
          xTitle="Number of clusters, k"
          yTitle={yLabel}
        >
          <YAxis ticks={l.yTicks} />
          <XAxis ticks={l.xTicks} grid={false} />
          <Baseline />
          {l.chosen ? (
            <g data-chosen-k={chosen?.k} aria-hidden="true">
              <line
                x1={pc(l.chosen.x)}
                x2={pc(l.chosen.x)}
                y1="-4"
                y2="100%"
                stroke={INK.accent}
                strokeDasharray="4 3"
              />
              <text
                x={pc(l.chosen.x)}
                y="-10"
                textAnchor={l.chosen.x > 85 ? 'end' : 'middle'}
                fontWeight={600}
                fill={INK.accent}
              >
                {l.chosen.label}
              </text>
            </g>
          ) : null}
          <Stretch>
            <path d={l.path} fill="none" stroke={LINE} strokeWidth={2} {...STROKE} />
          </Stretch>
          {l.points.map((p) => (
            <circle
              key={p.k}
              cx={pc(p.x)}
              cy={pc(p.y)}
              r={p.chosen ? 5.5 : 3.5}
              fill={p.chosen ? INK.accent : LINE}
              stroke={INK.paper}
              strokeWidth={1.5}
              {...markProps(`k = ${p.k}${p.chosen ? ' (chosen)' : ''}\n${yLabel}: ${p.label}`)}
            />
          ))}
          {chosen ? (
            <text
              x={pc(chosen.x)}
              y={pc(chosen.y)}
              dx="8"
              dy="-9"
              fill={INK.ink}
              stroke={INK.paper}
              strokeWidth={3}
              paintOrder="stroke"
              aria-hidden="true"
            >
              {chosen.label}
            </text>
          ) : null}
        </Plot>
      </ChartTips>
    </div>
  );
}
