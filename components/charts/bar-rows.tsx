import type { CSSProperties, ReactNode } from 'react';

/**
 * The chart kit's HTML bar row: a label column and a track, one row per group, with the track's
 * grid, reference line and axis. Bars are plain HTML positioned by percent of the track, so they
 * render on the server, carry their values as text and fit any width without a phone copy.
 */

/** Label and track columns: the persona name (narrower on phones) and the track. */
export const ROW_COLS = {
  persona: 'grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]',
  narrow: 'grid-cols-[minmax(0,7rem)_minmax(0,1fr)] sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]',
  family: 'grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]',
} as const;

/** A position on a track from `min` to `max`, as a CSS percentage (clamped to the track). */
export function trackPos(v: number, max: number, min = 0): string {
  const t = (Math.min(Math.max(v, min), max) - min) / (max - min || 1);
  return `${t * 100}%`;
}

/** A row's label: the group's colour as a dot, then its name; "All customers" in bold. */
export function RowLabel({
  name,
  color,
  strong = false,
  title,
  className = 'flex items-center gap-1.5 text-xs leading-tight',
}: {
  name: ReactNode;
  color?: string;
  strong?: boolean;
  title?: string;
  className?: string;
}) {
  return (
    <span className={`${className} ${strong ? 'font-semibold' : ''}`} title={title}>
      {color ? (
        <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ background: color }} />
      ) : null}
      {name}
    </span>
  );
}

/**
 * One row: the label column and the track (`children`), optionally a value column after it. Extra
 * props (data-*) go on the row.
 */
export function BarRow({
  label,
  color,
  strong,
  title,
  cols = ROW_COLS.persona,
  className = '',
  children,
  after,
  ...data
}: {
  label: ReactNode;
  color?: string;
  strong?: boolean;
  title?: string;
  cols?: string;
  className?: string;
  children: ReactNode;
  after?: ReactNode;
} & Record<`data-${string}`, string | number | undefined>) {
  return (
    <div className={`grid ${cols} items-center gap-3 ${className}`} {...data}>
      <RowLabel name={label} color={color} strong={strong} title={title} />
      {children}
      {after}
    </div>
  );
}

/** The axis under a set of rows: an empty label cell, then the track's tick labels and title. */
export function AxisRow({
  cols = ROW_COLS.persona,
  after,
  ...axis
}: Parameters<typeof TrackAxis>[0] & { cols?: string; after?: ReactNode }) {
  return (
    <div className={`grid ${cols} gap-3 pt-1`}>
      <span />
      <TrackAxis {...axis} />
      {after}
    </div>
  );
}

/** Tick labels under an HTML bar track, positioned by percent of the track, with the axis title below. */
export function TrackAxis({
  ticks,
  max,
  min = 0,
  format,
  title,
  thinOnPhone = true,
  center = false,
}: {
  ticks: readonly number[];
  max: number;
  min?: number;
  format: (v: number) => string;
  title: string;
  /**
   * Below the sm breakpoint and with more than four ticks, label only every other tick counted back
   * from the last (the first and last always), so the last two labels never crowd each other; or
   * only the ticks a function keeps.
   */
  thinOnPhone?: boolean | ((v: number, i: number) => boolean);
  /** Centre every label on its tick (for an axis whose end labels are blank). */
  center?: boolean;
}) {
  return (
    <div aria-hidden="true" data-track-axis>
      <div className="relative h-4 text-[0.6875rem] text-ink-muted tabular-nums">
        {ticks.map((t, i) => (
          <span
            key={t}
            className={`absolute top-0 whitespace-nowrap ${
              hideOnPhone(thinOnPhone, t, i, ticks.length) ? 'max-sm:hidden' : ''
            }`}
            style={{
              left: trackPos(t, max, min),
              transform:
                center || (i !== 0 && i !== ticks.length - 1)
                  ? 'translateX(-50%)'
                  : i === 0
                    ? 'none'
                    : 'translateX(-100%)',
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

function hideOnPhone(
  thin: boolean | ((v: number, i: number) => boolean),
  v: number,
  i: number,
  n: number,
): boolean {
  if (typeof thin === 'function') return !thin(v, i);
  // Four labels fit a phone's track; thinning fewer would leave an uneven gap (0, 5, _, 15).
  return thin && n > 4 && i !== 0 && (n - 1 - i) % 2 === 1;
}

/** Faint vertical grid lines at the ticks, drawn behind a track (the parent must be relative). */
export function TrackGrid({ ticks, max, min = 0 }: { ticks: readonly number[]; max: number; min?: number }) {
  const step = evenGridStep(ticks, max, min);
  // Evenly spaced lines are one element's repeating background (a chart draws this on every row);
  // any other set of ticks gets one line each.
  if (step !== null)
    return (
      <span
        aria-hidden="true"
        className={`absolute inset-0 ${ticks.includes(max) ? 'track-grid-closed' : 'track-grid'}`}
        style={{ '--grid-step': trackPos(min + step, max, min) } as CSSProperties}
      />
    );
  return (
    <>
      {ticks.map((t) => (
        <span
          key={t}
          aria-hidden="true"
          className="absolute inset-y-0 w-px bg-line/80"
          style={{ left: trackPos(t, max, min) }}
        />
      ))}
    </>
  );
}

/**
 * The spacing of the grid lines when a repeating background draws exactly them: the ticks are the
 * multiples of one step from `min` (`min` itself may be left out: the background draws it) up to
 * `max`, with none missing. Null otherwise.
 */
export function evenGridStep(ticks: readonly number[], max: number, min = 0): number | null {
  const inside = ticks.filter((t) => t > min);
  if (inside.length === 0 || max <= min) return null;
  const step = inside[0]! - min;
  const eps = step * 1e-9;
  const expected = Math.floor((max - min) / step + 1e-9);
  if (inside.length !== expected) return null;
  return inside.every((t, i) => Math.abs(t - (min + (i + 1) * step)) <= eps) ? step : null;
}

/** A dashed accent line across a track at a reference value (e.g. all customers). */
export function RefLine({ at }: { at: string }) {
  return (
    <span
      aria-hidden="true"
      className="absolute inset-y-0 border-l-2 border-dashed border-accent"
      style={{ left: at }}
    />
  );
}
