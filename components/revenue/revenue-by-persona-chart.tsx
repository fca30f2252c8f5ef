'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { PersonaBarChart } from '@/components/charts/persona-bar-chart';
import { formatMoneyCompact } from '@/lib/format/format';
import type { RevenueByPersona } from '@/lib/insights/revenue';

interface RevenueByPersonaChartProps {
  data: RevenueByPersona;
  currency: string;
  period: string;
}

/** Net revenue per persona as horizontal bars, compact money on the axis and labels. */
export function RevenueByPersonaChart({ data, currency, period }: RevenueByPersonaChartProps) {
  const format = (v: number) => formatMoneyCompact(v, currency);
  return (
    <ChartFrame
      id="revenue-by-persona-chart"
      title="Revenue by persona"
      takeaway={data.takeaway}
      subtitle={`Net revenue after discounts, ${period}, ${currency}. Exact figures in the table.`}
      table={data.table}
      currency={currency}
      downloadName="revenue-by-persona"
    >
      <PersonaBarChart
        data={data.bars}
        valueLabel={`Net revenue (${currency})`}
        format={format}
        height={300}
      />
    </ChartFrame>
  );
}
