import type { CustomerColumn } from '@/lib/schema/customers-master';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { customersCsvParts, exportColumns, exportFileName } from './csv';
import type { Customer } from './customers';
import { customer } from './fixtures.test-util';

/** The parts joined, the rows given as two batches (the first row alone), as an engine hands them over. */
async function customersCsv(customers: Customer[], columns: CustomerColumn[]): Promise<string> {
  const rows = customers.map((c) => columns.map((col) => c[col]));
  async function* batches() {
    yield rows.slice(0, 1);
    yield rows.slice(1);
  }
  return (await customersCsvParts(columns, batches())).join('');
}

describe('customersCsvParts', () => {
  const rows = [
    customer({ customer_id: 'C1', persona: '=HYPERLINK("http://x","y")', total_spend: 1234.5, age: null }),
    customer({ customer_id: 'C2', persona: 'Price, "Sensitive"', total_spend: 10, age: 33 }),
  ];

  it('given rows and columns, then header and lines follow the columns, CRLF-terminated', async () => {
    const csv = await customersCsv(rows, ['customer_id', 'age', 'total_spend']);
    expect(csv).toBe('customer_id,age,total_spend\r\nC1,,1234.5\r\nC2,33,10\r\n');
  });

  it('given a formula-like value with quotes, then it is neutralised and quoted, and a CSV parser reads it back', async () => {
    const csv = await customersCsv(rows, ['customer_id', 'persona']);
    expect(csv.split('\r\n')[1]).toBe(`C1,"'=HYPERLINK(""http://x"",""y"")"`);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { header: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['customer_id', 'persona'],
      ['C1', `'=HYPERLINK("http://x","y")`],
      ['C2', 'Price, "Sensitive"'],
    ]);
  });

  it('given no rows, then only the header is written', async () => {
    expect(await customersCsv([], ['customer_id'])).toBe('customer_id\r\n');
  });
});

describe('exportFileName', () => {
  it('given nothing filtered, then the name says all and the count', () => {
    expect(exportFileName({}, '', null, 10000)).toBe('customers_all_10000-rows.csv');
  });

  it('given filters, search and sort, then each appears in the name in a fixed order', () => {
    expect(
      exportFileName(
        { locale: ['urban'], churn_risk_band: ['high', 'medium'], clv_band: ['top 10%'] },
        ' c0001 ',
        { id: 'total_spend', desc: true },
        42,
      ),
    ).toBe(
      'customers_churn-high+medium_clv-top-10pct_region-urban_search-c0001_sort-total_spend-desc_42-rows.csv',
    );
  });

  it('given very many values, then the name stays short and file-system safe', () => {
    const name = exportFileName(
      { persona: Array.from({ length: 40 }, (_, i) => `Persona number ${i}`) },
      '',
      null,
      1,
    );
    expect(name.length).toBeLessThan(220);
    expect(name).toMatch(/^[a-z0-9_+.-]+$/);
  });
});

describe('exportColumns and the value columns', () => {
  it('given predicted CLV visible, then its range follows it; other columns are unchanged', () => {
    expect(exportColumns(['customer_id', 'p_alive', 'predicted_clv', 'total_spend'])).toEqual([
      'customer_id',
      'p_alive',
      'predicted_clv',
      'predicted_clv_p10',
      'predicted_clv_p90',
      'total_spend',
    ]);
    expect(exportColumns(['customer_id', 'total_spend'])).toEqual(['customer_id', 'total_spend']);
  });

  it('given the value columns, then raw numbers are written and missing ones are empty', async () => {
    const cols = exportColumns(['customer_id', 'p_alive', 'expected_purchases', 'predicted_clv']);
    const rows = [
      customer({
        customer_id: 'C1',
        p_alive: 0.424,
        expected_purchases: 1.47,
        predicted_clv: 9729,
        predicted_clv_p10: 0,
        predicted_clv_p90: 34430,
      }),
      customer({
        customer_id: 'C2',
        p_alive: null,
        expected_purchases: null,
        predicted_clv: null,
        predicted_clv_p10: null,
        predicted_clv_p90: null,
      }),
    ];
    expect((await customersCsv(rows, cols)).split('\r\n')).toEqual([
      'customer_id,p_alive,expected_purchases,predicted_clv,predicted_clv_p10,predicted_clv_p90',
      'C1,0.424,1.47,9729,0,34430',
      'C2,,,,,',
      '',
    ]);
  });

  it('given the at-risk filter, then the file name says so', () => {
    expect(exportFileName({ atRisk: true, churn_risk_band: ['high'] }, '', null, 12)).toBe(
      'customers_churn-high_at-risk_12-rows.csv',
    );
  });
});
