import type { AxisTick, PlotBox } from '@/lib/charts/plot-frame';

export const AXIS_INK = '#6f655b';
export const GRID_LINE = '#ece5da';
export const PLOT_EDGE = '#d9cfc1';

interface AxisProps {
  plot: PlotBox;
  ticks: AxisTick[];
  title: string;
  fontSize: number;
  /** Faint grid lines across the plot at each tick. */
  grid?: boolean;
  /** Label only every n-th tick (the first and last always), for narrow frames. */
  labelEvery?: number;
}

function labelled(i: number, n: number, every: number): boolean {
  return every <= 1 || i % every === 0 || i === n - 1;
}

/** Tick labels under the plot, vertical grid lines and the axis title centred below. */
export function BottomAxis({ plot, ticks, title, fontSize, grid = true, labelEvery = 1 }: AxisProps) {
  const base = plot.y + plot.height;
  return (
    <g data-axis="x" fontSize={fontSize} fill={AXIS_INK}>
      {ticks.map((t, i) => (
        <g key={`${t.value}`}>
          {grid ? <line x1={t.at} x2={t.at} y1={plot.y} y2={base} stroke={GRID_LINE} /> : null}
          {labelled(i, ticks.length, labelEvery) ? (
            <text
              x={t.at}
              y={base + fontSize + 4}
              // A label on the plot's right edge would spill out of the frame: end it there instead.
              textAnchor={t.at >= plot.x + plot.width - 0.5 ? 'end' : 'middle'}
              data-testid="x-tick"
            >
              {t.label}
            </text>
          ) : null}
        </g>
      ))}
      <text x={plot.x + plot.width / 2} y={base + fontSize * 2 + 12} textAnchor="middle">
        {title}
      </text>
    </g>
  );
}

/** Tick labels left of the plot, horizontal grid lines and the axis title turned upright. */
export function LeftAxis({ plot, ticks, title, fontSize, grid = true, labelEvery = 1 }: AxisProps) {
  return (
    <g data-axis="y" fontSize={fontSize} fill={AXIS_INK}>
      {ticks.map((t, i) => (
        <g key={`${t.value}`}>
          {grid ? <line x1={plot.x} x2={plot.x + plot.width} y1={t.at} y2={t.at} stroke={GRID_LINE} /> : null}
          {labelled(i, ticks.length, labelEvery) ? (
            <text x={plot.x - 6} y={t.at} dy="0.35em" textAnchor="end" data-testid="y-tick">
              {t.label}
            </text>
          ) : null}
        </g>
      ))}
      <text transform={`translate(${fontSize} ${plot.y + plot.height / 2}) rotate(-90)`} textAnchor="middle">
        {title}
      </text>
    </g>
  );
}
