import Papa from 'papaparse';
import type { SourceIssue } from './source-issues';

/**
 * Header text as the published files spell it varies: trailing spaces, double spaces, a typographic
 * apostrophe next to a straight one. Matching is done on this normalised form.
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface CsvTable {
  file: string;
  /** Headers as written (BOM removed), for messages. */
  headers: string[];
  /** Data rows; `lines[i]` is the 1-based file line of `rows[i]`. */
  rows: string[][];
  lines: number[];
}

/** Parse CSV text exactly as published: BOM, CRLF or LF, quoted cells with commas, empty cells. */
export function parseCsvTable(file: string, text: string, issues: SourceIssue[]): CsvTable {
  // Pin the delimiter and the line ending: papaparse's auto-detection reports small files that end
  // in a newline (or hold one column, or a blank line) as malformed, and takes `;` files as CSV.
  // CR LF and lone CR become LF so a file mixing line endings still reads one row per line.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    delimiter: ',',
    newline: '\n',
  });
  for (const error of parsed.errors) {
    issues.push({
      file,
      line: (error.row ?? 0) + 1,
      column: '(row)',
      value: error.code,
      expected: `well-formed CSV (${error.message})`,
    });
  }
  const all = parsed.data;
  const headers = all[0] ?? [];
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 1; i < all.length; i++) {
    const row = all[i]!;
    // Trailing newline, or blank lines: not data.
    if (row.length === 1 && row[0]!.trim() === '') continue;
    rows.push(row);
    lines.push(i + 1);
  }
  return { file, headers, rows, lines };
}

/** Find the index of each expected column by normalised header; missing ones become issues. */
export function locateColumns<K extends string>(
  table: CsvTable,
  expected: Record<K, string>,
  issues: SourceIssue[],
): Record<K, number> | null {
  const normalised = table.headers.map(normaliseHeader);
  const found = {} as Record<K, number>;
  let ok = true;
  for (const key of Object.keys(expected) as K[]) {
    const want = normaliseHeader(expected[key]);
    const index = normalised.indexOf(want);
    if (index < 0) {
      ok = false;
      issues.push({
        file: table.file,
        line: 1,
        column: expected[key],
        value: table.headers.join(','),
        expected: `a header named "${expected[key]}"`,
      });
    }
    found[key] = index;
  }
  return ok ? found : null;
}

/** Reads typed cells of one row, recording an issue for each cell that does not fit. */
export class RowReader {
  constructor(
    private readonly table: CsvTable,
    private readonly columns: Record<string, number>,
    private readonly names: Record<string, string>,
    private readonly issues: SourceIssue[],
    private row: string[] = [],
    private line = 0,
  ) {}

  at(index: number): this {
    this.row = this.table.rows[index]!;
    this.line = this.table.lines[index]!;
    if (this.row.length !== this.table.headers.length) {
      this.fail('(row)', String(this.row.length), `${this.table.headers.length} cells as in the header`);
    }
    return this;
  }

  get lineNumber(): number {
    return this.line;
  }

  raw(key: string): string {
    return (this.row[this.columns[key]!] ?? '').trim();
  }

  fail(key: string, value: string, expected: string): void {
    this.issues.push({
      file: this.table.file,
      line: this.line,
      column: this.names[key] ?? key,
      value,
      expected,
    });
  }

  text(key: string): string {
    const v = this.raw(key);
    if (v === '') this.fail(key, v, 'a non-empty text');
    return v;
  }

  int(key: string, min: number, max: number): number {
    const v = this.raw(key);
    const n = Number(v);
    if (v === '' || !Number.isInteger(n) || n < min || n > max) {
      this.fail(key, v, `an integer from ${min} to ${max}`);
      return NaN;
    }
    return n;
  }

  number(key: string, min: number, max = Infinity): number {
    const v = this.raw(key);
    const n = Number(v);
    if (v === '' || !Number.isFinite(n) || n < min || n > max) {
      this.fail(key, v, max === Infinity ? `a number ≥ ${min}` : `a number from ${min} to ${max}`);
      return NaN;
    }
    return n;
  }

  /**
   * A statistic that is undefined for one or two items: the published sheet leaves it empty or
   * writes the spreadsheet error `#DIV/0!`. Both mean "not defined" (null); anything else must be a number.
   */
  optionalNumber(key: string, min: number): number | null {
    const v = this.raw(key);
    if (v === '' || v === '#DIV/0!') return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) {
      this.fail(key, v, `a number ≥ ${min}, an empty cell or #DIV/0!`);
      return NaN;
    }
    return n;
  }

  /** `12.70%` → 12.7 (percent points). */
  percent(key: string): number {
    const v = this.raw(key);
    const m = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(v);
    const n = m ? Number(m[1]) : NaN;
    if (!m || n < 0 || n > 100) {
      this.fail(key, v, 'a percentage from 0% to 100%, like 12.70%');
      return NaN;
    }
    return n;
  }

  /** `"38, 39, 82, 83"` → [38, 39, 82, 83]; empty → []. */
  intList(key: string, min: number, max: number): number[] {
    const v = this.raw(key);
    if (v === '') return [];
    const parts = v.split(',').map((p) => p.trim());
    const out = parts.map(Number);
    if (parts.some((p, i) => p === '' || !Number.isInteger(out[i]) || out[i]! < min || out[i]! > max)) {
      this.fail(key, v, `a comma-separated list of integers from ${min} to ${max}, or an empty cell`);
      return [];
    }
    return out;
  }
}

export function createRowReader<K extends string>(
  table: CsvTable,
  columns: Record<K, number>,
  names: Record<K, string>,
  issues: SourceIssue[],
): RowReader {
  return new RowReader(table, columns, names, issues);
}

/**
 * The staging loop every source file shares: parse, find the expected columns, then read each
 * row with `read` (which records an issue for every cell that does not fit). No columns, no rows.
 */
export function stageRows<K extends string, T>(
  file: string,
  text: string,
  expected: Record<K, string>,
  issues: SourceIssue[],
  read: (r: RowReader) => T,
): { rows: T[]; table: CsvTable } {
  const table = parseCsvTable(file, text, issues);
  const columns = locateColumns(table, expected, issues);
  if (!columns) return { rows: [], table };
  const r = createRowReader(table, columns, expected, issues);
  return { rows: table.rows.map((_, i) => read(r.at(i))), table };
}
