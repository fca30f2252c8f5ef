import { AxisRow, BarRow, TrackGrid, trackPos } from '@/components/charts/bar-rows';
import { Legend } from '@/components/charts/legend';
import { formatCount } from '@/lib/format/format';
import type { ClvChart } from '@/lib/view/overview';

const score = (v: number | null) => formatCount(v, 1);

/**
 * CLV proxy per persona: the average as a diamond, the median as a tick, the middle half
 * (25th–75th percentile) as a box and the 10th–90th percentile as a whisker.
 */
export function ClvRanges({
  chart,
  format = score,
  tickFormat = (v) => String(v),
  axisTitle = 'CLV proxy, 0–100 (relative score)',
  label = 'CLV proxy by persona, 0 to 100',
}: {
  chart: ClvChart;
  /** Values (the average column, the description); default 0–100 scores. */
  format?: (v: number | null) => string;
  tickFormat?: (v: number) => string;
  axisTitle?: string;
  label?: string;
}) {
  const max = chart.domainMax;
  const pos = (v: number) => trackPos(v, max);
  const summary = chart.rows
    .map(
      (r) =>
        `${r.persona} average ${format(r.mean)}, median ${format(r.p50)}, middle half ${format(r.p25)}–${format(r.p75)}`,
    )
    .join('; ');
  const wide = format !== score;
  const cols = wide
    ? 'grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)_3.5rem] sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)_4rem]'
    : 'grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)_2.5rem] sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)_2.75rem]';
  return (
    <div>
      <Legend
        label="How to read the marks"
        items={[
          {
            label: 'Average',
            mark: <span aria-hidden="true" className="size-2.5 rotate-45 border border-ink bg-ink-faint" />,
          },
          { label: 'Median', mark: <span aria-hidden="true" className="h-3 w-0.5 bg-ink" /> },
          {
            label: 'Middle half (25th–75th pct)',
            mark: (
              <span
                aria-hidden="true"
                className="h-2.5 w-4 rounded-[2px] border border-ink-faint bg-sunken"
              />
            ),
          },
          { label: '10th–90th pct', mark: <span aria-hidden="true" className="h-px w-4 bg-ink-faint" /> },
        ]}
      />
      <div role="img" aria-label={`${label}: ${summary}`}>
        {chart.rows.map((r) => (
          <BarRow
            key={r.clusterId ?? 'all'}
            label={r.persona}
            color={r.color}
            strong={r.clusterId === null}
            cols={cols}
            after={<span className="text-right text-xs font-medium tabular-nums">{format(r.mean)}</span>}
          >
            <div className="relative h-9">
              <TrackGrid ticks={chart.ticks} max={max} />
              {r.p10 !== null && r.p90 !== null ? (
                <span
                  className="absolute top-1/2 h-px bg-ink-faint"
                  style={{ left: pos(r.p10), width: `calc(${pos(r.p90)} - ${pos(r.p10)})` }}
                />
              ) : null}
              {r.p25 !== null && r.p75 !== null ? (
                <span
                  className="absolute top-1/2 h-3.5 -translate-y-1/2 rounded-[2px] border"
                  style={{
                    left: pos(r.p25),
                    width: `calc(${pos(r.p75)} - ${pos(r.p25)})`,
                    background: `color-mix(in oklab, ${r.color} 30%, white)`,
                    borderColor: r.color,
                  }}
                />
              ) : null}
              {r.p50 !== null ? (
                <span
                  className="absolute top-1/2 h-5 w-0.5 -translate-x-1/2 -translate-y-1/2 bg-ink"
                  style={{ left: pos(r.p50) }}
                />
              ) : null}
              <span
                className="absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rotate-45 border border-ink"
                style={{ left: pos(r.mean), background: r.color }}
              />
            </div>
          </BarRow>
        ))}
        <AxisRow
          cols={cols}
          ticks={chart.ticks}
          max={max}
          format={tickFormat}
          title={axisTitle}
          after={<span className="text-right text-[0.6875rem] text-ink-muted">avg</span>}
        />
      </div>
    </div>
  );
}
