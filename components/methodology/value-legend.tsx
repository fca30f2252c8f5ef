/** Colours of the back-test charts: actual (Okabe–Ito blue, solid) and predicted (vermillion, dashed). */
export const VALUE_SERIES = {
  actual: { color: '#0072B2', label: 'Actual' },
  predicted: { color: '#D55E00', label: 'Predicted' },
} as const;

/** Actual vs predicted key, as lines or squares. */
export function ValueLegend({ shape }: { shape: 'line' | 'square' }) {
  return (
    <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-muted" aria-label="Series">
      {(['actual', 'predicted'] as const).map((k) => (
        <li key={k} className="flex items-center gap-1.5">
          <svg width="22" height="10" aria-hidden="true" focusable="false">
            {shape === 'line' ? (
              <line
                x1="1"
                x2="21"
                y1="5"
                y2="5"
                stroke={VALUE_SERIES[k].color}
                strokeWidth={2.5}
                strokeDasharray={k === 'predicted' ? '5 3' : undefined}
              />
            ) : (
              <rect
                x="6"
                y="0"
                width="10"
                height="10"
                fill={VALUE_SERIES[k].color}
                fillOpacity={k === 'predicted' ? 0.55 : 1}
              />
            )}
          </svg>
          {VALUE_SERIES[k].label}
        </li>
      ))}
    </ul>
  );
}
