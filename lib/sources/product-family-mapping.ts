import { stageRows } from './csv-table';
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
  return stageRows(file, text, COLUMNS, issues, (r) => ({
    line: r.lineNumber,
    aisle_id: r.int('aisle_id', 1, 10_000),
    family_name: r.text('family_name'),
    zone_id: r.int('zone_id', 1, 10_000),
    zone_id_alternatives: r.intList('zone_id_alternatives', 1, 10_000),
  })).rows;
}
