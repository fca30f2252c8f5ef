import { Baseline, thinOnPhone, XAxis, YAxis } from '@/components/charts/axes';
import { ChartTips } from '@/components/charts/chart-tips';
import { pc, Plot, Stretch, STROKE } from '@/components/charts/plot';
import { INK } from '@/lib/charts/theme';
import { layoutTracking, type TrackingModel } from '@/lib/view/value-model';
import { VALUE_SERIES, ValueLegend } from './value-legend';

/** Cumulative repeat purchases, actual vs predicted, with the calibration/holdout split; drawn on the server. */
export function ValueTrackingChart({ model }: { model: TrackingModel }) {
  const l = layoutTracking(model);
  // Near the right edge the label goes left of the line.
  const nearRight = l.split.x > 85;
  return (
    <div>
      <ValueLegend shape="line" />
      <div data-testid="value-tracking-svg">
        <ChartTips label={model.summary}>
          <Plot
            height={{ phone: 200, wide: 290 }}
            margin={{ top: 24, right: 20, bottom: 48, left: 72 }}
            yTitle="Repeat purchases, cumulative"
            xTitle="Week from the start of the data"
          >
            <YAxis ticks={l.yTicks} />
            <XAxis ticks={thinOnPhone(l.xTicks, 2)} />
            <rect
              x={pc(l.split.x)}
              y="0"
              width={pc(Math.max(0, 100 - l.split.x))}
              height="100%"
              fill={INK.grid}
              fillOpacity={0.45}
            />
            <g data-split-week={model.splitWeek.toFixed(2)} aria-hidden="true">
              <line
                x1={pc(l.split.x)}
                x2={pc(l.split.x)}
                y1="-6"
                y2="100%"
                stroke={INK.ink}
                strokeDasharray="4 3"
              />
              <text
                x={pc(l.split.x)}
                dx={nearRight ? -6 : 6}
                y="-10"
                textAnchor={nearRight ? 'end' : 'start'}
                fill={INK.ink}
              >
                {nearRight ? '← calibration | holdout' : l.split.label}
              </text>
            </g>
            <Baseline />
            <Stretch>
              <path
                d={l.actualPath}
                fill="none"
                stroke={VALUE_SERIES.actual.color}
                strokeWidth={2.5}
                {...STROKE}
                data-series="actual"
              />
              <path
                d={l.predictedPath}
                fill="none"
                stroke={VALUE_SERIES.predicted.color}
                strokeWidth={2}
                strokeDasharray="6 4"
                {...STROKE}
                data-series="predicted"
              />
            </Stretch>
          </Plot>
        </ChartTips>
      </div>
    </div>
  );
}
