import { KpiCard } from '@/components/ui/kpi-card';
import type { Kpi } from '@/lib/view/overview';

/** The seven headline numbers; total revenue leads and spans two columns. */
export function KpiGrid({ kpis }: { kpis: Kpi[] }) {
  return (
    <dl className="ov-kpis grid grid-cols-2 gap-3 lg:grid-cols-4 [&>:first-child]:col-span-2">
      {kpis.map((k) => (
        <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={`kpi-${k.id}`} />
      ))}
    </dl>
  );
}
