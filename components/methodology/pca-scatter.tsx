import { thinOnPhone, XAxis, YAxis } from '@/components/charts/axes';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { PersonaLegend } from '@/components/charts/persona-legend';
import { pc, Plot, Stretch, STROKE } from '@/components/charts/plot';
import { INK } from '@/lib/charts/theme';
import { formatCount } from '@/lib/format/format';
import { layoutScatter, type PcaScatter } from '@/lib/view/methodology';

/**
 * The segmentation's PCA sample: one dot per sampled customer, coloured by persona, dashed guides at
 * the average customer (0, 0). One server-drawn SVG; each persona's dots are one path that takes
 * focus and names the persona and its count. Persona names are in the HTML legend above.
 */
export function PcaScatterChart({ scatter }: { scatter: PcaScatter }) {
  const label = `PCA scatter of ${formatCount(scatter.total)} sampled customers coloured by persona: ${scatter.groups
    .map((g) => `${g.persona} ${formatCount(g.points.length)}`)
    .join(', ')}`;
  const l = layoutScatter(scatter);
  return (
    <div>
      <PersonaLegend personas={scatter.groups} shape="dot" className="mb-3" />
      <div className="mx-auto max-w-[820px]" data-testid="pca-scatter">
        <ChartTips label={label}>
          <Plot
            height={{ phone: 256, wide: 440 }}
            margin={{ top: 12, right: 16, bottom: 46, left: 54 }}
            xTitle={`${scatter.xLabel} →`}
            yTitle={`${scatter.yLabel} →`}
          >
            <XAxis ticks={thinOnPhone(l.xTicks, 2)} />
            <YAxis ticks={l.yTicks} />
            <g stroke={INK.faint} strokeDasharray="4 3" aria-hidden="true">
              <line x1={pc(l.origin.x)} x2={pc(l.origin.x)} y1="0" y2="100%" />
              <line x1="0" x2="100%" y1={pc(l.origin.y)} y2={pc(l.origin.y)} />
            </g>
            <rect width="100%" height="100%" fill="none" stroke={INK.edge} />
            <Stretch>
              {l.paths.map((p) => (
                <path
                  key={p.cluster_id}
                  d={p.d}
                  fill="none"
                  stroke={p.color}
                  strokeOpacity={0.75}
                  strokeWidth={4}
                  strokeLinecap="round"
                  {...STROKE}
                  data-persona={p.cluster_id}
                  data-points={p.count}
                  {...markProps(`${p.persona}: ${formatCount(p.count)} sampled customers`)}
                  // Dots are round caps of the stroke: focus brightens them instead of thinning them.
                  className="outline-none focus-visible:[stroke-opacity:1] sm:[stroke-width:5px]"
                />
              ))}
            </Stretch>
          </Plot>
        </ChartTips>
      </div>
    </div>
  );
}
