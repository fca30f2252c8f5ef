/**
 * A big orders file for the benchmarks, made from a generated export by repetition: past a million
 * lines, generating costs more than the read being measured, and the export is more than one
 * JavaScript string holds (10M lines is over 800 MB). Each copy's orders and customers are renumbered
 * (O12 → O12-r2, C7 → C7-r2): real distributions, repeated, and as many distinct customers as a
 * brand of that size would have.
 */
import { appendFileSync, writeFileSync } from 'node:fs';

/** The first `count` lines of `text` (each with its line end), and how many there were. */
function firstLines(text: string, count: number): { text: string; lines: number } {
  let end = 0;
  let lines = 0;
  while (lines < count) {
    const next = text.indexOf('\n', end);
    if (next < 0) break;
    end = next + 1;
    lines++;
  }
  return { text: text.slice(0, end), lines };
}

/**
 * Writes `export_` (a CSV text whose first line is its header) to `file`, then appends renumbered
 * copies of its rows until the file holds `rows` rows; `renumbered` names the first `keys` fields
 * (never quoted: ids such as O12 and C7). Returns the rows written and the copies made.
 */
export function writeRepeated(
  file: string,
  export_: string,
  rows: number,
  keys: 1 | 2,
): { rows: number; copies: number } {
  const headerEnd = export_.indexOf('\n') + 1;
  const first = firstLines(export_.slice(headerEnd), rows);
  if (first.lines < 1) throw new Error('The generated export has no rows to repeat.');
  writeFileSync(file, export_.slice(0, headerEnd) + first.text);
  const fields = keys === 2 ? /^([^,\n]*),([^,\n]*),/gm : /^([^,\n]*),/gm;
  let written = first.lines;
  let copy = 1;
  while (written < rows) {
    copy++;
    const suffix = `-r${copy}`;
    const renumbered = first.text.replace(fields, keys === 2 ? `$1${suffix},$2${suffix},` : `$1${suffix},`);
    const take = firstLines(renumbered, Math.min(first.lines, rows - written));
    appendFileSync(file, take.text);
    written += take.lines;
  }
  return { rows: written, copies: copy };
}
