import { zScoreColor } from '@/lib/charts/color-scales';
import { textOn } from '@/lib/charts/theme';
import type { CentroidView } from '@/lib/view/methodology';
import { signed } from '@/lib/view/methodology';

/**
 * Cluster centroids in z-scores as a coloured table: purple above the average customer, orange below,
 * the exact value in every cell. Server-rendered; reads as a plain table with a screen reader.
 */
export function CentroidHeat({ view }: { view: CentroidView }) {
  return (
    <div className="overflow-x-auto" role="region" aria-label="Cluster centroids, z-scores" tabIndex={0}>
      <table
        className="w-full min-w-[34rem] border-separate border-spacing-1 text-sm"
        data-testid="centroid-heat"
      >
        <caption className="sr-only">
          Cluster centroids in standard deviations from the average customer
        </caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-left text-xs font-medium text-ink-muted">
              Persona
            </th>
            {view.features.map((f) => (
              <th
                key={f.key}
                scope="col"
                className="px-2 py-1 text-center text-xs font-medium text-ink-muted"
              >
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.cluster_id}>
              <th
                scope="row"
                className="sticky left-0 z-10 bg-surface px-2 py-1 text-left font-medium whitespace-nowrap"
              >
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="size-2.5 rounded-full"
                    style={{ background: r.color }}
                  />
                  {r.persona}
                </span>
              </th>
              {r.z.map((v, j) => {
                const bg = zScoreColor(v);
                return (
                  <td
                    key={j}
                    className="h-10 rounded-sm px-2 text-center tabular-nums"
                    style={{ background: bg, color: textOn(bg) }}
                    data-z={v}
                  >
                    {signed(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2 flex items-center gap-2 text-xs text-ink-muted" aria-hidden="true">
        <span>below average</span>
        <span
          className="h-2.5 w-32 rounded-sm"
          style={{
            background: `linear-gradient(to right, ${[-2, -1, 0, 1, 2].map((z) => zScoreColor(z)).join(', ')})`,
          }}
        />
        <span>above average (±2 SD and beyond at the ends)</span>
      </div>
    </div>
  );
}
