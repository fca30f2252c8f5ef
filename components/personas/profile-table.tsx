import { formatCount, formatRatio } from '@/lib/format/format';
import type { ProfileRow } from '@/lib/view/personas';

interface ProfileTableProps {
  name: string;
  color: string;
  rows: ProfileRow[];
  caption: string;
}

/**
 * Every profile metric of a persona beside all customers: values in their own units, the ratio and
 * the gap in standard deviations, with a small bar showing how far and which way it leans. On a
 * phone it scrolls sideways inside its own keyboard-focusable region.
 */
export function ProfileTable({ name, color, rows, caption }: ProfileTableProps) {
  return (
    <>
      <div
        role="region"
        aria-label={caption}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-line bg-surface"
        data-testid="profile-table"
      >
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line bg-sunken/60 align-bottom">
              <th
                scope="col"
                className="px-3 py-2 text-left text-xs font-medium tracking-label text-ink-muted uppercase"
              >
                Metric
              </th>
              <th
                scope="col"
                className="px-3 py-2 text-right font-medium"
                style={{ boxShadow: `inset 0 3px 0 ${color}` }}
              >
                {name}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                All customers
              </th>
              <th
                scope="col"
                className="px-3 py-2 text-right text-xs font-medium tracking-label text-ink-muted uppercase"
              >
                Ratio
              </th>
              <th
                scope="col"
                className="px-3 py-2 text-left text-xs font-medium tracking-label text-ink-muted uppercase"
              >
                Gap (SDs)
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const width = Math.min(1, Math.abs(r.z) / 1.5) * 50;
              return (
                <tr key={r.metric} className="border-b border-line/70 last:border-0" data-metric={r.metric}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {r.label}
                  </th>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{r.value}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap text-ink-muted tabular-nums">
                    {r.overall}
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                    {formatRatio(r.ratio, 2)}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    <span className="flex items-center gap-2">
                      <span aria-hidden="true" className="relative h-2 w-20 shrink-0 rounded-full bg-sunken">
                        <span className="absolute inset-y-0 left-1/2 w-px bg-line-strong" />
                        <span
                          className="absolute inset-y-0 rounded-full"
                          style={{
                            background: color,
                            width: `${width}%`,
                            left: r.z >= 0 ? '50%' : `${50 - width}%`,
                          }}
                        />
                      </span>
                      <span className="w-12 text-right">{formatCount(r.z, 2)}</span>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p aria-hidden="true" className="mt-2 text-xs text-ink-muted sm:hidden">
        Scroll the table sideways for the ratio and the gap.
      </p>
    </>
  );
}
