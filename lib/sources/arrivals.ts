import { createRowReader, locateColumns, parseCsvTable } from './csv-table';
import type { SourceIssue } from './source-issues';

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ArrivalCell {
  /** 0 = Monday … 6 = Sunday. */
  day_index: number;
  day: Weekday;
  /** Start of the hour, 0–23; the hour runs to hour + 1. */
  hour: number;
  /** Average in-store customers arriving per store in this hour. */
  instore_arrivals: number;
  /** Average online orders arriving per store in this hour. */
  online_arrivals: number;
}

const COLUMNS = {
  day: 'Day',
  from: 'From time',
  to: 'To time',
  instore: 'Avg. in-store customer arrivals',
  online: 'Avg. online order arrivals',
};

export function stageArrivals(file: string, text: string, issues: SourceIssue[]): ArrivalCell[] {
  const table = parseCsvTable(file, text, issues);
  const columns = locateColumns(table, COLUMNS, issues);
  if (!columns) return [];
  const r = createRowReader(table, columns, COLUMNS, issues);
  const seen = new Map<string, number>();
  const cells: ArrivalCell[] = [];
  table.rows.forEach((_, i) => {
    r.at(i);
    const day = r.raw('day');
    const dayIndex = WEEKDAYS.indexOf(day as Weekday);
    if (dayIndex < 0) r.fail('day', day, `a weekday name (${WEEKDAYS.join(', ')})`);
    const hour = r.int('from', 0, 23);
    const to = r.int('to', 1, 24);
    if (Number.isFinite(hour) && Number.isFinite(to) && to !== hour + 1) {
      r.fail('to', String(to), `From time + 1 (${hour + 1})`);
    }
    const key = `${day} ${hour}`;
    if (seen.has(key)) r.fail('from', String(hour), `each day × hour once (also on line ${seen.get(key)})`);
    seen.set(key, r.lineNumber);
    cells.push({
      day_index: dayIndex,
      day: (WEEKDAYS[dayIndex] ?? 'Monday') as Weekday,
      hour,
      instore_arrivals: r.number('instore', 0),
      online_arrivals: r.number('online', 0),
    });
  });
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      if (!seen.has(`${WEEKDAYS[d]} ${h}`)) {
        issues.push({
          file,
          line: table.lines.at(-1) ?? 1,
          column: 'Day / From time',
          value: '',
          expected: `a row for ${WEEKDAYS[d]} ${h}:00–${h + 1}:00 (7 days × 24 hours)`,
        });
      }
    }
  }
  return cells.sort((a, b) => a.day_index - b.day_index || a.hour - b.hour);
}
