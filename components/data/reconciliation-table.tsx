import { formatMoney } from '@/lib/format/format';
import { reconciliationNotes, reconciliationRows, type Reconciliation } from '@/lib/orders/reconciliation';

/**
 * Every rupee of an orders file accounted for, as a short account: the file's merchandise, what is
 * not revenue, and the revenue the tables hold, to the paisa. On the Data page and on "Analyse
 * your data".
 */
export function ReconciliationTable({
  reconciliation: r,
  currency,
  testId,
}: {
  reconciliation: Reconciliation;
  currency: string;
  testId: string;
}) {
  // A typographic minus, as the account is read by people.
  const money = (paise: number) => `${paise < 0 ? '−' : ''}${formatMoney(Math.abs(paise) / 100, currency, 2)}`;
  const rows = reconciliationRows(r);
  return (
    <div data-testid={testId}>
      <table className="w-full max-w-3xl border-collapse text-sm">
        <caption className="sr-only">The file’s merchandise, what is not revenue, and the revenue in the tables</caption>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.label}
              className={row.kind === 'total' ? 'border-t-2 border-ink font-medium' : 'border-b border-line/70'}
            >
              <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                {row.label}
              </th>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap text-ink-muted tabular-nums">{row.count ?? ''}</td>
              <td className="py-1.5 text-right whitespace-nowrap tabular-nums">
                {row.kind === 'step' && row.paise > 0 ? '+' : ''}
                {money(row.paise)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-2 space-y-0.5 text-xs text-ink-muted">
        {reconciliationNotes(r, money).map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
