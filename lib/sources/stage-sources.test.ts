/**
 * Staging of the five public files: (a) what the real files stage to; (b) a corpus of broken copies,
 * each made in memory from the real text by one minimal edit, each of which must be rejected with a
 * SourceIssue that points at the file, line and column of the edit.
 */
import {
  deleteLine,
  editHeader,
  editLine,
  fileNameOf,
  garbageText,
  insertBlankLineAfter,
  readSharedSources,
} from '@/test/helpers/source-corpus';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../intents/intents';
import { WEEKDAYS } from './arrivals';
import { EMOTIONAL_FLAG_ERRATA } from './demand-behaviour';
import type { SourceKey } from './source-files';
import { formatIssue, SourceValidationError, type SourceIssue } from './source-issues';
import { FAMILY_COUNT, stageSources, type StagedSources } from './stage-sources';

let texts: Record<SourceKey, string>;
let staged: StagedSources;

beforeAll(() => {
  texts = readSharedSources();
  staged = stageSources(texts);
});

const family = (name: string) => staged.families.find((f) => f.family_name === name)!;

describe('stageSources on the published files', () => {
  it('gives 134 families with ids 1 … 134 in order', () => {
    expect(FAMILY_COUNT).toBe(134);
    expect(staged.families.map((f) => f.family_id)).toEqual(Array.from({ length: 134 }, (_, i) => i + 1));
  });

  it('gives every family an intent from INTENTS', () => {
    expect(staged.intents).toEqual(INTENTS);
    for (const f of staged.families) expect(INTENTS, f.family_name).toContain(f.intent);
  });

  it('gives 168 arrival cells, Monday 0:00 … Sunday 23:00', () => {
    expect(staged.arrivals).toHaveLength(168);
    staged.arrivals.forEach((cell, i) => {
      expect(cell.day_index).toBe(Math.floor(i / 24));
      expect(cell.day).toBe(WEEKDAYS[Math.floor(i / 24)]);
      expect(cell.hour).toBe(i % 24);
    });
    expect(staged.arrivals[0]).toMatchObject({ day: 'Monday', hour: 0 });
    expect(staged.arrivals.at(-1)).toMatchObject({ day: 'Sunday', hour: 23 });
  });

  it('notes the aisle-83 emotional-flag erratum and reads Fresh vegetables as emotional', () => {
    expect(staged.notes).toContain(EMOTIONAL_FLAG_ERRATA[0]!.note);
    expect(family('Fresh vegetables')).toMatchObject({ family_id: 83, is_emotional: true });
  });

  it('notes the two undefined price SDs (empty / #DIV/0!) and leaves them null', () => {
    const sdNotes = staged.notes.filter((n) => n.includes('price SD undefined'));
    expect(sdNotes).toHaveLength(2);
    expect(sdNotes.some((n) => n.includes('aisle 124 (Spirits)'))).toBe(true);
    expect(sdNotes.some((n) => n.includes('aisle 97 (Baking supplies decor)'))).toBe(true);
    expect(family('Spirits').price_usd.sd).toBeNull();
    expect(family('Spirits').price_usd.avg).toBe(84.99);
    expect(staged.families.filter((f) => f.price_usd.sd === null).map((f) => f.family_id)).toEqual([97, 124]);
  });

  it('reads percentages as percent points whose in-store choice shares sum to ~100', () => {
    const sum = staged.families.reduce((a, f) => a + f.instore_choice_pct, 0);
    expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.5);
    expect(family('Prepared soups salads').instore_purchase_pct).toBe(12.7);
  });

  it('reads the quoted zone alternatives lists, empty ones as []', () => {
    expect(family('Specialty cheeses').zone_id_alternatives).toEqual([38, 39, 82, 83]);
    expect(family('Prepared soups salads').zone_id_alternatives).toEqual([]);
  });

  it('counts the products of each family from Aisle ID to Products', () => {
    const total = staged.families.reduce((a, f) => a + f.product_count, 0);
    expect(total).toBe(49_688);
    for (const f of staged.families) expect(f.example_products.length).toBeLessThanOrEqual(3);
  });
});

// ---- (b) the broken-source corpus ----------------------------------------------------------------

interface ExpectedIssue {
  file: string;
  line: number;
  column: string;
  valueIncludes?: string;
  expectedIncludes: string;
}

interface BrokenCase {
  name: string;
  file: SourceKey;
  mutate: (text: string) => string;
  expect: ExpectedIssue;
}

const MAPPING = fileNameOf('familyMapping');
const INFO = fileNameOf('productInformation');
const DEMAND = fileNameOf('demandBehaviour');
const ARRIVALS = fileNameOf('arrivals');
const PRODUCTS = fileNameOf('aisleProducts');
const INSTORE_PCT = 'In-store customers’ purchase percentage';
const EMOTIONAL = 'Emotional product? 1=Yes, 0=No';
const DWELL = 'Dwell time (seconds)';

// In the three family files the row of aisle N is on line N + 1 and starts with "N,".
const CORPUS: BrokenCase[] = [
  {
    name: 'a non-numeric price',
    file: 'productInformation',
    mutate: (t) => editLine(t, '1,Prepared soups salads,', ',9.307921347999999,', ',$9.31,'),
    expect: {
      file: INFO,
      line: 2,
      column: 'Avg price (USD)',
      valueIncludes: '$9.31',
      expectedIncludes: 'a number ≥ 0',
    },
  },
  {
    name: '#DIV/0! where a statistic is always defined (an average)',
    file: 'productInformation',
    mutate: (t) => editLine(t, '3,Energy granola bars,', ',27.20288136,', ',#DIV/0!,'),
    expect: {
      file: INFO,
      line: 4,
      column: 'Avg price (USD)',
      valueIncludes: '#DIV/0!',
      expectedIncludes: 'a number ≥ 0',
    },
  },
  {
    name: 'a minimum price above the average',
    file: 'productInformation',
    mutate: (t) => editLine(t, '1,Prepared soups salads,', ',32.99,1.5', ',32.99,15'),
    expect: {
      file: INFO,
      line: 2,
      column: 'Avg price (USD)',
      expectedIncludes: 'between Min (15) and Max (32.99)',
    },
  },
  {
    name: 'a percentage without % ("12.70")',
    file: 'demandBehaviour',
    mutate: (t) => editLine(t, '1,', ',12.70%,', ',12.70,'),
    expect: {
      file: DEMAND,
      line: 2,
      column: INSTORE_PCT,
      valueIncludes: '12.70',
      expectedIncludes: 'a percentage from 0% to 100%',
    },
  },
  {
    name: 'a percentage over 100',
    file: 'demandBehaviour',
    mutate: (t) => editLine(t, '2,', ',38.00%,', ',138.00%,'),
    expect: {
      file: DEMAND,
      line: 3,
      column: INSTORE_PCT,
      valueIncludes: '138.00%',
      expectedIncludes: 'a percentage from 0% to 100%',
    },
  },
  {
    name: 'an emotional flag "3"',
    file: 'demandBehaviour',
    mutate: (t) => editLine(t, '1,', ',21.00%,0,', ',21.00%,3,'),
    expect: {
      file: DEMAND,
      line: 2,
      column: EMOTIONAL,
      valueIncludes: '3',
      expectedIncludes: '1 (yes) or 0 (no)',
    },
  },
  {
    name: 'an emotional flag "2" outside the documented erratum (aisle 83 only)',
    file: 'demandBehaviour',
    mutate: (t) => editLine(t, '1,', ',21.00%,0,', ',21.00%,2,'),
    expect: {
      file: DEMAND,
      line: 2,
      column: EMOTIONAL,
      valueIncludes: '2',
      expectedIncludes: '1 (yes) or 0 (no)',
    },
  },
  {
    name: 'a negative dwell time',
    file: 'demandBehaviour',
    mutate: (t) => editLine(t, '1,', ',3.564274227,18', ',3.564274227,-18'),
    expect: {
      file: DEMAND,
      line: 2,
      column: DWELL,
      valueIncludes: '-18',
      expectedIncludes: 'a number from 0 to 3600',
    },
  },
  {
    name: 'a duplicated aisle id',
    file: 'familyMapping',
    mutate: (t) => editLine(t, '2,83,', '2,83,', '1,83,'),
    expect: {
      file: MAPPING,
      line: 3,
      column: 'Aisle ID',
      valueIncludes: '1',
      expectedIncludes: 'each aisle id once',
    },
  },
  {
    name: 'a duplicated aisle id after a blank line (the line count includes the blank line)',
    file: 'demandBehaviour',
    mutate: (t) => editLine(insertBlankLineAfter(t, '50,'), '52,', '52,', '51,'),
    expect: {
      file: DEMAND,
      line: 54,
      column: 'Aisle ID',
      valueIncludes: '51',
      expectedIncludes: 'each aisle id once',
    },
  },
  {
    name: 'a missing family row',
    file: 'productInformation',
    mutate: (t) => deleteLine(t, '5,'),
    // No line holds the missing row: reported at the end of the file (133 data rows + header).
    expect: { file: INFO, line: 134, column: 'Aisle ID', expectedIncludes: 'a row for aisle 5 ' },
  },
  {
    name: 'a family name that differs between files',
    file: 'demandBehaviour',
    mutate: (t) => editLine(t, '3,', 'Energy granola bars', 'Energy bars'),
    expect: {
      file: DEMAND,
      line: 4,
      column: 'Product family',
      valueIncludes: 'Energy bars',
      expectedIncludes: `"Energy granola bars" as in ${MAPPING}`,
    },
  },
  {
    name: 'a zone alternatives list with a non-number',
    file: 'familyMapping',
    mutate: (t) => editLine(t, '2,83,', '"38, 39, 82, 83"', '"38, x, 82, 83"'),
    expect: {
      file: MAPPING,
      line: 3,
      column: 'Zone ID alternatives',
      valueIncludes: '38, x',
      expectedIncludes: 'comma-separated list of integers',
    },
  },
  {
    name: 'a missing header column (renamed)',
    file: 'demandBehaviour',
    mutate: (t) => editHeader(t, DWELL, 'Dwell (s)'),
    expect: {
      file: DEMAND,
      line: 1,
      column: DWELL,
      valueIncludes: 'Dwell (s)',
      expectedIncludes: `a header named "${DWELL}"`,
    },
  },
  {
    name: 'arrivals with a missing day × hour row',
    file: 'arrivals',
    mutate: (t) => deleteLine(t, 'Monday,5,'),
    expect: {
      file: ARRIVALS,
      line: 168,
      column: 'Day / From time',
      expectedIncludes: 'a row for Monday 5:00–6:00',
    },
  },
  {
    name: 'arrivals with an unknown day name',
    file: 'arrivals',
    mutate: (t) => editLine(t, 'Monday,5,', 'Monday', 'Mondya'),
    expect: {
      file: ARRIVALS,
      line: 7,
      column: 'Day',
      valueIncludes: 'Mondya',
      expectedIncludes: 'a weekday name',
    },
  },
  {
    name: 'arrivals with To time ≠ From time + 1',
    file: 'arrivals',
    mutate: (t) => editLine(t, 'Monday,5,', 'Monday,5,6,', 'Monday,5,7,'),
    expect: {
      file: ARRIVALS,
      line: 7,
      column: 'To time',
      valueIncludes: '7',
      expectedIncludes: 'From time + 1 (6)',
    },
  },
  {
    name: 'arrivals with a day × hour twice',
    file: 'arrivals',
    mutate: (t) => editLine(t, 'Monday,6,', 'Monday,6,7,', 'Monday,5,6,'),
    expect: {
      file: ARRIVALS,
      line: 8,
      column: 'From time',
      valueIncludes: '5',
      expectedIncludes: 'each day × hour once (also on line 7)',
    },
  },
  {
    name: 'an aisle id of 999 in Aisle ID to Products',
    file: 'aisleProducts',
    mutate: (t) => editLine(t, 'Porto,', 'Porto,134', 'Porto,999'),
    expect: {
      file: PRODUCTS,
      line: 49_689,
      column: 'aisle_id',
      valueIncludes: '999',
      expectedIncludes: `an aisle id of ${MAPPING}`,
    },
  },
  {
    name: 'a cell count mismatch (an extra comma)',
    file: 'familyMapping',
    mutate: (t) => editLine(t, '1,27,', ',Prepared soups salads', ',Prepared soups salads,'),
    expect: {
      file: MAPPING,
      line: 2,
      column: '(row)',
      valueIncludes: '5',
      expectedIncludes: '4 cells as in the header',
    },
  },
  {
    name: 'garbage binary bytes instead of a file',
    file: 'familyMapping',
    mutate: () => garbageText(),
    expect: { file: MAPPING, line: 1, column: 'Aisle ID', expectedIncludes: 'a header named "Aisle ID"' },
  },
  {
    name: 'an empty file',
    file: 'arrivals',
    mutate: () => '',
    expect: { file: ARRIVALS, line: 1, column: 'Day', expectedIncludes: 'a header named "Day"' },
  },
];

function matches(issue: SourceIssue, e: ExpectedIssue): boolean {
  return (
    issue.file === e.file &&
    issue.line === e.line &&
    issue.column === e.column &&
    (e.valueIncludes === undefined || issue.value.includes(e.valueIncludes)) &&
    issue.expected.includes(e.expectedIncludes)
  );
}

function stageBroken(c: BrokenCase): SourceValidationError {
  const mutated = c.mutate(texts[c.file]);
  expect(mutated, 'the mutation changed nothing').not.toBe(texts[c.file]);
  try {
    stageSources({ ...texts, [c.file]: mutated });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceValidationError);
    return error as SourceValidationError;
  }
  throw new Error(`stageSources accepted the broken source: ${c.name}`);
}

describe('stageSources on a broken-source corpus', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('rejects %s', (_, c) => {
    const error = stageBroken(c);
    const match = error.issues.find((i) => matches(i, c.expect));
    // On failure, show what was reported instead.
    expect(match, error.issues.slice(0, 12).map(formatIssue).join('\n')).toBeDefined();
    expect(match!.line).toBeGreaterThanOrEqual(1);
    if (error.issues.indexOf(match!) < 20) expect(error.message).toContain(formatIssue(match!));
  });

  it('puts every issue about a source file on a 1-based line of that file', () => {
    const sourceNames = new Set([MAPPING, INFO, DEMAND, ARRIVALS, PRODUCTS]);
    for (const c of CORPUS) {
      // (Issues about lib/intents/family-intents.json, which is JSON, carry no line.)
      for (const issue of stageBroken(c).issues.filter((i) => sourceNames.has(i.file))) {
        expect(issue.line, `${c.name}: ${formatIssue(issue)}`).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
