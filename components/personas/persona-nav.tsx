import { AppLink } from '@/components/ui/app-link';
import type { PersonaLink } from '@/lib/view/personas';
import { Swatch } from './persona-parts';

/** "All personas" and a switcher with every persona; the current one is marked. */
export function PersonaSwitcher({ personas, current }: { personas: PersonaLink[]; current: number }) {
  return (
    <nav
      aria-label="Personas"
      className="mb-8 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <AppLink
        href="/personas"
        className="text-sm text-ink-muted no-underline hover:text-ink hover:underline"
        data-testid="back-to-personas"
      >
        ← All personas
      </AppLink>
      <div className="-mx-1 overflow-x-auto px-1 pb-1">
        <ul className="flex min-w-max gap-1.5">
          {personas.map((p) => {
            const active = p.clusterId === current;
            return (
              <li key={p.clusterId}>
                <AppLink
                  href={`/personas/${p.clusterId}`}
                  aria-current={active ? 'page' : undefined}
                  className={`flex items-center gap-1.5 rounded-full border px-3 py-1 text-xs no-underline transition-colors ${
                    active
                      ? 'border-ink bg-ink text-paper'
                      : 'border-line bg-surface text-ink-muted hover:border-line-strong hover:text-ink'
                  }`}
                >
                  <Swatch color={p.color} className="size-2" />
                  {p.name}
                </AppLink>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

/** Previous / next persona, at the foot of the page. */
export function PersonaPager({ prev, next }: { prev: PersonaLink | null; next: PersonaLink | null }) {
  if (!prev && !next) return null;
  return (
    <nav
      aria-label="Previous and next persona"
      className="mt-14 grid gap-3 border-t border-line pt-6 sm:grid-cols-2"
    >
      {prev ? <PagerLink link={prev} dir="prev" /> : <span />}
      {next ? <PagerLink link={next} dir="next" /> : null}
    </nav>
  );
}

function PagerLink({ link, dir }: { link: PersonaLink; dir: 'prev' | 'next' }) {
  return (
    <AppLink
      href={`/personas/${link.clusterId}`}
      rel={dir}
      data-testid={`persona-${dir}`}
      className={`group flex flex-col rounded-lg border border-line bg-surface px-4 py-3 no-underline hover:border-line-strong ${
        dir === 'next' ? 'sm:items-end sm:text-right' : ''
      }`}
    >
      <span className="text-xs tracking-label text-ink-muted uppercase">
        {dir === 'prev' ? '← Previous persona' : 'Next persona →'}
      </span>
      <span className="mt-1 flex items-center gap-2 font-display text-lg text-ink group-hover:underline">
        <Swatch color={link.color} />
        {link.name}
      </span>
    </AppLink>
  );
}
