import { Legend } from '@/components/charts/legend';
import { PAIR_COLORS } from '@/lib/charts/theme';

/** Series of the back-test charts: actual (the theme's first pair colour, solid) and predicted (dashed). */
export const VALUE_SERIES = {
  actual: { color: PAIR_COLORS.first, label: 'Actual' },
  predicted: { color: PAIR_COLORS.second, label: 'Predicted' },
} as const;

/** Actual vs predicted key on the kit's legend: solid and dashed lines, or full and faded squares. */
export function ValueLegend({ shape }: { shape: 'line' | 'square' }) {
  const { actual, predicted } = VALUE_SERIES;
  return (
    <Legend
      label="Series"
      items={
        shape === 'line'
          ? [
              { label: actual.label, color: actual.color, shape: 'line' },
              { label: predicted.label, color: predicted.color, shape: 'dashed' },
            ]
          : [
              { label: actual.label, color: actual.color },
              {
                label: predicted.label,
                mark: (
                  <span
                    aria-hidden="true"
                    className="size-2.5 shrink-0 rounded-sm opacity-55"
                    style={{ background: predicted.color }}
                  />
                ),
              },
            ]
      }
    />
  );
}
