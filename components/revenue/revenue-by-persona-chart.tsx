import { ChartFrame } from '@/components/charts/chart-frame';
import { PersonaBars } from '@/components/charts/persona-bars';
import { personaColor } from '@/lib/charts/theme';
import { zeroAxis } from '@/lib/charts/ticks';
import { formatMoneyCompact, formatMoneyTick } from '@/lib/format/format';
import type { RevenueByPersona } from '@/lib/view/revenue';

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
        scale={zeroAxis(Math.max(0, ...rows.map((r) => r.value)))}
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
