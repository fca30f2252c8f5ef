/**
 * Every rupee of an orders file accounted for: what the reader counts (orders-reader.ts), how it
 * balances, and the sentences the command line, the Data page and "Analyse your data" show.
 * Money is in paise (hundredths of the currency unit), so every total is exact.
 */
import type { z } from 'zod';
import type { ExclusionReasonSchema, ReconciliationSchema } from '../schema/manifest';

/** Why an order of the file is not a sale in the tables. */
export type ExclusionReason = z.infer<typeof ExclusionReasonSchema>;

/** The file's money and where it went; its fields are described in the manifest's schema. */
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

/** ₹1,234.50 style, for messages (the currency sign is left out: files state their own). */
export function formatPaise(paise: number): string {
  const sign = paise < 0 ? '−' : '';
  return `${sign}${(Math.abs(paise) / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  cancelled: 'cancelled',
  voided: 'voided or failed payments',
  refunded: 'refunded in full',
  unpaid: 'never paid',
  guest: 'without a customer (guests, walk-ins)',
};

/** Every reason, in the order the account lists them. */
export const EXCLUSION_REASONS = Object.keys(EXCLUSION_LABELS) as ExclusionReason[];

/** The file's money less what is not revenue, in paise; equals tables_paise when every rupee is accounted for. */
export function expectedTablesPaise(r: Reconciliation): number {
  const excluded = EXCLUSION_REASONS.reduce((s, reason) => s + r.excluded[reason].paise, 0);
  return r.file_paise - excluded - r.refunds_paise + r.returns_paise - r.bad_rows_paise;
}

export function reconciles(r: Reconciliation): boolean {
  return expectedTablesPaise(r) === r.tables_paise;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One line of the account: the file's merchandise, what is taken off or added back, the tables' revenue. */
export interface ReconciliationRow {
  label: string;
  /** Orders (or lines) behind the amount, when it is a count of them. */
  count: string | null;
  /** Signed as it enters the sum: the file positive, what is taken off negative. */
  paise: number;
  kind: 'file' | 'step' | 'total';
}

export function reconciliationRows(r: Reconciliation): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [
    { label: 'Merchandise in the file, after discounts', count: null, paise: r.file_paise, kind: 'file' },
  ];
  for (const reason of EXCLUSION_REASONS) {
    const e = r.excluded[reason];
    if (e.orders > 0)
      rows.push({
        label: `Orders ${EXCLUSION_LABELS[reason]}`,
        count: plural(e.orders, 'order'),
        paise: -e.paise,
        kind: 'step',
      });
  }
  if (r.refunds_paise > 0)
    rows.push({ label: 'Partial refunds', count: null, paise: -r.refunds_paise, kind: 'step' });
  if (r.return_lines > 0)
    rows.push({
      label: 'Returns (not sales: their negative lines are added back)',
      count: plural(r.return_lines, 'line'),
      paise: r.returns_paise,
      kind: 'step',
    });
  if (r.bad_rows_paise !== 0)
    rows.push({ label: 'Rows skipped as bad', count: null, paise: -r.bad_rows_paise, kind: 'step' });
  rows.push({ label: 'Revenue in the tables', count: null, paise: r.tables_paise, kind: 'total' });
  return rows;
}

/** What the account cannot show as a row: the file's own subtotals, amounts that could not be read. */
export function reconciliationNotes(
  r: Reconciliation,
  money: (paise: number) => string = formatPaise,
): string[] {
  const notes: string[] = [];
  const expected = expectedTablesPaise(r);
  notes.push(
    expected === r.tables_paise
      ? 'It reconciles with the file to the paisa.'
      : `The file less the above is ${money(expected)}, ${money(r.tables_paise - expected)} off the tables' revenue: please report this.`,
  );
  if (r.file_subtotal_paise !== null)
    notes.push(
      r.file_subtotal_paise === r.file_paise
        ? `The file's own order subtotals add up to the same ${money(r.file_subtotal_paise)}.`
        : `The file's own order subtotals add up to ${money(r.file_subtotal_paise)} (discounts on shipping or edited orders make the difference).`,
    );
  if (r.bad_rows_without_amount > 0)
    notes.push(
      `${plural(r.bad_rows_without_amount, 'bad row')} had no readable amount and could not be counted.`,
    );
  if (r.refunds_beyond_merchandise_paise > 0)
    notes.push(
      `${money(r.refunds_beyond_merchandise_paise)} more was refunded than the merchandise of its orders (shipping or taxes); it is not merchandise revenue.`,
    );
  return notes;
}

/** The account in sentences, for the command line. */
export function reconciliationLines(
  r: Reconciliation,
  money: (paise: number) => string = formatPaise,
): string[] {
  const rows = reconciliationRows(r);
  const steps = rows.filter((row) => row.kind === 'step');
  return [
    `Merchandise in the file, after discounts: ${money(r.file_paise)}.`,
    ...(steps.length
      ? [
          `Then: ${steps
            .map(
              (row) =>
                `${row.paise < 0 ? '−' : '+'}${money(Math.abs(row.paise))} ${row.label.toLowerCase()}${row.count ? ` (${row.count})` : ''}`,
            )
            .join('; ')}.`,
        ]
      : []),
    `Revenue in the tables: ${money(r.tables_paise)}.`,
    ...reconciliationNotes(r, money),
  ];
}
