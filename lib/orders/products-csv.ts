/**
 * A products file: where an orders export has no product category (Shopify's keeps it in the
 * products export), the category of each order line is found here by SKU, else by product title.
 * Shopify's products export writes a product's own fields (Title, Type, Vendor) on the first row of
 * each Handle only, its variants (Variant SKU) on the rows below: those are carried down.
 */
import { normaliseHeader } from './column-matching';
import { parseSideFile } from './csv-text';
import { OrdersInputError } from './orders-input-error';
import { listHeaders } from './quote-value';

export interface ProductCatalogue {
  file: string;
  /** SKU (as written, trimmed) → category. */
  bySku: Map<string, string>;
  /** Title (lower-cased, spaces collapsed) → category. */
  byTitle: Map<string, string>;
  /** Titles, longest first, for order lines named "Title - Variant". */
  titles: string[];
  products: number;
  /** Products without a category (their lines take the fallback). */
  withoutCategory: number;
  /** Which column the categories came from. */
  categoryColumn: string;
}

const SKU = ['variant sku', 'sku', 'item code', 'product code', 'barcode', 'variant barcode'];
const TITLE = ['title', 'product title', 'product name', 'name', 'item name', 'product'];
const HANDLE = ['handle', 'product handle', 'product id', 'parent sku'];
/** Shopify's own Type first; its "Product Category" is a taxonomy path, used when Type is blank. */
const CATEGORY = ['type', 'product type', 'category', 'product category', 'department', 'collection'];

export const normaliseTitle = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** "Home & Garden > Linens & Bedding > Bedding > Bed Sheets" → "Bed Sheets". */
const lastSegment = (path: string) => path.split('>').pop()!.trim();

/** `firstBytes`, when the caller has them, show a UTF-16 byte-order mark. */
export function readProductsCsv(file: string, text: string, firstBytes?: Uint8Array): ProductCatalogue {
  const [rawHeader, ...rows] = parseSideFile(file, text, 'the products', firstBytes);
  const headers = (rawHeader ?? []).map((h) => h.trim());
  const names = headers.map(normaliseHeader);
  const find = (wanted: string[]) => {
    for (const w of wanted) {
      const i = names.indexOf(w);
      if (i >= 0) return i;
    }
    return -1;
  };
  const sku = find(SKU);
  const title = find(TITLE);
  const handle = find(HANDLE);
  const categories = CATEGORY.map((c) => names.indexOf(c)).filter((i) => i >= 0);
  if (categories.length === 0 || (sku < 0 && title < 0)) {
    throw new OrdersInputError(
      `${file}: a products file needs a category column (Type, Product Type, Category …) and a SKU or a title column; ` +
        `found ${listHeaders(headers)}. Export the products from your shop (Shopify: Products → Export) or map the orders' category column instead.`,
    );
  }
  const catalogue: ProductCatalogue = {
    file,
    bySku: new Map(),
    byTitle: new Map(),
    titles: [],
    products: 0,
    withoutCategory: 0,
    categoryColumn: headers[categories[0]!]!,
  };
  // A product's fields, carried to its variant rows (same handle, blank title and type).
  let current = { handle: '', title: '', category: '' };
  for (const cells of rows) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const h = cell(handle);
    const t = cell(title);
    let category = '';
    for (const i of categories) {
      const v = cell(i);
      if (v) {
        category = names[i] === 'product category' ? lastSegment(v) : v;
        break;
      }
    }
    const newProduct = t !== '' || (h !== '' && h !== current.handle) || handle < 0;
    if (newProduct) {
      current = { handle: h, title: t, category };
      catalogue.products++;
      if (!category) catalogue.withoutCategory++;
      if (t && category && !catalogue.byTitle.has(normaliseTitle(t)))
        catalogue.byTitle.set(normaliseTitle(t), category);
    } else if (!current.category && category) current.category = category;
    const s = cell(sku);
    if (s && current.category && !catalogue.bySku.has(s)) catalogue.bySku.set(s, current.category);
  }
  if (catalogue.bySku.size === 0 && catalogue.byTitle.size === 0) {
    throw new OrdersInputError(`${file}: no product in the file has both a category and a SKU or title.`);
  }
  catalogue.titles = [...catalogue.byTitle.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return catalogue;
}

/**
 * The category of an order line: by SKU, else by its product name, which is the product's title
 * or "Title - Variant" (Shopify's Lineitem name). Null when the catalogue does not know it.
 */
export function categoryOfProduct(catalogue: ProductCatalogue, sku: string, name: string): string | null {
  if (sku) {
    const bySku = catalogue.bySku.get(sku);
    if (bySku) return bySku;
  }
  if (!name) return null;
  const n = normaliseTitle(name);
  const exact = catalogue.byTitle.get(n);
  if (exact) return exact;
  for (const t of catalogue.titles) {
    if (n.startsWith(t) && /^\s*[-–—/|:(]/.test(n.slice(t.length))) return catalogue.byTitle.get(t)!;
  }
  return null;
}
