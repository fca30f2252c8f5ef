/**
 * An orders file's columns, decided from its header, its first rows and the platform it comes
 * from; and which required fields are still without one. Shared by the reader and the page that
 * shows the mapping (kept apart from the reader so the page does not load it).
 */
import { findChannelColumn, matchColumns, ORDER_FIELDS, type OrderField } from './column-matching';
import type { Platform } from './platforms';

/** The orders file's columns, from its header, sample rows, platform and any mapping by hand. */
export function matchOrderColumns(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  platform: Platform,
  options: { mapping?: Partial<Record<OrderField, string>>; channel?: 'online' | 'in-store' } = {},
): { columns: Partial<Record<OrderField, number>>; how: Partial<Record<OrderField, string>> } {
  const match = matchColumns(headers, ORDER_FIELDS, options.mapping, platform.columns);
  const fixed = options.channel ?? platform.channel;
  if (match.columns.channel === undefined && !options.mapping?.channel && !fixed) {
    const taken = new Set(Object.values(match.columns) as number[]);
    const found = findChannelColumn(headers, sample, taken);
    if (found) {
      match.columns.channel = found.index;
      match.how.channel = found.how;
    }
  }
  return { columns: match.columns, how: match.how };
}

/** Required fields with no column: the channel may be fixed, a unit price stands in for the amount, and a products file or the platform's fallback gives the category. */
export function missingOrderFields(
  headers: readonly string[],
  columns: Partial<Record<OrderField, unknown>>,
  platform: Pick<Platform, 'channel' | 'categoryFallback'>,
  options: { channel?: 'online' | 'in-store' | null; products?: unknown },
): OrderField[] {
  const has = (key: OrderField) => columns[key] !== undefined && columns[key] !== '';
  // The platform's stand-in category column counts only when the file has it.
  const fallback = platform.categoryFallback !== null && headers.includes(platform.categoryFallback);
  return ORDER_FIELDS.filter((f) => f.required && !has(f.key))
    .map((f) => f.key)
    .filter((key) => {
      if (key === 'amount') return !has('unit_price');
      if (key === 'channel') return !(options.channel ?? platform.channel);
      if (key === 'category') return !options.products && !fallback;
      return true;
    });
}
