import { stageRows, type RowReader } from './csv-table';
import type { SourceIssue } from './source-issues';

/** avg / sd / max / min of one measurement over the items considered; sd is null for 1–2 items. */
export interface Spread {
  avg: number;
  sd: number | null;
  max: number;
  min: number;
}

export interface ProductInformationRow {
  /** 1-based line of the row in its file. */
  line: number;
  aisle_id: number;
  family_name: string;
  items_considered: number;
  length_in: Spread;
  width_in: Spread;
  height_in: Spread;
  weight_lbs: Spread;
  /** US dollars, scraped from a web shop in January 2023. */
  price_usd: Spread;
}

const MEASURES = {
  length_in: ['length (in)', 'length (in)'],
  width_in: ['width (in)', 'width (in)'],
  height_in: ['height (in)', 'height (in)'],
  weight_lbs: ['weight (lbs)', 'weight (lbs)'],
  price_usd: ['price (USD)', 'price (USD)'],
} as const;
type Measure = keyof typeof MEASURES;

function spreadColumns(measure: Measure): Record<string, string> {
  const [label] = MEASURES[measure];
  return {
    [`${measure}.avg`]: `Avg ${label}`,
    [`${measure}.sd`]: `SD of ${label}`,
    [`${measure}.max`]: `Max ${label}`,
    [`${measure}.min`]: `Min ${label}`,
  };
}

const COLUMNS: Record<string, string> = {
  aisle_id: 'Aisle ID',
  family_name: 'Product family',
  items_considered: 'Items considered',
  ...spreadColumns('length_in'),
  ...spreadColumns('width_in'),
  ...spreadColumns('height_in'),
  ...spreadColumns('weight_lbs'),
  ...spreadColumns('price_usd'),
};

/** Relative slack when checking min ≤ avg ≤ max: the sheet's averages are rounded floats. */
const ORDER_TOLERANCE = 1e-6;

function readSpread(r: RowReader, measure: Measure): Spread {
  const s: Spread = {
    avg: r.number(`${measure}.avg`, 0),
    sd: r.optionalNumber(`${measure}.sd`, 0),
    max: r.number(`${measure}.max`, 0),
    min: r.number(`${measure}.min`, 0),
  };
  const slack = ORDER_TOLERANCE * Math.max(1, s.max);
  if (s.min - slack > s.avg || s.avg > s.max + slack) {
    r.fail(`${measure}.avg`, String(s.avg), `a value between Min (${s.min}) and Max (${s.max})`);
  }
  return s;
}

export function stageProductInformation(
  file: string,
  text: string,
  issues: SourceIssue[],
): ProductInformationRow[] {
  return stageRows(file, text, COLUMNS, issues, (r) => ({
    line: r.lineNumber,
    aisle_id: r.int('aisle_id', 1, 10_000),
    family_name: r.text('family_name'),
    items_considered: r.int('items_considered', 1, 1_000_000),
    length_in: readSpread(r, 'length_in'),
    width_in: readSpread(r, 'width_in'),
    height_in: readSpread(r, 'height_in'),
    weight_lbs: readSpread(r, 'weight_lbs'),
    price_usd: readSpread(r, 'price_usd'),
  })).rows;
}
