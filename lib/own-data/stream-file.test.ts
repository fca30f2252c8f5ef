/**
 * The browser's streamed read of a File (streamFile), run in Node on Blobs as the worker runs it on
 * Files. The reference is the whole-text read (readOrdersCsv, readCustomersCsv, each tested on its
 * own); the expectations on counts come from how each text is made here.
 */
import { describe, expect, it } from 'vitest';
import { readCustomersCsv, startCustomersRead } from '../orders/customers-csv';
import { readOrdersCsv, startOrdersRead } from '../orders/read-orders-csv';
import { blankRowsOrders, inputErrorOf, strayQuoteOrders } from '../orders/reads.test-util';
import { ROW_MAX_BYTES } from '../orders/rows-read';
import { streamFile } from './stream-file';

const utf8 = (text: string) => new Blob([Buffer.from(text, 'utf8')]);

/** Orders whose categories, names and amounts are in Devanagari, with ₹ and en dashes: 3-byte characters. */
function hindiOrders(orders: number): string {
  const categories = ['दीया', 'घर की सजावट', 'उपहार – त्योहार', 'कपड़े ₹'];
  const lines = ['\uFEFFOrder ID,Customer ID,Order Date,Channel,Category,Quantity,Amount'];
  for (let o = 0; o < orders; o++)
    lines.push(
      `ओ${o},ग्राहक${o % 37},2025-0${1 + (o % 9)}-1${o % 10} 10:00,Online,${categories[o % 4]},1,"1,250.50"`,
    );
  return lines.join('\r\n') + '\r\n';
}

describe('streamFile', () => {
  it('given slices that cut Devanagari letters, ₹ and en dashes in two, then the orders read is the whole text’s', async () => {
    const text = hindiOrders(3_000);
    // Slices of 1,000 bytes: most end inside a three-byte character.
    const streamed = await streamFile(
      utf8(text),
      'the orders',
      startOrdersRead({ file: 'orders.csv' }),
      undefined,
      1_000,
    );
    const whole = readOrdersCsv(text, { file: 'orders.csv' });
    expect(streamed.report.rowsRead).toBe(3_000);
    expect(streamed.log.categories.map((c) => c.name).sort()).toEqual(
      ['दीया', 'घर की सजावट', 'उपहार – त्योहार', 'कपड़े ₹'].sort(),
    );
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.log).toEqual(whole.log);
  });

  it('given a CRM export cut mid-character, then the customers read is the whole text’s, its age bands read', async () => {
    const bands = ['25–34', '35–44', '55+'];
    const lines = ['\uFEFFसदस्य,Mobile,Age Band,Region Type'];
    for (let i = 0; i < 4_000; i++) lines.push(`सदस्य ${i},${9_800_000_000 + i},${bands[i % 3]},ग्रामीण`);
    const text = lines.join('\n');
    const options = {
      file: 'crm.csv',
      customerIds: Array.from({ length: 100 }, (_, i) => `+91${9_800_000_000 + i}`),
    };
    const streamed = await streamFile(
      utf8(text),
      'the customers',
      startCustomersRead(options),
      undefined,
      999,
    );
    const whole = readCustomersCsv(text, options);
    // 25–34 → 29, 35–44 → 39, 55+ → 60, every row read: none spoilt by a cut.
    expect(Array.from(streamed.attributes.age.slice(0, 3))).toEqual([29, 39, 60]);
    expect(streamed.report.problems).toEqual([]);
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.attributes).toEqual(whole.attributes);
  });

  it('reports the bytes read after each slice, up to the file’s size', async () => {
    const text = hindiOrders(500);
    const seen: number[] = [];
    await streamFile(
      utf8(text),
      'the orders',
      startOrdersRead({ file: 'o.csv' }),
      (b) => seen.push(b),
      4_096,
    );
    const size = Buffer.byteLength(text);
    // The byte-order mark (3 bytes) is skipped, then each slice's end in order (the last once more,
    // when papaparse parses the held last line): the last is the file's size.
    const ends = Array.from(
      { length: Math.ceil((size - 3) / 4_096) },
      (_, i) => 3 + Math.min(size - 3, (i + 1) * 4_096),
    );
    expect([...new Set(seen)]).toEqual(ends);
    expect(seen[seen.length - 1]).toBe(size);
  });

  it('given a quote never closed in a big file, then it names the line once a row passes the bound', async () => {
    const text = strayQuoteOrders();
    const message = await inputErrorOf(() =>
      streamFile(utf8(text), 'the orders', startOrdersRead({ file: 'o.csv' })),
    );
    expect(message).toContain('o.csv: line 102 (counting the header as line 1)');
    expect(message).toContain('is not closed within 16 MB');
  });

  it('given UTF-16 text in Hindi, then it names UTF-16; given an Excel 97 workbook, then it says it is not CSV text', async () => {
    const hindi = new Blob([Buffer.from('\uFEFF' + hindiOrders(20).slice(1), 'utf16le')]);
    expect(
      await inputErrorOf(() => streamFile(hindi, 'the orders', startOrdersRead({ file: 'o.csv' }))),
    ).toContain('two-byte encoding (UTF-16)');
    // An .xls starts D0 CF 11 E0 A1 B1 1A E1: invalid UTF-8 too, but no UTF-16 byte-order mark.
    const xls = new Blob([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(500).fill(0x03)]),
    ]);
    expect(
      await inputErrorOf(() => streamFile(xls, 'the orders', startOrdersRead({ file: 'o.xls' }))),
    ).toContain('o.xls: this does not look like a CSV text file');
  });

  it('given 17 MB of blank and comma-only rows (a spreadsheet’s used range), then it is no unclosed quote', async () => {
    const text = blankRowsOrders();
    expect(text.length).toBeGreaterThan(ROW_MAX_BYTES);
    const { report } = await streamFile(utf8(text), 'the orders', startOrdersRead({ file: 'o.csv' }));
    expect(report).toMatchObject({ rowsRead: 2, rowsSkipped: 0, orders: 2 });
  });

  it('given a quote opened in the header and never closed, then it names line 1', async () => {
    const text = 'Order ID,"Customer ID\n' + 'O1,c1\n'.repeat(3_500_000);
    expect(text.length).toBeGreaterThan(ROW_MAX_BYTES);
    expect(
      await inputErrorOf(() => streamFile(utf8(text), 'the orders', startOrdersRead({ file: 'o.csv' }))),
    ).toContain('o.csv: line 1 (counting the header as line 1) has a value that opens with a quote');
  });

  it('given a NUL before a quote in a customers file, then it reads what the whole text gives', async () => {
    const text = 'customer_id,age,region type\nc1,30,urban\n\u0000"c2",41,rural\nc3,\u0000"35,36",urban\n';
    const options = { file: 'crm.csv', customerIds: ['c1', 'c2', 'c3'] };
    const streamed = await streamFile(utf8(text), 'the customers', startCustomersRead(options), undefined, 7);
    const whole = readCustomersCsv(text, options);
    // c2 matched, 41; c3's age "35,36" is one value (not an age), read as such.
    expect(Array.from(streamed.attributes.age)).toEqual([30, 41, 0]);
    expect(streamed.report).toEqual(whole.report);
  });

  it('given a fault of ours while a chunk is read, then it is passed on as ours, not as an unreadable file', async () => {
    const fault = new TypeError('post is not a function');
    const run = streamFile(utf8(hindiOrders(50)), 'the orders', startOrdersRead({ file: 'o.csv' }), () => {
      throw fault;
    });
    await expect(run).rejects.toBe(fault);
  });

  it('given a File that stops being readable partway, then it says so in words', async () => {
    const text = hindiOrders(3_000);
    // The first slice reads (the head check and the first rows); the third fails, as a moved file does.
    class FailingBlob extends Blob {
      readonly offset: number;
      constructor(parts: BlobPart[], offset = 0) {
        super(parts);
        this.offset = offset;
      }
      override slice(start = 0, end?: number): Blob {
        return new FailingBlob([super.slice(start, end)], this.offset + start);
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        return this.offset >= 3 + 2 * 4_096 ? Promise.reject(new Error('gone')) : super.arrayBuffer();
      }
    }
    const blob = new FailingBlob([Buffer.from(text, 'utf8')]);
    expect(
      await inputErrorOf(() =>
        streamFile(blob, 'the orders', startOrdersRead({ file: 'o.csv' }), undefined, 4_096),
      ),
    ).toBe(
      'o.csv: the browser could not read the file (it may have been moved, renamed or still be open in another program). Choose it again.',
    );
  });

  it('given a File the browser can no longer read, then it says so in words', async () => {
    class GoneBlob extends Blob {
      override slice(): Blob {
        return { arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) } as Blob;
      }
    }
    expect(
      await inputErrorOf(() =>
        streamFile(new GoneBlob(['x']), 'the customers', startOrdersRead({ file: 'crm.csv' })),
      ),
    ).toBe(
      'crm.csv: the browser could not read the file (it may have been moved, renamed or still be open in another program). Choose it again.',
    );
  });
});
