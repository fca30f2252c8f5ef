import { TrackAxis, TrackGrid, trackPos } from '@/components/charts/bar-rows';
import { Legend } from '@/components/charts/legend';
import { zeroAxis } from '@/lib/charts/ticks';
import { formatPct } from '@/lib/format/format';
import { Fragment } from 'react';
import type { DistributionSeries } from './distribution-table';

interface DistributionBarsProps {
  /** Range of each bin, top (low values) to bottom (high values). */
  binLabels: string[];
  series: DistributionSeries[];
  /** What the rows are, with the unit (e.g. "Churn risk (score 0–100)"). */
  axisLabel: string;
}

const valueText = (v: number) => formatPct(v, v > 0 && v < 1 ? 1 : 0);

/**
 * A histogram as horizontal bars: one row per range of the metric (low at the top), one bar per
 * group, each as a share of that group's customers, so groups of any size compare by shape.
 * Plain HTML (no chart library, no client JavaScript): it renders on the server, prints its values
 * at the bar ends and keeps the range labels readable on a phone.
 */
export function DistributionBars({ binLabels, series, axisLabel }: DistributionBarsProps) {
  const { max: top, ticks } = zeroAxis(Math.max(1, ...series.flatMap((s) => s.values)), 4);
  const summary =
    `${axisLabel}, share of customers per range. ` +
    series
      .map((s) => `${s.name}: ${binLabels.map((b, i) => `${b} ${valueText(s.values[i] ?? 0)}`).join(', ')}`)
      .join('. ');
  const pos = (v: number) => trackPos(v, top);

  return (
    <div data-testid="distribution-bars">
      <Legend
        label="Legend"
        className="mb-2"
        items={series.map((s) => ({ key: s.key, label: s.name, color: s.color }))}
      />
      <div role="img" aria-label={summary}>
        <p aria-hidden="true" className="mb-1 text-[11px] text-ink-muted">
          ↓ {axisLabel}
        </p>
        <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
          {binLabels.map((label, i) => (
            <Fragment key={label}>
              <div className="self-center py-1 text-right text-[11px] leading-tight whitespace-nowrap text-ink tabular-nums">
                {label}
              </div>
              <div className="relative flex flex-col gap-px border-l border-line-strong py-1 pr-10">
                <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-10 left-0">
                  <TrackGrid ticks={ticks.slice(1)} max={top} />
                </div>
                {series.map((s) => {
                  const v = s.values[i] ?? 0;
                  return (
                    <div key={s.key} className="relative flex h-2.5 items-center gap-1">
                      <div
                        className="h-full shrink-0 rounded-r-sm"
                        style={{ width: pos(v), minWidth: v > 0 ? 1 : 0, background: s.color }}
                      />
                      <span className="text-[10px] leading-none text-ink-muted tabular-nums">
                        {valueText(v)}
                      </span>
                    </div>
                  );
                })}
              </div>
            </Fragment>
          ))}
          <div />
          <div className="mr-10 border-t border-line-strong pt-1">
            <TrackAxis
              ticks={ticks}
              max={top}
              center
              thinOnPhone={false}
              format={(t) => formatPct(t, 0)}
              title="% of customers"
            />
          </div>
        </div>
      </div>
    </div>
  );
}
