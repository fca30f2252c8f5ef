import { createRowReader, locateColumns, parseCsvTable } from './csv-table';
import type { SourceIssue } from './source-issues';

export interface AisleProducts {
  aisle_id: number;
  product_count: number;
  /** A few product names, in file order, to make a family concrete on a page. */
  example_products: string[];
  /** File line of the aisle's first product, for messages. */
  first_line: number;
}

const COLUMNS = { product_name: 'product_name', aisle_id: 'aisle_id' };
const EXAMPLES = 3;

export function stageAisleProducts(
  file: string,
  text: string,
  issues: SourceIssue[],
): Map<number, AisleProducts> {
  const table = parseCsvTable(file, text, issues);
  const columns = locateColumns(table, COLUMNS, issues);
  const byAisle = new Map<number, AisleProducts>();
  if (!columns) return byAisle;
  const r = createRowReader(table, columns, COLUMNS, issues);
  table.rows.forEach((_, i) => {
    r.at(i);
    const aisleId = r.int('aisle_id', 1, 10_000);
    const name = r.text('product_name');
    if (!Number.isFinite(aisleId)) return;
    let entry = byAisle.get(aisleId);
    if (!entry) {
      entry = { aisle_id: aisleId, product_count: 0, example_products: [], first_line: r.lineNumber };
      byAisle.set(aisleId, entry);
    }
    entry.product_count++;
    if (entry.example_products.length < EXAMPLES && name !== '') entry.example_products.push(name);
  });
  return byAisle;
}
