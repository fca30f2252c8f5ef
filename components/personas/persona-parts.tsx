import { formatPct, formatRatio } from '@/lib/format/format';
import type { FamilyHighlight, IntentHighlight, TraitPhrase } from '@/lib/view/personas';

/** Small label above a block inside a persona card or panel. */
export function PartHeading({ children, id }: { children: React.ReactNode; id?: string }) {
  return (
    <h3 id={id} className="font-sans text-xs font-medium tracking-label text-ink-muted uppercase">
      {children}
    </h3>
  );
}

const ARROW = { higher: '▲', lower: '▼', same: '•' } as const;

/** The traits that set a persona apart, in plain words, with an arrow for the direction. */
export function TraitList({ traits }: { traits: TraitPhrase[] }) {
  return (
    <ul className="space-y-1.5 text-sm" data-testid="persona-traits">
      {traits.map((t) => (
        <li key={t.metric} className="flex gap-2">
          <span aria-hidden="true" className="w-3 shrink-0 pt-0.5 text-[0.65rem] text-ink-muted">
            {ARROW[t.direction]}
          </span>
          <span>
            {t.text}
            <span className="sr-only">
              {' '}
              ({t.direction === 'same' ? 'same as' : `${t.direction} than`} all customers)
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Online vs in-store share of the persona's orders, as a split bar with the numbers written out. */
export function ChannelMix({ onlinePct, color }: { onlinePct: number | null; color: string }) {
  if (onlinePct === null) return <p className="text-sm text-ink-muted">No channel data.</p>;
  const inStore = 100 - onlinePct;
  return (
    <div data-testid="channel-mix">
      <div aria-hidden="true" className="flex h-2.5 overflow-hidden rounded-full bg-sunken">
        <div style={{ width: `${onlinePct}%`, background: color }} />
      </div>
      <p className="mt-1.5 flex justify-between gap-3 text-sm tabular-nums">
        <span>
          <span className="font-medium">{formatPct(onlinePct, 1)}</span> online
        </span>
        <span>
          <span className="font-medium">{formatPct(inStore, 1)}</span> in store
        </span>
      </p>
    </div>
  );
}

/** Intents the persona leans towards, with the affinity index (1.00× = same as everyone). */
export function IntentChips({ intents }: { intents: IntentHighlight[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5" data-testid="persona-intents">
      {intents.map((i) => (
        <li
          key={i.intent}
          className="inline-flex items-baseline gap-1.5 rounded-full border border-line bg-paper px-2.5 py-0.5 text-sm"
        >
          {i.intent}
          {i.index !== null ? (
            <span className="text-xs text-ink-muted tabular-nums">
              <span className="sr-only">index </span>
              {formatRatio(i.index, 2)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Product families the persona over-indexes on, with index and share of the persona's spend. */
export function FamilyList({ families }: { families: FamilyHighlight[] }) {
  if (families.length === 0) return <p className="text-sm text-ink-muted">No family stands out.</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="persona-families">
      {families.map((f) => (
        <li key={f.familyId} className="flex items-baseline justify-between gap-3">
          <span className="min-w-0">{f.name}</span>
          <span className="shrink-0 text-xs text-ink-muted tabular-nums">
            <span className="sr-only">index </span>
            {formatRatio(f.index, 2)} · {formatPct(f.spendSharePct, 1)} of spend
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The persona's CRM plays, numbered. */
export function CrmPlays({ plays, color }: { plays: string[]; color: string }) {
  return (
    <ol className="space-y-2 text-sm" data-testid="persona-crm-plays">
      {plays.map((play, i) => (
        <li key={i} className="flex gap-2.5">
          <span
            aria-hidden="true"
            className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border text-[0.7rem] font-medium tabular-nums"
            style={{ borderColor: color }}
          >
            {i + 1}
          </span>
          <span>{play}</span>
        </li>
      ))}
    </ol>
  );
}

/** A persona's colour as a small dot (decorative: the name always sits beside it). */
export function Swatch({ color, className = '' }: { color: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block size-2.5 shrink-0 rounded-full ${className}`}
      style={{ background: color }}
    />
  );
}
