import { stageRows } from './csv-table';
import type { SourceIssue } from './source-issues';

export interface DemandBehaviourRow {
  /** 1-based line of the row in its file. */
  line: number;
  aisle_id: number;
  family_name: string;
  /** Share of in-store customers who buy from this family, in percent. */
  instore_purchase_pct: number;
  online_purchase_pct: number;
  /** The purchase percentages normalised to a distribution over families, in percent. */
  instore_choice_pct: number;
  online_choice_pct: number;
  impulse_rate_pct: number;
  is_emotional: boolean;
  daily_demand_instore: number;
  daily_demand_online: number;
  dwell_seconds: number;
}

const COLUMNS = {
  aisle_id: 'Aisle ID',
  family_name: 'Product family',
  instore_purchase_pct: 'In-store customers’ purchase percentage',
  online_purchase_pct: "Online customers' purchase percentage",
  instore_choice_pct: 'Discrete probability distribution for in-store customers',
  online_choice_pct: 'Discrete probability distribution for online customers',
  impulse_rate_pct: 'Impulse purchase rate',
  is_emotional: 'Emotional product? 1=Yes, 0=No',
  daily_demand_instore: 'Average daily demand (in-store)',
  daily_demand_online: 'Average daily demand (online)',
  dwell_seconds: 'Dwell time (seconds)',
};

/**
 * Known errata in the published sheet, read deliberately rather than rejected or dropped.
 * "Fresh vegetables" (aisle 83) carries emotional flag 2 in a 1=Yes/0=No column; it is read as Yes.
 */
export const EMOTIONAL_FLAG_ERRATA: ReadonlyArray<{
  aisle_id: number;
  value: string;
  reading: boolean;
  note: string;
}> = [
  {
    aisle_id: 83,
    value: '2',
    reading: true,
    note: 'Demand and Shopping Behavior.csv, aisle 83 (Fresh vegetables): emotional flag "2" in a 1=Yes/0=No column, read as Yes.',
  },
];

export function stageDemandBehaviour(
  file: string,
  text: string,
  issues: SourceIssue[],
  notes: string[] = [],
): DemandBehaviourRow[] {
  return stageRows(file, text, COLUMNS, issues, (r) => {
    const aisleId = r.int('aisle_id', 1, 10_000);
    const flag = r.raw('is_emotional');
    let isEmotional = flag === '1';
    if (flag !== '0' && flag !== '1') {
      const erratum = EMOTIONAL_FLAG_ERRATA.find((e) => e.aisle_id === aisleId && e.value === flag);
      if (erratum) {
        isEmotional = erratum.reading;
        notes.push(erratum.note);
      } else {
        r.fail('is_emotional', flag, '1 (yes) or 0 (no)');
      }
    }
    return {
      line: r.lineNumber,
      aisle_id: aisleId,
      family_name: r.text('family_name'),
      instore_purchase_pct: r.percent('instore_purchase_pct'),
      online_purchase_pct: r.percent('online_purchase_pct'),
      instore_choice_pct: r.percent('instore_choice_pct'),
      online_choice_pct: r.percent('online_choice_pct'),
      impulse_rate_pct: r.percent('impulse_rate_pct'),
      is_emotional: isEmotional,
      daily_demand_instore: r.number('daily_demand_instore', 0),
      daily_demand_online: r.number('daily_demand_online', 0),
      dwell_seconds: r.number('dwell_seconds', 0, 3600),
    };
  }).rows;
}
