import { AxisRow, TrackGrid } from '@/components/charts/bar-rows';
import { textOn } from '@/lib/charts/theme';
import { formatPct, formatRatio } from '@/lib/format/format';
import type { CompositionChart, ShareSegment } from '@/lib/view/overview';

const TICKS = [0, 25, 50, 75, 100];
const COLS = 'grid-cols-[5.5rem_minmax(0,1fr)]';

function StackedBar({ label, segments }: { label: string; segments: ShareSegment[] }) {
  return (
    <div className={`grid ${COLS} items-center gap-3 py-1.5`}>
      <span className="text-sm text-ink">{label}</span>
      <div className="relative">
        <TrackGrid ticks={TICKS} max={100} />
        <div className="relative flex h-10 w-full overflow-hidden rounded-sm">
          {segments.map((s) => (
            <div
              key={s.clusterId}
              data-segment={s.clusterId}
              title={`${s.persona}: ${formatPct(s.pct)} of ${label.toLowerCase()}`}
              className="flex items-center justify-center border-r-2 border-surface text-[0.6875rem] font-medium tabular-nums last:border-r-0"
              style={{ width: `${s.pct}%`, background: s.color, color: textOn(s.color) }}
            >
              {s.pct >= 12 ? formatPct(s.pct) : ''}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Share of customers against share of revenue, each a 100% bar split by persona, and each persona's revenue index. */
export function ShareComposition({ chart }: { chart: CompositionChart }) {
  const summary = chart.revenue
    .map(
      (s, i) =>
        `${s.persona} ${formatPct(chart.customers[i]?.pct)} of customers, ${formatPct(s.pct)} of revenue`,
    )
    .join('; ');
  return (
    <div>
      <div role="img" aria-label={`Share of customers and of revenue by persona: ${summary}`}>
        <StackedBar label="Customers" segments={chart.customers} />
        <StackedBar label="Revenue" segments={chart.revenue} />
        <AxisRow
          cols={COLS}
          ticks={TICKS}
          max={100}
          format={(v) => `${v}%`}
          title="Share of all customers / of all net revenue, %"
        />
      </div>
      <div className="mt-4 border-t border-line pt-3">
        <p className="text-xs text-ink-muted">
          Revenue index: revenue share ÷ customer share (above 1.00× = more than its head-count)
        </p>
        <ul
          className="mt-2 grid grid-cols-1 gap-x-5 gap-y-1 text-xs sm:grid-cols-2"
          aria-label="Revenue index by persona"
        >
          {chart.revenue.map((s) => (
            <li key={s.clusterId} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="size-2.5 shrink-0 rounded-sm"
                style={{ background: s.color }}
              />
              <span className="min-w-0 flex-1 truncate text-ink">{s.persona}</span>
              <span
                className={`tabular-nums ${s.revenueIndex >= 1 ? 'font-semibold text-ink' : 'text-ink-muted'}`}
              >
                {formatRatio(s.revenueIndex)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
