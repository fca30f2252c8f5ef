import { ChartFrame } from '@/components/charts/chart-frame';
import { ClvRanges } from '@/components/overview/clv-ranges';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { formatMoneyCompact, formatMoneyTick } from '@/lib/format/format';
import type { PredictedValueView } from '@/lib/view/predicted-value';

/**
 * Predicted value over the horizon (BG/NBD + Gamma-Gamma): active customers, predicted revenue with
 * its interval, the spread of predicted CLV per persona, and the table beside the CLV proxy. When
 * the data cannot support the model it says why, and the CLV proxy stands alone.
 */
export function PredictedValue({ view, currency }: { view: PredictedValueView; currency: string }) {
  if (!view.available) {
    return (
      <p
        className="max-w-3xl rounded-lg border border-line bg-surface p-4 text-sm"
        role="status"
        data-testid="predicted-unavailable"
      >
        {view.takeaway}
      </p>
    );
  }
  return (
    <div className="space-y-5" data-testid="predicted-value">
      <p className="max-w-3xl text-sm" data-testid="predicted-takeaway">
        {view.takeaway}
      </p>
      {view.notes.map((note) => (
        <p key={note} className="max-w-3xl text-sm text-ink-muted" data-testid="predicted-note">
          {note}
        </p>
      ))}
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {view.kpis.map((k) => (
          <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={k.id} />
        ))}
      </dl>
      {view.ranges ? (
        <ChartFrame
          id="predicted-clv-chart"
          title={`Predicted CLV per customer, next ${view.horizonMonths} months`}
          takeaway={view.ranges.takeaway}
          subtitle={`Discounted value each customer is expected to bring (BG/NBD × Gamma-Gamma), ${currency}: average, median, middle half and 10th–90th percentile of the persona's customers.`}
          table={view.ranges.table}
          currency={currency}
          downloadName="predicted-clv-by-persona"
        >
          <ClvRanges
            chart={view.ranges}
            format={(v) => formatMoneyCompact(v, currency)}
            tickFormat={(v) => formatMoneyTick(v, currency)}
            axisTitle={`Predicted CLV, ${currency}`}
            label="Predicted CLV per customer by persona"
          />
        </ChartFrame>
      ) : null}
      <DataTable
        table={view.table}
        caption={`Predicted value by persona, next ${view.horizonMonths} months, beside the CLV proxy (${currency}); revenue percentiles are the 80 % interval of the persona's total`}
        currency={currency}
        emphasiseLast
      />
    </div>
  );
}
