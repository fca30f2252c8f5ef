import type { Limitation } from '@/content/limitations';

/** Assumptions and limitations, each a short titled paragraph (with listed details where there are some). */
export function LimitationsList({ items }: { items: Limitation[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2" data-testid="limitations">
      {items.map((l) => (
        <li
          key={l.id}
          className={`rounded-lg border border-line bg-surface p-4 ${l.items ? 'md:col-span-2' : ''}`}
          data-limitation={l.id}
        >
          <h3 className="text-base font-semibold">{l.title}</h3>
          <p className="mt-1 text-sm text-ink-muted">{l.text}</p>
          {l.items ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-muted marker:text-accent">
              {l.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
