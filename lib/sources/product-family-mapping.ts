import { createRowReader, locateColumns, parseCsvTable } from './csv-table';
import type { SourceIssue } from './source-issues';

export interface FamilyMappingRow {
  /** 1-based line of the row in its file. */
  line: number;
  aisle_id: number;
  family_name: string;
  zone_id: number;
  zone_id_alternatives: number[];
}

const COLUMNS = {
  aisle_id: 'Aisle ID',
  zone_id: 'Zone ID',
  zone_id_alternatives: 'Zone ID alternatives',
  family_name: 'Product family',
};

export function stageFamilyMapping(file: string, text: string, issues: SourceIssue[]): FamilyMappingRow[] {
  const table = parseCsvTable(file, text, issues);
  const columns = locateColumns(table, COLUMNS, issues);
  if (!columns) return [];
  const r = createRowReader(table, columns, COLUMNS, issues);
  return table.rows.map((_, i) => {
    r.at(i);
    return {
      line: r.lineNumber,
      aisle_id: r.int('aisle_id', 1, 10_000),
      family_name: r.text('family_name'),
      zone_id: r.int('zone_id', 1, 10_000),
      zone_id_alternatives: r.intList('zone_id_alternatives', 1, 10_000),
    };
  });
}
