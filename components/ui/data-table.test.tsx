import type { TableData } from '@/lib/format/table-data';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table';

const tableOf = (n: number): TableData => ({
  columns: [
    { key: 'name', label: 'Name', format: 'text' },
    { key: 'v', label: 'Value', format: 'count' },
  ],
  rows: Array.from({ length: n }, (_, i) => ({ name: `row ${i + 1}`, v: i })),
});

describe('DataTable on a phone', () => {
  it('folds a 25-row table to its first 10 rows and its total, behind a "Show all" tick box', () => {
    const html = renderToStaticMarkup(
      <DataTable table={tableOf(25)} caption="Long" currency="INR" emphasiseLast />,
    );
    // Rows 11 to 24 fold; the total (row 25) always shows.
    expect(html.match(/data-more=""/g)).toHaveLength(14);
    expect(html).toMatch(/<tr data-more="">\s*<th scope="row">row 11<\/th>/);
    expect(html).not.toMatch(/<tr[^>]*data-more=""[^>]*>\s*<th scope="row">row 25</);
    expect(html).toContain('type="checkbox" class="phone-rows-toggle');
    expect(html).toContain('Show all 25 rows');
  });

  it('shows a table of twelve rows whole, with no control', () => {
    const html = renderToStaticMarkup(<DataTable table={tableOf(12)} caption="Short" currency="INR" />);
    expect(html).not.toContain('data-more');
    expect(html).not.toContain('checkbox');
  });
});
