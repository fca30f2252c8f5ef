import { PersonaBars } from '@/components/charts/persona-bars';
import { formatCount } from '@/lib/format/format';
import type { VisitChart } from '@/lib/view/overview';

const oneDecimal = (v: number) => formatCount(v, 1);

/** Dwell minutes per in-store visit and units per order, side by side, one bar per persona. */
export function VisitBars({ chart }: { chart: VisitChart }) {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <div>
        <h4 className="mb-2 text-sm font-medium text-ink">Dwell time per in-store visit</h4>
        <PersonaBars
          rows={chart.dwell}
          scale={chart.dwellScale}
          format={oneDecimal}
          axisTitle="Dwell time, minutes per in-store visit"
          overall={chart.overallDwell}
          overallLabel={`All customers: ${chart.overallDwell === null ? '—' : `${oneDecimal(chart.overallDwell)} min`}`}
          label="Dwell time, minutes per in-store visit, by persona"
        />
      </div>
      <div>
        <h4 className="mb-2 text-sm font-medium text-ink">Basket size</h4>
        <PersonaBars
          rows={chart.basket}
          scale={chart.basketScale}
          format={oneDecimal}
          axisTitle="Basket size, units per order"
          overall={chart.overallBasket}
          overallLabel={`All customers: ${oneDecimal(chart.overallBasket)} units per order`}
          label="Basket size, units per order, by persona"
        />
      </div>
    </div>
  );
}
