/**
 * Given/expect tests for each quirk of the published CSV files, on small hand-written CSV strings.
 * Line numbers are 1-based and the header is line 1.
 */
import { describe, expect, it } from 'vitest';
import { createRowReader, locateColumns, normaliseHeader, parseCsvTable, type CsvTable } from './csv-table';
import { formatIssue, SourceValidationError, type SourceIssue } from './source-issues';

const FILE = 'sample.csv';

/** Parse `text` and locate `columns`; fails the test if a column is not found. */
function load<K extends string>(text: string, columns: Record<K, string>) {
  const issues: SourceIssue[] = [];
  const table = parseCsvTable(FILE, text, issues);
  const located = locateColumns(table, columns, issues);
  expect(issues).toEqual([]);
  expect(located).not.toBeNull();
  const reader = createRowReader(table, located!, columns, issues);
  return { table, issues, reader };
}

function parse(text: string): { table: CsvTable; issues: SourceIssue[] } {
  const issues: SourceIssue[] = [];
  return { table: parseCsvTable(FILE, text, issues), issues };
}

describe('parseCsvTable: encoding and line endings', () => {
  it('drops a byte-order mark before the first header', () => {
    const { table, issues } = parse('\uFEFFAisle ID,Name\n1,Milk\n');
    expect(issues).toEqual([]);
    expect(table.headers).toEqual(['Aisle ID', 'Name']);
    expect(table.rows).toEqual([['1', 'Milk']]);
  });

  it('finds the first column of a file with a BOM by its plain name', () => {
    const { reader } = load('\uFEFFAisle ID,Name\n7,Milk\n', { id: 'Aisle ID', name: 'Name' });
    expect(reader.at(0).int('id', 1, 10)).toBe(7);
  });

  it('reads CRLF and LF files the same, with no \\r left in any cell', () => {
    const lf = parse('Day,Hour\nMonday,0\nTuesday,1\n');
    const crlf = parse('Day,Hour\r\nMonday,0\r\nTuesday,1\r\n');
    expect(crlf.issues).toEqual([]);
    expect(crlf.table).toEqual(lf.table);
    expect(crlf.table.rows.flat().some((c) => c.includes('\r'))).toBe(false);
  });

  it('reads a file that mixes CRLF and LF lines one row per line', () => {
    const { table, issues } = parse('Day,Hour\r\nMonday,0\nTuesday,1\r\nWednesday,2\n');
    expect(issues).toEqual([]);
    expect(table.rows).toEqual([
      ['Monday', '0'],
      ['Tuesday', '1'],
      ['Wednesday', '2'],
    ]);
    expect(table.lines).toEqual([2, 3, 4]);
  });

  it('reads a single-column file without inventing a problem', () => {
    const { table, issues } = parse('product_name\nMilk\nBread\n');
    expect(issues).toEqual([]);
    expect(table.rows).toEqual([['Milk'], ['Bread']]);
  });

  it('does not silently accept a semicolon-separated file as comma-separated', () => {
    const issues: SourceIssue[] = [];
    const table = parseCsvTable(FILE, 'Day;Hour\nMonday;0\n', issues);
    expect(locateColumns(table, { day: 'Day', hour: 'Hour' }, issues)).toBeNull();
    expect(issues).toContainEqual({
      file: FILE,
      line: 1,
      column: 'Day',
      value: 'Day;Hour',
      expected: 'a header named "Day"',
    });
  });
});

describe('normaliseHeader and locateColumns: header spellings', () => {
  it('ignores trailing spaces, double spaces, case and a BOM', () => {
    expect(normaliseHeader('Average daily demand (in-store) ')).toBe('average daily demand (in-store)');
    expect(normaliseHeader('Avg width  (in)')).toBe('avg width (in)');
    expect(normaliseHeader('\uFEFFDay')).toBe('day');
  });

  it('matches headers written with trailing and doubled spaces', () => {
    const { reader } = load('Avg width  (in),Average daily demand (in-store) \n2.5,415\n', {
      width: 'Avg width (in)',
      demand: 'Average daily demand (in-store)',
    });
    reader.at(0);
    expect(reader.number('width', 0)).toBe(2.5);
    expect(reader.number('demand', 0)).toBe(415);
  });

  it("matches a typographic apostrophe ’ to a straight one ' and back", () => {
    expect(normaliseHeader('Shoppers’ share')).toBe(normaliseHeader("Shoppers' share"));
    const { reader } = load("Shoppers’ share,Buyers' share\n10%,20%\n", {
      shoppers: "Shoppers' share",
      buyers: 'Buyers’ share',
    });
    reader.at(0);
    expect(reader.percent('shoppers')).toBe(10);
    expect(reader.percent('buyers')).toBe(20);
  });

  it('reads a quoted header that contains a comma as one column', () => {
    const { table, reader } = load('Id,"Sweet? 1=Yes, 0=No",Name\n4,1,Jam\n', {
      id: 'Id',
      sweet: 'Sweet? 1=Yes, 0=No',
      name: 'Name',
    });
    expect(table.headers).toEqual(['Id', 'Sweet? 1=Yes, 0=No', 'Name']);
    reader.at(0);
    expect(reader.raw('sweet')).toBe('1');
    expect(reader.text('name')).toBe('Jam');
  });

  it('reports a missing column on line 1 with the header as written', () => {
    const issues: SourceIssue[] = [];
    const table = parseCsvTable(FILE, 'Id,Nmae\n1,Jam\n', issues);
    expect(locateColumns(table, { id: 'Id', name: 'Name' }, issues)).toBeNull();
    expect(issues).toEqual([
      { file: FILE, line: 1, column: 'Name', value: 'Id,Nmae', expected: 'a header named "Name"' },
    ]);
    expect(formatIssue(issues[0]!)).toBe(
      'sample.csv, line 1, column "Name": got "Id,Nmae", expected a header named "Name"',
    );
  });

  it('reports every expected column of an empty file as missing on line 1', () => {
    const issues: SourceIssue[] = [];
    const table = parseCsvTable(FILE, '', issues);
    expect(table.rows).toEqual([]);
    expect(locateColumns(table, { id: 'Id', name: 'Name' }, issues)).toBeNull();
    expect(issues).toContainEqual({
      file: FILE,
      line: 1,
      column: 'Id',
      value: '',
      expected: 'a header named "Id"',
    });
    expect(issues).toContainEqual(expect.objectContaining({ line: 1, column: 'Name' }));
  });
});

describe('RowReader.percent', () => {
  const columns = { id: 'Id', pct: 'Share' };

  it('reads "12.70%" as 12.7 percent points, and the bounds 0% and 100%', () => {
    const { reader, issues } = load('Id,Share\n1,12.70%\n2,0%\n3,100%\n4,5.5 %\n', columns);
    expect([0, 1, 2, 3].map((i) => reader.at(i).percent('pct'))).toEqual([12.7, 0, 100, 5.5]);
    expect(issues).toEqual([]);
  });

  it.each([
    ['abc%', 2],
    ['120%', 3],
    ['12.70', 4],
    ['-1%', 5],
    ['', 6],
  ])('rejects %j (line %i)', (value, line) => {
    const { reader, issues } = load('Id,Share\n1,abc%\n2,120%\n3,12.70\n4,-1%\n5,\n', columns);
    expect(reader.at(line - 2).percent('pct')).toBeNaN();
    expect(issues).toEqual([
      { file: FILE, line, column: 'Share', value, expected: 'a percentage from 0% to 100%, like 12.70%' },
    ]);
  });

  it('formats the issue with the file, line, column, value and expectation', () => {
    const { reader, issues } = load('Id,Share\n1,120%\n', columns);
    reader.at(0).percent('pct');
    expect(formatIssue(issues[0]!)).toBe(
      'sample.csv, line 2, column "Share": got "120%", expected a percentage from 0% to 100%, like 12.70%',
    );
  });
});

describe('RowReader.intList', () => {
  const text = 'Zone,Alternatives\n2,"38, 39, 82, 83"\n3,\n4,"38, x"\n5,"38,,39"\n6,"0, 5"\n';
  const columns = { zone: 'Zone', alts: 'Alternatives' };
  const expected = 'a comma-separated list of integers from 1 to 200, or an empty cell';

  it('reads a quoted list "38, 39, 82, 83" as [38, 39, 82, 83]', () => {
    const { reader, issues } = load(text, columns);
    expect(reader.at(0).intList('alts', 1, 200)).toEqual([38, 39, 82, 83]);
    expect(issues).toEqual([]);
  });

  it('reads an empty cell as []', () => {
    const { reader, issues } = load(text, columns);
    expect(reader.at(1).intList('alts', 1, 200)).toEqual([]);
    expect(issues).toEqual([]);
  });

  it.each([
    [2, 4, '38, x'],
    [3, 5, '38,,39'],
    [4, 6, '0, 5'],
  ])('rejects row %i (line %i): %j', (row, line, value) => {
    const { reader, issues } = load(text, columns);
    expect(reader.at(row).intList('alts', 1, 200)).toEqual([]);
    expect(issues).toEqual([{ file: FILE, line, column: 'Alternatives', value, expected }]);
  });
});

describe('RowReader: required and optional numbers', () => {
  const columns = { id: 'Aisle ID', price: 'Price', sd: 'SD of price' };

  it('rejects an empty cell for a required number, in the exact message form', () => {
    const { reader, issues } = load('Aisle ID,Price,SD of price\n1,2.5,0.1\n2,,0.2\n', columns);
    expect(reader.at(0).number('price', 0)).toBe(2.5);
    expect(reader.at(1).number('price', 0)).toBeNaN();
    expect(issues).toEqual([{ file: FILE, line: 3, column: 'Price', value: '', expected: 'a number ≥ 0' }]);
    expect(formatIssue(issues[0]!)).toBe(
      'sample.csv, line 3, column "Price": got an empty cell, expected a number ≥ 0',
    );
  });

  it('rejects text and out-of-range values, naming the range', () => {
    const { reader, issues } = load('Aisle ID,Price,SD of price\n1,abc,0\n2,-1,0\n', columns);
    reader.at(0).number('price', 0);
    reader.at(1).number('price', 0, 3600);
    expect(issues).toEqual([
      { file: FILE, line: 2, column: 'Price', value: 'abc', expected: 'a number ≥ 0' },
      { file: FILE, line: 3, column: 'Price', value: '-1', expected: 'a number from 0 to 3600' },
    ]);
  });

  it('reads an empty cell and #DIV/0! as null for an optional number', () => {
    const { reader, issues } = load('Aisle ID,Price,SD of price\n1,3,\n2,4,#DIV/0!\n3,5,0.25\n', columns);
    expect(reader.at(0).optionalNumber('sd', 0)).toBeNull();
    expect(reader.at(1).optionalNumber('sd', 0)).toBeNull();
    expect(reader.at(2).optionalNumber('sd', 0)).toBe(0.25);
    expect(issues).toEqual([]);
  });

  it('rejects other spreadsheet errors and negatives for an optional number', () => {
    const { reader, issues } = load('Aisle ID,Price,SD of price\n1,3,#N/A\n2,4,-0.5\n', columns);
    expect(reader.at(0).optionalNumber('sd', 0)).toBeNaN();
    expect(reader.at(1).optionalNumber('sd', 0)).toBeNaN();
    const expected = 'a number ≥ 0, an empty cell or #DIV/0!';
    expect(issues).toEqual([
      { file: FILE, line: 2, column: 'SD of price', value: '#N/A', expected },
      { file: FILE, line: 3, column: 'SD of price', value: '-0.5', expected },
    ]);
  });

  it('rejects a non-integer or out-of-range id', () => {
    const { reader, issues } = load('Aisle ID,Price,SD of price\n1.5,3,\n135,3,\n', columns);
    expect(reader.at(0).int('id', 1, 134)).toBeNaN();
    expect(reader.at(1).int('id', 1, 134)).toBeNaN();
    expect(issues).toEqual([
      { file: FILE, line: 2, column: 'Aisle ID', value: '1.5', expected: 'an integer from 1 to 134' },
      { file: FILE, line: 3, column: 'Aisle ID', value: '135', expected: 'an integer from 1 to 134' },
    ]);
  });

  it('rejects an empty required text', () => {
    const { reader, issues } = load('Aisle ID,Price,SD of price\n ,3,\n', columns);
    expect(reader.at(0).text('id')).toBe('');
    expect(issues).toEqual([
      { file: FILE, line: 2, column: 'Aisle ID', value: '', expected: 'a non-empty text' },
    ]);
  });
});

describe('rows and line numbers', () => {
  it('reports a row with the wrong number of cells', () => {
    const { reader, issues } = load('Id,Name\n1,Jam\n2,Tea,extra\n3\n', { id: 'Id', name: 'Name' });
    [0, 1, 2].forEach((i) => reader.at(i));
    expect(issues).toEqual([
      { file: FILE, line: 3, column: '(row)', value: '3', expected: '2 cells as in the header' },
      { file: FILE, line: 4, column: '(row)', value: '1', expected: '2 cells as in the header' },
    ]);
    expect(formatIssue(issues[0]!)).toBe(
      'sample.csv, line 3, column "(row)": got "3", expected 2 cells as in the header',
    );
  });

  it.each([
    ['LF, trailing newline', 'Id,Name\n1,Jam\n2,Tea\n'],
    ['LF, no trailing newline', 'Id,Name\n1,Jam\n2,Tea'],
    ['CRLF, trailing newline', 'Id,Name\r\n1,Jam\r\n2,Tea\r\n'],
    ['BOM + CRLF, trailing newline', '\uFEFFId,Name\r\n1,Jam\r\n2,Tea\r\n'],
  ])('numbers data lines from 2 (header = line 1): %s', (_, text) => {
    const { table, issues } = parse(text);
    expect(issues).toEqual([]);
    expect(table.rows).toEqual([
      ['1', 'Jam'],
      ['2', 'Tea'],
    ]);
    expect(table.lines).toEqual([2, 3]);
  });

  it('skips a blank line but keeps counting it, so later rows keep their file line', () => {
    const { table, issues } = parse('Id,Name\n1,Jam\n\n2,Tea\n');
    expect(issues).toEqual([]);
    expect(table.rows).toEqual([
      ['1', 'Jam'],
      ['2', 'Tea'],
    ]);
    expect(table.lines).toEqual([2, 4]);
  });

  it('reports the line of a row read by the reader', () => {
    const { reader, issues } = load('Id,Name\r\n1,Jam\r\n2,\r\n', { id: 'Id', name: 'Name' });
    reader.at(1).text('name');
    expect(reader.lineNumber).toBe(3);
    expect(issues).toEqual([
      { file: FILE, line: 3, column: 'Name', value: '', expected: 'a non-empty text' },
    ]);
  });

  it('reports an unterminated quote as malformed CSV on its line', () => {
    const { issues } = parse('Id,Name\n1,"Jam\n2,Tea\n');
    expect(issues).toEqual([
      expect.objectContaining({ file: FILE, line: 2, column: '(row)', value: 'MissingQuotes' }),
    ]);
    expect(issues[0]!.expected).toContain('well-formed CSV');
  });
});

describe('formatIssue and SourceValidationError', () => {
  const issue = (line: number): SourceIssue => ({
    file: FILE,
    line,
    column: 'Price',
    value: 'x"y',
    expected: 'a number ≥ 0',
  });

  it('quotes a non-empty value as JSON', () => {
    expect(formatIssue(issue(9))).toBe(
      'sample.csv, line 9, column "Price": got "x\\"y", expected a number ≥ 0',
    );
  });

  it('lists up to 20 issues in its message and counts the rest', () => {
    const issues = Array.from({ length: 23 }, (_, i) => issue(i + 2));
    const error = new SourceValidationError(issues);
    expect(error.name).toBe('SourceValidationError');
    expect(error.issues).toBe(issues);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('23 problem(s) in the source data:');
    expect(lines[1]).toBe(`  - ${formatIssue(issues[0]!)}`);
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines.at(-1)).toBe('  … and 3 more');
  });
});
