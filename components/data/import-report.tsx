import { TableScroll, td, th } from '@/components/data/data-parts';
import { formatCount } from '@/lib/format/format';
import { formatDay } from '@/lib/format/provenance';
import { ReconciliationTable } from './reconciliation-table';
import type { Provenance } from '@/lib/schema/manifest';

type OrdersProvenance = Extract<Provenance, { kind: 'orders' }>;

/** The full report of a build from a brand's own files: what was read, skipped, assumed and warned (its section heading is the page's). */
export function ImportReport({ provenance: p, currency }: { provenance: OrdersProvenance; currency: string }) {
  const keys = p.customer_keys;
  const pending = p.pending_orders.cash_on_delivery + p.pending_orders.other;
  const facts = [
    { id: 'orders-file', label: 'Orders file', value: `${p.files.orders} (${p.platform_label})` },
    { id: 'products-file', label: 'Products file', value: p.files.products ?? 'none' },
    { id: 'customers-file', label: 'Customers file', value: p.files.customers ?? 'none' },
    { id: 'intents-file', label: 'Intents file', value: p.files.intents ?? 'none (each category is its own intent)' },
    { id: 'rows-read', label: 'Rows read', value: formatCount(p.rows_read) },
    { id: 'rows-skipped', label: 'Rows skipped', value: formatCount(p.rows_skipped) },
    { id: 'date-range', label: 'Orders from – to', value: `${formatDay(p.first_day)} – ${formatDay(p.last_day)}` },
    {
      id: 'date-order',
      label: 'Dates like 03/04/2025',
      value: `${p.date_order === 'dmy' ? 'day first' : 'month first'}${p.date_order_assumed ? ' (assumed: no date settled it)' : ''}`,
    },
    {
      id: 'customer-keys',
      label: 'Customers identified by',
      value:
        [
          keys.email ? `e-mail ${formatCount(keys.email)}` : '',
          keys.phone ? `phone ${formatCount(keys.phone)}` : '',
          keys.id ? `id ${formatCount(keys.id)}` : '',
        ]
          .filter(Boolean)
          .join(', ') + (keys.merged ? `; ${formatCount(keys.merged)} keys merged (written differently)` : ''),
    },
    { id: 'categories', label: 'Categories from', value: p.category_source },
    {
      id: 'pending',
      label: 'Awaiting payment (counted)',
      value: `${formatCount(pending)} orders, ${formatCount(p.pending_orders.cash_on_delivery)} cash on delivery`,
    },
  ];
  const skipped = Object.entries(p.skipped_by).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return (
    <div data-testid="import-report">
      <dl className="grid gap-x-8 gap-y-5 sm:grid-cols-2 lg:grid-cols-3">
        {facts.map((f) => (
          <div key={f.id} className="border-l-2 border-accent/40 pl-4">
            <dt className="text-xs tracking-label text-ink-muted uppercase">{f.label}</dt>
            <dd className="mt-1 tabular-nums" data-testid={`import-${f.id}`}>
              {f.value}
            </dd>
          </div>
        ))}
      </dl>

      <h3 className="mt-10 text-lg">The money in the file, accounted for</h3>
      <div className="mt-3">
        <ReconciliationTable reconciliation={p.reconciliation} currency={currency} testId="import-reconciliation" />
      </div>
      {p.platform_notes.length > 0 && (
        <ul className="mt-4 max-w-3xl list-disc space-y-1 pl-5 text-sm text-ink-muted" data-testid="import-platform-notes">
          {p.platform_notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}

      <h3 className="mt-10 text-lg">Columns used</h3>
      <TableScroll label="Columns used">
        <table className="w-full border-collapse text-sm">
          <thead className="border-b border-line bg-sunken/60">
            <tr>
              <th scope="col" className={th}>
                Field
              </th>
              <th scope="col" className={th}>
                Column in {p.files.orders}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {Object.entries(p.columns).map(([field, column]) => (
              <tr key={field}>
                <th scope="row" className={`${td} text-left font-mono text-[0.8rem]`}>
                  {field}
                </th>
                <td className={td}>
                  {column}
                  {p.columns_how[field] && !p.columns_how[field]!.startsWith('matched') ? (
                    <span className="ml-2 text-xs text-ink-muted">({p.columns_how[field]})</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {p.customers_file && (
        <p className="mt-6 max-w-3xl text-sm text-ink-muted" data-testid="import-customers">
          {p.files.customers}: {formatCount(p.customers_file.rows_read)} rows,{' '}
          {formatCount(p.customers_file.rows_skipped)} skipped, {formatCount(p.customers_file.rows_without_orders)}{' '}
          without orders; {formatCount(p.customers_file.customers_without_row)} customers with orders have no row.
          Known: age {formatCount(p.customers_file.known.age)}, gender {formatCount(p.customers_file.known.gender)},
          region {formatCount(p.customers_file.known.locale)}.
        </p>
      )}

      {skipped.length > 0 && (
        <>
          <h3 className="mt-10 text-lg">Skipped rows by reason</h3>
          <ul className="mt-3 space-y-1 text-sm">
            {skipped.map(([reason, n]) => (
              <li key={reason}>
                {reason}: <span className="tabular-nums">{formatCount(n)}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {p.first_bad_rows.length > 0 && (
        <>
          <h3 className="mt-10 text-lg">First bad rows</h3>
          <TableScroll label="First bad rows">
            <table className="w-full border-collapse text-sm" data-testid="import-bad-rows">
              <thead className="border-b border-line bg-sunken/60">
                <tr>
                  <th scope="col" className={th}>
                    File
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Line
                  </th>
                  <th scope="col" className={th}>
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {p.first_bad_rows.map((r) => (
                  <tr key={`${r.file}:${r.line}:${r.reason}`}>
                    <td className={td}>{r.file}</td>
                    <td className={`${td} text-right tabular-nums`}>{r.line}</td>
                    <td className={td}>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      {p.warnings.length > 0 && (
        <>
          <h3 className="mt-10 text-lg">Warnings</h3>
          <ul className="mt-3 max-w-3xl list-disc space-y-2 pl-5 text-sm text-ink-muted" data-testid="import-warnings">
            {p.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
