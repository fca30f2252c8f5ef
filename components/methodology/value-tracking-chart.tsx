import { BottomAxis, LeftAxis, PLOT_EDGE } from '@/components/charts/svg-axes';
import type { PlotFrame } from '@/lib/charts/plot-frame';
import { layoutTracking, type TrackingModel } from '@/lib/insights/value-model';
import { SVG } from './svg-theme';
import { VALUE_SERIES, ValueLegend } from './value-legend';

const FRAMES = {
  wide: { width: 960, height: 340, margin: { top: 24, right: 20, bottom: 48, left: 78 }, fontSize: 12 },
  phone: { width: 360, height: 290, margin: { top: 24, right: 12, bottom: 46, left: 62 }, fontSize: 11 },
} satisfies Record<string, PlotFrame>;

function TrackingSvg({ model, variant }: { model: TrackingModel; variant: keyof typeof FRAMES }) {
  const l = layoutTracking(model, FRAMES[variant]);
  const { plot } = l;
  const nearRight = l.split.x > plot.x + plot.width - 70;
  return (
    <svg
      viewBox={`0 0 ${l.width} ${l.height}`}
      width="100%"
      className="block h-auto"
      aria-hidden="true"
      focusable="false"
      data-tracking-variant={variant}
    >
      <LeftAxis plot={plot} ticks={l.yTicks} title="Repeat purchases, cumulative" fontSize={l.fontSize} />
      <BottomAxis
        plot={plot}
        ticks={l.xTicks}
        title="Week from the start of the data"
        fontSize={l.fontSize}
      />
      <rect
        x={l.split.x}
        y={plot.y}
        width={Math.max(0, plot.x + plot.width - l.split.x)}
        height={plot.height}
        fill={SVG.grid}
        fillOpacity={0.45}
      />
      <g data-split-week={model.splitWeek.toFixed(2)}>
        <line
          x1={l.split.x}
          x2={l.split.x}
          y1={plot.y - 6}
          y2={plot.y + plot.height}
          stroke={SVG.ink}
          strokeDasharray="4 3"
        />
        <text
          x={nearRight ? l.split.x - 6 : l.split.x + 6}
          y={plot.y - 10}
          textAnchor={nearRight ? 'end' : 'start'}
          fontSize={l.fontSize}
          fill={SVG.ink}
        >
          {nearRight ? '← calibration | holdout' : l.split.label}
        </text>
      </g>
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={plot.y + plot.height}
        y2={plot.y + plot.height}
        stroke={PLOT_EDGE}
      />
      <path
        d={l.actualPath}
        fill="none"
        stroke={VALUE_SERIES.actual.color}
        strokeWidth={2.5}
        data-series="actual"
      />
      <path
        d={l.predictedPath}
        fill="none"
        stroke={VALUE_SERIES.predicted.color}
        strokeWidth={2}
        strokeDasharray="6 4"
        data-series="predicted"
      />
    </svg>
  );
}

/** Cumulative repeat purchases, actual vs predicted, with the calibration/holdout split; drawn on the server. */
export function ValueTrackingChart({ model }: { model: TrackingModel }) {
  return (
    <div>
      <ValueLegend shape="line" />
      <div role="img" aria-label={model.summary} data-testid="value-tracking-svg">
        <div className="hidden sm:block">
          <TrackingSvg model={model} variant="wide" />
        </div>
        <div className="sm:hidden">
          <TrackingSvg model={model} variant="phone" />
        </div>
      </div>
    </div>
  );
}
