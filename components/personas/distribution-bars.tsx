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

/** Four round steps (whole percentages) that reach the tallest bar. */
export function percentScale(peak: number): { top: number; ticks: number[] } {
  const step = [1, 2, 5, 10, 15, 20, 25].find((s) => s * 4 >= peak) ?? 25;
  return { top: step * 4, ticks: [0, 1, 2, 3, 4].map((i) => step * i) };
}

const valueText = (v: number) => formatPct(v, v > 0 && v < 1 ? 1 : 0);

/**
 * A histogram as horizontal bars: one row per range of the metric (low at the top), one bar per
 * group, each as a share of that group's customers, so groups of any size compare by shape.
 * Plain HTML (no chart library, no client JavaScript): it renders on the server, prints its values
 * at the bar ends and keeps the range labels readable on a phone.
 */
export function DistributionBars({ binLabels, series, axisLabel }: DistributionBarsProps) {
  const { top, ticks } = percentScale(Math.max(1, ...series.flatMap((s) => s.values)));
  const summary =
    `${axisLabel}, share of customers per range. ` +
    series
      .map((s) => `${s.name}: ${binLabels.map((b, i) => `${b} ${valueText(s.values[i] ?? 0)}`).join(', ')}`)
      .join('. ');
  const pos = (v: number) => `${(Math.min(v, top) / top) * 100}%`;

  return (
    <div data-testid="distribution-bars">
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label="Legend">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-2.5 rounded-sm"
              style={{ background: s.color }}
            />
            {s.name}
          </li>
        ))}
      </ul>
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
                  {ticks.slice(1).map((t) => (
                    <span key={t} className="absolute inset-y-0 w-px bg-line/80" style={{ left: pos(t) }} />
                  ))}
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
          <div aria-hidden="true" className="relative mr-10 h-5 border-t border-line-strong">
            {ticks.map((t) => (
              <span
                key={t}
                className="absolute top-1 -translate-x-1/2 text-[10px] text-ink-muted tabular-nums"
                style={{ left: pos(t) }}
              >
                {formatPct(t, 0)}
              </span>
            ))}
          </div>
        </div>
        <p aria-hidden="true" className="mt-1 text-center text-[11px] text-ink-muted">
          % of customers
        </p>
      </div>
    </div>
  );
}
