import type { Manifest } from '../schema/manifest';
import { formatCount } from './format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-01-01" → "1 Jan 2025". */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** True when the customers are a brand's own (built from an orders file). */
export function isOwnData(manifest: Manifest | null): boolean {
  return manifest?.provenance.kind === 'orders';
}

/** "orders.csv, 12,345 rows (12 skipped), 1 Jan 2025 – 30 Jun 2026"; null for synthetic data. */
export function ownDataSummary(manifest: Manifest | null): string | null {
  const p = manifest?.provenance;
  if (!p || p.kind !== 'orders') return null;
  const files = p.files.customers ? `${p.files.orders} + ${p.files.customers}` : p.files.orders;
  return `${files}, ${formatCount(p.rows_read)} rows (${formatCount(p.rows_skipped)} skipped), ${formatDay(p.first_day)} – ${formatDay(p.last_day)}`;
}
