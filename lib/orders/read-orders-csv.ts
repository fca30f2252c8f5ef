/**
 * Reads a brand's orders export (CSV text) into the transaction shape: delimiter sniffed from the
 * header (`,`, `;` or tab), UTF-8 with or without BOM, rows streamed through papaparse into the
 * OrdersReader. The same function serves the command line and the browser worker.
 */
import Papa from 'papaparse';
import type { TransactionLog } from '../transactions/transaction-log';
import { OrdersInputError, OrdersReader, type OrdersReadOptions, type OrdersReport } from './orders-reader';

export type Delimiter = ',' | ';' | '\t';

/** The delimiter that splits the header line into the most cells (outside quotes). */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return best;
}

/** Refuses what is plainly not a CSV text: binary bytes, undecodable text, nothing at all. */
export function checkLooksLikeText(file: string, head: string): void {
  if (head.replace(/^\uFEFF/, '').trim() === '') throw new OrdersInputError(`${file}: the file is empty.`);
  const sample = head.slice(0, 4096);
  let odd = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  if (odd > Math.max(2, sample.length * 0.01)) {
    throw new OrdersInputError(
      `${file}: this does not look like a CSV text file (${odd} binary or undecodable characters in its first ${sample.length}). Export the orders as CSV (UTF-8).`,
    );
  }
}

/**
 * A small CSV side file (customers, intents) read whole: refused if it is not text, BOM dropped,
 * delimiter sniffed from its header, blank lines skipped. The header is the first row.
 */
export function parseSideFile(file: string, text: string): string[][] {
  checkLooksLikeText(file, text);
  const body = text.replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(body, { delimiter: sniffDelimiter(firstLine(body)), skipEmptyLines: 'greedy' })
    .data;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n|\r/);
  return end < 0 ? text : text.slice(0, end);
}

export function readOrdersCsv(
  text: string,
  options: OrdersReadOptions,
): { log: TransactionLog; report: OrdersReport; delimiter: Delimiter } {
  checkLooksLikeText(options.file, text);
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(firstLine(body));
  let reader: OrdersReader | null = null;
  let row = 0;
  let failure: unknown = null;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      row++;
      try {
        if (!reader) {
          const headers = result.data.map((h) => h.trim());
          if (headers.length < 2) {
            throw new OrdersInputError(
              `${options.file}: the header has a single column ("${headers[0] ?? ''}"); the file is not split by , ; or tab as expected.`,
            );
          }
          reader = new OrdersReader(headers, options);
        } else reader.addRow(result.data, row);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  if (!reader) throw new OrdersInputError(`${options.file}: the file is empty.`);
  return { ...(reader as OrdersReader).finish(), delimiter };
}
