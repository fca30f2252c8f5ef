import { PersonaLegend } from '@/components/revenue/persona-legend';
import { formatCount } from '@/lib/format/format';
import { layoutScatter, type ChartFrameSize, type PcaScatter } from '@/lib/insights/methodology';
import { SVG } from './svg-theme';

const FRAMES = {
  wide: { width: 760, height: 470, margin: { top: 12, right: 16, bottom: 48, left: 58 }, fontSize: 12 },
  phone: { width: 340, height: 330, margin: { top: 10, right: 10, bottom: 46, left: 48 }, fontSize: 12 },
} satisfies Record<string, ChartFrameSize>;

const DOT = { wide: 5, phone: 4 } as const;

function ScatterSvg({ scatter, variant }: { scatter: PcaScatter; variant: keyof typeof FRAMES }) {
  const l = layoutScatter(scatter, FRAMES[variant]);
  const { plot } = l;
  const tick = l.fontSize - 1;
  return (
    <svg
      viewBox={`0 0 ${l.width} ${l.height}`}
      width="100%"
      className="block h-auto overflow-visible"
      aria-hidden="true"
      focusable="false"
      data-pca-variant={variant}
    >
      {l.xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line x1={t.pos} x2={t.pos} y1={plot.y} y2={plot.y + plot.height} stroke={SVG.grid} />
          <text
            x={t.pos}
            y={plot.y + plot.height + tick + 6}
            textAnchor="middle"
            fontSize={tick}
            fill={SVG.muted}
          >
            {t.label}
          </text>
        </g>
      ))}
      {l.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={plot.x} x2={plot.x + plot.width} y1={t.pos} y2={t.pos} stroke={SVG.grid} />
          <text x={plot.x - 6} y={t.pos} dy="0.35em" textAnchor="end" fontSize={tick} fill={SVG.muted}>
            {t.label}
          </text>
        </g>
      ))}
      <line
        x1={l.origin.x}
        x2={l.origin.x}
        y1={plot.y}
        y2={plot.y + plot.height}
        stroke={SVG.faint}
        strokeDasharray="4 3"
      />
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={l.origin.y}
        y2={l.origin.y}
        stroke={SVG.faint}
        strokeDasharray="4 3"
      />
      <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" stroke={SVG.frame} />
      {l.paths.map((p) => (
        <path
          key={p.cluster_id}
          d={p.d}
          fill="none"
          stroke={p.color}
          strokeOpacity={0.75}
          strokeWidth={DOT[variant]}
          strokeLinecap="round"
          data-persona={p.cluster_id}
          data-points={p.count}
        >
          <title>{`${p.persona}: ${formatCount(p.count)} sampled customers`}</title>
        </path>
      ))}
      <text x={plot.x + plot.width / 2} y={l.height - 4} textAnchor="middle" fontSize={tick} fill={SVG.muted}>
        {scatter.xLabel} →
      </text>
      <text
        transform={`translate(${tick + 2} ${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={tick}
        fill={SVG.muted}
      >
        {scatter.yLabel} →
      </text>
    </svg>
  );
}

/**
 * The segmentation's PCA sample: one dot per sampled customer, coloured by persona, dashed guides at
 * the average customer (0, 0). Server-drawn SVG in a wide and a phone frame.
 */
export function PcaScatterChart({ scatter }: { scatter: PcaScatter }) {
  const label = `PCA scatter of ${formatCount(scatter.total)} sampled customers coloured by persona: ${scatter.groups
    .map((g) => `${g.persona} ${formatCount(g.points.length)}`)
    .join(', ')}`;
  return (
    <div>
      <PersonaLegend personas={scatter.groups} shape="circle" className="mb-3" />
      <div role="img" aria-label={label} data-testid="pca-scatter">
        <div className="mx-auto hidden max-w-[820px] sm:block">
          <ScatterSvg scatter={scatter} variant="wide" />
        </div>
        <div className="mx-auto max-w-[440px] sm:hidden">
          <ScatterSvg scatter={scatter} variant="phone" />
        </div>
      </div>
    </div>
  );
}
