/**
 * The streamed read of an orders file, and of a customers file, from disk. The expectations are
 * counted from how each file is made here; the whole-text reads (readOrdersCsv, readCustomersCsv,
 * tested on their own) are the reference that streaming in chunks must not change.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCustomersCsv } from './customers-csv';
import { OrdersInputError } from './orders-input-error';
import { CHUNK_BYTES, readCustomersCsvFile, readOrdersCsvFile, unreadableFile } from './read-csv-file';
import { readOrdersCsv } from './read-orders-csv';
import { blankRowsOrders, inputErrorOf, strayQuoteOrders } from './reads.test-util';
import { ROW_MAX_BYTES } from './rows-read';

// Quoted, so that a byte-order mark left before it would spoil the first column's name.
const HEADER = '"Order ID",Customer ID,Order Date,Channel,Category,Quantity,Amount,Discount,Note';
/** Categories with characters of two, three and four bytes in UTF-8, and one quoted over two lines. */
const CATEGORIES = ['Décor', 'दीया', 'Gifts 🎁', '"Linen, ""hand-loomed""\nsets"'];
const CATEGORY_NAMES = ['Décor', 'दीया', 'Gifts 🎁', 'Linen, "hand-loomed"\nsets'];

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function fileOf(text: string | Buffer, name = 'orders.csv'): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'orders-file-'));
  folders.push(folder);
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

/**
 * `orders` orders of two lines each, 40 customers, dates over 2025; about 90 bytes a line. The first
 * line's note (a column the read leaves aside) is as long as it takes for a four-byte character (🎁)
 * to straddle the end of the first chunk read.
 */
function ordersText(orders: number, withBom: boolean): string {
  const text = (pad: number) => {
    const lines = [HEADER];
    for (let o = 0; o < orders; o++) {
      const date = `2025-${String(1 + (o % 12)).padStart(2, '0')}-${String(1 + (o % 28)).padStart(2, '0')} 10:00`;
      const channel = o % 3 === 0 ? 'Online' : 'In-store';
      for (let l = 0; l < 2; l++) {
        const category = CATEGORIES[(o + l) % CATEGORIES.length];
        const note = o === 0 && l === 0 ? 'x'.repeat(pad) : '';
        lines.push(`O${o},c${o % 40},${date},${channel},${category},${1 + l},"1,250.50",0,${note}`);
      }
    }
    return (withBom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
  };
  // The read starts after the byte-order mark (three bytes), so its first chunk ends that much later.
  const chunkEnd = CHUNK_BYTES + (withBom ? 3 : 0);
  const bytes = Buffer.from(text(0));
  if (bytes.length <= chunkEnd) return text(0);
  // The last 🎁 that starts at or before two bytes short of the chunk's end, moved to start there.
  const emoji = Buffer.from('🎁');
  const start = bytes.lastIndexOf(emoji, chunkEnd - 2);
  const padded = text(chunkEnd - 2 - start);
  expect(Buffer.from(padded).indexOf(emoji, chunkEnd - 2)).toBe(chunkEnd - 2);
  return padded;
}

describe('readOrdersCsvFile', () => {
  it('given a file of several chunks with a BOM, multi-byte text and quoted line breaks, then it reads what the whole text gives', async () => {
    // 40,000 orders: about 5 MiB, many chunks, which end inside lines and inside characters.
    const text = ordersText(40_000, true);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 2 ** 20);
    const streamed = await readOrdersCsvFile(fileOf(text), { file: 'orders.csv' });
    expect(streamed.report).toMatchObject({
      rowsRead: 80_000,
      rowsSkipped: 0,
      customers: 40,
      orders: 40_000,
    });
    expect(streamed.log.lineCount).toBe(80_000);
    expect(streamed.log.categories.map((c) => c.name).sort()).toEqual([...CATEGORY_NAMES].sort());
    const whole = readOrdersCsv(text, { file: 'orders.csv' });
    expect(streamed.delimiter).toBe(whole.delimiter);
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.log).toEqual(whole.log);
  });

  it('given semicolons and decimal commas, then the delimiter comes from the header', async () => {
    const file = fileOf(
      'order_id;customer_id;created_at;channel;category;qty;net_amount\nX;k;2025-01-03;web;Gifts;1;1.234,50\n',
    );
    const { log, delimiter } = await readOrdersCsvFile(file, { file: 'bills.csv' });
    expect(delimiter).toBe(';');
    expect(Array.from(log.orderGross)).toEqual([1234.5]);
  });

  it('given a bad date deep in the file, then it names the file and the line, as the whole-text read does', async () => {
    const lines = ordersText(20_000, false).split('\r\n');
    // Line numbers count rows; the quoted category spans two physical lines, so find the row by its order id.
    const at = lines.findIndex((l) => l.startsWith('O15000,'));
    lines[at] = lines[at]!.replace(/2025-\d\d-\d\d 10:00/, 'the 32nd of June');
    const text = lines.join('\r\n');
    const message = await inputErrorOf(() =>
      readOrdersCsvFile(fileOf(text), { file: 'orders.csv', maxBadShare: 0 }),
    );
    expect(message).toContain('orders.csv');
    expect(message).toContain('the 32nd of June');
    let wholeMessage = '';
    try {
      readOrdersCsv(text, { file: 'orders.csv', maxBadShare: 0 });
    } catch (error) {
      wholeMessage = (error as Error).message;
    }
    expect(message).toBe(wholeMessage);
  });

  it('given a header without an amount column over many chunks, then the read stops and says what the whole-text read says', async () => {
    const rows = Array.from({ length: 30_000 }, (_, o) => `O${o},c${o % 9},2025-01-02 10:00,Online,Linen,1`);
    const text = ['Order ID,Customer ID,Order Date,Channel,Category,Quantity', ...rows].join('\n');
    let wholeMessage = '';
    try {
      readOrdersCsv(text, { file: 'orders.csv' });
    } catch (error) {
      wholeMessage = (error as Error).message;
    }
    expect(wholeMessage).toContain('orders.csv');
    expect(await inputErrorOf(() => readOrdersCsvFile(fileOf(text), { file: 'orders.csv' }))).toBe(
      wholeMessage,
    );
  });

  it('given a quote that is never closed, then it names the line within a bounded read, not hours later', async () => {
    const text = strayQuoteOrders();
    const message = await inputErrorOf(() => readOrdersCsvFile(fileOf(text), { file: 'orders.csv' }));
    expect(message).toContain('orders.csv: line 102 (counting the header as line 1)');
    expect(message).toContain('a quote (") and is not closed within 16 MB');
  });

  it('given a quote that is never closed near the end of the file, then it names the line', async () => {
    const text = [
      'Order ID,Customer ID,Order Date,Channel,Category,Quantity,Amount',
      'O1,c1,2025-01-01,Online,Linen,1,10',
      'O2,c2,2025-01-02,Online,"Linen,1,10',
      'O3,c3,2025-01-03,Online,Linen,1,10',
    ].join('\n');
    expect(await inputErrorOf(() => readOrdersCsvFile(fileOf(text), { file: 'orders.csv' }))).toContain(
      'orders.csv: line 3 (counting the header as line 1) has a value that opens with a quote (") and is not closed, so',
    );
  });

  it('given a file saved as UTF-16, then it says to save it as CSV UTF-8', async () => {
    const ascii = [
      HEADER,
      ...Array.from({ length: 50 }, (_, o) => `O${o},c1,2025-01-02,Online,Linen,1,10,0`),
    ];
    const utf16 = Buffer.from('\uFEFF' + ascii.join('\r\n'), 'utf16le');
    expect(await inputErrorOf(() => readOrdersCsvFile(fileOf(utf16), { file: 'orders.csv' }))).toContain(
      'Save the orders again as "CSV UTF-8"',
    );
  });

  it('given a file saved as UTF-16 in Hindi, whose characters have no zero byte, then it still names UTF-16', async () => {
    const hindi = [
      'ऑर्डर,ग्राहक,तारीख,राशि',
      ...Array.from({ length: 50 }, (_, o) => `ओ${o},ग्राहक${o},२०२५-०१-०२,१०`),
    ];
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const bytes =
        encoding === 'utf16le'
          ? Buffer.from('\uFEFF' + hindi.join('\r\n'), 'utf16le')
          : Buffer.from('\uFEFF' + hindi.join('\r\n'), 'utf16le').swap16();
      expect(await inputErrorOf(() => readOrdersCsvFile(fileOf(bytes), { file: 'orders.csv' }))).toContain(
        'two-byte encoding (UTF-16)',
      );
    }
  });

  it('given an empty file, then it says the file is empty', async () => {
    expect(await inputErrorOf(() => readOrdersCsvFile(fileOf(''), { file: 'orders.csv' }))).toBe(
      'orders.csv: the file is empty.',
    );
  });
});

describe('readCustomersCsvFile', () => {
  /**
   * A CRM export of `rows` customers: a BOM, a quoted first header, three columns named like a key
   * (member id, e-mail, mobile), names in Hindi and with emoji, addresses quoted over two lines.
   * Customer i's mobile is 98000 00000 + i, typed three ways.
   */
  function crmText(rows: number): string {
    const lines = ['"Member ID",Email,Mobile,Name,Address,Age Band,Gender,City Tier'];
    const bands = ['18-24', '25-34', '35-44', '55+', ''];
    const genders = ['F', 'Male', 'Prefer not to say', ''];
    const tiers = ['Tier 1/metro', 'Tier 2', 'village', 'Mumbai'];
    for (let i = 0; i < rows; i++) {
      const mobile = String(9_800_000_000 + i);
      const typed = [mobile, `+91 ${mobile.slice(0, 5)} ${mobile.slice(5)}`, `0${mobile}`][i % 3];
      const name = i % 2 ? `अनन्या ${i}` : `Kabir 🎁 ${i}`;
      lines.push(
        `M${i},person${i}@example.in,${typed},${name},"${i} Lodhi Road,\nNew Delhi",${bands[i % 5]},${genders[i % 4]},${tiers[i % 4]}`,
      );
    }
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }

  it('given a CRM export of several chunks with a BOM, multi-byte names and quoted line breaks, then it reads what the whole text gives', async () => {
    const rows = 40_000;
    const text = crmText(rows);
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 2 ** 20);
    // The orders' customers: every other one, by normalised mobile, in their own order.
    const customerIds = Array.from({ length: rows / 2 }, (_, j) => `+91${9_800_000_000 + 2 * j}`);
    const options = { file: 'crm.csv', customerIds };
    const streamed = await readCustomersCsvFile(fileOf(text, 'crm.csv'), options);
    expect(streamed.report).toMatchObject({
      rowsRead: rows,
      rowsSkipped: 0,
      rowsWithoutOrders: rows / 2,
      customersWithoutRow: 0,
    });
    expect(streamed.report.columns.customer_id).toBe('Mobile');
    // Customer j is row 2j: its band (18-24 → 21, 35-44 → 39, '' → unknown, 25-34 → 29, 55+ → 60)
    // and gender (F, Prefer not to say) cycle with the row.
    const ageOfRow = [21, 29, 39, 60, 0];
    expect(Array.from(streamed.attributes.age.slice(0, 5))).toEqual(
      [0, 2, 4, 6, 8].map((r) => ageOfRow[r % 5]),
    );
    expect(Array.from(streamed.attributes.gender.slice(0, 2))).toEqual([0, 2]);
    const whole = readCustomersCsv(text, options);
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.attributes).toEqual(whole.attributes);
  });

  it('given a quote that is never closed, then it names the line, as the whole-text read does', async () => {
    // No other quote in the file, so nothing closes it: 1,499 good rows, then the stray quote.
    const lines = ['Member ID,Mobile,Name,Age Band,Gender'];
    for (let i = 0; i < 3_000; i++)
      lines.push(`M${i},${9_800_000_000 + i},${i === 1_499 ? '"' : ''}Kabir ${i},25-34,F`);
    const text = lines.join('\n');
    const options = { file: 'crm.csv', customerIds: ['+919800000000'] };
    const message = await inputErrorOf(() => readCustomersCsvFile(fileOf(text, 'crm.csv'), options));
    expect(message).toContain(
      'crm.csv: line 1501 (counting the header as line 1) has a value that opens with a quote',
    );
    expect(() => readCustomersCsv(text, options)).toThrow(message);
  });
});

describe('rows that are blank, or open from the header', () => {
  it('given 17 MB of blank and comma-only rows (a spreadsheet’s used range), then it is no unclosed quote', async () => {
    const text = blankRowsOrders();
    expect(text.length).toBeGreaterThan(ROW_MAX_BYTES);
    const { report } = await readOrdersCsvFile(fileOf(text), { file: 'orders.csv' });
    expect(report).toMatchObject({ rowsRead: 2, rowsSkipped: 0, orders: 2 });
  });

  it('given a quote opened in the header and never closed, then it names line 1', async () => {
    const text = 'Order ID,"Customer ID\n' + 'O1,c1\n'.repeat(3_500_000);
    expect(await inputErrorOf(() => readOrdersCsvFile(fileOf(text), { file: 'orders.csv' }))).toContain(
      'orders.csv: line 1 (counting the header as line 1) has a value that opens with a quote',
    );
  });

  it('given a NUL before a quote in a customers file, then it reads what the whole text gives', async () => {
    const text = 'customer_id,age,region type\nc1,30,urban\n\u0000"c2",41,rural\nc3,\u0000"35,36",urban\n';
    const options = { file: 'crm.csv', customerIds: ['c1', 'c2', 'c3'] };
    const streamed = await readCustomersCsvFile(fileOf(text, 'crm.csv'), options);
    expect(Array.from(streamed.attributes.age)).toEqual([30, 41, 0]);
    expect(streamed.report).toEqual(readCustomersCsv(text, options).report);
  });
});

describe('unreadable files', () => {
  it('given a folder where the file should be, then it says so and to name the file itself', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'orders-folder-'));
    folders.push(folder);
    expect(await inputErrorOf(() => readOrdersCsvFile(folder, { file: 'exports' }))).toBe(
      'exports: the file could not be read: it is a folder, not a file. Name the CSV file itself, then run the build again.',
    );
  });

  it('given Node’s permission error, then it speaks of reading this file, not of writing folders', () => {
    // Tests run as root here, which reads any file: the error is made as Node makes it.
    const denied = Object.assign(new Error("EACCES: permission denied, open '/srv/crm.csv'"), {
      code: 'EACCES',
      path: '/srv/crm.csv',
    });
    const said = unreadableFile('crm.csv', denied);
    expect(said).toBeInstanceOf(OrdersInputError);
    expect((said as Error).message).toBe(
      'crm.csv: the file could not be read: this account may not read it (permission denied). Check the file’s permissions, or copy it to a folder of yours, then run the build again.',
    );
    expect((said as Error).cause).toBe(denied);
    // Not a file error: ours, passed on as it is.
    const ours = new TypeError('x is undefined');
    expect(unreadableFile('crm.csv', ours)).toBe(ours);
  });
});
