/** Shared by the tests of the streamed reads (the command line's and the browser's). */
import { expect } from 'vitest';
import { OrdersInputError } from './orders-input-error';
import { ROW_MAX_BYTES } from './rows-read';

/** The message of the OrdersInputError `run` rejects with; fails the test on anything else. */
export async function inputErrorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(OrdersInputError);
    return (error as Error).message;
  }
  throw new Error('expected an OrdersInputError');
}

/**
 * An orders text with no quote but one: 100 good rows, a value opened by a quote on line 102 (the
 * header is line 1) and never closed, then more than ROW_MAX_BYTES of good rows.
 */
export function strayQuoteOrders(): string {
  const good = (o: number) => `O${o},c${o % 9},2025-01-02 10:00,Online,Linen,1,10.50,0`;
  const after = Math.ceil((ROW_MAX_BYTES * 1.2) / good(0).length);
  return [
    'Order ID,Customer ID,Order Date,Channel,Category,Quantity,Amount,Discount',
    ...Array.from({ length: 100 }, (_, o) => good(o)),
    'O100,c1,2025-01-02 10:00,Online,"Linen,1,10.50,0',
    ...Array.from({ length: after }, (_, o) => good(101 + o)),
  ].join('\n');
}

/**
 * Two orders (lines 2 and 3,000,003) with 17 MB of blank and comma-only rows between them, as a
 * spreadsheet's used range leaves them: no quote anywhere, so no row that never ends.
 */
export function blankRowsOrders(): string {
  return (
    'Order ID,Customer ID,Order Date,Channel,Category,Quantity,Amount\n' +
    'O1,c1,2025-01-02 10:00,Online,Linen,1,10\n' +
    ',,,,,,\r\n'.repeat(2_000_000) +
    '\n'.repeat(1_000_000) +
    'O2,c2,2025-01-03 10:00,Online,Linen,1,20\n'
  );
}
