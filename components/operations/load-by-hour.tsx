'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartTips } from '@/components/charts/chart-tips';
import { Legend } from '@/components/charts/legend';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { ViewToolbar } from '@/components/ui/view-toolbar';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { CHANNEL_COLORS } from '@/lib/charts/theme';
import { formatCount } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import { LOAD_DAYS, type LoadDay, type LoadView } from '@/lib/view/operations';
import { LoadPlot } from './load-svg';

interface LoadByHourProps {
  views: LoadView[];
  weeks: number;
  currency: string;
}

const DAY_OPTIONS: ReadonlyArray<{ value: LoadDay; label: string }> = [
  { value: 'all', label: 'All week' },
  { value: 'weekdays', label: 'Mon–Fri' },
  { value: 'weekend', label: 'Sat–Sun' },
];

/** Online fulfilment load against store traffic by hour of day; the days shown are held in the URL. */
export function LoadByHour(props: LoadByHourProps) {
  const [day, setDay] = useUrlState<LoadDay>('days', 'all', LOAD_DAYS);
  const hydrated = useHydrated();
  return (
    <div data-hydrated={hydrated}>
      <LoadByHourView {...props} day={day} onDay={setDay} />
    </div>
  );
}

function LoadByHourView({
  views,
  weeks,
  currency,
  day,
  onDay,
}: LoadByHourProps & { day: LoadDay; onDay: (d: LoadDay) => void }) {
  const view = views.find((v) => v.day === day) ?? views[0]!;
  return (
    <div id="load-view" data-days={view.day}>
      <ViewToolbar label="Load chart view">
        <SegmentedControl label="Days" name="load-days" options={DAY_OPTIONS} value={day} onChange={onDay} />
      </ViewToolbar>
      <ChartFrame
        id="load-by-hour"
        title={`Online orders against store traffic by hour: ${view.dayName}`}
        takeaway={view.takeaway}
        subtitle={`Orders per week placed in each hour of the day (${view.dayName.toLowerCase()} together), averaged over ${formatCount(weeks, 0)} weeks; ${formatCount(view.orders)} orders of this customer base. Bars: in-store orders (store traffic); line: online orders to pick and pack.`}
        table={view.table}
        currency={currency}
        downloadName={`load-by-hour-${view.day}`}
      >
        <Legend
          label="Series"
          items={[
            { label: 'In-store orders', color: CHANNEL_COLORS.instore },
            { label: 'Online orders', color: CHANNEL_COLORS.online, shape: 'line' },
          ]}
        />
        <ChartTips label={`Orders per week by hour of day, ${view.dayName}: ${view.summary}`}>
          <LoadPlot layout={view.chart} />
        </ChartTips>
      </ChartFrame>
    </div>
  );
}
