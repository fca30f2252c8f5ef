import type { VisitDatum } from '@/lib/insights/overview';
import { TrackAxis, TrackGrid } from './percent-axis';

/** Bars longer than this share of the track carry their value label inside their end. */
const LABEL_INSIDE_FROM = 0.8;

/** One horizontal bar per persona in its colour, the value at the bar's end, a dashed line at the overall value. */
export function PersonaBars({
  rows,
  scale,
  format,
  axisTitle,
  overall,
  overallLabel,
  label,
  tickFormat,
}: {
  rows: VisitDatum[];
  scale: { max: number; ticks: number[] };
  format: (v: number) => string;
  axisTitle: string;
  overall: number | null;
  overallLabel: string;
  label: string;
  /** Axis tick labels; by default whole-number ticks print bare and others like the values. */
  tickFormat?: (v: number) => string;
}) {
  const pct = (v: number) => `${(Math.min(v, scale.max) / scale.max) * 100}%`;
  const cols = 'grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]';
  return (
    <div>
      <div
        role="img"
        aria-label={`${label}: ${rows.map((r) => `${r.persona} ${format(r.value)}`).join('; ')}${overall !== null ? `; ${overallLabel}` : ''}`}
      >
        {rows.map((r) => (
          <div key={r.cluster_id} className={`grid ${cols} items-center gap-3`}>
            <span className="flex items-center gap-1.5 text-xs leading-tight">
              <span
                aria-hidden="true"
                className="size-2 shrink-0 rounded-full"
                style={{ background: r.color }}
              />
              {r.persona}
            </span>
            <div className="relative h-8">
              <TrackGrid ticks={scale.ticks} max={scale.max} />
              <div className="absolute inset-y-1.5 left-0" style={{ width: pct(r.value) }}>
                <span className="block h-full rounded-r-sm" style={{ background: r.color }} />
                {/* Near the end of the track the label goes inside the bar, so it never runs off a phone screen. */}
                <span
                  className={`absolute top-1/2 z-10 -translate-y-1/2 rounded-sm bg-surface px-1 text-[0.6875rem] font-medium whitespace-nowrap tabular-nums ${
                    r.value / scale.max > LABEL_INSIDE_FROM ? 'right-0 mr-0.5' : 'left-full ml-0.5'
                  }`}
                >
                  {format(r.value)}
                </span>
              </div>
              {overall !== null ? (
                <span
                  aria-hidden="true"
                  className="absolute inset-y-0 border-l-2 border-dashed border-accent"
                  style={{ left: pct(overall) }}
                />
              ) : null}
            </div>
          </div>
        ))}
        <div className={`grid ${cols} gap-3 pt-1`}>
          <span />
          <TrackAxis
            ticks={scale.ticks}
            max={scale.max}
            format={tickFormat ?? ((v) => (scale.ticks.every(Number.isInteger) ? String(v) : format(v)))}
            title={axisTitle}
            thinOnPhone
          />
        </div>
      </div>
      {overall !== null ? (
        <p className="mt-2 flex items-center gap-1.5 text-xs text-ink-muted">
          <span aria-hidden="true" className="h-3 border-l-2 border-dashed border-accent" />
          {overallLabel}
        </p>
      ) : null}
    </div>
  );
}
