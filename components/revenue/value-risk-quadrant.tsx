'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { personaColor } from '@/lib/format/colors';
import { formatCount, formatMoney, formatMoneyCompact, formatPct } from '@/lib/format/format';
import {
  placeBubbleLabels,
  QUADRANT_ORDER,
  QUADRANTS,
  type LabelSide,
  type QuadrantPoint,
  type ValueRiskQuadrant,
} from '@/lib/insights/revenue';
import {
  CartesianGrid,
  Cell,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { PersonaLegend } from './persona-legend';
import { useElementWidth } from './use-element-width';

const AXIS = '#6f655b';
const INK = '#2b241f';
const ACCENT = '#a23c2a';
const SURFACE = '#fdfbf8';
/** Recharts' default x-axis height and an estimate of one character at 12 px, for label placement. */
const X_AXIS_HEIGHT = 30;
const LABEL_CHAR_WIDTH = 6.8;

interface ValueRiskQuadrantChartProps {
  data: ValueRiskQuadrant;
  currency: string;
  period: string;
}

type Bubble = QuadrantPoint & { z: number };
type Dot = { x: number; y: number; z: 1; cluster_id: number; sample: true };

interface BubbleShapeProps {
  cx?: number;
  cy?: number;
  size?: number;
  payload?: Bubble;
}

/** A persona bubble with its name on the chosen side; protect-quadrant bubbles get an accent ring. */
function BubbleShape({
  cx = 0,
  cy = 0,
  size = 0,
  payload,
  side,
}: BubbleShapeProps & { side: LabelSide | null }) {
  if (!payload) return null;
  const r = Math.sqrt(size / Math.PI);
  const protect = payload.quadrant === 'protect';
  let label: { x: number; y: number; anchor: 'start' | 'end' | 'middle' } | null = null;
  if (side === 'right') label = { x: cx + r + 5, y: cy, anchor: 'start' };
  else if (side === 'left') label = { x: cx - r - 5, y: cy, anchor: 'end' };
  else if (side === 'top') label = { x: cx, y: cy - r - 12, anchor: 'middle' };
  else if (side === 'bottom') label = { x: cx, y: cy + r + 12, anchor: 'middle' };
  else if (side === 'top-right') label = { x: cx + r * 0.7, y: cy - r - 7, anchor: 'start' };
  else if (side === 'bottom-right') label = { x: cx + r * 0.7, y: cy + r + 7, anchor: 'start' };
  return (
    <g data-testid="persona-bubble" data-persona={payload.persona} data-quadrant={payload.quadrant}>
      <circle
        cx={cx}
        cy={cy}
        r={r}
        fill={personaColor(payload.cluster_id)}
        fillOpacity={0.88}
        stroke={protect ? ACCENT : SURFACE}
        strokeWidth={protect ? 3 : 1.5}
      />
      {label ? (
        <text
          x={label.x}
          y={label.y}
          textAnchor={label.anchor}
          dominantBaseline="central"
          fontSize={12}
          fontWeight={500}
          fill={INK}
          stroke={SURFACE}
          strokeWidth={3}
          paintOrder="stroke"
        >
          {payload.persona}
        </text>
      ) : null}
    </g>
  );
}

function TooltipBody({
  active,
  payload,
  currency,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  currency: string;
}) {
  const item = payload?.[0]?.payload as Bubble | Dot | undefined;
  if (!active || !item) return null;
  if ('sample' in item) {
    return (
      <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-sm">
        <p className="font-medium">One sampled customer</p>
        <p className="text-ink-muted">
          {formatMoney(item.x, currency)} spent · churn risk {formatCount(item.y, 1)}
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-64 rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-sm">
      <p className="font-medium text-ink">{item.persona}</p>
      <p className="text-ink-muted">{QUADRANTS[item.quadrant].label}</p>
      <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-3 tabular-nums">
        <dt className="text-ink-muted">Revenue / customer</dt>
        <dd className="text-right">{formatMoney(item.x, currency)}</dd>
        <dt className="text-ink-muted">Avg churn risk</dt>
        <dd className="text-right">{formatCount(item.y, 1)}</dd>
        <dt className="text-ink-muted">Customers</dt>
        <dd className="text-right">{formatCount(item.customers)}</dd>
        <dt className="text-ink-muted">Revenue share</dt>
        <dd className="text-right">{formatPct(item.revenue_share_pct)}</dd>
      </dl>
    </div>
  );
}

/**
 * Value against risk per persona: x = net revenue per customer (log scale), y = average churn risk,
 * bubble area = customers; dividing lines at the all-customer averages split four action quadrants.
 * A deterministic sample of individual customers sits faintly behind.
 */
export function ValueRiskQuadrantChart({ data, currency, period }: ValueRiskQuadrantChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(1000);
  const narrow = width < 640;
  const [xMin, xMax] = data.xDomain;
  const maxCustomers = Math.max(1, ...data.points.map((p) => p.customers));
  const bubbles: Bubble[] = data.points.map((p) => ({ ...p, z: p.customers }));
  const dots: Dot[] = data.sample.map(([x, y, c]) => ({ x, y, z: 1, cluster_id: c, sample: true }));
  const money = (v: number) => formatMoneyCompact(v, currency);

  // Chart geometry, to choose label sides that keep persona names off each other.
  const height = narrow ? 380 : 460;
  const margin = { top: 8, right: narrow ? 8 : 24, bottom: 30, left: narrow ? 0 : 12 };
  const yAxisWidth = narrow ? 44 : 56;
  const bubbleArea = narrow ? 900 : 1800;
  const plotW = Math.max(1, width - margin.left - margin.right - yAxisWidth);
  const plotH = height - margin.top - margin.bottom - X_AXIS_HEIGHT;
  const logSpan = Math.log10(xMax) - Math.log10(xMin);
  const placed = placeBubbleLabels(
    data.points.map((p) => ({
      cx: ((Math.log10(Math.max(p.x, xMin)) - Math.log10(xMin)) / logSpan) * plotW,
      cy: (1 - p.y / 100) * plotH,
      r: Math.sqrt(((p.customers / maxCustomers) * bubbleArea) / Math.PI),
      textWidth: p.persona.length * LABEL_CHAR_WIDTH,
    })),
    plotW,
    plotH,
  );
  const sides: Record<number, LabelSide> = Object.fromEntries(
    data.points.map((p, i) => [p.cluster_id, placed[i]!]),
  );
  const quadrantLabel = (id: keyof typeof QUADRANTS) => (narrow ? QUADRANTS[id].short : QUADRANTS[id].label);
  const labelStyle = { fontSize: narrow ? 10 : 11, fill: AXIS, fontWeight: 500 };
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
      <div ref={ref} role="img" aria-label={summary}>
        <ScatterChart responsive width="100%" height={height} margin={margin}>
          <CartesianGrid stroke="#eee7dc" />
          <ReferenceArea
            x1={data.avgValue}
            x2={xMax}
            y1={data.avgRisk}
            y2={100}
            fill={ACCENT}
            fillOpacity={0.07}
            stroke="none"
            ifOverflow="hidden"
            label={{
              value: quadrantLabel('protect'),
              position: 'insideTopRight',
              ...labelStyle,
              fill: ACCENT,
            }}
          />
          <ReferenceArea
            x1={data.avgValue}
            x2={xMax}
            y1={0}
            y2={data.avgRisk}
            fill="transparent"
            stroke="none"
            label={{ value: quadrantLabel('reward'), position: 'insideBottomRight', ...labelStyle }}
          />
          <ReferenceArea
            x1={xMin}
            x2={data.avgValue}
            y1={data.avgRisk}
            y2={100}
            fill="transparent"
            stroke="none"
            label={{ value: quadrantLabel('reactivate'), position: 'insideTopLeft', ...labelStyle }}
          />
          <ReferenceArea
            x1={xMin}
            x2={data.avgValue}
            y1={0}
            y2={data.avgRisk}
            fill="transparent"
            stroke="none"
            label={{ value: quadrantLabel('grow'), position: 'insideBottomLeft', ...labelStyle }}
          />
          <XAxis
            type="number"
            dataKey="x"
            scale="log"
            domain={[xMin, xMax]}
            ticks={narrow && data.xTicks.length > 4 ? data.xTicks.filter((_, i) => i % 2 === 0) : data.xTicks}
            allowDataOverflow
            tickFormatter={money}
            tick={{ fontSize: 11, fill: AXIS }}
            label={{
              value: `Net revenue per customer (${currency}, log scale)`,
              position: 'insideBottom',
              offset: -18,
              fontSize: 11,
              fill: AXIS,
            }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            width={yAxisWidth}
            tick={{ fontSize: 11, fill: AXIS }}
            label={{
              value: 'Avg churn risk (0–100)',
              angle: -90,
              position: 'insideLeft',
              offset: narrow ? 4 : 8,
              dy: 60,
              fontSize: 11,
              fill: AXIS,
            }}
          />
          <ZAxis zAxisId="dots" type="number" dataKey="z" domain={[0, 1]} range={[0, 10]} />
          <ZAxis
            zAxisId="bubbles"
            type="number"
            dataKey="z"
            domain={[0, maxCustomers]}
            range={[0, bubbleArea]}
          />
          <ReferenceLine x={data.avgValue} stroke={INK} strokeDasharray="4 3" strokeOpacity={0.6} />
          <ReferenceLine y={data.avgRisk} stroke={INK} strokeDasharray="4 3" strokeOpacity={0.6} />
          <Tooltip
            content={(props) => <TooltipBody {...props} currency={currency} />}
            cursor={{ strokeDasharray: '3 3' }}
          />
          <Scatter
            name="Sampled customers"
            data={dots}
            zAxisId="dots"
            isAnimationActive={false}
            tooltipType="none"
          >
            {dots.map((d, i) => (
              <Cell key={i} fill={personaColor(d.cluster_id)} fillOpacity={0.22} />
            ))}
          </Scatter>
          <Scatter
            name="Personas"
            data={bubbles}
            zAxisId="bubbles"
            isAnimationActive={false}
            shape={(props: BubbleShapeProps) => (
              <BubbleShape
                {...props}
                side={narrow ? null : (sides[props.payload?.cluster_id ?? -1] ?? 'right')}
              />
            )}
          />
        </ScatterChart>
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
