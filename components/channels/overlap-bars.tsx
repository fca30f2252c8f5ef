import { TrackAxis } from '@/components/overview/percent-axis';
import { textOn } from '@/lib/format/colors';
import { formatPct } from '@/lib/format/format';
import type { OverlapChart } from '@/lib/insights/channels';
import { CHANNEL_COLORS } from './channel-colors';

const SEGMENTS = [
  { key: 'instoreOnlyPct', label: 'In store only', color: CHANNEL_COLORS.instore },
  { key: 'bothPct', label: 'Both channels', color: CHANNEL_COLORS.both },
  { key: 'onlineOnlyPct', label: 'Online only', color: CHANNEL_COLORS.online },
] as const;

/** Each persona's ordering customers split into in store only, both channels and online only (100% bars). */
export function OverlapBars({ chart }: { chart: OverlapChart }) {
  const summary = chart.rows
    .map(
      (r) =>
        `${r.persona}: ${formatPct(r.instoreOnlyPct)} in store only, ${formatPct(r.bothPct)} both, ${formatPct(r.onlineOnlyPct)} online only`,
    )
    .join('; ');
  const cols = 'grid-cols-[minmax(0,7rem)_minmax(0,1fr)] sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]';
  return (
    <div data-testid="overlap-bars">
      <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label="Segments">
        {SEGMENTS.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="size-2.5 rounded-sm border border-line-strong"
              style={{ background: s.color }}
            />
            {s.label}
          </li>
        ))}
      </ul>
      <div role="img" aria-label={`Customers by the channels they buy in, per persona: ${summary}`}>
        {chart.rows.map((r) => (
          <div key={r.cluster_id ?? 'all'} className={`grid ${cols} items-center gap-3 py-1`}>
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
            <div
              className="flex h-6 w-full overflow-hidden rounded-sm text-[0.6875rem] font-medium tabular-nums"
              data-persona={r.cluster_id ?? 'all'}
            >
              {SEGMENTS.map((s) => (
                <div
                  key={s.key}
                  data-segment={s.key}
                  data-value={r[s.key]}
                  className="flex items-center justify-center overflow-hidden whitespace-nowrap"
                  style={{ width: `${r[s.key]}%`, background: s.color, color: textOn(s.color) }}
                >
                  {r[s.key] >= 9 ? formatPct(r[s.key], 0) : ''}
                </div>
              ))}
            </div>
          </div>
        ))}
        <div className={`grid ${cols} gap-3 pt-1`}>
          <span />
          <TrackAxis
            ticks={[0, 25, 50, 75, 100]}
            max={100}
            format={(v) => `${v}%`}
            title="Share of the persona’s customers with orders, %"
            thinOnPhone
          />
        </div>
      </div>
    </div>
  );
}
