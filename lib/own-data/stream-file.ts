/**
 * The browser's streamed read of a File (the orders, the customers): a slice at a time, decoded as
 * one UTF-8 text, into a RowsRead (lib/orders/rows-read.ts). papaparse's own File reader decodes
 * each slice apart, so a character cut by a slice's edge (₹, a Devanagari letter, an en dash in
 * "25–34") became U+FFFD: a spoilt category, age band or key. Browser-safe; Node has Blob and
 * TextDecoder too, so the tests run it as the worker does.
 */
import Papa from 'papaparse';
import { HEAD_BYTES, openCsvText } from '../orders/csv-text';
import { OrdersInputError } from '../orders/orders-input-error';
import { ROW_MAX_BYTES, ROWS_PARSE, unclosedQuote, type RowsRead } from '../orders/rows-read';

/** The size of the slices read from the File at a time. */
export const SLICE_BYTES = 256 * 1024;

/** Said when the browser cannot read a file: its own reason means nothing to an analyst. */
export function unreadableInBrowser(name: string): OrdersInputError {
  return new OrdersInputError(
    `${name}: the browser could not read the file (it may have been moved, renamed or still be open in another program). Choose it again.`,
  );
}

/**
 * A Blob (a small side file, or a file's first bytes) as text and as bytes (a UTF-16 byte-order
 * mark shows only in the bytes), or a sentence naming `name` when the browser cannot read it.
 */
export async function blobText(blob: Blob, name: string): Promise<{ text: string; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    throw unreadableInBrowser(name);
  }
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), bytes };
}

/** A file's first bytes (see blobText). */
export const headOfBlob = (blob: Blob, name: string) => blobText(blob.slice(0, HEAD_BYTES), name);

type Listener = (value?: unknown) => void;

/**
 * A Blob as papaparse's Node-stream input (it asks for `readable`, `read`, `on`, `removeListener`,
 * `pause`, `resume`): slices decoded by one streaming TextDecoder, so a character across two
 * slices arrives whole. Each 'data' is parsed before the next slice is read.
 */
class DecodedBlobStream {
  readonly readable = true;
  /** Bytes read from the Blob so far. */
  bytesRead = 0;
  private readonly listeners: Record<'data' | 'end' | 'error', Listener[]> = { data: [], end: [], error: [] };
  private stopped = false;

  constructor(
    private readonly blob: Blob,
    private readonly sliceBytes: number,
    /** NUL bytes are dropped from the text (see RowsRead.dropsNul). */
    private readonly dropsNul: boolean,
  ) {}

  read(): null {
    return null;
  }
  on(event: 'data' | 'end' | 'error', listener: Listener): this {
    this.listeners[event].push(listener);
    return this;
  }
  removeListener(event: 'data' | 'end' | 'error', listener: Listener): this {
    this.listeners[event] = this.listeners[event].filter((l) => l !== listener);
    return this;
  }
  pause(): void {}
  resume(): void {}
  /** No more slices are read: the read stopped. */
  stop(): void {
    this.stopped = true;
  }

  private clean(text: string): string {
    return this.dropsNul ? text.replace(/\u0000/g, '') : text;
  }

  private emit(event: 'data' | 'end' | 'error', value?: unknown): void {
    for (const listener of [...this.listeners[event]]) listener(value);
  }

  /** Reads the slices one after another, each handed on as text; then 'end', or 'error'. */
  async start(): Promise<void> {
    // A byte that is not UTF-8 becomes U+FFFD, as the File's own reader made it.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    try {
      for (let at = 0; at < this.blob.size && !this.stopped; at += this.sliceBytes) {
        const bytes = new Uint8Array(await this.blob.slice(at, at + this.sliceBytes).arrayBuffer());
        this.bytesRead = Math.min(this.blob.size, at + this.sliceBytes);
        const text = this.clean(decoder.decode(bytes, { stream: true }));
        if (text && !this.stopped) this.emit('data', text);
      }
      if (this.stopped) return;
      const rest = this.clean(decoder.decode());
      if (rest) this.emit('data', rest);
      this.emit('end');
    } catch (error) {
      if (!this.stopped) this.emit('error', error);
    }
  }
}

/**
 * Streams `file` into `reading` (whose `file` names it in every message) and resolves with its
 * result; rejects with the read's problem, with the unclosed quote a row past ROW_MAX_BYTES means,
 * or with a sentence when the browser cannot read the file. `onProgress` gets the bytes read after
 * each slice; `what` names the file's content for the advice.
 */
export async function streamFile<Result>(
  file: Blob,
  what: string,
  reading: RowsRead<Result>,
  onProgress?: (bytes: number) => void,
  sliceBytes = SLICE_BYTES,
): Promise<Result> {
  const name = reading.file;
  const head = await headOfBlob(file, name);
  const { delimiter, byteOrderMarks } = openCsvText(name, head.text, what, head.bytes);
  // After the byte-order marks (three bytes each in UTF-8), as the command line reads.
  const skipped = 3 * byteOrderMarks;
  const source = new DecodedBlobStream(file.slice(skipped), sliceBytes, reading.dropsNul);
  return new Promise<Result>((resolve, reject) => {
    let failure: unknown = null;
    // Bytes read when the last rows came: a row growing past ROW_MAX_BYTES is an unclosed quote.
    let bytesAtLastRows = 0;
    Papa.parse<string[]>(source as unknown as File, {
      ...ROWS_PARSE,
      delimiter,
      chunk(results, parser) {
        if (failure !== null) return;
        try {
          // Blank rows come too (ROWS_PARSE): only a row still open makes a chunk without rows.
          if (results.data.length) bytesAtLastRows = source.bytesRead;
          else if (source.bytesRead - bytesAtLastRows > ROW_MAX_BYTES)
            throw unclosedQuote(name, reading.linesRead() + 1, ROW_MAX_BYTES / 2 ** 20);
          if (reading.feed(results.data, results.errors, parser)) onProgress?.(skipped + source.bytesRead);
        } catch (error) {
          // Kept here, not left to papaparse, which would pass it to error() as a file it cannot read.
          failure = error;
          parser.abort();
        }
      },
      complete() {
        // Also when the read stopped: papaparse's abort calls this, after the problem was kept.
        source.stop();
        const problem = failure ?? reading.problem();
        if (problem !== null) return reject(problem);
        try {
          resolve(reading.finish());
        } catch (error) {
          reject(error);
        }
      },
      error() {
        source.stop();
        reject(unreadableInBrowser(name));
      },
    });
    void source.start();
  });
}
