import { thinOnPhone, XAxis, YAxis, type Tick } from '@/components/charts/axes';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { pc, Plot } from '@/components/charts/plot';
import { INK } from '@/lib/charts/theme';
import { formatCount, formatPct } from '@/lib/format/format';
import {
  BUBBLE_FONT_SIZE,
  BUBBLE_LABEL_AREA,
  layoutBubbleChart,
  type BubbleChart,
  type BubbleLayout,
} from '@/lib/view/overview';

const score = (v: number) => formatCount(v, 1);
const tick = (t: { value: number; at: number }): Tick => ({ ...t, label: String(t.value) });
const CORNER = BUBBLE_FONT_SIZE - 1;
const PAD = 6;

/** Where a quadrant name sits: its corner of the plot, PAD px in. */
const CORNERS: Record<
  BubbleLayout['corners'][number]['corner'],
  { x: string; y: string; dx: number; dy: number; anchor: 'start' | 'end' }
> = {
  'top-left': { x: '0', y: '0', dx: PAD, dy: PAD + CORNER, anchor: 'start' },
  'top-right': { x: '100%', y: '0', dx: -PAD, dy: PAD + CORNER, anchor: 'end' },
  'bottom-left': { x: '0', y: '100%', dx: PAD, dy: -PAD, anchor: 'start' },
  'bottom-right': { x: '100%', y: '100%', dx: -PAD, dy: -PAD, anchor: 'end' },
};

function bubbleTip(b: BubbleLayout['bubbles'][number]): string {
  return [
    b.persona,
    `Loyalty ${score(b.loyalty)}, churn risk ${score(b.churn)}`,
    `${formatCount(b.customers)} customers, ${formatPct(b.revenueSharePct)} of revenue`,
    b.quadrant,
  ].join('\n');
}

/**
 * Loyalty against churn risk per persona: bubble area ∝ customers, dashed guide lines at the
 * all-customer averages, labelled bubbles, quadrant names. One server-rendered drawing on the chart
 * kit's <Plot> for every width (and print); labels and bubbles keep their size in px, placed so
 * they stay clear at a phone's width. Bubbles take focus and show their figures in a tooltip.
 */
export function LoyaltyRiskBubbles({ chart }: { chart: BubbleChart }) {
  const l = layoutBubbleChart(chart);
  const label = `Average loyalty against average churn risk by persona, bubble size is customers: ${chart.points
    .map(
      (p) =>
        `${p.persona} loyalty ${score(p.loyalty)}, churn risk ${score(p.churn)}, ${formatCount(p.customers)} customers (${p.quadrant})`,
    )
    .join('; ')}`;
  return (
    <div className="ov-bubbles mx-auto max-w-[720px]" data-bubble-chart>
      <ChartTips label={label}>
        <Plot
          height={{ phone: BUBBLE_LABEL_AREA.height, wide: 344 }}
          margin={{ top: 10, right: 12, bottom: 44, left: 52 }}
          xTitle="Average loyalty score, 0–100 →"
          yTitle="Average churn risk, 0–100 →"
        >
          <XAxis ticks={thinOnPhone(l.xTicks.map(tick), 2)} />
          <YAxis ticks={l.yTicks.map(tick)} />
          <rect x="0" y="0" width="100%" height="100%" fill="none" stroke={INK.edge} />
          <g stroke={INK.faint} strokeDasharray="4 3" aria-hidden="true">
            <line x1={pc(l.reference.x)} x2={pc(l.reference.x)} y1="0" y2="100%" />
            <line x1="0" x2="100%" y1={pc(l.reference.y)} y2={pc(l.reference.y)} />
          </g>
          <g fontSize={CORNER} fill={INK.faint} fontStyle="italic" aria-hidden="true" data-corners>
            {l.corners.map((c) => {
              const at = CORNERS[c.corner];
              return (
                <text key={c.text} x={at.x} y={at.y} dx={at.dx} dy={at.dy} textAnchor={at.anchor}>
                  {c.text}
                </text>
              );
            })}
          </g>
          {l.bubbles.map((b) => (
            <circle
              key={b.clusterId}
              cx={pc(b.cx)}
              cy={pc(b.cy)}
              r={Math.round(b.r * 100) / 100}
              fill={b.color}
              fillOpacity={0.72}
              stroke={b.color}
              strokeWidth={1.5}
              data-persona={b.clusterId}
              {...markProps(bubbleTip(b))}
            />
          ))}
          <g className="bubble-labels" aria-hidden="true">
            {l.labels.map((lab) => {
              const b = l.bubbles.find((x) => x.clusterId === lab.id)!;
              // A px frame at the bubble's centre: the label keeps its distance at any width.
              return (
                <svg key={lab.id} x={pc(b.cx)} y={pc(b.cy)} width="1" height="1" overflow="visible">
                  <g data-bubble-label>
                    {lab.from ? (
                      <line x1={lab.from.dx} y1={lab.from.dy} x2={lab.dx} y2={lab.dy} stroke={INK.faint} />
                    ) : null}
                    <text
                      x={lab.dx}
                      y={lab.dy}
                      dy="0.35em"
                      textAnchor={lab.anchor}
                      fontSize={BUBBLE_FONT_SIZE}
                      fontWeight={600}
                      fill={INK.ink}
                      stroke={INK.paper}
                      strokeWidth={3}
                      paintOrder="stroke"
                    >
                      {lab.persona}
                    </text>
                  </g>
                </svg>
              );
            })}
          </g>
        </Plot>
      </ChartTips>
    </div>
  );
}
