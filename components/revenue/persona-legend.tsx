import { personaColor } from '@/lib/format/colors';

interface PersonaLegendProps {
  personas: Array<{ cluster_id: number; persona: string }>;
  /** Draw the key as a line (for line charts) instead of a square. */
  shape?: 'square' | 'line' | 'circle';
  className?: string;
}

/** The persona colours as an HTML list, so the key wraps on a phone and reads as text. */
export function PersonaLegend({ personas, shape = 'square', className = '' }: PersonaLegendProps) {
  return (
    <ul
      className={`flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-ink-muted ${className}`}
      aria-label="Personas"
    >
      {personas.map((p) => (
        <li key={p.cluster_id} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={
              shape === 'line'
                ? 'h-0.5 w-4 rounded-full'
                : shape === 'circle'
                  ? 'size-2.5 rounded-full'
                  : 'size-2.5 rounded-sm'
            }
            style={{ background: personaColor(p.cluster_id) }}
          />
          {p.persona}
        </li>
      ))}
    </ul>
  );
}
