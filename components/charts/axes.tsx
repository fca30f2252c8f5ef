import { INK } from '@/lib/charts/theme';
import { pc } from './plot';

/**
 * A tick on a <Plot> axis: its value, its position along the axis (0–100, left to right or bottom
 * to top) and its label. `phone: false` hides the label below the sm breakpoint, so a narrow screen
 * shows fewer labels from the same drawing.
 */
export interface Tick {
  value: number;
  at: number;
  label: string;
  phone?: boolean;
}

/** Ticks from values, a 0–100 position and a label format. */
export function ticksOf(
  values: readonly number[],
  at: (v: number) => number,
  label: (v: number) => string,
): Tick[] {
  return values.map((value) => ({ value, at: at(value), label: label(value) }));
}

/** Marks every n-th tick's label as wide-screen only (the first and last always show). */
export function thinOnPhone(ticks: Tick[], every: number): Tick[] {
  return ticks.map((t, i) => ({ ...t, phone: every <= 1 || i % every === 0 || i === ticks.length - 1 }));
}

const phoneClass = (t: Tick) => (t.phone === false ? 'max-sm:hidden' : undefined);

/** Tick labels under the plot and, optionally, vertical grid lines. */
export function XAxis({ ticks, grid = true }: { ticks: Tick[]; grid?: boolean }) {
  return (
    <g data-axis="x" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.value}>
          {grid ? <line x1={pc(t.at)} x2={pc(t.at)} y1="0" y2="100%" stroke={INK.grid} /> : null}
          <text
            x={pc(t.at)}
            y="100%"
            dy="1.4em"
            // A label on the right edge would spill out of the frame: end it there instead.
            textAnchor={t.at >= 99.95 ? 'end' : 'middle'}
            className={phoneClass(t)}
            data-testid="x-tick"
          >
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * Tick labels left of the plot with, optionally, horizontal grid lines; or, `side="right"`, a second
 * value axis on the right (e.g. a cumulative share beside counts: labels only, the grid belongs to
 * the left axis).
 */
export function YAxis({
  ticks,
  grid = true,
  side = 'left',
}: {
  ticks: Tick[];
  grid?: boolean;
  side?: 'left' | 'right';
}) {
  const right = side === 'right';
  return (
    <g data-axis={right ? 'y2' : 'y'} aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.value}>
          {grid && !right ? (
            <line x1="0" x2="100%" y1={pc(100 - t.at)} y2={pc(100 - t.at)} stroke={INK.grid} />
          ) : null}
          <text
            x={right ? '100%' : '0'}
            dx={right ? 6 : -6}
            y={pc(100 - t.at)}
            dy="0.35em"
            textAnchor={right ? 'start' : 'end'}
            className={phoneClass(t)}
            data-testid={right ? 'y2-tick' : 'y-tick'}
          >
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The plot's bottom edge (the zero line of a chart from 0). */
export function Baseline() {
  return <line x1="0" x2="100%" y1="100%" y2="100%" stroke={INK.edge} />;
}
