import { formatCount, formatDecimal } from '@/lib/format/format';
import type { Manifest } from '@/lib/schema/manifest';

/** The build configuration of the manifest, one labelled value each. Shared by /data and /methodology. */
export function BuildConfigList({ config, own = false }: { config: Manifest['config']; own?: boolean }) {
  const items = [
    { id: 'seed', label: 'Seed', value: String(config.seed) },
    { id: 'customers', label: own ? 'Customers (from the orders)' : 'Synthetic customers', value: formatCount(config.customers) },
    { id: 'window', label: 'Window', value: `${config.window_start} to ${config.window_end}` },
    { id: 'months', label: 'Months', value: String(config.months) },
    { id: 'recent-months', label: 'Recent months (trend features)', value: String(config.recent_months) },
    { id: 'k', label: 'Clusters (k)', value: String(config.k) },
    {
      id: 'currency',
      label: 'Currency',
      value: own ? config.currency : `${config.currency} (1 USD = ${formatDecimal(config.usd_to_currency, 4)})`,
    },
  ];
  return (
    <dl className="grid gap-x-8 gap-y-5 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <div key={item.id} className="border-l-2 border-accent/40 pl-4">
          <dt className="text-xs tracking-label text-ink-muted uppercase">{item.label}</dt>
          <dd className="mt-1 tabular-nums" data-testid={`config-${item.id}`}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Customers, orders, order lines and marketing touches of the build, as large figures. */
export function ManifestCounts({ counts }: { counts: Manifest['counts'] }) {
  const stats = [
    { id: 'customers', label: 'Customers', value: counts.customers },
    { id: 'orders', label: 'Orders', value: counts.orders },
    { id: 'order-lines', label: 'Order lines', value: counts.order_lines },
    { id: 'marketing-touches', label: 'Marketing touches', value: counts.marketing_touches },
  ];
  return (
    <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-line bg-line lg:grid-cols-4">
      {stats.map((stat) => (
        <div key={stat.id} className="bg-surface px-5 py-5">
          <dt className="text-xs tracking-label text-ink-muted uppercase">{stat.label}</dt>
          <dd
            className="mt-2 font-display text-2xl tabular-nums sm:text-3xl"
            data-testid={`count-${stat.id}`}
          >
            {formatCount(stat.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The manifest's notes: what is synthetic, what is relative, and every source quirk read deliberately. */
export function ManifestNotes({ notes }: { notes: string[] }) {
  return (
    <ul className="max-w-3xl list-disc space-y-2 pl-5 text-ink-muted marker:text-accent">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
