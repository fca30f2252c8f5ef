import { ticksOf, XAxis } from '@/components/charts/axes';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { pc, Plot } from '@/components/charts/plot';
import { divergingColor } from '@/lib/charts/color-scales';
import { personaColor } from '@/lib/charts/theme';
import { formatPct, formatRatio } from '@/lib/format/format';
import type { Representation } from '@/lib/view/revenue';

/**
 * Customer share (hollow dot) against revenue share (filled dot) per persona on one percentage
 * axis, with the revenue index (revenue share ÷ customer share) at the end of each row.
 */
export function ShareDumbbell({ data }: { data: Representation }) {
  const max = data.axisMax;
  const at = (v: number) => (Math.min(v, max) / max) * 100;
  const pos = (v: number) => pc(at(v));
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
      <ChartTips label={`Revenue share against customer share by persona. ${summary}.`}>
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
                <span
                  {...markProps(
                    `${r.persona}\nCustomers: ${formatPct(r.customer_share_pct)}\nRevenue: ${formatPct(r.revenue_share_pct)}\nRevenue index: ${formatRatio(r.revenue_index)}`,
                  )}
                  // An HTML mark: the focus ring is an outline, not a stroke.
                  className="relative h-6 rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ink"
                >
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
                  />
                  <span
                    className="absolute top-1/2 size-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-surface"
                    style={{ left: pos(r.revenue_share_pct), background: color }}
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
        <div className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 sm:grid-cols-[11.5rem_1fr_auto]">
          <span className="max-sm:hidden" />
          {/* The kit's x axis on a 1 px plot (an SVG of no height is not drawn): labels under the rows' track. */}
          <Plot height={{ phone: 1, wide: 1 }} margin={{ top: 0, right: 0, bottom: 20, left: 0 }}>
            <XAxis ticks={ticksOf(data.axisTicks, at, (v) => `${v}%`)} grid={false} />
          </Plot>
          <span className="min-w-[3.75rem]" />
        </div>
        <p
          className="mt-1 text-center text-[11px] text-ink-muted sm:pl-[11.5rem] sm:text-xs"
          aria-hidden="true"
        >
          Share of all customers or of net revenue, %
        </p>
      </ChartTips>
    </div>
  );
}
