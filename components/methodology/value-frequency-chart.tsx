import { Baseline, XAxis, YAxis } from '@/components/charts/axes';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { pc, Plot } from '@/components/charts/plot';
import { formatCount } from '@/lib/format/format';
import { layoutFrequency, type FrequencyModel, type LayoutBar } from '@/lib/view/value-model';
import { VALUE_SERIES, ValueLegend } from './value-legend';

/** A bar's position and size as SVG percentages (its height measured up from the baseline). */
function bar(b: LayoutBar) {
  return { x: pc(b.x), y: pc(100 - b.height), width: pc(b.width), height: pc(b.height) };
}

/** Mean holdout purchases by calibration frequency, actual and predicted side by side; drawn on the server. */
export function ValueFrequencyChart({ model }: { model: FrequencyModel }) {
  const l = layoutFrequency(model);
  return (
    <div>
      <ValueLegend shape="square" />
      <div className="mx-auto max-w-[600px]" data-testid="value-frequency-svg">
        <ChartTips label={`Mean holdout purchases by calibration repeat purchases: ${model.summary}`}>
          <Plot
            height={{ phone: 194, wide: 290 }}
            margin={{ top: 16, right: 16, bottom: 48, left: 60 }}
            yTitle="Holdout purchases, mean"
            xTitle="Repeat purchases in calibration"
          >
            <YAxis ticks={l.yTicks} />
            <XAxis ticks={l.groups.map((g, i) => ({ value: i, at: g.centre, label: g.x }))} grid={false} />
            {l.groups.map((g) => (
              <g key={g.x} data-bucket={g.x}>
                <rect
                  {...bar(g.actual)}
                  fill={VALUE_SERIES.actual.color}
                  data-series="actual"
                  {...markProps(`${g.x} repeats: actual ${formatCount(g.actual.value, 2)}`)}
                />
                <rect
                  {...bar(g.predicted)}
                  fill={VALUE_SERIES.predicted.color}
                  fillOpacity={0.55}
                  data-series="predicted"
                  {...markProps(`${g.x} repeats: predicted ${formatCount(g.predicted.value, 2)}`)}
                />
              </g>
            ))}
            <Baseline />
          </Plot>
        </ChartTips>
      </div>
    </div>
  );
}
