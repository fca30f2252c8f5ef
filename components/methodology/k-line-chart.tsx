import { layoutKChart, type ChartFrameSize, type KRow } from '@/lib/insights/methodology';
import { SVG } from './svg-theme';

const FRAMES = {
  wide: { width: 520, height: 300, margin: { top: 26, right: 18, bottom: 46, left: 68 }, fontSize: 13 },
  phone: { width: 340, height: 270, margin: { top: 26, right: 12, bottom: 44, left: 64 }, fontSize: 12 },
} satisfies Record<string, ChartFrameSize>;

const LINE = '#0072B2';

function KSvg({
  rows,
  metric,
  yLabel,
  variant,
}: {
  rows: KRow[];
  metric: 'inertia' | 'silhouette';
  yLabel: string;
  variant: keyof typeof FRAMES;
}) {
  const l = layoutKChart(rows, metric, FRAMES[variant]);
  const { plot } = l;
  const tick = l.fontSize - 1;
  const chosen = l.points.find((p) => p.chosen);
  return (
    <svg
      viewBox={`0 0 ${l.width} ${l.height}`}
      width="100%"
      className="block h-auto overflow-visible"
      aria-hidden="true"
      focusable="false"
      data-k-variant={variant}
    >
      {l.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={plot.x} x2={plot.x + plot.width} y1={t.pos} y2={t.pos} stroke={SVG.grid} />
          <text x={plot.x - 6} y={t.pos} dy="0.35em" textAnchor="end" fontSize={tick} fill={SVG.muted}>
            {t.label}
          </text>
        </g>
      ))}
      {l.xTicks.map((t) => (
        <text
          key={`x${t.value}`}
          x={t.pos}
          y={plot.y + plot.height + tick + 6}
          textAnchor="middle"
          fontSize={tick}
          fill={SVG.muted}
        >
          {t.label}
        </text>
      ))}
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={plot.y + plot.height}
        y2={plot.y + plot.height}
        stroke={SVG.frame}
      />
      {l.chosen ? (
        <g data-chosen-k={chosen?.k}>
          <line
            x1={l.chosen.x}
            x2={l.chosen.x}
            y1={plot.y - 4}
            y2={plot.y + plot.height}
            stroke={SVG.accent}
            strokeDasharray="4 3"
          />
          <text
            x={l.chosen.x}
            y={plot.y - 10}
            textAnchor={l.chosen.x > plot.x + plot.width - 60 ? 'end' : 'middle'}
            fontSize={tick}
            fontWeight={600}
            fill={SVG.accent}
          >
            {l.chosen.label}
          </text>
        </g>
      ) : null}
      <path d={l.path} fill="none" stroke={LINE} strokeWidth={2} />
      {l.points.map((p) => (
        <circle
          key={p.k}
          cx={p.x}
          cy={p.y}
          r={p.chosen ? 5.5 : 3.5}
          fill={p.chosen ? SVG.accent : LINE}
          stroke={SVG.paper}
          strokeWidth={1.5}
        />
      ))}
      {chosen ? (
        <text
          x={chosen.x + 8}
          y={chosen.y - 9}
          fontSize={tick}
          fill={SVG.ink}
          stroke={SVG.paper}
          strokeWidth={3}
          paintOrder="stroke"
        >
          {chosen.label}
        </text>
      ) : null}
      <text x={plot.x + plot.width / 2} y={l.height - 4} textAnchor="middle" fontSize={tick} fill={SVG.muted}>
        Number of clusters, k
      </text>
      <text
        transform={`translate(${tick + 2} ${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={tick}
        fill={SVG.muted}
      >
        {yLabel}
      </text>
    </svg>
  );
}

/** Inertia or silhouette for k = 2…10 with the chosen k marked; wide and phone frames, drawn on the server. */
export function KLineChart({
  rows,
  metric,
  yLabel,
  testId,
}: {
  rows: KRow[];
  metric: 'inertia' | 'silhouette';
  yLabel: string;
  testId: string;
}) {
  const label = `${yLabel} for k = ${rows[0]?.k ?? ''} to ${rows[rows.length - 1]?.k ?? ''}: ${rows
    .map((r) => `k ${r.k} ${metric === 'inertia' ? r.inertia : r.silhouette}${r.chosen ? ' (chosen)' : ''}`)
    .join(', ')}`;
  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <div className="mx-auto hidden max-w-[600px] sm:block">
        <KSvg rows={rows} metric={metric} yLabel={yLabel} variant="wide" />
      </div>
      <div className="mx-auto max-w-[440px] sm:hidden">
        <KSvg rows={rows} metric={metric} yLabel={yLabel} variant="phone" />
      </div>
    </div>
  );
}
