import { formatCount, formatPct } from '@/lib/format/format';
import { layoutBubbleChart, type BubbleChart, type BubbleFrame } from '@/lib/insights/overview';

const INK = '#2b241f';
const MUTED = '#6f655b';
const FAINT = '#9a8f83';
const GRID = '#ece5da';
const score = (v: number) => formatCount(v, 1);

/** Three fixed frames, each laid out on the server: wide screens, phones, and the printed page. */
const FRAMES = {
  wide: {
    width: 640,
    height: 400,
    margin: { top: 10, right: 14, bottom: 46, left: 56 },
    maxRadius: 30,
    fontSize: 12,
  },
  phone: {
    width: 340,
    height: 320,
    margin: { top: 8, right: 8, bottom: 42, left: 48 },
    maxRadius: 20,
    fontSize: 11,
  },
  print: {
    width: 330,
    height: 196,
    margin: { top: 6, right: 8, bottom: 34, left: 42 },
    maxRadius: 16,
    fontSize: 9,
  },
} satisfies Record<string, BubbleFrame>;

function BubbleSvg({
  chart,
  frame,
  variant,
}: {
  chart: BubbleChart;
  frame: BubbleFrame;
  variant: keyof typeof FRAMES;
}) {
  const l = layoutBubbleChart(chart, frame);
  const { plot, fontSize } = l;
  const tick = fontSize - 1;
  return (
    <svg
      viewBox={`0 0 ${l.width} ${l.height}`}
      width="100%"
      className="block h-auto overflow-visible"
      data-bubble-variant={variant}
      aria-hidden="true"
      focusable="false"
    >
      {l.xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line x1={t.x} x2={t.x} y1={plot.y} y2={plot.y + plot.height} stroke={GRID} />
          <text x={t.x} y={plot.y + plot.height + tick + 5} textAnchor="middle" fontSize={tick} fill={MUTED}>
            {t.value}
          </text>
        </g>
      ))}
      {l.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={plot.x} x2={plot.x + plot.width} y1={t.y} y2={t.y} stroke={GRID} />
          <text x={plot.x - 6} y={t.y} dy="0.35em" textAnchor="end" fontSize={tick} fill={MUTED}>
            {t.value}
          </text>
        </g>
      ))}
      <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" stroke="#d9cfc1" />
      <text
        x={plot.x + plot.width / 2}
        y={l.height - 4}
        textAnchor="middle"
        fontSize={tick}
        fill={MUTED}
        data-axis="x"
      >
        Average loyalty score, 0–100 →
      </text>
      <text
        transform={`translate(${tick + 2} ${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={tick}
        fill={MUTED}
        data-axis="y"
      >
        Average churn risk, 0–100 →
      </text>
      <line
        x1={l.reference.x}
        x2={l.reference.x}
        y1={plot.y}
        y2={plot.y + plot.height}
        stroke={FAINT}
        strokeDasharray="4 3"
      />
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={l.reference.y}
        y2={l.reference.y}
        stroke={FAINT}
        strokeDasharray="4 3"
      />
      <g fontSize={tick} fill={FAINT} fontStyle="italic">
        {l.corners.map((c) => (
          <text key={c.text} x={c.x} y={c.y} textAnchor={c.anchor}>
            {c.text}
          </text>
        ))}
      </g>
      {l.bubbles.map((b) => (
        <circle
          key={b.clusterId}
          cx={b.cx}
          cy={b.cy}
          r={b.r}
          fill={b.color}
          fillOpacity={0.72}
          stroke={b.color}
          strokeWidth={1.5}
          data-persona={b.clusterId}
        >
          <title>
            {`${b.persona}: loyalty ${score(b.loyalty)}, churn risk ${score(b.churn)}, ${formatCount(b.customers)} customers, ${formatPct(b.revenueSharePct)} of revenue (${b.quadrant})`}
          </title>
        </circle>
      ))}
      <g className="bubble-labels">
        {l.labels.map((lab) => (
          <g key={lab.id}>
            {lab.leader ? (
              <line x1={lab.fromX} y1={lab.fromY} x2={lab.x} y2={lab.y} stroke={FAINT} strokeWidth={1} />
            ) : null}
            <text
              x={lab.x}
              y={lab.y}
              dy="0.35em"
              textAnchor={lab.anchor}
              fontSize={fontSize}
              fontWeight={600}
              fill={INK}
              stroke="#fffdf9"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {lab.persona}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/**
 * Loyalty against churn risk per persona: bubble area ∝ customers, dashed guide lines at the
 * all-customer averages, labelled bubbles, quadrant names. Drawn on the server as SVG in three
 * fixed frames (wide, phone, print) so the text stays legible at each size; no client script.
 */
export function LoyaltyRiskBubbles({ chart }: { chart: BubbleChart }) {
  const label = `Average loyalty against average churn risk by persona, bubble size is customers: ${chart.points
    .map(
      (p) =>
        `${p.persona} loyalty ${score(p.loyalty)}, churn risk ${score(p.churn)}, ${formatCount(p.customers)} customers (${p.quadrant})`,
    )
    .join('; ')}`;
  return (
    <div role="img" aria-label={label} className="ov-bubbles">
      <div className="ov-bubbles-wide mx-auto hidden max-w-[720px] sm:block">
        <BubbleSvg chart={chart} frame={FRAMES.wide} variant="wide" />
      </div>
      <div className="ov-bubbles-phone mx-auto max-w-[440px] sm:hidden">
        <BubbleSvg chart={chart} frame={FRAMES.phone} variant="phone" />
      </div>
      <div className="ov-bubbles-print hidden">
        <BubbleSvg chart={chart} frame={FRAMES.print} variant="print" />
      </div>
    </div>
  );
}
