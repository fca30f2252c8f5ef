/**
 * The one CSV writer: every CSV the project writes or offers for download goes through it
 * (customers_master.csv and clv_proxy.csv in public/data, the explorer's export, every chart's and
 * table's download, the orders export, the browser's downloads on "Analyse your data").
 *
 * - RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, quotes doubled; lines end
 *   in CRLF.
 * - Formula guard (OWASP "CSV injection"): a text cell a spreadsheet would run as a formula is
 *   prefixed with an apostrophe, which Excel, Sheets and LibreOffice show as text. Numbers are
 *   written as numbers: a finite number is never a formula, and a negative one must stay a number.
 *
 * Hand-written rather than papaparse's unparse, which took ~25 s of a 1M-customer build for cells
 * that are numbers and plain labels (measured with scripts/bench-pipeline.ts).
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Prefix formula-like text with an apostrophe (default true). Only test fixtures that imitate
   * another system's export, hostile cells included, turn it off.
   */
  formulaGuard?: boolean;
}

export const CSV_LINE_END = '\r\n';

/**
 * What a spreadsheet may read as the start of a formula: = + - @, a tab or a line break (some
 * applications skip those before reading one), and the full-width = + - @ that East Asian
 * keyboards type and some spreadsheets treat like the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text of one cell: guarded, then quoted when needed. null, undefined and non-finite numbers are empty. */
export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && options.formulaGuard !== false && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One line of cells, without its line end. Joined rather than concatenated cell by cell: `+=` left
 * a rope of small strings per line for the garbage collector, which took half of the 16 s a
 * million customers' CSV took (join: 8 s; measured on 1M rows of customers_master).
 */
export function csvLine(cells: readonly CsvValue[], options: CsvOptions = {}): string {
  const texts = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) texts[i] = csvCell(cells[i], options);
  return texts.join(',');
}

/** A header and rows as CSV chunks of about `chunkRows` lines each, so a million rows are never one string. */
export function* csvChunks(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions & { chunkRows?: number } = {},
): Generator<string> {
  const chunkRows = options.chunkRows ?? 10_000;
  yield csvLine(header, options) + CSV_LINE_END;
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(csvLine(row, options));
    if (lines.length >= chunkRows) {
      yield lines.join(CSV_LINE_END) + CSV_LINE_END;
      lines = [];
    }
  }
  if (lines.length) yield lines.join(CSV_LINE_END) + CSV_LINE_END;
}

/** A whole CSV text: the header line, then one line per row. */
export function toCsvText(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  return [...csvChunks(header, rows, options)].join('');
}
