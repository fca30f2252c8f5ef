import { AxisRow, BarRow, ROW_COLS, TrackGrid, trackPos } from '@/components/charts/bar-rows';
import { Legend } from '@/components/charts/legend';
import type { PairChart } from '@/lib/view/channels';

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
  const pct = (v: number) => trackPos(v, scale.max);
  const text = (v: number | null) => (v === null ? '—' : format(v));
  const summary = chart.rows
    .map(
      (r) => `${r.persona}: ${chart.series[0]} ${text(r.values[0])}, ${chart.series[1]} ${text(r.values[1])}`,
    )
    .join('; ');
  return (
    <div data-testid={testId}>
      <Legend
        label="Series"
        items={chart.series.map((name, i) => ({
          label: name,
          color: styles[i]!.color,
          border: styles[i]!.border,
        }))}
      />
      <div role="img" aria-label={`${label}: ${summary}`}>
        {chart.rows.map((r) => (
          <BarRow
            key={r.cluster_id ?? 'all'}
            label={r.persona}
            color={r.color}
            strong={r.cluster_id === null}
            cols={ROW_COLS.narrow}
            className="border-b border-line/60 py-1.5 last:border-0"
            data-persona={r.cluster_id ?? 'all'}
          >
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
          </BarRow>
        ))}
        <AxisRow
          cols={ROW_COLS.narrow}
          ticks={scale.ticks}
          max={scale.max}
          format={format}
          title={axisTitle}
        />
      </div>
    </div>
  );
}
