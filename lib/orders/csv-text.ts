/**
 * The text of a CSV file a brand gives us: what it is split by, whether it is text at all, and a
 * small side file (intents, products) read whole.
 */
import Papa from 'papaparse';
import { OrdersInputError } from './orders-input-error';

export type Delimiter = ',' | ';' | '\t';

/** The first bytes of a file the streamed reads check (text or not) and sniff the delimiter from. */
export const HEAD_BYTES = 64 * 1024;

/** The delimiter that splits the header line into the most cells (outside quotes). */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
}

/**
 * Refuses what is plainly not a CSV text: nothing at all, a two-byte encoding (UTF-16, about every other
 * byte NUL), binary bytes. A few NUL bytes in a text are left to the readers, which drop them.
 * `what` names the file's content for the advice ("the orders", "the customers").
 */
export function checkLooksLikeText(
  file: string,
  head: string,
  what = 'the orders',
  firstBytes?: Uint8Array,
): void {
  if (
    head
      .replace(/^\uFEFF+/, '')
      .replace(/\u0000/g, '')
      .trim() === ''
  )
    throw new OrdersInputError(`${file}: the file is empty.`);
  const sample = head.slice(0, 4096);
  let odd = 0;
  let printable = 0;
  // UTF-16 text read as UTF-8: a NUL beside every character, all on even or all on odd positions.
  const nulAt = [0, 0];
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nulAt[i % 2]!++;
    else if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
    else printable++;
  }
  const half = sample.length / 2;
  const oneSided = Math.max(...nulAt) > 0.4 * half && Math.min(...nulAt) < 0.05 * half;
  // UTF-16's byte-order mark (FF FE or FE FF), seen in the bytes when the caller has them: the NUL
  // test alone misses UTF-16 text in Hindi, Tamil or emoji, whose characters have no zero byte.
  const [b0, b1] = firstBytes ?? [];
  const utf16Mark = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
  if (utf16Mark || (oneSided && printable > 0.9 * (sample.length - nulAt[0]! - nulAt[1]!))) {
    throw new OrdersInputError(
      `${file}: the file is saved in a two-byte encoding (UTF-16), which this reader does not take. Save ${what} again as "CSV UTF-8".`,
    );
  }
  // A few NULs in a text are dropped by the readers (and reported); many make it binary.
  odd += nulAt[0]! + nulAt[1]! > 0.05 * sample.length ? nulAt[0]! + nulAt[1]! : 0;
  if (odd > Math.max(2, sample.length * 0.01)) {
    throw new OrdersInputError(
      `${file}: this does not look like a CSV text file (${odd} binary or undecodable characters in its first ${sample.length}). Export ${what} as CSV (UTF-8).`,
    );
  }
}

/** A value a header cell never is: a number, a date, an e-mail address or a phone number. */
const VALUE_LIKE = /^[-+(₹$]?\d[\d,.\s/:-]*\)?$|@|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;

/**
 * Refuses a file whose first line is data, not column names (the header row was left out): its
 * cells are not quoted back, as they would be a customer's name, e-mail or address.
 */
export function checkHeaderIsNames(file: string, headers: readonly string[]): void {
  const values = headers.filter((h) => VALUE_LIKE.test(h.trim())).length;
  if (values >= 2) {
    throw new OrdersInputError(
      `${file}: its first line looks like data (${values} of its ${headers.length} cells are numbers, dates, e-mails or phone numbers), not column names: the header row seems to be missing. Export the file again with its column names on the first line.`,
    );
  }
}

export function firstLine(text: string): string {
  const end = text.search(/\r?\n|\r/);
  return end < 0 ? text : text.slice(0, end);
}

/**
 * The start of a CSV text (the whole text, or a file's first bytes): refused when it is not text
 * (see checkLooksLikeText), then without its byte-order marks, and split by the delimiter its header
 * line has most of. `what` names the file's content for the advice; `firstBytes`, when the caller
 * has them, show a UTF-16 byte-order mark.
 */
export function openCsvText(
  file: string,
  head: string,
  what = 'the orders',
  firstBytes?: Uint8Array,
): { body: string; delimiter: Delimiter; byteOrderMarks: number } {
  checkLooksLikeText(file, head, what, firstBytes);
  const body = head.replace(/^\uFEFF+/, '');
  return { body, delimiter: sniffDelimiter(firstLine(body)), byteOrderMarks: head.length - body.length };
}

/**
 * A small CSV side file (intents, products) read whole: refused if it is not text, BOM
 * dropped, delimiter sniffed from its header, blank lines skipped. The header is the first row.
 */
export function parseSideFile(file: string, text: string, what: string, firstBytes?: Uint8Array): string[][] {
  const { body, delimiter } = openCsvText(file, text, what, firstBytes);
  const rows = Papa.parse<string[]>(body.replace(/\u0000/g, ''), {
    delimiter,
    skipEmptyLines: 'greedy',
  }).data;
  if (rows[0]) checkHeaderIsNames(file, rows[0]);
  return rows;
}
