import { normaliseHeader } from './column-matching';
import { parseSideFile } from './csv-text';
import { OrdersInputError } from './orders-input-error';
import { listHeaders, quoteValue } from './quote-value';

/**
 * A category → lifestyle-intent mapping file: two columns, `category` and `intent` (any order).
 * `firstBytes`, when the caller has them, show a UTF-16 byte-order mark.
 */
export function readIntentsCsv(file: string, text: string, firstBytes?: Uint8Array): Map<string, string> {
  const [header, ...rows] = parseSideFile(file, text, 'the category → intent mapping', firstBytes);
  const names = (header ?? []).map(normaliseHeader);
  const ci = names.findIndex((h) =>
    ['category', 'product category', 'product type', 'department'].includes(h),
  );
  const ii = names.findIndex((h) => ['intent', 'lifestyle intent', 'group', 'theme'].includes(h));
  if (ci < 0 || ii < 0) {
    throw new OrdersInputError(
      `${file}: needs a "category" and an "intent" column; found ${listHeaders(header ?? [])}.`,
    );
  }
  const map = new Map<string, string>();
  rows.forEach((r, i) => {
    const category = (r[ci] ?? '').trim();
    const intent = (r[ii] ?? '').trim();
    if (!category || !intent)
      throw new OrdersInputError(`${file}, line ${i + 2}: category and intent must both be filled in.`);
    const before = map.get(category);
    if (before !== undefined && before !== intent) {
      throw new OrdersInputError(
        `${file}, line ${i + 2}: ${quoteValue(category)} is mapped to ${quoteValue(before)} and to ${quoteValue(intent)}; give each category one intent.`,
      );
    }
    map.set(category, intent);
  });
  return map;
}
