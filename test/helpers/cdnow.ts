import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CDNOW sample beside the repo (../shared/datasets/cdnow), never committed here. */
export const CDNOW_FILE =
  process.env.OMNI_CDNOW_FILE ??
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../shared/datasets/cdnow/CDNOW_sample.txt',
  );

const DAY = 86_400_000;
export const CDNOW_START = Date.UTC(1997, 0, 1);
/** Day index (from 1997-01-01) of the last calibration day, 1997-09-30, and of the holdout's, 1998-06-30. */
export const CALIBRATION_END_DAY = (Date.UTC(1997, 8, 30) - CDNOW_START) / DAY;
export const HOLDOUT_END_DAY = (Date.UTC(1998, 5, 30) - CDNOW_START) / DAY;

export interface CdnowPurchases {
  customers: number;
  /** start[c] … start[c + 1] index day and value; days from 1997-01-01, sorted within a customer. */
  start: Uint32Array;
  day: Float64Array;
  value: Float64Array;
}

/** Parses the whitespace-separated sample: full-cohort id, sample id, yyyymmdd, CDs, dollars. */
export function readCdnow(file = CDNOW_FILE): CdnowPurchases {
  const rows = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/);
      const t = Date.UTC(Number(date!.slice(0, 4)), Number(date!.slice(4, 6)) - 1, Number(date!.slice(6, 8)));
      return { id: Number(id), day: (t - CDNOW_START) / DAY, value: Number(dollars) };
    })
    .sort((a, b) => a.id - b.id || a.day - b.day);
  const customers = rows.reduce((m, r) => Math.max(m, r.id), 0);
  const start = new Uint32Array(customers + 1);
  for (const r of rows) start[r.id]!++;
  for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
  return {
    customers,
    start,
    day: Float64Array.from(rows, (r) => r.day),
    value: Float64Array.from(rows, (r) => r.value),
  };
}
