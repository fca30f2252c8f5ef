/**
 * The fuzz's own tools (damages.ts, csv-raw.ts): a damage is a pure function of text and seed,
 * does what its name says, and the raw CSV split gives the text back byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random/rng';
import { joinRecords, parseCsv, splitRecords } from './csv-raw';
import { damageNamed, DAMAGES, excelScientific, parseDateCell } from './damages';

const SAMPLE = [
  'Name,Email,Phone,Created at,Qty,Price,Type',
  '#1,a@example.test,+91 98765 43210,2026-08-31 19:55:47 +0530,1,"1,950.00",Kurtas',
  '#1,a@example.test,+91 98765 43210,2026-08-31 19:55:47 +0530,2,890.00,"Bags, Pouches"',
  '#2,b@example.test,919876500001,2026-08-13 09:05:00 +0530,1,590.00,"Multi\nline ""note"""',
  '#3,c@example.test,,13-08-2026,1,590.00,Candles',
].join('\r\n');
const TEXT = `${SAMPLE}\r\n`;

describe('the raw CSV split', () => {
  it('gives every text back byte for byte, however broken', () => {
    for (const t of [TEXT, SAMPLE, 'a,"b\r\nc', '"', '\r\r\n\n', 'x;y\n"un"closed,"\n', ''])
      expect(joinRecords(splitRecords(t))).toBe(t);
  });

  it('reads quoted cells with line breaks and doubled quotes as one value', () => {
    expect(parseCsv(TEXT)[3]).toEqual([
      '#2',
      'b@example.test',
      '919876500001',
      '2026-08-13 09:05:00 +0530',
      '1',
      '590.00',
      'Multi\nline "note"',
    ]);
  });
});

describe('the damages', () => {
  it.each(DAMAGES.map((d) => [d.name, d] as const))('%s is seeded, pure and changes the text', (_name, d) => {
    const a = d.apply(TEXT, createRng(7, 1));
    expect(d.apply(TEXT, createRng(7, 1))).toBe(a);
    const changed = [1, 2, 3, 4, 5].some((seed) => d.apply(TEXT, createRng(seed, 1)) !== TEXT);
    expect(changed).toBe(true);
  });

  it('shuffle-columns moves whole columns: every row holds the same cells, header included', () => {
    const before = parseCsv(TEXT);
    const after = parseCsv(damageNamed('shuffle-columns').apply(TEXT, createRng(3, 1)));
    const order = after[0]!.map((h) => before[0]!.indexOf(h));
    expect(new Set(order).size).toBe(before[0]!.length);
    after.forEach((row, i) => expect(row).toEqual(order.map((k) => before[i]![k])));
  });

  it('huge-line adds a line of about 10 MB', () => {
    const out = damageNamed('huge-line').apply(TEXT, createRng(1, 1));
    const longest = Math.max(...out.split(/\r\n/).map((l) => l.length));
    expect(longest).toBeGreaterThan(10 * 2 ** 20);
  });

  it('the truncations cut the text short: mid last line, or inside a quoted cell', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const last = damageNamed('truncate-last-line').apply(TEXT, createRng(seed, 1));
      expect(TEXT.startsWith(last) && last.length < SAMPLE.length).toBe(true);
      expect(last.length).toBeGreaterThan(SAMPLE.lastIndexOf('\n') + 1);
      const quoted = damageNamed('truncate-in-quoted-cell').apply(TEXT, createRng(seed, 1));
      expect(TEXT.startsWith(quoted)).toBe(true);
      // The multi-line cell is open at the end: an odd number of quotes.
      expect((quoted.match(/"/g) ?? []).length % 2).toBe(1);
    }
  });

  it('dates are read in the corpus forms, and phones written as a spreadsheet shows them', () => {
    expect(parseDateCell('2026-08-31 19:55:47 +0530')).toEqual({
      y: 2026,
      m: 8,
      d: 31,
      time: { h: 19, min: 55, s: 47 },
      offset: 330,
    });
    expect(parseDateCell('13-08-2026')).toMatchObject({ y: 2026, m: 8, d: 13, time: null });
    expect(parseDateCell('07 Aug 2022')).toMatchObject({ y: 2022, m: 8, d: 7 });
    expect(parseDateCell('Kurtas')).toBeNull();
    expect(excelScientific('919876543210')).toBe('9.19877E+11');
    expect(excelScientific('920000000000')).toBe('9.2E+11');
    const out = damageNamed('phone-as-scientific').apply(TEXT, createRng(2, 1));
    expect(out).toMatch(/,9\.\d+E\+\d\d,/);
  });
});
