import { ChartFrame } from '@/components/charts/chart-frame';
import { BottomAxis, LeftAxis, PLOT_EDGE } from '@/components/charts/svg-axes';
import { axisTicks, estimateTextWidth, plotBox, type PlotFrame } from '@/lib/charts/plot-frame';
import { personaColor } from '@/lib/format/colors';
import { formatCount, formatMoney, formatMoneyTick, formatPct } from '@/lib/format/format';
import {
  placeBubbleLabels,
  QUADRANT_ORDER,
  QUADRANTS,
  type LabelSide,
  type ValueRiskQuadrant,
} from '@/lib/insights/revenue';
import { scaleLog } from 'd3-scale';
import { PersonaLegend } from './persona-legend';

const INK = '#2b241f';
const ACCENT = '#a23c2a';
const SURFACE = '#fdfbf8';
const QUADRANT_INK = '#6f655b';

interface ValueRiskQuadrantChartProps {
  data: ValueRiskQuadrant;
  currency: string;
  period: string;
}

interface QuadrantFrame extends PlotFrame {
  /** Area of the largest persona bubble, in frame units². */
  bubbleArea: number;
  /** Persona names beside the bubbles (the wide frame); the phone frame relies on the legend. */
  labels: boolean;
  /** Draw every n-th sampled customer. */
  dotEvery: number;
  short: boolean;
}

/** Two fixed frames drawn on the server; CSS shows the one that fits. */
const FRAMES = {
  wide: {
    width: 960,
    height: 460,
    margin: { top: 10, right: 36, bottom: 48, left: 64 },
    fontSize: 12,
    bubbleArea: 1800,
    labels: true,
    dotEvery: 1,
    short: false,
  },
  phone: {
    width: 360,
    height: 380,
    margin: { top: 8, right: 24, bottom: 46, left: 50 },
    fontSize: 11,
    bubbleArea: 700,
    labels: false,
    dotEvery: 2,
    short: true,
  },
} satisfies Record<string, QuadrantFrame>;

function labelPosition(side: LabelSide, cx: number, cy: number, r: number) {
  switch (side) {
    case 'right':
      return { x: cx + r + 5, y: cy, anchor: 'start' as const };
    case 'left':
      return { x: cx - r - 5, y: cy, anchor: 'end' as const };
    case 'top':
      return { x: cx, y: cy - r - 12, anchor: 'middle' as const };
    case 'bottom':
      return { x: cx, y: cy + r + 12, anchor: 'middle' as const };
    case 'top-right':
      return { x: cx + r * 0.7, y: cy - r - 7, anchor: 'start' as const };
    case 'bottom-right':
      return { x: cx + r * 0.7, y: cy + r + 7, anchor: 'start' as const };
  }
}

function QuadrantSvg({
  data,
  currency,
  frame,
  variant,
}: {
  data: ValueRiskQuadrant;
  currency: string;
  frame: QuadrantFrame;
  variant: keyof typeof FRAMES;
}) {
  const plot = plotBox(frame);
  const [xMin, xMax] = data.xDomain;
  const x = scaleLog()
    .domain([xMin, xMax])
    .range([plot.x, plot.x + plot.width])
    .clamp(true);
  const y = (v: number) => plot.y + (1 - Math.max(0, Math.min(100, v)) / 100) * plot.height;
  const maxCustomers = Math.max(1, ...data.points.map((p) => p.customers));
  const radius = (customers: number) => Math.sqrt(((customers / maxCustomers) * frame.bubbleArea) / Math.PI);
  const fs = frame.fontSize;
  const bubbles = [...data.points]
    .map((p) => ({ ...p, cx: x(Math.max(p.x, xMin)), cy: y(p.y), r: radius(p.customers) }))
    .sort((a, b) => b.r - a.r);
  const sides = frame.labels
    ? placeBubbleLabels(
        bubbles.map((b) => ({
          cx: b.cx - plot.x,
          cy: b.cy - plot.y,
          r: b.r,
          textWidth: estimateTextWidth(b.persona, fs),
        })),
        plot.width,
        plot.height,
      )
    : [];
  const ax = x(data.avgValue);
  const ay = y(data.avgRisk);
  const xTicks =
    frame.short && data.xTicks.length > 4 ? data.xTicks.filter((_, i) => i % 2 === 0) : data.xTicks;
  const quadrantLabel = (id: keyof typeof QUADRANTS) =>
    frame.short ? QUADRANTS[id].short : QUADRANTS[id].label;
  const right = plot.x + plot.width - 6;
  const bottom = plot.y + plot.height - 6;
  return (
    <svg
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      width="100%"
      className="block h-auto"
      aria-hidden="true"
      focusable="false"
      data-variant={variant}
    >
      <rect
        x={ax}
        y={plot.y}
        width={Math.max(0, plot.x + plot.width - ax)}
        height={Math.max(0, ay - plot.y)}
        fill={ACCENT}
        fillOpacity={0.07}
      />
      <BottomAxis
        plot={plot}
        ticks={axisTicks(xTicks, x, (v) => formatMoneyTick(v, currency))}
        title={`Net revenue per customer (${currency}, log scale)`}
        fontSize={fs}
      />
      <LeftAxis
        plot={plot}
        ticks={axisTicks([0, 25, 50, 75, 100], y, (v) => String(v))}
        title="Avg churn risk (0–100)"
        fontSize={fs}
      />
      <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" stroke={PLOT_EDGE} />
      <g fontSize={fs - 1} fontWeight={500} fill={QUADRANT_INK}>
        <text x={right} y={plot.y + fs + 4} textAnchor="end" fill={ACCENT}>
          {quadrantLabel('protect')}
        </text>
        <text x={right} y={bottom} textAnchor="end">
          {quadrantLabel('reward')}
        </text>
        <text x={plot.x + 6} y={plot.y + fs + 4}>
          {quadrantLabel('reactivate')}
        </text>
        <text x={plot.x + 6} y={bottom}>
          {quadrantLabel('grow')}
        </text>
      </g>
      <g data-testid="customer-dots">
        {data.sample
          .filter((_, i) => i % frame.dotEvery === 0)
          .map(([v, risk, c], i) => (
            <circle
              key={i}
              cx={x(Math.max(v, xMin))}
              cy={y(risk)}
              r={1.8}
              fill={personaColor(c)}
              fillOpacity={0.22}
            />
          ))}
      </g>
      <line
        x1={ax}
        x2={ax}
        y1={plot.y}
        y2={plot.y + plot.height}
        stroke={INK}
        strokeDasharray="4 3"
        strokeOpacity={0.6}
      />
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={ay}
        y2={ay}
        stroke={INK}
        strokeDasharray="4 3"
        strokeOpacity={0.6}
      />
      {bubbles.map((b, i) => {
        const protect = b.quadrant === 'protect';
        const side = sides[i];
        const label = side ? labelPosition(side, b.cx, b.cy, b.r) : null;
        return (
          <g
            key={b.cluster_id}
            data-testid="persona-bubble"
            data-persona={b.persona}
            data-quadrant={b.quadrant}
          >
            <circle
              cx={b.cx}
              cy={b.cy}
              r={b.r}
              fill={personaColor(b.cluster_id)}
              fillOpacity={0.88}
              stroke={protect ? ACCENT : SURFACE}
              strokeWidth={protect ? 3 : 1.5}
            >
              <title>
                {`${b.persona} — ${QUADRANTS[b.quadrant].label}: ${formatMoney(b.x, currency)} per customer, churn risk ${formatCount(b.y, 1)}, ${formatCount(b.customers)} customers, ${formatPct(b.revenue_share_pct)} of revenue`}
              </title>
            </circle>
            {label ? (
              <text
                x={label.x}
                y={label.y}
                textAnchor={label.anchor}
                dominantBaseline="central"
                fontSize={fs}
                fontWeight={500}
                fill={INK}
                stroke={SURFACE}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {b.persona}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Value against risk per persona: x = net revenue per customer (log scale), y = average churn risk,
 * bubble area = customers; dividing lines at the all-customer averages split four action quadrants.
 * A deterministic sample of individual customers sits faintly behind.
 */
export function ValueRiskQuadrantChart({ data, currency, period }: ValueRiskQuadrantChartProps) {
  const summary =
    `Value against churn risk by persona, dividing lines at ${formatMoney(data.avgValue, currency)} per customer and churn risk ${formatCount(data.avgRisk, 1)}. ` +
    data.points
      .map(
        (p) =>
          `${p.persona}: ${formatMoney(p.x, currency)} per customer, churn risk ${formatCount(p.y, 1)}, ${QUADRANTS[p.quadrant].label}`,
      )
      .join('; ');

  return (
    <ChartFrame
      id="value-risk-chart"
      title="Value against risk"
      takeaway={data.takeaway}
      subtitle={
        `x: net revenue per customer, ${period} (${currency}, log scale); y: average churn risk (0–100, higher = more likely to lapse); ` +
        `bubble area: customers. Lines at the all-customer averages. Faint dots: ${formatCount(data.sample.length)} customers (every n-th). ` +
        `Value is realised revenue, not the CLV proxy, which already discounts for churn risk.`
      }
      table={data.table}
      currency={currency}
      downloadName="value-risk-quadrant"
    >
      <PersonaLegend personas={data.points} shape="circle" className="mb-3" />
      <div role="img" aria-label={summary}>
        <div className="hidden sm:block">
          <QuadrantSvg data={data} currency={currency} frame={FRAMES.wide} variant="wide" />
        </div>
        <div className="mx-auto max-w-[440px] sm:hidden">
          <QuadrantSvg data={data} currency={currency} frame={FRAMES.phone} variant="phone" />
        </div>
      </div>
      <ul className="mt-4 grid gap-2 text-sm sm:grid-cols-2" aria-label="Personas by quadrant">
        {QUADRANT_ORDER.map((id) => (
          <li
            key={id}
            data-testid={`quadrant-${id}`}
            className={`rounded-md border px-3 py-2 ${id === 'protect' ? 'border-accent/40 bg-accent-soft/50' : 'border-line bg-paper'}`}
          >
            <p
              className={`text-xs font-medium ${id === 'protect' ? 'text-accent-strong' : 'text-ink-muted'}`}
            >
              {QUADRANTS[id].label}
            </p>
            <p className="mt-0.5" data-testid={`quadrant-${id}-members`}>
              {data.members[id].length > 0 ? (
                data.members[id].join(', ')
              ) : (
                <span className="text-ink-muted">No persona</span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
