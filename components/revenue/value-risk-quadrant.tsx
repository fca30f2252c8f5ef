import { thinOnPhone, ticksOf, XAxis, YAxis } from '@/components/charts/axes';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { PersonaLegend } from '@/components/charts/persona-legend';
import { pc, Plot, Stretch, STROKE } from '@/components/charts/plot';
import { dotPath } from '@/lib/charts/dot-path';
import { INK, personaColor } from '@/lib/charts/theme';
import { formatCount, formatMoney, formatMoneyTick, formatPct } from '@/lib/format/format';
import {
  placeBubbleLabels,
  QUADRANT_ORDER,
  QUADRANTS,
  type LabelSide,
  type QuadrantId,
  type ValueRiskQuadrant,
} from '@/lib/view/revenue';
import { scaleLog } from 'd3-scale';
import type { CSSProperties } from 'react';

interface ValueRiskQuadrantChartProps {
  data: ValueRiskQuadrant;
  currency: string;
  period: string;
}

/** Area of the largest persona bubble in px², from the sm breakpoint up and on phones. */
const BUBBLE_AREA = { wide: 2100, phone: 540 };
/**
 * The plotting area at 1440 px, where persona labels are placed to avoid each other (positions are
 * percentages, offsets pixels, so the placement holds at any wide width). Phones show the legend only.
 */
const LABEL_PLOT = { width: 976, height: 420, fontSize: 12 };

/** Where a label sits from its bubble's centre, in px. */
function labelOffset(side: LabelSide, r: number) {
  switch (side) {
    case 'right':
      return { dx: r + 5, dy: 0, anchor: 'start' as const };
    case 'left':
      return { dx: -r - 5, dy: 0, anchor: 'end' as const };
    case 'top':
      return { dx: 0, dy: -r - 12, anchor: 'middle' as const };
    case 'bottom':
      return { dx: 0, dy: r + 12, anchor: 'middle' as const };
    case 'top-right':
      return { dx: r * 0.7, dy: -r - 7, anchor: 'start' as const };
    case 'bottom-right':
      return { dx: r * 0.7, dy: r + 7, anchor: 'start' as const };
  }
}

function QuadrantPlot({ data, currency }: { data: ValueRiskQuadrant; currency: string }) {
  const [xMin, xMax] = data.xDomain;
  const x = scaleLog().domain([xMin, xMax]).range([0, 100]).clamp(true);
  /** Churn risk 0–100 → distance from the top, 0–100. */
  const y = (v: number) => 100 - Math.max(0, Math.min(100, v));
  const maxCustomers = Math.max(1, ...data.points.map((p) => p.customers));
  const radius = (customers: number, area: number) =>
    Math.sqrt(((customers / maxCustomers) * area) / Math.PI);
  const bubbles = [...data.points]
    .map((p) => ({
      ...p,
      cx: x(Math.max(p.x, xMin)),
      cy: y(p.y),
      r: radius(p.customers, BUBBLE_AREA.wide),
      rPhone: radius(p.customers, BUBBLE_AREA.phone),
    }))
    .sort((a, b) => b.r - a.r);
  const sides = placeBubbleLabels(
    bubbles.map((b) => ({
      cx: (b.cx / 100) * LABEL_PLOT.width,
      cy: (b.cy / 100) * LABEL_PLOT.height,
      r: b.r,
      textWidth: b.persona.length * LABEL_PLOT.fontSize * 0.56,
    })),
    LABEL_PLOT.width,
    LABEL_PLOT.height,
  );
  const ax = x(data.avgValue);
  const ay = y(data.avgRisk);
  const xTicks = ticksOf(data.xTicks, x, (v) => formatMoneyTick(v, currency));
  const quadrantLabel = (id: QuadrantId) => (
    <>
      <tspan className="max-sm:hidden">{QUADRANTS[id].label}</tspan>
      <tspan className="sm:hidden">{QUADRANTS[id].short}</tspan>
    </>
  );
  return (
    <Plot
      height={{ phone: 290, wide: 420 }}
      margin={{ top: 10, right: 14, bottom: 48, left: 56 }}
      xTitle={`Net revenue per customer (${currency}, log scale)`}
      yTitle="Avg churn risk (0–100)"
    >
      <rect
        x={pc(ax)}
        y="0"
        width={pc(Math.max(0, 100 - ax))}
        height={pc(ay)}
        fill={INK.accent}
        fillOpacity={0.07}
      />
      <XAxis ticks={data.xTicks.length > 4 ? thinOnPhone(xTicks, 2) : xTicks} />
      <YAxis ticks={ticksOf([0, 25, 50, 75, 100], (v) => v, String)} />
      <rect width="100%" height="100%" fill="none" stroke={INK.edge} />
      <g className="text-[10px] font-medium sm:text-[11px]" fill={INK.muted} aria-hidden="true">
        <text x="100%" dx="-6" y="0" dy="1.35em" textAnchor="end" fill={INK.accent}>
          {quadrantLabel('protect')}
        </text>
        <text x="100%" dx="-6" y="100%" dy="-6" textAnchor="end">
          {quadrantLabel('reward')}
        </text>
        <text x="0" dx="6" y="0" dy="1.35em">
          {quadrantLabel('reactivate')}
        </text>
        <text x="0" dx="6" y="100%" dy="-6">
          {quadrantLabel('grow')}
        </text>
      </g>
      {/* Hundreds of faint customers: one path of round-capped dots per persona. */}
      <g data-testid="customer-dots" aria-hidden="true">
        <Stretch>
          {dotsByPersona(data.sample, (v) => x(Math.max(v, xMin)), y).map(({ cluster, d }) => (
            <path
              key={cluster}
              d={d}
              fill="none"
              stroke={personaColor(cluster)}
              strokeOpacity={0.22}
              strokeWidth={3.6}
              strokeLinecap="round"
              {...STROKE}
            />
          ))}
        </Stretch>
      </g>
      <line
        x1={pc(ax)}
        x2={pc(ax)}
        y1="0"
        y2="100%"
        stroke={INK.ink}
        strokeDasharray="4 3"
        strokeOpacity={0.6}
      />
      <line
        x1="0"
        x2="100%"
        y1={pc(ay)}
        y2={pc(ay)}
        stroke={INK.ink}
        strokeDasharray="4 3"
        strokeOpacity={0.6}
      />
      {bubbles.map((b, i) => {
        const protect = b.quadrant === 'protect';
        const label = labelOffset(sides[i] ?? 'right', b.r);
        const mark = markProps(
          `${b.persona}\n${QUADRANTS[b.quadrant].label}\n${formatMoney(b.x, currency)} per customer, churn risk ${formatCount(b.y, 1)}\n${formatCount(b.customers)} customers, ${formatPct(b.revenue_share_pct)} of revenue`,
        );
        return (
          <g
            key={b.cluster_id}
            data-testid="persona-bubble"
            data-persona={b.persona}
            data-quadrant={b.quadrant}
          >
            <circle
              {...mark}
              // Phones draw smaller bubbles from the same element (CSS r overrides the attribute).
              className="max-sm:[r:var(--r-phone)]"
              style={{ '--r-phone': `${b.rPhone}px` } as CSSProperties}
              cx={pc(b.cx)}
              cy={pc(b.cy)}
              r={b.r}
              fill={personaColor(b.cluster_id)}
              fillOpacity={0.88}
              stroke={protect ? INK.accent : INK.paper}
              strokeWidth={protect ? 3 : 1.5}
            />
            <text
              x={pc(b.cx)}
              y={pc(b.cy)}
              dx={label.dx}
              dy={label.dy}
              textAnchor={label.anchor}
              dominantBaseline="central"
              fontWeight={500}
              fill={INK.ink}
              stroke={INK.paper}
              strokeWidth={3}
              paintOrder="stroke"
              className="max-sm:hidden"
              aria-hidden="true"
            >
              {b.persona}
            </text>
          </g>
        );
      })}
    </Plot>
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
      <PersonaLegend personas={data.points} shape="dot" className="mb-3" />
      <ChartTips label={summary}>
        <QuadrantPlot data={data} currency={currency} />
      </ChartTips>
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

/** The sampled customers as one dot path per persona, in the plot's 0–100 units. */
function dotsByPersona(
  sample: ValueRiskQuadrant['sample'],
  x: (value: number) => number,
  y: (risk: number) => number,
): Array<{ cluster: number; d: string }> {
  const byCluster = new Map<number, Array<[number, number]>>();
  for (const [value, risk, cluster] of sample) {
    const points = byCluster.get(cluster) ?? [];
    points.push([x(value), y(risk)]);
    byCluster.set(cluster, points);
  }
  return [...byCluster]
    .sort(([a], [b]) => a - b)
    .map(([cluster, points]) => ({ cluster, d: dotPath(points) }));
}
