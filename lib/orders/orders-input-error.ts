/**
 * A brand's file cannot be used as it is: the message says what is wrong, where (file, line,
 * column) and what to do, in words a brand analyst understands. Anything else thrown while
 * reading is a fault of ours and is reported as such, never with its internal message.
 */
export interface RowProblem {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  reason: string;
}

export class OrdersInputError extends Error {
  constructor(
    message: string,
    /** What was read before the problem (rows, the first bad rows), for the page's report. */
    readonly report?: { file?: string; rowsRead?: number; rowsSkipped?: number; problems?: RowProblem[] },
  ) {
    super(message);
    this.name = 'OrdersInputError';
  }
}
