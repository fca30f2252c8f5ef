'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { ColorLegend } from '@/components/charts/color-legend';
import { Heatmap } from '@/components/charts/heatmap';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { ViewToolbar } from '@/components/ui/view-toolbar';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { sequentialColor } from '@/lib/charts/color-scales';
import { formatCount, formatPct } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import { ARRIVAL_SCALES, hourRange, type ArrivalScale, type ArrivalsHeatmapData } from '@/lib/view/channels';
import { useMinWidth } from './use-min-width';

interface ArrivalsHeatmapsProps {
  instore: ArrivalsHeatmapData;
  online: ArrivalsHeatmapData;
  weekly: { instore: number; online: number };
  windowHours: number;
  currency: string;
}

const HOURS = Array.from({ length: 24 }, (_, h) => ({
  id: String(h),
  label: hourRange(h, h + 1),
  short: String(h).padStart(2, '0'),
}));
const LEGEND_STEPS = [0, 0.25, 0.5, 0.75, 1];

/** The two day × hour heatmaps; their scale (arrivals per store or share of the week) is held in the URL. */
export function ArrivalsHeatmaps(props: ArrivalsHeatmapsProps) {
  const [scale, setScale] = useUrlState<ArrivalScale>('scale', 'count', ARRIVAL_SCALES);
  const hydrated = useHydrated();
  return (
    <div data-hydrated={hydrated}>
      <ArrivalsHeatmapsView {...props} scale={scale} onScale={setScale} />
    </div>
  );
}

function ArrivalsHeatmapsView({
  instore,
  online,
  weekly,
  windowHours,
  currency,
  scale,
  onScale,
}: ArrivalsHeatmapsProps & { scale: ArrivalScale; onScale: (s: ArrivalScale) => void }) {
  return (
    <div id="arrivals-view">
      <ViewToolbar label="Heatmap view">
        <SegmentedControl
          label="Show"
          name="arrivals-scale"
          options={[
            { value: 'count', label: instore.words.own ? 'Orders a week' : 'Arrivals per store' },
            { value: 'share', label: 'Share of the week' },
          ]}
          value={scale}
          onChange={onScale}
        />
        <p className="flex items-center gap-2 text-xs text-ink-muted">
          <span
            aria-hidden="true"
            className="inline-block size-4 rounded-sm bg-sunken"
            style={{ boxShadow: 'inset 0 0 0 2px #fffdf9, inset 0 0 0 4px #2b241f' }}
          />
          Outlined: each day’s busiest {windowHours} hours
        </p>
      </ViewToolbar>
      <div className="grid gap-5">
        {[instore, online].map((data) => (
          <ArrivalsFrame
            key={data.channel}
            data={data}
            scale={scale}
            weekly={data.channel === 'in-store' ? weekly.instore : weekly.online}
            windowHours={windowHours}
            currency={currency}
          />
        ))}
      </div>
    </div>
  );
}

function ArrivalsFrame({
  data,
  scale,
  weekly,
  windowHours,
  currency,
}: {
  data: ArrivalsHeatmapData;
  scale: ArrivalScale;
  weekly: number;
  windowHours: number;
  currency: string;
}) {
  const instore = data.channel === 'in-store';
  const values = data.values[scale];
  const max = data.max[scale] || 1;
  const { words } = data;
  const what = instore ? words.instore : words.online;
  // Shares without the % sign (it is in the subtitle and legend), so a cell stays four characters wide.
  const format =
    scale === 'share'
      ? (v: number) => formatCount(v, 2)
      : (v: number) => formatCount(v, instore && !data.words.own ? 0 : 1);
  const peaks = new Set(data.peakCells);
  // Wide screens: days down, hours across. Phones: hours down, days across, so all 24 hours fit
  // without scrolling sideways (the first hours of the day are closed and would fill the screen).
  const wide = useMinWidth(640);
  const dayItems = data.days.map((d, i) => ({ id: String(i), label: d, short: d.slice(0, 3) }));
  const cellValues = wide ? values : HOURS.map((_, h) => data.days.map((_, d) => values[d]![h]!));
  const dayHour = (r: number, c: number): [number, number] => (wide ? [r, c] : [c, r]);
  const title = words.own
    ? `${instore ? 'In-store' : 'Online'} orders, day × hour`
    : instore
      ? 'In-store customer arrivals, day × hour'
      : 'Online order arrivals, day × hour';
  const unit =
    scale === 'share'
      ? `Share of the week’s ${formatCount(weekly)} ${what}, %`
      : `Average ${what} ${words.unit} in the hour (week total ${formatCount(weekly)})`;
  const source = words.own
    ? 'Your own orders (the public arrival reference was not available for this build).'
    : 'Public data (Bhowmick & Pazour, 2024).';
  return (
    <ChartFrame
      id={instore ? 'arrivals-instore' : 'arrivals-online'}
      title={title}
      takeaway={data.takeaway}
      subtitle={`${unit}. Each cell is one hour of the week, labelled by the hour it starts (local time). ${source}`}
      table={data.tables[scale]}
      currency={currency}
      downloadName={instore ? 'arrivals-instore-day-hour' : 'arrivals-online-day-hour'}
    >
      <div className="mb-3">
        <ColorLegend
          title={`${scale === 'share' ? 'Share of the week, %' : `${instore && !words.own ? 'Arrivals' : 'Orders'} ${words.unit}`} (darker = busier)`}
          stops={LEGEND_STEPS.map((t) => sequentialColor(t))}
          labels={[format(0), format(max / 2), format(max)]}
        />
      </div>
      <Heatmap
        key={wide ? 'wide' : 'phone'}
        testId={instore ? 'arrivals-heatmap-instore' : 'arrivals-heatmap-online'}
        caption={`${title}: ${scale === 'share' ? 'share of the week' : `average ${words.unit}`}`}
        rowHeaderLabel={wide ? 'Day' : 'Hour'}
        rows={wide ? data.days.map((d, i) => ({ id: String(i), label: d })) : HOURS}
        columns={wide ? HOURS : dayItems}
        values={cellValues}
        color={(v) => sequentialColor(v / max)}
        format={format}
        details={(r, c) => {
          const [d, h] = dayHour(r, c);
          return [
            `${formatCount(data.values.count[d]?.[h] ?? null, instore && !words.own ? 0 : 2)} ${what} ${words.unit}`,
            `${formatPct(data.values.share[d]?.[h] ?? null, 2)} of the week`,
          ];
        }}
        marked={{
          isMarked: (r, c) => peaks.has(dayHour(r, c).join('|')),
          label: `in the day’s busiest ${windowHours} hours`,
        }}
      />
    </ChartFrame>
  );
}
