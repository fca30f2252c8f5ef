import { TrackAxis, TrackGrid } from '@/components/overview/percent-axis';
import type { PairChart } from '@/lib/insights/channels';

export interface SeriesStyle {
  color: string;
  /** Outline for light fills, so the bar stands out from the paper. */
  border?: boolean;
}

/**
 * Two bars per persona (e.g. in store and online) on one scale, values printed at the bar ends,
 * all customers last in bold. HTML only: it renders on the server, no client script.
 */
export function PairBars({
  chart,
  styles,
  format,
  axisTitle,
  label,
  testId,
}: {
  chart: PairChart;
  styles: [SeriesStyle, SeriesStyle];
  format: (v: number) => string;
  axisTitle: string;
  label: string;
  testId?: string;
}) {
  const { scale } = chart;
  const pct = (v: number) => `${(Math.min(v, scale.max) / scale.max) * 100}%`;
  const cols = 'grid-cols-[minmax(0,7rem)_minmax(0,1fr)] sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]';
  const text = (v: number | null) => (v === null ? '—' : format(v));
  const summary = chart.rows
    .map(
      (r) => `${r.persona}: ${chart.series[0]} ${text(r.values[0])}, ${chart.series[1]} ${text(r.values[1])}`,
    )
    .join('; ');
  return (
    <div data-testid={testId}>
      <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label="Series">
        {chart.series.map((s, i) => (
          <li key={s} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={`size-2.5 rounded-sm ${styles[i]!.border ? 'border border-line-strong' : ''}`}
              style={{ background: styles[i]!.color }}
            />
            {s}
          </li>
        ))}
      </ul>
      <div role="img" aria-label={`${label}: ${summary}`}>
        {chart.rows.map((r) => (
          <div
            key={r.cluster_id ?? 'all'}
            className={`grid ${cols} items-center gap-3 border-b border-line/60 py-1.5 last:border-0`}
            data-persona={r.cluster_id ?? 'all'}
          >
            <span
              className={`flex items-center gap-1.5 text-xs leading-tight ${r.cluster_id === null ? 'font-semibold' : ''}`}
            >
              <span
                aria-hidden="true"
                className="size-2 shrink-0 rounded-full"
                style={{ background: r.color }}
              />
              {r.persona}
            </span>
            <div className="relative">
              <TrackGrid ticks={scale.ticks} max={scale.max} />
              {r.values.map((v, i) => (
                <div key={i} className="relative flex h-4 items-center" data-series={i} data-value={v ?? ''}>
                  {v === null ? (
                    <span className="text-[0.6875rem] text-ink-muted">n/a</span>
                  ) : (
                    <>
                      <span
                        className={`h-3 rounded-r-sm ${styles[i]!.border ? 'border border-line-strong' : ''}`}
                        style={{ width: pct(v), background: styles[i]!.color }}
                      />
                      <span className="relative z-10 ml-1 text-[0.6875rem] leading-none font-medium tabular-nums">
                        {format(v)}
                      </span>
                    </>
                  )}
                </div>
              ))}
            </div>
          </div>
        ))}
        <div className={`grid ${cols} gap-3 pt-1`}>
          <span />
          <TrackAxis ticks={scale.ticks} max={scale.max} format={format} title={axisTitle} thinOnPhone />
        </div>
      </div>
    </div>
  );
}
