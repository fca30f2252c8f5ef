import { personaColor } from '@/lib/charts/theme';
import type { Headline } from '@/lib/view/overview';
import Link from 'next/link';

/** Three to five computed findings, each naming (and linking) the persona it is about. */
export function Headlines({ headlines }: { headlines: Headline[] }) {
  return (
    <ol className="ov-headlines grid gap-3 md:grid-cols-2">
      {headlines.map((h, i) => (
        <li
          key={h.id}
          data-testid="headline"
          data-headline={h.id}
          className={`ov-card rounded-lg border border-l-4 border-line bg-surface px-4 py-3.5 ${i === 0 ? 'md:col-span-2' : ''}`}
          style={{ borderLeftColor: personaColor(h.persona.clusterId) }}
        >
          <p className="text-xs font-medium tracking-label text-accent uppercase">{h.label}</p>
          <p
            className={`mt-1.5 leading-relaxed text-ink ${i === 0 ? 'font-display text-lg sm:text-xl' : 'text-[0.95rem]'}`}
          >
            <Link
              href={`/personas/${h.persona.clusterId}`}
              className="font-semibold underline decoration-line-strong underline-offset-2 hover:decoration-accent"
            >
              {h.persona.name}
            </Link>
            : {h.text}
          </p>
        </li>
      ))}
    </ol>
  );
}
