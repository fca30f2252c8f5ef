import { personaColor } from '@/lib/charts/theme';
import { Legend, type LegendShape } from './legend';

interface PersonaLegendProps {
  personas: Array<{ cluster_id: number; persona: string }>;
  /** Draw the key as a line (for line charts) or a dot (for scatters) instead of a square. */
  shape?: LegendShape;
  className?: string;
}

/** The persona colours as the kit's legend, so the key wraps on a phone and reads as text. */
export function PersonaLegend({ personas, shape = 'square', className = '' }: PersonaLegendProps) {
  return (
    <Legend
      label="Personas"
      className={className}
      items={personas.map((p) => ({
        key: String(p.cluster_id),
        label: p.persona,
        color: personaColor(p.cluster_id),
        shape,
      }))}
    />
  );
}
