/**
 * A small trend line for a KPI: the range month by month, and the comparison period (dashed, behind)
 * month for month when there is one. Both share one vertical scale, so the gap between them is the
 * change. Decorative: the tile's text says the figures and the change.
 */
export function Sparkline({
  current,
  previous,
}: {
  current: readonly number[];
  previous: readonly number[] | null;
}) {
  // Fewer than three points is not a trend.
  if (current.length < 3) return null;
  const all = [...current, ...(previous ?? [])];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || 1;
  const points = (series: readonly number[]) =>
    series
      .map(
        (v, i) =>
          `${((100 * i) / (series.length - 1)).toFixed(1)},${(2 + 24 * (1 - (v - lo) / span)).toFixed(1)}`,
      )
      .join(' ');
  return (
    <svg viewBox="0 0 100 28" preserveAspectRatio="none" aria-hidden="true" className="mt-2 block h-7 w-full">
      {previous ? (
        <polyline
          points={points(previous)}
          fill="none"
          stroke="var(--color-line-strong)"
          strokeWidth="1.5"
          strokeDasharray="3 3"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      <polyline
        points={points(current)}
        fill="none"
        stroke="var(--color-ink)"
        strokeWidth="1.75"
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
