import { normaliseHeader } from './column-matching';
import { OrdersInputError } from './orders-reader';
import { parseSideFile } from './read-orders-csv';

/** A category → lifestyle-intent mapping file: two columns, `category` and `intent` (any order). */
export function readIntentsCsv(file: string, text: string): Map<string, string> {
  const [header, ...rows] = parseSideFile(file, text);
  const names = (header ?? []).map(normaliseHeader);
  const ci = names.findIndex((h) =>
    ['category', 'product category', 'product type', 'department'].includes(h),
  );
  const ii = names.findIndex((h) => ['intent', 'lifestyle intent', 'group', 'theme'].includes(h));
  if (ci < 0 || ii < 0) {
    throw new OrdersInputError(
      `${file}: needs a "category" and an "intent" column; found ${(header ?? []).map((h) => `"${h}"`).join(', ') || 'none'}.`,
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
        `${file}, line ${i + 2}: "${category}" is mapped to "${before}" and to "${intent}".`,
      );
    }
    map.set(category, intent);
  });
  return map;
}
