interface ColorLegendProps {
  title: string;
  /** Colours from low to high, evenly spaced. */
  stops: string[];
  /** Labels under the ramp (start, middle, end, …), evenly spaced. */
  labels: string[];
}

/** A colour ramp with labels, for heatmaps. */
export function ColorLegend({ title, stops, labels }: ColorLegendProps) {
  return (
    <div className="w-full max-w-xs" data-testid="color-legend">
      <p className="text-xs text-ink-muted">{title}</p>
      <div
        className="mt-1 h-3 rounded-sm border border-line"
        style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
        aria-hidden="true"
      />
      <div className="mt-0.5 flex justify-between text-[11px] text-ink-muted tabular-nums">
        {labels.map((l, i) => (
          <span key={i}>{l}</span>
        ))}
      </div>
    </div>
  );
}
