import { personaColor } from '@/lib/charts/theme';
import { formatRatio } from '@/lib/format/format';
import type { PersonaSignature } from '@/lib/view/affinity';

/** The page's computed takeaways, as a numbered list. */
export function AffinityTakeaways({ items }: { items: string[] }) {
  return (
    <ol className="grid gap-3 md:grid-cols-2" data-testid="affinity-takeaways">
      {items.map((text, i) => (
        <li key={i} className="flex gap-3 rounded-lg border border-line bg-surface px-4 py-3 text-sm">
          <span aria-hidden="true" className="font-display text-lg leading-5 text-accent tabular-nums">
            {i + 1}
          </span>
          <span>{text}</span>
        </li>
      ))}
    </ol>
  );
}

/** Within ±5% of all customers reads as "in line", not as a lean. */
const NEUTRAL = 1.05;

function Lean({ label, value }: { label: string; value: { category: string; index: number } | null }) {
  if (!value) return null;
  const neutral = value.index < NEUTRAL && value.index > 1 / NEUTRAL;
  return (
    <div>
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="text-sm">
        {value.category}{' '}
        <span className={`tabular-nums ${neutral ? 'text-ink-muted' : 'font-semibold'}`}>
          {formatRatio(value.index, 2)}
        </span>
      </dd>
    </div>
  );
}

/** One card per persona: the intent it leans towards and away from, and its standout family. */
export function PersonaSignatures({ signatures }: { signatures: PersonaSignature[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="persona-signatures">
      {signatures.map((s) => (
        <li key={s.clusterId} className="rounded-lg border border-line bg-surface p-4">
          <h3 className="flex items-center gap-2 font-sans text-sm font-semibold">
            <span
              aria-hidden="true"
              className="size-2.5 shrink-0 rounded-full"
              style={{ background: personaColor(s.clusterId) }}
            />
            {s.persona}
          </h3>
          <dl className="mt-3 space-y-2">
            <Lean label="Leans towards" value={s.leansTo} />
            <Lean label="Leans away from" value={s.leansAway} />
            <Lean label="Standout family" value={s.topFamily} />
          </dl>
        </li>
      ))}
    </ul>
  );
}
