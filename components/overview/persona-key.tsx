import { AppLink } from '@/components/ui/app-link';
import { formatCount, formatPct } from '@/lib/format/format';
import type { OverviewModel } from '@/lib/view/overview';

/** The personas in their chart colours, each linking to its page. */
export function PersonaKey({ personas }: { personas: OverviewModel['personas'] }) {
  return (
    <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-5" data-testid="persona-key">
      {personas.map((p) => (
        <li key={p.clusterId}>
          <AppLink
            href={`/personas/${p.clusterId}`}
            className="group flex h-full items-start gap-2.5 rounded-md border border-line bg-surface px-3 py-2.5 no-underline hover:border-line-strong"
          >
            <span
              aria-hidden="true"
              className="mt-1 size-3 shrink-0 rounded-full"
              style={{ background: p.color }}
            />
            <span className="min-w-0">
              <span className="block text-sm font-medium text-ink group-hover:underline">{p.persona}</span>
              <span className="block text-xs text-ink-muted tabular-nums">
                {formatCount(p.customers)} customers · {formatPct(p.customerSharePct)}
              </span>
            </span>
          </AppLink>
        </li>
      ))}
    </ul>
  );
}
