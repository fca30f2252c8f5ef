import { AppLink } from '@/components/ui/app-link';
import { personaColor } from '@/lib/charts/theme';
import type { Headline } from '@/lib/view/overview';

/**
 * Three to five computed findings, each naming (and linking) the persona it is about. Those in
 * `printOnly` stand elsewhere on the screen (the first answers) and here only on paper.
 */
export function Headlines({
  headlines,
  printOnly = [],
}: {
  headlines: Headline[];
  printOnly?: ReadonlyArray<Headline['id']>;
}) {
  return (
    <ol className="ov-headlines grid gap-3 md:grid-cols-2">
      {headlines.map((h, i) => (
        <li
          key={h.id}
          data-testid="headline"
          data-headline={h.id}
          className={`ov-card rounded-lg border border-l-4 border-line bg-surface px-4 py-3.5 ${i === 0 ? 'md:col-span-2' : ''} ${printOnly.includes(h.id) ? 'hidden print:block' : ''}`}
          style={{ borderLeftColor: personaColor(h.persona.clusterId) }}
        >
          <p className="text-xs font-medium tracking-label text-accent uppercase">{h.label}</p>
          <p
            className={`mt-1.5 leading-relaxed text-ink ${i === 0 ? 'font-display text-lg sm:text-xl' : 'text-[0.95rem]'}`}
          >
            <HeadlineText headline={h} />
          </p>
        </li>
      ))}
    </ol>
  );
}

/** "<persona>: <finding>", the persona linked to its page. */
export function HeadlineText({ headline }: { headline: Headline }) {
  return (
    <>
      <AppLink
        href={`/personas/${headline.persona.clusterId}`}
        className="font-semibold underline decoration-line-strong underline-offset-2 hover:decoration-accent"
      >
        {headline.persona.name}
      </AppLink>
      : {headline.text}
    </>
  );
}
