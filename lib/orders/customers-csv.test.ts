import { describe, expect, it } from 'vitest';
import { ageBand } from '../tables/customers-master';
import { GENDERS, LOCALES } from '../transactions/transaction-log';
import type { TransactionLog } from '../transactions/transaction-log';
import { parseAge, parseGender, parseLocale, readCustomersCsv, UNKNOWN } from './customers-csv';
import { exportCustomersCsv } from './export-orders';
import { OrdersInputError } from './orders-reader';

const IDS = ['c1', 'c2', 'c3', 'c4'];
const read = (text: string, ids: readonly string[] = IDS, maxBadShare?: number) =>
  readCustomersCsv(text, { file: 'customers.csv', customerIds: ids, maxBadShare });

describe('parseAge', () => {
  it.each([
    ['34', 34],
    [' 34 years', 34],
    ['25-34', 29],
    ['35–44', 39],
    ['45 to 54', 49],
    ['55+', 60],
    ['65+', 70],
  ])('given "%s", gives %d', (raw, age) => expect(parseAge(raw)).toBe(age));

  it('keeps a band inside its own age band', () => {
    expect(ageBand(parseAge('25-34')!)).toBe('25–34');
    expect(ageBand(parseAge('35–44')!)).toBe('35–44');
    expect(ageBand(parseAge('18-24')!)).toBe('18–24');
    expect(ageBand(parseAge('65+')!)).toBe('65+');
  });

  it.each(['', 'old', '0', '200', '40-30'])('given "%s", gives null', (raw) =>
    expect(parseAge(raw)).toBeNull(),
  );
});

describe('parseGender and parseLocale', () => {
  it('reads common spellings of gender', () => {
    for (const raw of ['F', 'female', 'Woman']) expect(GENDERS[parseGender(raw)!]).toBe('female');
    for (const raw of ['M', 'MALE', 'man']) expect(GENDERS[parseGender(raw)!]).toBe('male');
    for (const raw of ['Non-binary', 'nb', 'Prefer not to say'])
      expect(GENDERS[parseGender(raw)!]).toBe('non-binary or undisclosed');
    expect(parseGender('dog')).toBeNull();
  });

  it('maps region types and city tiers to urban, semi-urban and rural', () => {
    for (const raw of ['Urban', 'Tier 1/metro', 'tier1', 'Metro'])
      expect(LOCALES[parseLocale(raw)!]).toBe('urban');
    for (const raw of ['Semi-urban', 'Tier 2', 'suburban', 'T2'])
      expect(LOCALES[parseLocale(raw)!]).toBe('semi-urban');
    for (const raw of ['rural', 'Tier 3/village', 'Village', 'tier-4'])
      expect(LOCALES[parseLocale(raw)!]).toBe('rural');
    expect(parseLocale('Mumbai')).toBeNull();
    expect(parseLocale('')).toBeNull();
  });
});

describe('readCustomersCsv', () => {
  it('fills the attributes of matching customers, in log order', () => {
    const text = [
      'Customer ID,Age Band,Gender,City Tier',
      'c3,55+,F,Tier 3/village',
      'c1,25-34,Male,Tier 1/metro',
      'c2,,,',
    ].join('\n');
    const { attributes, report } = read(text);
    expect(Array.from(attributes.age)).toEqual([29, 0, 60, 0]);
    expect(Array.from(attributes.gender)).toEqual([1, UNKNOWN, 0, UNKNOWN]);
    expect(Array.from(attributes.locale)).toEqual([0, UNKNOWN, 2, UNKNOWN]);
    expect(report.rowsRead).toBe(3);
    expect(report.rowsSkipped).toBe(0);
    expect(report.customersWithoutRow).toBe(1);
    expect(report.known).toEqual({ age: 2, gender: 2, locale: 2 });
    expect(report.columns).toEqual({
      customer_id: 'Customer ID',
      age_band: 'Age Band',
      gender: 'Gender',
      region_type: 'City Tier',
    });
  });

  it('joins a CRM export through the key column the orders used, of several named like keys', () => {
    // The orders identified customers by mobile number (normalised: +91 and ten digits). The CRM
    // export has a member id, an e-mail and a mobile column; only the mobiles, however typed, match.
    const orderIds = ['+919876543210', '+919812345678', '+919800000001'];
    const text = [
      'Member ID,Email,Mobile,Age,Gender',
      'M1,asha@example.in,098765 43210,34,F',
      'M2,ravi@example.in,+91 98123 45678,51,M',
      'M3,meera@example.in,9999999999,40,F',
      // The same person again, under another member id and the same values: not a conflict.
      'M9,asha@example.in,+91-98765-43210,34,F',
    ].join('\n');
    const { attributes, report } = read(text, orderIds);
    expect(report.columns.customer_id).toBe('Mobile');
    expect(Array.from(attributes.age)).toEqual([34, 51, 0]);
    expect(Array.from(attributes.gender)).toEqual([0, 1, UNKNOWN]);
    expect(report).toMatchObject({
      rowsRead: 4,
      rowsSkipped: 0,
      rowsWithoutOrders: 1,
      customersWithoutRow: 1,
    });
    // When the orders used e-mails, the same file joins through its e-mails.
    const byEmail = read(text, ['ravi@example.in', 'meera@example.in']);
    expect(byEmail.report.columns.customer_id).toBe('Email');
    expect(Array.from(byEmail.attributes.age)).toEqual([51, 40]);
    // Asha has no order among these two customers: both her rows are rows without orders.
    expect(byEmail.report).toMatchObject({ rowsSkipped: 0, rowsWithoutOrders: 2 });
  });

  it('reports the problems of the key column it joins through, not those of the others', () => {
    // The member id is empty on two rows: a problem only if the join went through it.
    const text = ['Member ID,Email,Age', ',a@x.in,30', ',b@x.in,old', 'M3,c@x.in,41'].join('\n');
    const { report, attributes } = read(text, ['a@x.in', 'b@x.in', 'c@x.in']);
    expect(report.columns.customer_id).toBe('Email');
    expect(report.rowsSkipped).toBe(0);
    expect(report.problems).toEqual([
      { line: 3, reason: 'age "old" is neither an age nor a band like 25-34 or 55+' },
    ]);
    expect(Array.from(attributes.age)).toEqual([30, 0, 41]);
  });

  it('drops NUL bytes: a line of them is blank, a NUL before a quote leaves the value quoted away', () => {
    // Lines: header 1, c1 2, a NUL line (blank once dropped, so not counted), c2 3, "c3" 4.
    const text = 'customer_id,age\nc1,30\n\u0000\nc2,x\n\u0000"c3",40\n';
    const { attributes, report } = read(text, ['c1', 'c2', 'c3']);
    expect(report).toMatchObject({ rowsRead: 3, rowsSkipped: 0, rowsWithoutOrders: 0 });
    expect(report.problems).toEqual([
      { line: 3, reason: 'age "x" is neither an age nor a band like 25-34 or 55+' },
    ]);
    expect(Array.from(attributes.age)).toEqual([30, 0, 40]);
  });

  it('stops at a quote that is never closed, naming its line, instead of reading the rest as one value', () => {
    const text = ['Customer ID,Age', 'c1,30', 'c2,"41', 'c3,52', 'c4,60'].join('\n');
    expect(() => read(text)).toThrow(
      'customers.csv: line 3 (counting the header as line 1) has a value that opens with a quote (") and is not closed',
    );
  });

  it('prefers an age column to a band, and reads ; separated files with a BOM', () => {
    const { attributes } = read('\uFEFFcustomer_id;age;age group\nc1;41;25-34\nc2;;18-24\n');
    expect(Array.from(attributes.age)).toEqual([41, 21, 0, 0]);
  });

  it('leaves unknown regions unknown and counts them in the warnings', () => {
    const text = ['customer,region', 'c1,Mumbai', 'c2,Mumbai', 'c3,Urban', 'c4,Atlantis'].join('\n');
    const { attributes, report } = read(text);
    expect(Array.from(attributes.locale)).toEqual([UNKNOWN, UNKNOWN, 0, UNKNOWN]);
    expect(report.warnings.join('\n')).toContain('3 region values');
    expect(report.warnings.join('\n')).toContain('"Mumbai" (2)');
  });

  it('reports unreadable values and skipped rows with their line and reason', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `x${i},30,F`);
    const text = ['customer id,age,gender', 'c1,old,F', ',30,F', 'c2,30,dog', 'c2,31,dog', ...rows].join(
      '\n',
    );
    const { attributes, report } = read(text, IDS, 0.1);
    expect(report.problems).toEqual([
      { line: 2, reason: 'age "old" is neither an age nor a band like 25-34 or 55+' },
      { line: 3, reason: 'customer id is empty' },
      { line: 4, reason: 'gender "dog" is not recognised (e.g. F, Female, M, Male, Non-binary)' },
      { line: 5, reason: 'gender "dog" is not recognised (e.g. F, Female, M, Male, Non-binary)' },
      { line: 5, reason: 'the same customer is on line 4 with other values' },
    ]);
    expect(report.rowsSkipped).toBe(2);
    expect(report.rowsWithoutOrders).toBe(40);
    expect(attributes.age[0]).toBe(0);
    expect(attributes.gender[0]).toBe(0);
    expect(attributes.age[1]).toBe(30);
  });

  it('fails when too many rows are bad, listing the first ones', () => {
    expect(() => read('customer id,age\n,30\nc1,30\n')).toThrow(
      /1 of 2 rows \(50\.0 %\) are bad[\s\S]*line 2: customer id is empty/,
    );
  });

  it('names the missing customer id column and the synonyms tried', () => {
    expect(() => read('client,age\nc1,30\n')).toThrow(OrdersInputError);
    expect(() => read('client,age\nc1,30\n')).toThrow(/customer id: tried "customer id", "customerid"/);
  });

  it('refuses a file with no demographic column', () => {
    expect(() => read('customer id,email2\nc1,x\n')).toThrow(/no demographic column found/);
  });

  it('accepts a hand mapping', () => {
    const { attributes } = readCustomersCsv('Client code,Years\nc2,50\n', {
      file: 'customers.csv',
      customerIds: IDS,
      mapping: { customer_id: 'Client code', age: 'Years' },
    });
    expect(Array.from(attributes.age)).toEqual([0, 50, 0, 0]);
  });
});

describe('exportCustomersCsv', () => {
  it('writes demographics the reader gives back exactly, unknowns left empty', () => {
    const log = {
      customerCount: 4,
      customerIds: IDS,
      attributes: {
        age: Uint8Array.from([23, 0, 67, 41]),
        gender: Uint8Array.from([0, 1, 2, UNKNOWN]),
        locale: Uint8Array.from([2, UNKNOWN, 1, 0]),
      },
    } as unknown as TransactionLog;
    const text = exportCustomersCsv(log);
    expect(text.split('\r\n')[2]).toBe('c2,,male,');
    const { attributes, report } = read(text);
    expect(Array.from(attributes.age)).toEqual([23, 0, 67, 41]);
    expect(Array.from(attributes.gender)).toEqual([0, 1, 2, UNKNOWN]);
    expect(Array.from(attributes.locale)).toEqual([2, UNKNOWN, 1, 0]);
    expect(report.problems).toEqual([]);
  });
});
