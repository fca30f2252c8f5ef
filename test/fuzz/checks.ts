/**
 * What the fuzz asks of every build, written from the brief and the README, not from the reader:
 * a build leaves readable tables without NaN, formula-guarded CSV cells and no personal data; a
 * refusal is a user-facing error whose message names the file (and a line when the problem is on
 * rows), says what is wrong in words, quotes no personal data; a failed build leaves the output
 * folder byte for byte as it was, and nothing beside it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findPersonal, type NeedleMatcher } from '../../lib/privacy/personal-data';
import { TABLE_INFO, TABLE_NAMES, TABLE_SCHEMAS } from '../../lib/schema';
import { ManifestSchema } from '../../lib/schema/manifest';
import { hashTree as hashEveryEntry } from '../../scripts/lib/hash-tree';
import { parquetAsJson } from '../../scripts/lib/scan-published';
import type { BuildOutcome } from './build-pool';
import { parseCsv } from './csv-raw';

/** Every entry under `dir` (folders too, hidden ones too) → its kind and the sha256 of a file's bytes. */
export const hashTree = (dir: string) => hashEveryEntry(dir, { everyEntry: true });

/**
 * The files a brand build writes: every table but marketing (orders carry none), two CSVs, two
 * Parquet files each with its first rows as JSON, the manifest.
 */
export function expectedOutputFiles(): string[] {
  const files = ['manifest.json', '.gitkeep'];
  for (const name of TABLE_NAMES) {
    if (name === 'marketing_effectiveness') continue;
    files.push(`${name}.json`);
    if (TABLE_INFO[name].csv) files.push(`${name}.csv`);
    if (TABLE_INFO[name].parquet) files.push(`${name}.parquet`, `${name}.first-rows.json`);
  }
  return files.sort();
}

/** Text a message or a log line must never hold: internals, or an empty value printed as a word. */
const INTERNALS =
  /undefined|\bNaN\b|\bnull\b|\[object|TypeError|RangeError|ReferenceError|SyntaxError|Cannot read|is not a function|at Object\.|\n\s+at\s/;
/** Characters nobody can see or type in a message: control characters, NUL, a byte order mark. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF]/;
const MAX_MESSAGE_CHARS = 4000;

/** JSON-escaped, cut short: for quoting a bad message in a failure. */
export function show(text: string, max = 600): string {
  const s = JSON.stringify(text);
  return s.length > max ? `${s.slice(0, max)}… (${text.length} chars)` : s;
}

/**
 * A text for a failure message: whole unless it holds personal data (the test's output is a log
 * too), then its first words only; test/fuzz/repro.ts shows the case in full.
 */
export function shown(text: string, needles: NeedleMatcher): string {
  return findPersonal(text, needles).length
    ? `${show(text.slice(0, 60))} (the rest holds personal data)`
    : show(text);
}

/** Problems of a text people read (an error message, a printed bad row or warning, a log line). */
function textProblems(what: string, text: string, needles: NeedleMatcher): string[] {
  const problems: string[] = [];
  const quoted = shown(text, needles);
  const personal = findPersonal(text, needles);
  if (personal.length) problems.push(`${what} quotes personal data (${personal.join(', ')}): ${quoted}`);
  const internal = INTERNALS.exec(text);
  if (internal) problems.push(`${what} shows an internal or empty value (${show(internal[0])}): ${quoted}`);
  const invisible = INVISIBLE.exec(text);
  if (invisible) {
    const code = invisible[0].charCodeAt(0).toString(16).padStart(4, '0');
    problems.push(`${what} holds an invisible character U+${code}: ${quoted}`);
  }
  if (text.length > MAX_MESSAGE_CHARS)
    problems.push(`${what} is ${text.length} characters long: ${quoted.slice(0, 300)}`);
  // "amount "890.00" is not a number": the value shown hides what is wrong with the cell.
  for (const m of text.matchAll(/\b(quantity|amount|unit price|discount|price)\s+"([^"]*)"\s+is not/gi))
    if (/^-?\d[\d,]*(\.\d+)?$/.test(m[2]!))
      problems.push(
        `${what} says ${show(m[2]!)}, a plain number, is not a number (what is wrong is not shown): ${quoted}`,
      );
  return problems;
}

export interface RefusalContext {
  /** Names of the damaged files, and the orders file (a damaged side file may show in the orders' read). */
  fileNames: string[];
  /** Only rows were damaged and every header is as it was: the message must name a line. */
  needLine: boolean;
  needles: NeedleMatcher;
}

/** A refused build: the error must speak to people, about the file, in words. */
export function refusalProblems(
  outcome: Extract<BuildOutcome, { kind: 'threw' }>,
  ctx: RefusalContext,
): string[] {
  const problems: string[] = [];
  const m = outcome.message;
  const quoted = shown(m, ctx.needles);
  if (!outcome.userFacing) {
    const stack = outcome.stack.split('\n').filter((l) => /^\s+at /.test(l));
    problems.push(
      `not a user-facing error: ${outcome.className}: ${quoted} (people would read: ${shown(outcome.shown, ctx.needles)})\n${stack
        .slice(0, 10)
        .join('\n')}`,
    );
    return problems;
  }
  if (!ctx.fileNames.some((name) => m.includes(name)))
    problems.push(`the message names none of ${ctx.fileNames.map((n) => show(n)).join(', ')}: ${quoted}`);
  if ((m.match(/[A-Za-z]{3,}/g) ?? []).length < 6) problems.push(`the message says too little: ${quoted}`);
  if (ctx.needLine && !/\blines?\s+\d/i.test(m))
    problems.push(`only rows were damaged, but the message names no line: ${quoted}`);
  problems.push(...textProblems('the message', m, ctx.needles));
  for (const line of outcome.log) problems.push(...textProblems('a log line', line, ctx.needles));
  return problems;
}

/** Lines the command prints after a build (bad rows, warnings) and its log: readable, nothing personal. */
export function printedProblems(lines: readonly string[], needles: NeedleMatcher): string[] {
  return lines.flatMap((line) => textProblems('a printed line', line, needles));
}

const NOT_A_NUMBER = new Set(['NaN', 'Infinity', '-Infinity', 'undefined']);
/** What a spreadsheet would run as a formula; a number (e.g. -12.5) is not one. */
const FORMULA_START = /^[=+\-@]/;
const isNumber = (cell: string) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell);

/** Every string and every long integer of a JSON document (a long integer may be a phone number). */
function collectValues(doc: unknown, into: Set<string>): void {
  if (typeof doc === 'string') into.add(doc);
  else if (typeof doc === 'number') {
    if (Number.isInteger(doc) && Math.abs(doc) >= 1e9) into.add(String(doc));
  } else if (Array.isArray(doc)) for (const v of doc) collectValues(v, into);
  else if (doc && typeof doc === 'object')
    for (const [k, v] of Object.entries(doc)) {
      into.add(k);
      collectValues(v, into);
    }
}

/** A finished build's folder: every table there, readable, valid, finite, guarded, and nothing personal. */
export async function outputProblems(outDir: string, needles: NeedleMatcher): Promise<string[]> {
  const problems: string[] = [];
  const present = (await readdir(outDir)).sort();
  const expected = expectedOutputFiles();
  if (JSON.stringify(present) !== JSON.stringify(expected))
    problems.push(`the output folder holds ${present.join(', ')}; expected ${expected.join(', ')}`);
  const values = new Set<string>();
  for (const file of present) {
    if (file.endsWith('.parquet')) {
      // Compressed: its values are read through DuckDB and searched like the JSON tables'.
      collectValues(JSON.parse(await parquetAsJson(path.join(outDir, file))), values);
      continue;
    }
    const text = await readFile(path.join(outDir, file), 'utf8');
    if (file.endsWith('.json')) {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        problems.push(`${file} is not JSON: ${(error as Error).message}`);
        continue;
      }
      const name = file.slice(0, -'.json'.length);
      const schema = name === 'manifest' ? ManifestSchema : TABLE_SCHEMAS[name as keyof typeof TABLE_SCHEMAS];
      const parsed = schema?.safeParse(doc);
      if (parsed && !parsed.success)
        problems.push(`${file} does not match its schema: ${show(JSON.stringify(parsed.error.issues[0]))}`);
      collectValues(doc, values);
    } else if (file.endsWith('.csv')) {
      const rows = parseCsv(text);
      const width = rows[0]?.length ?? 0;
      rows.forEach((row, i) => {
        if (row.length !== width && !(row.length === 1 && row[0] === '' && i === rows.length - 1))
          problems.push(`${file} line ${i + 1} has ${row.length} cells, its header ${width}`);
        for (const cell of row) {
          values.add(cell);
          if (FORMULA_START.test(cell) && !isNumber(cell))
            problems.push(
              `${file} line ${i + 1} has a cell a spreadsheet would run as a formula: ${show(cell)}`,
            );
        }
      });
    }
  }
  for (const v of values) if (NOT_A_NUMBER.has(v.trim())) problems.push(`a table holds the value ${show(v)}`);
  // Customer ids are pseudonyms (c_ and 14 letters): the rest is searched for personal data.
  const searched = [...values].filter((v) => !/^c_[a-z]{14}$/.test(v)).join('\n');
  const personal = findPersonal(searched, needles);
  if (personal.length) problems.push(`the tables hold personal data: ${personal.join(', ')}`);
  return problems;
}
