import { describe, expect, it } from 'vitest';
import type { Manifest } from '../schema/manifest';
import { formatDay, isOwnData, ownDataSummary } from './provenance';

const own = {
  provenance: {
    kind: 'orders',
    files: { orders: 'orders.csv', customers: null, intents: null },
    rows_read: 12345,
    rows_skipped: 12,
    first_day: '2025-01-01',
    last_day: '2026-06-30',
  },
} as unknown as Manifest;

describe('provenance texts', () => {
  it('formats days as day, short month, year', () => {
    expect(formatDay('2025-01-01')).toBe('1 Jan 2025');
    expect(formatDay('2026-12-31')).toBe('31 Dec 2026');
  });

  it('summarises a brand build with file, rows, skipped rows and date range', () => {
    expect(ownDataSummary(own)).toBe('orders.csv, 12,345 rows (12 skipped), 1 Jan 2025 – 30 Jun 2026');
    expect(isOwnData(own)).toBe(true);
  });

  it('gives nothing for synthetic data', () => {
    const synthetic = { provenance: { kind: 'synthetic' } } as unknown as Manifest;
    expect(ownDataSummary(synthetic)).toBeNull();
    expect(isOwnData(synthetic)).toBe(false);
    expect(ownDataSummary(null)).toBeNull();
  });
});
