import { ChartFrame } from '@/components/charts/chart-frame';
import { PersonaBars } from '@/components/overview/persona-bars';
import { niceScale } from '@/lib/charts/plot-frame';
import { personaColor } from '@/lib/format/colors';
import { formatMoneyCompact, formatMoneyTick } from '@/lib/format/format';
import type { RevenueByPersona } from '@/lib/insights/revenue';

interface RevenueByPersonaChartProps {
  data: RevenueByPersona;
  currency: string;
  period: string;
}

/** Net revenue per persona as horizontal bars, compact money on the axis and labels; drawn on the server. */
export function RevenueByPersonaChart({ data, currency, period }: RevenueByPersonaChartProps) {
  const format = (v: number) => formatMoneyCompact(v, currency);
  const rows = data.bars.map((b) => ({ ...b, color: personaColor(b.cluster_id) }));
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
      <PersonaBars
        rows={rows}
        scale={niceScale(Math.max(0, ...rows.map((r) => r.value)))}
        format={format}
        axisTitle={`Net revenue (${currency})`}
        overall={null}
        overallLabel=""
        label="Net revenue by persona"
        tickFormat={(v) => formatMoneyTick(v, currency)}
      />
    </ChartFrame>
  );
}
