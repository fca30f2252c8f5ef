/**
 * A CSV text as records of raw fields, for damaging files on purpose: each field keeps its bytes as
 * written (quotes and all) and each record its own line end, so `joinRecords(splitRecords(t))`
 * gives `t` back exactly. Written here, independent of the project's reader, and lenient: a quote
 * opens a quoted field only at the start of a field, and an unclosed one runs to the end of the text.
 */

export interface RawRecord {
  /** The fields as written, quotes included. */
  fields: string[];
  /** The line end after the record ('\r\n', '\n', '\r'), or '' for a last line without one. */
  end: string;
}

export function splitRecords(text: string, delimiter = ','): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '""';
          i += 2;
          continue;
        }
        quoted = false;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      field = '"';
      i++;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      const end = ch === '\r' && text[i + 1] === '\n' ? '\r\n' : ch;
      fields.push(field);
      records.push({ fields, end });
      fields = [];
      field = '';
      i += end.length;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ fields, end: '' });
  }
  return records;
}

export function joinRecords(records: readonly RawRecord[], delimiter = ','): string {
  let out = '';
  for (const r of records) out += r.fields.join(delimiter) + r.end;
  return out;
}

/** The value of a raw field: outer quotes removed, doubled quotes undone. */
export function unquote(raw: string): string {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"'))
    return raw.slice(1, -1).replace(/""/g, '"');
  return raw;
}

/** A value as a raw field, quoted when it holds a delimiter, a quote or a line break. */
export function quoteField(value: string): string {
  return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole CSV text as rows of values (RFC 4180, any line end), for checking the files a build writes. */
export function parseCsv(text: string): string[][] {
  return splitRecords(text).map((r) => r.fields.map(unquote));
}
