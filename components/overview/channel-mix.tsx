import { formatPct } from '@/lib/format/format';
import type { ChannelChart } from '@/lib/insights/overview';
import { TrackAxis } from './percent-axis';

const TICKS = [0, 25, 50, 75, 100];
export const ONLINE_COLOR = '#3b4a5e';
export const IN_STORE_COLOR = '#e4d9c6';

/** Online against in-store share of orders per persona, as 100% bars, with the overall online share marked. */
export function ChannelMix({ chart }: { chart: ChannelChart }) {
  const summary = chart.rows
    .map((r) => `${r.persona} ${formatPct(r.onlinePct)} online, ${formatPct(r.inStorePct)} in store`)
    .join('; ');
  return (
    <div>
      <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label="Channels">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ background: ONLINE_COLOR }} />
          Online orders
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="size-2.5 rounded-sm border border-line-strong"
            style={{ background: IN_STORE_COLOR }}
          />
          In-store orders
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-3 border-l-2 border-dashed border-accent" />
          Overall online share ({formatPct(chart.overallOnlinePct)})
        </li>
      </ul>
      <div role="img" aria-label={`Online and in-store share of orders by persona: ${summary}`}>
        {chart.rows.map((r) => (
          <div
            key={r.clusterId ?? 'all'}
            className="grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] items-center gap-3 py-1 sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]"
          >
            <span
              className={`flex items-center gap-1.5 text-xs leading-tight ${r.clusterId === null ? 'font-semibold' : ''}`}
            >
              <span
                aria-hidden="true"
                className="size-2 shrink-0 rounded-full"
                style={{ background: r.color }}
              />
              {r.persona}
            </span>
            <div className="relative flex h-6 w-full overflow-hidden rounded-sm text-[0.6875rem] font-medium tabular-nums">
              <div
                className="flex items-center justify-start pl-1.5 text-white"
                style={{ width: `${r.onlinePct}%`, background: ONLINE_COLOR }}
              >
                {formatPct(r.onlinePct)}
              </div>
              <div
                className="flex items-center justify-end pr-1.5 text-ink"
                style={{ width: `${r.inStorePct}%`, background: IN_STORE_COLOR }}
              >
                {formatPct(r.inStorePct)}
              </div>
              <span
                aria-hidden="true"
                className="absolute inset-y-0 border-l-2 border-dashed border-accent"
                style={{ left: `${chart.overallOnlinePct}%` }}
              />
            </div>
          </div>
        ))}
        <div className="grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] gap-3 pt-1 sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]">
          <span />
          <TrackAxis
            ticks={TICKS}
            max={100}
            format={(v) => `${v}%`}
            title="Share of the persona's orders, %"
            thinOnPhone
          />
        </div>
      </div>
    </div>
  );
}
