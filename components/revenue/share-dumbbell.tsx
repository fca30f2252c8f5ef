import { divergingColor, personaColor } from '@/lib/format/colors';
import { formatPct, formatRatio } from '@/lib/format/format';
import type { Representation } from '@/lib/insights/revenue';

/**
 * Customer share (hollow dot) against revenue share (filled dot) per persona on one percentage
 * axis, with the revenue index (revenue share ÷ customer share) at the end of each row.
 */
export function ShareDumbbell({ data }: { data: Representation }) {
  const max = data.axisMax;
  const pos = (v: number) => `${(Math.min(v, max) / max) * 100}%`;
  const ticks = Array.from({ length: Math.floor(max / 10) + 1 }, (_, i) => i * 10);
  const summary = data.rows
    .map(
      (r) =>
        `${r.persona}: ${formatPct(r.customer_share_pct)} of customers, ${formatPct(r.revenue_share_pct)} of revenue, index ${formatRatio(r.revenue_index)}`,
    )
    .join('; ');
  return (
    <div>
      <div className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-muted" aria-hidden="true">
        <span className="flex items-center gap-1.5">
          <span className="size-3 rounded-full border-2 border-ink-muted bg-surface" /> Share of customers
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-3 rounded-full bg-ink" /> Share of revenue (persona colour)
        </span>
        <span className="flex items-center gap-1.5">
          Revenue index:
          <span className="h-3 w-1 rounded-sm" style={{ background: divergingColor(2, 4) }} /> above 1.00×
          <span className="h-3 w-1 rounded-sm" style={{ background: divergingColor(0.5, 4) }} /> below
        </span>
      </div>
      <div role="img" aria-label={`Revenue share against customer share by persona. ${summary}.`}>
        <ul className="space-y-3">
          {data.rows.map((r) => {
            const color = personaColor(r.cluster_id);
            const lo = Math.min(r.customer_share_pct, r.revenue_share_pct);
            const hi = Math.max(r.customer_share_pct, r.revenue_share_pct);
            const chip = divergingColor(r.revenue_index, 4);
            return (
              <li
                key={r.cluster_id}
                className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 sm:grid-cols-[11.5rem_1fr_auto]"
                data-testid="share-row"
                data-persona={r.persona}
              >
                <span className="col-span-2 text-sm sm:col-span-1">{r.persona}</span>
                <span className="relative h-6">
                  <span className="absolute inset-x-0 top-1/2 h-px bg-line" />
                  <span
                    className="absolute top-1/2 h-1 -translate-y-1/2 rounded-full"
                    style={{
                      left: pos(lo),
                      width: `calc(${pos(hi)} - ${pos(lo)})`,
                      background: color,
                      opacity: 0.45,
                    }}
                  />
                  <span
                    className="absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-ink-muted bg-surface"
                    style={{ left: pos(r.customer_share_pct) }}
                    title={`Customers: ${formatPct(r.customer_share_pct)}`}
                  />
                  <span
                    className="absolute top-1/2 size-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-surface"
                    style={{ left: pos(r.revenue_share_pct), background: color }}
                    title={`Revenue: ${formatPct(r.revenue_share_pct)}`}
                  />
                </span>
                <span
                  className="min-w-[3.75rem] rounded-sm border-l-4 bg-sunken px-1.5 py-0.5 text-right text-xs font-medium text-ink tabular-nums"
                  style={{ borderLeftColor: chip }}
                  title={`Revenue index: revenue share ÷ customer share`}
                >
                  {formatRatio(r.revenue_index)}
                </span>
              </li>
            );
          })}
        </ul>
        <div
          className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 sm:grid-cols-[11.5rem_1fr_auto]"
          aria-hidden="true"
        >
          <span className="hidden sm:block" />
          <span className="relative h-4 text-[11px] text-ink-muted tabular-nums">
            {ticks.map((t) => (
              <span key={t} className="absolute -translate-x-1/2" style={{ left: pos(t) }}>
                {t}%
              </span>
            ))}
          </span>
          <span className="min-w-[3.75rem]" />
        </div>
        <p className="mt-2 text-center text-[11px] text-ink-muted sm:pl-[11.5rem]" aria-hidden="true">
          Share of all customers or of net revenue, %
        </p>
      </div>
    </div>
  );
}
