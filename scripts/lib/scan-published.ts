/**
 * Scans what a static host would publish (public/data, a static export) for personal data and for
 * spreadsheet formulas: e-mail addresses and phone numbers by their shape anywhere, Indian mobile
 * numbers in the text values of JSON tables, the exact personal values of known input files (the
 * corpus), and CSV cells a spreadsheet would run. Findings name the file, the line and what was
 * found, never the value itself (the scan's own output must not publish it either).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { withDuckDB } from '../../lib/duckdb/contract';
import { literal } from '../../lib/duckdb/sql-text';
import {
  INDIAN_MOBILE,
  jsonStrings,
  personalPatterns,
  type NeedleMatcher,
} from '../../lib/privacy/personal-data';

export interface Finding {
  file: string;
  line: number;
  what: string;
}

const TEXT_FILES = /\.(json|csv|html|txt|js|css|xml|svg|webmanifest|md)$/i;
/** The explorer's engine (duckdb-wasm), copied into public/duckdb/ from node_modules by next.config.mjs. */
const VENDORED = /^duckdb\//;
/** Parquet is compressed: its values are read through DuckDB and scanned as the JSON of its rows. */
const PARQUET_FILES = /\.parquet$/i;
/**
 * A CSV text cell a spreadsheet would run as a formula (numbers are numbers, and guarded cells
 * start with '). Written out here rather than taken from lib/csv/csv.ts: this check audits that
 * writer, so a character the writer forgets must not be forgotten here too.
 */
const FORMULA = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Line numbers of match positions given in increasing order, counting line breaks once over the text. */
function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    for (; at < index; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

export function scanText(file: string, text: string, needles?: NeedleMatcher): Finding[] {
  const findings: Finding[] = [];
  const [email, phone] = personalPatterns();
  for (const [pattern, what] of [
    [email!, 'an e-mail address'],
    [phone!, 'a phone number'],
  ] as const) {
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    const lineOf = lineCounter(text);
    for (const m of text.matchAll(global)) findings.push({ file, line: lineOf(m.index), what });
  }
  const known = needles?.count(text) ?? 0;
  if (known > 0) findings.push({ file, line: 0, what: `${known} personal value(s) of the input files` });
  if (/\.(json|parquet)$/i.test(file)) {
    try {
      for (const s of jsonStrings(JSON.parse(text)))
        if (INDIAN_MOBILE.test(s)) findings.push({ file, line: 0, what: 'a mobile number in a text value' });
    } catch {
      // Not JSON after all: the patterns above have looked at it.
    }
  }
  if (/\.csv$/i.test(file)) {
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
    rows.forEach((cells, r) =>
      cells.forEach((cell) => {
        if (FORMULA.test(cell) && !Number.isFinite(Number(cell)))
          findings.push({ file, line: r + 1, what: 'a cell a spreadsheet would run as a formula' });
        if (INDIAN_MOBILE.test(cell) && !Number.isFinite(Number(cell)))
          findings.push({ file, line: r + 1, what: 'a mobile number in a text cell' });
      }),
    );
  }
  return findings;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (TEXT_FILES.test(entry.name) || PARQUET_FILES.test(entry.name)) yield full;
  }
}

/** A Parquet file's rows as JSON text (one array per row), for the same scan as a JSON table's. */
export function parquetAsJson(file: string): Promise<string> {
  return withDuckDB(async (connection) => {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${literal(file)})`);
    return JSON.stringify(reader.getRowsJson());
  });
}

/** Every finding in the text and Parquet files under `dir` (paths relative to it). */
export async function scanFolder(dir: string, needles?: NeedleMatcher): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const file of filesUnder(dir)) {
    const text = PARQUET_FILES.test(file) ? await parquetAsJson(file) : await readFile(file, 'utf8');
    const name = path.relative(dir, file);
    if (VENDORED.test(name)) {
      // Third-party code copied from node_modules: its licence headers name their authors (an
      // e-mail address by its shape), so only the input's own personal values are searched for.
      const known = needles?.count(text) ?? 0;
      if (known > 0)
        findings.push({ file: name, line: 0, what: `${known} personal value(s) of the input files` });
    } else findings.push(...scanText(name, text, needles));
  }
  return findings;
}

/** Findings in words, a line each, grouped so one leak in every row of a table does not flood the log. */
export function describeFindings(findings: readonly Finding[], limit = 20): string[] {
  return findings
    .slice(0, limit)
    .map((f) => `  ${f.file}${f.line ? `, line ${f.line}` : ''}: ${f.what}`)
    .concat(findings.length > limit ? [`  … and ${findings.length - limit} more`] : []);
}
