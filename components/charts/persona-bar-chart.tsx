'use client';

import { personaColor } from '@/lib/format/colors';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';

export interface PersonaBarDatum {
  cluster_id: number;
  persona: string;
  value: number;
}

interface PersonaBarChartProps {
  data: PersonaBarDatum[];
  /** Label of the value axis, with its unit. */
  valueLabel: string;
  format: (value: number) => string;
  height?: number;
  domain?: [number, number];
}

/** One horizontal bar per persona in its persona colour, with the value printed at the end of the bar. */
export function PersonaBarChart({ data, valueLabel, format, height, domain }: PersonaBarChartProps) {
  const h = height ?? 48 + data.length * 44;
  return (
    <div
      role="img"
      aria-label={`${valueLabel} by persona: ${data.map((d) => `${d.persona} ${format(d.value)}`).join('; ')}`}
    >
      <BarChart
        data={data}
        layout="vertical"
        responsive
        width="100%"
        height={h}
        margin={{ top: 4, right: 56, bottom: 24, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="#e7dfd3" />
        <XAxis
          type="number"
          domain={domain ?? [0, 'auto']}
          tickFormatter={(v: number) => format(v)}
          tick={{ fontSize: 11, fill: '#6f655b' }}
          label={{ value: valueLabel, position: 'insideBottom', offset: -16, fontSize: 11, fill: '#6f655b' }}
        />
        <YAxis type="category" dataKey="persona" width={150} tick={{ fontSize: 12, fill: '#2b241f' }} />
        <Tooltip formatter={(v) => [format(Number(v)), valueLabel]} cursor={{ fill: '#f1ebe2' }} />
        <Bar dataKey="value" isAnimationActive={false} radius={[0, 3, 3, 0]}>
          {data.map((d) => (
            <Cell key={d.cluster_id} fill={personaColor(d.cluster_id)} />
          ))}
          <LabelList
            dataKey="value"
            position="right"
            formatter={(v) => format(Number(v))}
            style={{ fontSize: 11, fill: '#2b241f' }}
          />
        </Bar>
      </BarChart>
    </div>
  );
}
