/**
 * A read of a CSV file's rows, whichever way they arrive: a whole text (the tests, readOwnData),
 * the chunks papaparse streams from a File (the browser worker), or rows streamed from disk (the
 * command line, read-csv-file.ts). The orders read and the customers read are both one of these,
 * so that every path counts lines, skips blank rows and stops on an unclosed quote the same way.
 */
import Papa from 'papaparse';
import { openCsvText, type Delimiter } from './csv-text';
import { OrdersInputError } from './orders-input-error';

/** What papaparse says of a row it could not read cleanly (its ParseError, in part). */
export interface ParseProblem {
  code: string;
  row?: number;
}

export interface RowsRead<Result> {
  /** The file's name, as every message says it. */
  readonly file: string;
  /** The text is to be read without its NUL bytes, dropped before parsing (the customers read). */
  readonly dropsNul: boolean;
  /**
   * Feeds parsed rows (the first row of the file is its header), with papaparse's errors for them
   * (an error's `row` is its index in `rows`).
   */
  addRows(rows: readonly string[][], errors?: readonly ParseProblem[]): void;
  /**
   * addRows from inside papaparse's step or chunk callback: on a problem, keeps it (see problem)
   * and only then stops papaparse, whose abort calls complete at once, so a complete that checks
   * problem() never takes the rows read so far for the file. False once the read has stopped.
   */
  feed(rows: readonly string[][], errors: readonly ParseProblem[], parser: { abort(): void }): boolean;
  /** What stopped the read, or null. */
  problem(): unknown;
  /** Rows read after the header. */
  rowsRead(): number;
  /** Rows read, the header included: a row still open is on the line after them. */
  linesRead(): number;
  finish(): Result;
}

/**
 * A row this long (a value opened by a quote and never closed runs to the end of the file) is
 * refused by the streamed reads: papaparse reads such a row again from its start with every chunk,
 * which over hundreds of megabytes would take hours (and past 512 MiB fail inside papaparse).
 */
export const ROW_MAX_BYTES = 16 * 2 ** 20;

/**
 * A value opened by a quote that is not closed: papaparse reads the rest of the file as that one
 * value (MissingQuotes), which would lose every line after it without a word. `withinMB`: the
 * streamed read gives up after that much, rather than read the rest again with every chunk.
 */
export function unclosedQuote(file: string, line: number, withinMB?: number): OrdersInputError {
  return new OrdersInputError(
    `${file}: line ${line} (counting the header as line 1) has a value that opens with a quote (") and is not closed${withinMB ? ` within ${withinMB} MB` : ''}, so the rest of the file would read as one value. Check the quotes on that line (a quote inside a value is written twice: ""), then export the file again.`,
  );
}

/**
 * Options every parse of a RowsRead's text passes to papaparse. Blank rows are not skipped there
 * but by the read (a row whose every cell is blank, as papaparse's 'greedy' would): the streamed
 * reads then see every row go by, blank ones too, when they watch for a row that never ends.
 */
export const ROWS_PARSE = { skipEmptyLines: false } as const;

/**
 * A RowsRead that hands each row that is not blank to `take`, with its line (the header is line 1),
 * and whose finish is `finish`. `take` throws OrdersInputError on bad input.
 */
export function startRowsRead<Result>(
  file: string,
  take: (cells: string[], line: number) => void,
  finish: () => Result,
  options: { dropsNul?: boolean } = {},
): RowsRead<Result> {
  let line = 0;
  let problem: unknown = null;
  const read: RowsRead<Result> = {
    file,
    dropsNul: options.dropsNul ?? false,
    addRows(rows, errors = []) {
      const unclosedAt = errors.find((e) => e.code === 'MissingQuotes')?.row;
      for (const [index, row] of rows.entries()) {
        let raw = row;
        if (index !== unclosedAt && raw.every((cell) => cell.trim() === '')) continue;
        line++;
        if (index === unclosedAt) throw unclosedQuote(file, line);
        // The reads here skip byte-order marks; a caller that parses the text itself may leave some.
        if (line === 1 && raw[0]?.startsWith('\uFEFF'))
          raw = [raw[0].replace(/^\uFEFF+/, ''), ...raw.slice(1)];
        take(raw as string[], line);
      }
    },
    feed(rows, errors, parser) {
      if (problem !== null) return false;
      try {
        read.addRows(rows, errors);
        return true;
      } catch (error) {
        problem = error;
        parser.abort();
        return false;
      }
    },
    problem: () => problem,
    rowsRead: () => Math.max(0, line - 1),
    linesRead: () => line,
    finish,
  };
  return read;
}

/** `reading` fed a whole CSV text, row by row; throws its problem, else returns its result. */
export function readCsvText<Result>(
  text: string,
  what: string,
  reading: RowsRead<Result>,
): Result & { delimiter: Delimiter } {
  const { body, delimiter } = openCsvText(reading.file, text, what);
  Papa.parse<string[]>(reading.dropsNul ? body.replace(/\u0000/g, '') : body, {
    ...ROWS_PARSE,
    delimiter,
    step: (result, parser) => void reading.feed([result.data], result.errors, parser),
  });
  if (reading.problem() !== null) throw reading.problem();
  return { ...reading.finish(), delimiter };
}
