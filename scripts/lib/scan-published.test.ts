import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTableParquet } from '../../lib/duckdb/table-parquet';
import { personalNeedles } from '../../lib/privacy/personal-data';
import { CUSTOMERS_MASTER_COLUMNS } from '../../lib/schema/customers-master';
import { scanFolder, scanText } from './scan-published';

describe('the scan of what a static host would publish', () => {
  it('reads the values inside Parquet files (compressed, so invisible to a text scan)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scan-'));
    const id = CUSTOMERS_MASTER_COLUMNS.slice(0, 1);
    await writeTableParquet(path.join(dir, 'leak.parquet'), id, [
      ['c_1'],
      ['asha.rao@example.co.in'],
      ['09876543210'],
    ]);
    await writeTableParquet(path.join(dir, 'clean.parquet'), id, [['c_1'], ['c_2']]);
    writeFileSync(path.join(dir, 'note.txt'), 'nothing here');
    // The engine's code, copied from node_modules, names its authors; the input's own values still count.
    mkdirSync(path.join(dir, 'duckdb'));
    writeFileSync(
      path.join(dir, 'duckdb', 'engine.worker.js'),
      '/* (c) author@example.org */ var a = "Meera Iyer";',
    );
    const found = await scanFolder(dir);
    expect(found.map((f) => [f.file, f.what])).toEqual([
      ['leak.parquet', 'an e-mail address'],
      ['leak.parquet', 'a mobile number in a text value'],
    ]);
    const withNeedles = await scanFolder(dir, personalNeedles(['Meera Iyer']));
    expect(withNeedles.map((f) => [f.file, f.what])).toContainEqual([
      path.join('duckdb', 'engine.worker.js'),
      '1 personal value(s) of the input files',
    ]);
  });

  it('finds e-mail addresses and phone numbers anywhere, naming the file and line, not the value', () => {
    const html = '<p>ok</p>\n<p>write to asha.rao@example.co.in</p>\n<p>call +91 98765 43210</p>';
    const found = scanText('page.html', html);
    expect(found).toEqual([
      { file: 'page.html', line: 2, what: 'an e-mail address' },
      { file: 'page.html', line: 3, what: 'a phone number' },
    ]);
    expect(JSON.stringify(found)).not.toContain('asha');
  });

  it('finds Indian mobiles in the text values of JSON and CSV, not in numbers of money', () => {
    const json = JSON.stringify({ revenue: 9876543210, rows: [['c_abcdefghijklmn', '09876543210']] });
    expect(scanText('t.json', json).map((f) => f.what)).toEqual(['a mobile number in a text value']);
    expect(scanText('t.csv', 'id,spend\r\nc_x,9876543210\r\n98765 43210,1\r\n').map((f) => f.line)).toEqual([
      3,
    ]);
  });

  it('finds CSV cells a spreadsheet would run, but not numbers or guarded cells', () => {
    const csv = 'id,v\r\n=HYPERLINK("x"),-12.5\r\n\'=1+1,+3\r\n@cmd,ok\r\n';
    expect(scanText('c.csv', csv)).toEqual([
      { file: 'c.csv', line: 2, what: 'a cell a spreadsheet would run as a formula' },
      { file: 'c.csv', line: 4, what: 'a cell a spreadsheet would run as a formula' },
    ]);
  });

  it('finds the personal values it is given, however cased and punctuated, but not a lone word of an address', () => {
    const needles = personalNeedles(['Asha Rao', '98765 43210', 'Satellite']);
    expect(scanText('x.txt', 'Ship to ASHA  RAO, ring 9876543210', needles)).toEqual([
      { file: 'x.txt', line: 0, what: '2 personal value(s) of the input files' },
    ]);
    expect(scanText('y.txt', 'the tables line up with a satellite', needles)).toEqual([]);
  });

  it('does not take the exponent of a number in a script for a phone number', () => {
    expect(scanText('a.js', 'var e=2.220446049250313e+2220446049250313,x=1e+21;')).toEqual([]);
  });
});
