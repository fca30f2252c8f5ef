import { BottomAxis, LeftAxis, PLOT_EDGE } from '@/components/charts/svg-axes';
import type { PlotFrame } from '@/lib/charts/plot-frame';
import { formatCount } from '@/lib/format/format';
import { layoutFrequency, type FrequencyModel } from '@/lib/insights/value-model';
import { VALUE_SERIES, ValueLegend } from './value-legend';

const FRAMES = {
  wide: { width: 520, height: 320, margin: { top: 16, right: 16, bottom: 48, left: 62 }, fontSize: 12 },
  phone: { width: 360, height: 280, margin: { top: 14, right: 10, bottom: 46, left: 54 }, fontSize: 11 },
} satisfies Record<string, PlotFrame>;

function FrequencySvg({ model, variant }: { model: FrequencyModel; variant: keyof typeof FRAMES }) {
  const l = layoutFrequency(model, FRAMES[variant]);
  const { plot } = l;
  return (
    <svg
      viewBox={`0 0 ${l.width} ${l.height}`}
      width="100%"
      className="block h-auto"
      aria-hidden="true"
      focusable="false"
      data-frequency-variant={variant}
    >
      <LeftAxis plot={plot} ticks={l.yTicks} title="Holdout purchases, mean" fontSize={l.fontSize} />
      <BottomAxis
        plot={plot}
        ticks={l.groups.map((g, i) => ({ value: i, at: g.centre, label: g.x }))}
        title="Repeat purchases in calibration"
        fontSize={l.fontSize}
        grid={false}
      />
      {l.groups.map((g) => (
        <g key={g.x} data-bucket={g.x}>
          <rect {...rect(g.actual)} fill={VALUE_SERIES.actual.color} data-series="actual">
            <title>{`${g.x} repeats: actual ${formatCount(g.actual.value, 2)}`}</title>
          </rect>
          <rect
            {...rect(g.predicted)}
            fill={VALUE_SERIES.predicted.color}
            fillOpacity={0.55}
            data-series="predicted"
          >
            <title>{`${g.x} repeats: predicted ${formatCount(g.predicted.value, 2)}`}</title>
          </rect>
        </g>
      ))}
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={plot.y + plot.height}
        y2={plot.y + plot.height}
        stroke={PLOT_EDGE}
      />
    </svg>
  );
}

function rect(b: { x: number; y: number; width: number; height: number }) {
  return { x: b.x, y: b.y, width: b.width, height: Math.max(0, b.height) };
}

/** Mean holdout purchases by calibration frequency, actual and predicted side by side; drawn on the server. */
export function ValueFrequencyChart({ model }: { model: FrequencyModel }) {
  return (
    <div>
      <ValueLegend shape="square" />
      <div
        role="img"
        aria-label={`Mean holdout purchases by calibration repeat purchases: ${model.summary}`}
        data-testid="value-frequency-svg"
      >
        <div className="mx-auto hidden max-w-[600px] sm:block">
          <FrequencySvg model={model} variant="wide" />
        </div>
        <div className="mx-auto max-w-[440px] sm:hidden">
          <FrequencySvg model={model} variant="phone" />
        </div>
      </div>
    </div>
  );
}
