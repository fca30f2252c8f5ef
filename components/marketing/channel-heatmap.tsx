'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { ColorLegend } from '@/components/charts/color-legend';
import { Heatmap, type HeatmapAxisItem } from '@/components/charts/heatmap';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { ViewToolbar } from '@/components/ui/view-toolbar';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { sequentialColor } from '@/lib/charts/color-scales';
import type { TableData } from '@/lib/format/table-data';
import { useUrlState } from '@/lib/url/url-state';
import { formatMetric, MARKETING_METRICS, type MarketingMetric } from '@/lib/view/marketing';

export interface MetricView {
  label: string;
  unit: string;
  values: Array<Array<number | null>>;
  takeaway: string;
  table: TableData;
  higherIsBetter: boolean;
}

interface ChannelHeatmapData {
  personas: HeatmapAxisItem[];
  channels: HeatmapAxisItem[];
  metrics: Record<MarketingMetric, MetricView>;
  currency: string;
}

/** Persona × contact channel for one metric at a time; the metric (?metric=) held in the URL. */
export function ChannelHeatmap(props: ChannelHeatmapData) {
  const [metric, setMetric] = useUrlState<MarketingMetric>('metric', 'response', MARKETING_METRICS);
  const hydrated = useHydrated();
  return (
    <div data-hydrated={hydrated}>
      <ChannelHeatmapView {...props} metric={metric} onMetric={setMetric} />
    </div>
  );
}

function ChannelHeatmapView({
  personas,
  channels,
  metrics,
  currency,
  metric,
  onMetric,
}: ChannelHeatmapData & { metric: MarketingMetric; onMetric: (m: MarketingMetric) => void }) {
  const view = metrics[metric];
  const max = Math.max(0, ...view.values.flat().filter((v): v is number => v !== null)) || 1;
  const format = (v: number) => formatMetric(v, metric, currency);
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => sequentialColor(t));
  return (
    <div id="channel-heatmap-view">
      <ViewToolbar label="Marketing metric">
        <SegmentedControl
          label="Metric"
          name="marketing-metric"
          options={MARKETING_METRICS.map((value) => ({ value, label: metrics[value].label }))}
          value={metric}
          onChange={onMetric}
        />
      </ViewToolbar>
      <ChartFrame
        id="channel-heatmap"
        title={`${view.label} by persona and channel`}
        takeaway={view.takeaway}
        subtitle={`${view.unit}. Darker = higher${view.higherIsBetter ? '' : ' (here, higher is worse)'}. Select a header to sort by it.`}
        table={view.table}
        currency={currency}
        downloadName={`marketing-${metric}-by-persona-channel`}
      >
        <div data-testid="marketing-heatmap" data-metric={metric}>
          <Heatmap
            caption={`${view.label} by persona and contact channel`}
            rows={personas}
            columns={channels}
            values={view.values}
            color={(v) => sequentialColor(v / max)}
            format={format}
            rowHeaderLabel="Persona"
          />
        </div>
        <div className="mt-3">
          <ColorLegend
            title={`${view.label} (scaled to the largest cell)`}
            stops={stops}
            labels={[format(0), format(max / 2), format(max)]}
          />
        </div>
      </ChartFrame>
    </div>
  );
}
