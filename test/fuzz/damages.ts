/**
 * Seeded damage to valid CSV exports: each damage is a pure function of the text and a seeded
 * random stream (lib/random/rng.ts), text in, text out, with a short name. Nothing here knows the
 * project's reader; columns are found by their header names or by the shape of their values.
 */
import type { Rng } from '../../lib/random/rng';
import { joinRecords, quoteField, splitRecords, unquote, type RawRecord } from './csv-raw';

export interface Damage {
  name: string;
  /** What the damage does, in a few words. */
  what: string;
  /** Damages of one case are applied in this order: 1 columns, 2 cells, 3 lines, 4 bytes, 5 cuts. */
  phase: 1 | 2 | 3 | 4 | 5;
  /**
   * The damage is on some data rows only (the header and the other rows are untouched): when the
   * build refuses such a file, the message should name a line.
   */
  rowLevel: boolean;
  /** The file means exactly what it meant before: the build must succeed and give the same tables. */
  keepsMeaning: boolean;
  apply(text: string, rng: Rng): string;
}

// ---------------------------------------------------------------- random helpers

export const randInt = (rng: Rng, n: number): number => Math.floor(rng.next() * n);
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[randInt(rng, items.length)]!;
const chance = (rng: Rng, p: number): boolean => rng.next() < p;
const between = (rng: Rng, lo: number, hi: number): number => lo + rng.next() * (hi - lo);

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A permutation of 0…n−1 that moves at least one index. */
function derangedOrder(rng: Rng, n: number): number[] {
  const identity = Array.from({ length: n }, (_, i) => i);
  if (n < 2) return identity;
  for (;;) {
    const order = shuffle(rng, identity);
    if (order.some((v, i) => v !== i)) return order;
  }
}

// ---------------------------------------------------------------- record helpers

/** Records that hold data: after the header, not blank. */
function dataIndexes(records: readonly RawRecord[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < records.length; i++) {
    const f = records[i]!.fields;
    if (f.length > 1 || f[0]!.trim() !== '') out.push(i);
  }
  return out;
}

/** Columns whose header matches `pattern`. */
function columnsNamed(records: readonly RawRecord[], pattern: RegExp): number[] {
  return (records[0]?.fields ?? []).flatMap((h, i) => (pattern.test(unquote(h).trim()) ? [i] : []));
}

/** The line end the file uses most (for lines a damage adds). */
function mainLineEnd(records: readonly RawRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) if (r.end) counts.set(r.end, (counts.get(r.end) ?? 0) + 1);
  let best = '\n';
  let most = 0;
  for (const [end, n] of counts)
    if (n > most) {
      best = end;
      most = n;
    }
  return best;
}

/** Apply `edit` to records through a split and join, keeping everything else as written. */
function onRecords(text: string, edit: (records: RawRecord[]) => void): string {
  const records = splitRecords(text);
  if (records.length === 0) return text;
  edit(records);
  return joinRecords(records);
}

/** Each raw field of `records[i]` edited by `edit` where it is set. */
function editField(record: RawRecord, column: number, edit: (raw: string) => string): void {
  if (column < record.fields.length) record.fields[column] = edit(record.fields[column]!);
}

// ---------------------------------------------------------------- dates

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface ParsedDate {
  y: number;
  m: number;
  d: number;
  time: { h: number; min: number; s: number | null } | null;
  /** Offset from UTC in minutes, when the value carries one. */
  offset: number | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/;
/** `dd-mm-yyyy`: the day-first form the POS register of the corpus writes. */
const DAY_FIRST_DASHED = /^(\d{2})-(\d{2})-(\d{4})$/;
const DAY_MONTH_NAME = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/;

/** A date cell in one of the corpus' unambiguous forms, or null. */
export function parseDateCell(value: string): ParsedDate | null {
  const v = value.trim();
  let m = ISO_DATE.exec(v);
  if (m) {
    const tz = m[7];
    let offset: number | null = null;
    if (tz === 'Z') offset = 0;
    else if (tz) {
      const digits = tz.replace(':', '');
      const sign = digits[0] === '-' ? -1 : 1;
      offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
    return {
      y: Number(m[1]),
      m: Number(m[2]),
      d: Number(m[3]),
      time: m[4] ? { h: Number(m[4]), min: Number(m[5]), s: m[6] ? Number(m[6]) : null } : null,
      offset,
    };
  }
  m = DAY_FIRST_DASHED.exec(v);
  if (m) return { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]), time: null, offset: null };
  m = DAY_MONTH_NAME.exec(v);
  if (m && MONTHS.includes(m[2]!))
    return { y: Number(m[3]), m: MONTHS.indexOf(m[2]!) + 1, d: Number(m[1]), time: null, offset: null };
  return null;
}

const two = (n: number) => String(n).padStart(2, '0');
const timeText = (p: ParsedDate, seconds: boolean) =>
  p.time ? ` ${two(p.time.h)}:${two(p.time.min)}${seconds ? `:${two(p.time.s ?? 0)}` : ''}` : '';

type DateForm = (p: ParsedDate, rng: Rng) => string;

/**
 * `keepsMeaning`: the day and the hour stay as written, in a form the README promises to read
 * (dd/mm/yyyy is detected day-first by a day above 12, else read day-first by default).
 */
const DATE_FORMS: Record<string, { what: string; form: DateForm; keepsMeaning?: boolean }> = {
  'dates-dmy': {
    what: 'some dates rewritten dd/mm/yyyy',
    keepsMeaning: true,
    form: (p) => `${two(p.d)}/${two(p.m)}/${p.y}${timeText(p, false)}`,
  },
  'dates-iso': {
    what: 'some dates rewritten yyyy-mm-dd (no time)',
    form: (p) => `${p.y}-${two(p.m)}-${two(p.d)}`,
  },
  'dates-day-month-name': {
    what: 'some dates rewritten like "5 Mar 2025"',
    form: (p) => `${p.d} ${MONTHS[p.m - 1]} ${p.y}${timeText(p, false)}`,
  },
  'dates-mixed-dmy-mdy': {
    what: 'some dates rewritten dd/mm/yyyy, others mm/dd/yyyy',
    form: (p, rng) =>
      chance(rng, 0.5)
        ? `${two(p.d)}/${two(p.m)}/${p.y}${timeText(p, false)}`
        : `${two(p.m)}/${two(p.d)}/${p.y}${timeText(p, false)}`,
  },
  'dates-iso-offset': {
    what: 'some dates rewritten as ISO 8601 with a time zone (+05:30 or Z)',
    form: (p, rng) => {
      const t = p.time ?? { h: 0, min: 0, s: 0 };
      const local = Date.UTC(p.y, p.m - 1, p.d, t.h, t.min, t.s ?? 0);
      const offset = p.offset ?? 330;
      if (chance(rng, 0.5)) {
        const sign = offset < 0 ? '-' : '+';
        const a = Math.abs(offset);
        return `${new Date(local).toISOString().slice(0, 19)}${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
      }
      return `${new Date(local - offset * 60_000).toISOString().slice(0, 19)}Z`;
    },
  },
};

function dateDamage(name: string, what: string, form: DateForm, keepsMeaning: boolean): Damage {
  return {
    name,
    what,
    phase: 2,
    rowLevel: true,
    keepsMeaning,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const share = between(rng, 0.2, 1);
        for (const i of dataIndexes(records)) {
          const fields = records[i]!.fields;
          for (let j = 0; j < fields.length; j++) {
            const parsed = parseDateCell(unquote(fields[j]!));
            if (parsed && chance(rng, share)) fields[j] = quoteField(form(parsed, rng));
          }
        }
      }),
  };
}

// ---------------------------------------------------------------- bytes

/** Windows-1252 bytes 0x80–0x9F (undefined ones map to themselves, as Windows' best fit does). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function cp1252Byte(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
  const high = CP1252_HIGH.indexOf(ch);
  return high >= 0 ? 0x80 + high : 0x3f; // '?' where Windows-1252 has no such character
}

function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/** Typographic characters a Windows spreadsheet puts in text (each is one byte in Windows-1252). */
const WINDOWS_TEXT = ['’', '“', '”', '–', '—', 'é', '€', '…', '•', '½'];

/** A few cells get typographic characters, so that the file has bytes to mis-encode. */
function sprinkleWindowsText(text: string, rng: Rng): string {
  return onRecords(text, (records) => {
    const rows = dataIndexes(records);
    const count = 1 + randInt(rng, 8);
    for (let k = 0; k < count && rows.length; k++) {
      const record = records[pick(rng, rows)]!;
      const j = randInt(rng, record.fields.length);
      const value = unquote(record.fields[j]!);
      const at = randInt(rng, value.length + 1);
      record.fields[j] = quoteField(`${value.slice(0, at)}${pick(rng, WINDOWS_TEXT)}${value.slice(at)}`);
    }
  });
}

// ---------------------------------------------------------------- formulas and keys

const FORMULAS = [
  '=HYPERLINK("http://example.test/x","Open")',
  '+SUM(A1:A9)',
  '@cmd',
  "-2+3+cmd|' /C calc'!A0",
  '=1+1',
];

/** Columns a category (or an intent) is read from, in the corpus' formats. */
const CATEGORY_HEADER = /^(category|product category|lineitem product type|type|department|intent)$/i;
/** Columns that hold a phone number. */
const PHONE_HEADER = /mobile|phone|contact/i;

/** How a spreadsheet shows a long number in a General cell: 919876543210 → 9.19877E+11. */
export function excelScientific(digits: string): string {
  const [mantissa, exponent] = Number(digits).toExponential(5).split('e') as [string, string];
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const e = Number(exponent);
  return `${trimmed}E${e < 0 ? '-' : '+'}${two(Math.abs(e))}`;
}

/**
 * The longest prefix of a quoted cell, at most `length` long, that leaves the cell open: not just
 * after the first quote of a doubled one, which would read as the cell's closing quote.
 */
function openLength(raw: string, length: number): number {
  let n = length;
  while (n > 1 && (raw.slice(0, n).match(/"/g) ?? []).length % 2 === 0) n--;
  return n;
}

// ---------------------------------------------------------------- the library

const HUGE_CELL_CHARS = 10 * 2 ** 20;

export const DAMAGES: readonly Damage[] = [
  {
    name: 'drop-column',
    what: 'one column removed, header and cells',
    phase: 1,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const col = randInt(rng, records[0]!.fields.length);
        for (const r of records) if (r.fields.length > 1 && col < r.fields.length) r.fields.splice(col, 1);
      }),
  },
  {
    name: 'duplicate-column',
    what: 'one column repeated elsewhere under the same header',
    phase: 1,
    rowLevel: false,
    keepsMeaning: true, // the copy holds the same cells
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const width = records[0]!.fields.length;
        const col = randInt(rng, width);
        const at = randInt(rng, width + 1);
        for (const r of records) if (r.fields.length === width) r.fields.splice(at, 0, r.fields[col]!);
      }),
  },
  {
    name: 'duplicate-column-renamed',
    what: 'one column repeated elsewhere under a renamed header (Email.1, Email (2), …)',
    phase: 1,
    rowLevel: false,
    keepsMeaning: true, // the copy holds the same cells
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const width = records[0]!.fields.length;
        const col = randInt(rng, width);
        const at = randInt(rng, width + 1);
        const name = unquote(records[0]!.fields[col]!);
        const renamed = pick(rng, [`${name}.1`, `${name} (2)`, `${name}_copy`, `Copy of ${name}`]);
        records.forEach((r, i) => {
          if (r.fields.length === width)
            r.fields.splice(at, 0, i === 0 ? quoteField(renamed) : r.fields[col]!);
        });
      }),
  },
  {
    name: 'shuffle-columns',
    what: 'the columns in another order, header and cells together (the file stays valid)',
    phase: 1,
    rowLevel: false,
    keepsMeaning: true,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const width = records[0]!.fields.length;
        const order = derangedOrder(rng, width);
        for (const r of records) {
          if (r.fields.length < width) continue;
          r.fields = [...order.map((k) => r.fields[k]!), ...r.fields.slice(width)];
        }
      }),
  },
  {
    name: 'shuffle-header-names',
    what: 'header names swapped or shuffled, cells left in place (misaligned)',
    phase: 1,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const header = records[0]!.fields;
        if (header.length < 2) return;
        if (chance(rng, 0.5)) {
          // Two names swapped: a subtle misalignment.
          const a = randInt(rng, header.length);
          let b = randInt(rng, header.length - 1);
          if (b >= a) b++;
          [header[a], header[b]] = [header[b]!, header[a]!];
        } else {
          const order = derangedOrder(rng, header.length);
          records[0]!.fields = order.map((k) => header[k]!);
        }
      }),
  },
  {
    name: 'delete-header',
    what: 'the header line removed',
    phase: 1,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text) =>
      onRecords(text, (records) => {
        records.shift();
      }),
  },
  ...Object.entries(DATE_FORMS).map(([name, d]) => dateDamage(name, d.what, d.form, d.keepsMeaning ?? false)),
  {
    name: 'stray-quote',
    what: 'an unbalanced double quote inside, at the start of, or in a quoted cell (1–3 cells)',
    phase: 2,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const rows = dataIndexes(records);
        const count = 1 + randInt(rng, 3);
        for (let k = 0; k < count && rows.length; k++) {
          const record = records[pick(rng, rows)]!;
          editField(record, randInt(rng, record.fields.length), (raw) => {
            const at = 1 + randInt(rng, Math.max(1, raw.length - 1));
            const variant = randInt(rng, 3);
            if (variant === 0) return `"${raw}`; // opens a quoted cell that runs on
            if (variant === 1 && raw.startsWith('"')) return `${raw.slice(0, at)}"${raw.slice(at)}`; // closes one early
            return `${raw.slice(0, at)}"${raw.slice(at)}`; // a bare quote in the middle
          });
        }
      }),
  },
  {
    name: 'nul-in-cells',
    what: 'NUL bytes inside 1–5 cells',
    phase: 2,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const rows = dataIndexes(records);
        const count = 1 + randInt(rng, 5);
        for (let k = 0; k < count && rows.length; k++) {
          const record = records[pick(rng, rows)]!;
          editField(record, randInt(rng, record.fields.length), (raw) => {
            const at = randInt(rng, raw.length + 1);
            return `${raw.slice(0, at)}${'\u0000'.repeat(1 + randInt(rng, 3))}${raw.slice(at)}`;
          });
        }
      }),
  },
  {
    name: 'huge-line',
    what: 'one line of ~10 MB (a huge cell)',
    phase: 2,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const rows = dataIndexes(records);
        if (!rows.length) return;
        const record = records[pick(rng, rows)]!;
        const words = 'handwoven cotton, block printed; ';
        const huge = chance(rng, 0.5)
          ? `"${words.repeat(Math.ceil(HUGE_CELL_CHARS / words.length))}"`
          : 'x'.repeat(HUGE_CELL_CHARS);
        record.fields[randInt(rng, record.fields.length)] = huge;
      }),
  },
  {
    name: 'formula-cells',
    what: 'a category, intent or other cell written as a spreadsheet formula (=HYPERLINK, +SUM, @cmd, -2+3)',
    phase: 2,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const rows = dataIndexes(records);
        if (!rows.length) return;
        const categories = columnsNamed(records, CATEGORY_HEADER);
        const col =
          categories.length && chance(rng, 0.75)
            ? pick(rng, categories)
            : randInt(rng, records[0]!.fields.length);
        const formula = quoteField(pick(rng, FORMULAS));
        // Every cell of the column holding one value (a whole category) becomes the formula.
        const target = unquote(records[pick(rng, rows)]!.fields[col] ?? '');
        for (const i of rows) {
          const r = records[i]!;
          if (col < r.fields.length && unquote(r.fields[col]!) === target) r.fields[col] = formula;
        }
      }),
  },
  {
    name: 'phone-as-scientific',
    what: 'phone numbers (customer keys) as a spreadsheet shows them: 9.19876E+11',
    phase: 2,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        let cols = columnsNamed(records, PHONE_HEADER);
        if (!cols.length) {
          // No phone column: any column of long numbers (ids) goes the same way.
          const sample = records[1]?.fields ?? [];
          cols = sample.flatMap((f, j) => (/^\+?\d{10,}$/.test(unquote(f).trim()) ? [j] : []));
        }
        const share = between(rng, 0.3, 1);
        for (const i of dataIndexes(records)) {
          for (const j of cols) {
            editField(records[i]!, j, (raw) => {
              const digits = unquote(raw).replace(/\D/g, '');
              return digits.length >= 10 && chance(rng, share) ? excelScientific(digits) : raw;
            });
          }
        }
      }),
  },
  {
    name: 'blank-lines',
    what: 'blank lines (empty, spaces only, or only delimiters) before the header, between rows, at the end',
    phase: 3,
    rowLevel: true,
    keepsMeaning: true,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const width = records[0]!.fields.length;
        const end = mainLineEnd(records);
        const count = 1 + randInt(rng, 10);
        // The last record may lack a line end: it gets one, so that lines added after it stay lines.
        const last = records[records.length - 1]!;
        if (!last.end) last.end = end;
        for (let k = 0; k < count; k++) {
          // Now and then before the header, else anywhere after it.
          const at = chance(rng, 0.1) ? 0 : 1 + randInt(rng, records.length);
          const kind = randInt(rng, 3);
          const fields = kind === 0 ? [''] : kind === 1 ? ['   '] : Array<string>(width).fill('');
          records.splice(at, 0, { fields, end });
        }
      }),
  },
  {
    name: 'mixed-line-ends',
    what: 'lines ending in CRLF, LF or CR, mixed',
    phase: 3,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        for (const r of records) if (r.end) r.end = pick(rng, ['\r\n', '\n', '\r']);
      }),
  },
  {
    name: 'semicolon-lines',
    what: 'some lines split by semicolons instead of commas',
    phase: 3,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) => {
      const records = splitRecords(text);
      const share = between(rng, 0.02, 0.4);
      const semi = new Set(dataIndexes(records).filter(() => chance(rng, share)));
      return records.map((r, i) => r.fields.join(semi.has(i) ? ';' : ',') + r.end).join('');
    },
  },
  {
    name: 'trailing-delimiter',
    what: 'an extra delimiter at the end of every data line, some lines, or every line',
    phase: 3,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text, rng) =>
      onRecords(text, (records) => {
        const variant = randInt(rng, 3);
        const rows = new Set(dataIndexes(records));
        records.forEach((r, i) => {
          const onRow =
            variant === 2 ? i === 0 || rows.has(i) : rows.has(i) && (variant === 0 || chance(rng, 0.3));
          if (onRow) r.fields.push('');
        });
      }),
  },
  {
    name: 'nul-random',
    what: 'NUL bytes at random places in the file',
    phase: 4,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text, rng) => {
      let out = text;
      const count = 1 + randInt(rng, 20);
      for (let k = 0; k < count; k++) {
        const at = randInt(rng, out.length + 1);
        out = `${out.slice(0, at)}\u0000${out.slice(at)}`;
      }
      return out;
    },
  },
  {
    name: 'windows-1252-bytes',
    what: 'saved as Windows-1252 (typographic characters and ₹ as single bytes), read as UTF-8',
    phase: 4,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text, rng) => {
      const sprinkled = sprinkleWindowsText(text, rng);
      const bytes = Buffer.alloc(sprinkled.length);
      let n = 0;
      for (const ch of sprinkled) bytes[n++] = cp1252Byte(ch);
      // What the build reads: the file's bytes decoded as UTF-8.
      return bytes.subarray(0, n).toString('utf8');
    },
  },
  {
    name: 'mojibake',
    what: 'UTF-8 read as Windows-1252 and saved again (₹ → â‚¹, ’ → â€™)',
    phase: 4,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text, rng) => {
      const bytes = Buffer.from(sprinkleWindowsText(text, rng), 'utf8');
      let out = '';
      for (const b of bytes) out += cp1252Char(b);
      return out;
    },
  },
  {
    name: 'double-bom',
    what: 'the byte order mark twice at the start',
    phase: 4,
    rowLevel: false,
    keepsMeaning: false,
    apply: (text) => (text.startsWith('\uFEFF') ? `\uFEFF${text}` : `\uFEFF\uFEFF${text}`),
  },
  {
    name: 'truncate-last-line',
    what: 'the file cut in the middle of its last line',
    phase: 5,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) => {
      const body = text.replace(/[\r\n]+$/, '');
      const start = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r')) + 1;
      const length = body.length - start;
      if (length < 2) return body;
      return body.slice(0, start + 1 + randInt(rng, length - 1));
    },
  },
  {
    name: 'truncate-in-quoted-cell',
    what: 'the file cut inside a quoted cell (a multi-line one when there is one)',
    phase: 5,
    rowLevel: true,
    keepsMeaning: false,
    apply: (text, rng) => {
      const records = splitRecords(text);
      const multi: Array<{ at: number; raw: string }> = [];
      const quoted: Array<{ at: number; raw: string }> = [];
      let offset = 0;
      for (const r of records) {
        for (const raw of r.fields) {
          if (raw.startsWith('"') && raw.length > 2) {
            (/[\r\n]/.test(raw) ? multi : quoted).push({ at: offset, raw });
          }
          offset += raw.length + 1;
        }
        offset += r.end.length - 1;
      }
      if (multi.length) {
        // Cut after the cell's first line break, in its second line.
        const cell = pick(rng, multi.slice(Math.floor(multi.length / 2)));
        const brk = cell.raw.search(/[\r\n]/);
        const rest = cell.raw.length - 1 - (brk + 1);
        return text.slice(0, cell.at + openLength(cell.raw, brk + 1 + (rest > 0 ? randInt(rng, rest) : 0)));
      }
      if (quoted.length) {
        const cell = pick(rng, quoted.slice(Math.floor(quoted.length / 2)));
        return text.slice(0, cell.at + openLength(cell.raw, 1 + randInt(rng, cell.raw.length - 2)));
      }
      return text.slice(0, Math.max(1, text.length - 1 - randInt(rng, 20)));
    },
  },
];

export function damageNamed(name: string): Damage {
  const d = DAMAGES.find((x) => x.name === name);
  if (!d) throw new Error(`no damage named ${name}`);
  return d;
}
