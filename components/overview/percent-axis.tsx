/** Tick labels under an HTML bar track, positioned by percent of the track, with the axis title below. */
export function TrackAxis({
  ticks,
  max,
  format,
  title,
  thinOnPhone = false,
}: {
  ticks: number[];
  max: number;
  format: (v: number) => string;
  title: string;
  /**
   * Below the sm breakpoint, label only every other tick counted back from the last (the first and
   * last always), so the last two labels never crowd each other.
   */
  thinOnPhone?: boolean;
}) {
  return (
    <div aria-hidden="true">
      <div className="relative h-4 text-[0.6875rem] text-ink-muted tabular-nums">
        {ticks.map((t, i) => (
          <span
            key={t}
            className={`absolute top-0 whitespace-nowrap ${
              thinOnPhone && i !== 0 && (ticks.length - 1 - i) % 2 === 1 ? 'max-sm:hidden' : ''
            }`}
            style={{
              left: `${(t / max) * 100}%`,
              transform: i === 0 ? 'none' : i === ticks.length - 1 ? 'translateX(-100%)' : 'translateX(-50%)',
            }}
          >
            {format(t)}
          </span>
        ))}
      </div>
      <p className="mt-1 text-center text-[0.6875rem] text-ink-muted">{title}</p>
    </div>
  );
}

/** Faint vertical grid lines at the ticks, drawn behind a track (the parent must be relative). */
export function TrackGrid({ ticks, max }: { ticks: number[]; max: number }) {
  return (
    <>
      {ticks.map((t) => (
        <span
          key={t}
          aria-hidden="true"
          className="absolute inset-y-0 w-px bg-line/80"
          style={{ left: `${(t / max) * 100}%` }}
        />
      ))}
    </>
  );
}
