import { FAMILY_INTENTS, INTENTS } from '../intents/intents';
import { stageAisleProducts } from './aisle-products';
import { stageArrivals, type ArrivalCell } from './arrivals';
import { stageDemandBehaviour } from './demand-behaviour';
import { stageFamilyMapping } from './product-family-mapping';
import { stageProductInformation, type Spread } from './product-information';
import { SOURCE_FILES, type SourceKey } from './source-files';
import { SourceValidationError, type SourceIssue } from './source-issues';

export const FAMILY_COUNT = 134;

/** One product family with everything the three family files and the product list say about it. */
export interface ProductFamily {
  family_id: number;
  family_name: string;
  intent: string;
  zone_id: number;
  zone_id_alternatives: number[];
  items_considered: number;
  price_usd: Spread;
  weight_lbs: Spread;
  instore_purchase_pct: number;
  online_purchase_pct: number;
  instore_choice_pct: number;
  online_choice_pct: number;
  impulse_rate_pct: number;
  is_emotional: boolean;
  daily_demand_instore: number;
  daily_demand_online: number;
  dwell_seconds: number;
  product_count: number;
  example_products: string[];
}

export interface StagedSources {
  /** Ordered by family_id, 1 … 134. */
  families: ProductFamily[];
  /** Ordered Monday 0:00 … Sunday 23:00. */
  arrivals: ArrivalCell[];
  intents: readonly string[];
  /** Deliberate readings of known quirks, for the manifest. */
  notes: string[];
}

function fileName(key: SourceKey): string {
  return SOURCE_FILES.find((f) => f.key === key)!.fileName;
}

/** Each family file must list aisles 1 … 134 once, with the names of the Product Family Mapping. */
function checkFamilies(
  file: string,
  rows: ReadonlyArray<{ aisle_id: number; family_name: string; line: number }>,
  reference: Map<number, string> | null,
  issues: SourceIssue[],
): void {
  const seen = new Set<number>();
  rows.forEach((row) => {
    const line = row.line;
    if (seen.has(row.aisle_id)) {
      issues.push({
        file,
        line,
        column: 'Aisle ID',
        value: String(row.aisle_id),
        expected: 'each aisle id once',
      });
    }
    seen.add(row.aisle_id);
    const name = reference?.get(row.aisle_id);
    if (reference && name !== undefined && name !== row.family_name) {
      issues.push({
        file,
        line,
        column: 'Product family',
        value: row.family_name,
        expected: `"${name}" as in ${fileName('familyMapping')}`,
      });
    }
  });
  for (let id = 1; id <= FAMILY_COUNT; id++) {
    if (!seen.has(id)) {
      issues.push({
        file,
        line: rows.at(-1)?.line ?? 1,
        column: 'Aisle ID',
        value: '',
        expected: `a row for aisle ${id} (${FAMILY_COUNT} families, ids 1–${FAMILY_COUNT})`,
      });
    }
  }
  for (const id of seen) {
    if (Number.isFinite(id) && (id < 1 || id > FAMILY_COUNT)) {
      issues.push({
        file,
        line: rows.find((r) => r.aisle_id === id)!.line,
        column: 'Aisle ID',
        value: String(id),
        expected: `an aisle id from 1 to ${FAMILY_COUNT}`,
      });
    }
  }
}

/**
 * Staging: parse, cast and validate the five source texts. Nothing downstream reads raw files.
 * Throws SourceValidationError listing every problem with file, line, column, value and expectation.
 */
export function stageSources(texts: Record<SourceKey, string>): StagedSources {
  const issues: SourceIssue[] = [];
  const notes: string[] = [];
  const mappingFile = fileName('familyMapping');
  const mapping = stageFamilyMapping(mappingFile, texts.familyMapping, issues);
  const info = stageProductInformation(fileName('productInformation'), texts.productInformation, issues);
  const demand = stageDemandBehaviour(fileName('demandBehaviour'), texts.demandBehaviour, issues, notes);
  const arrivals = stageArrivals(fileName('arrivals'), texts.arrivals, issues);
  const products = stageAisleProducts(fileName('aisleProducts'), texts.aisleProducts, issues);

  checkFamilies(mappingFile, mapping, null, issues);
  const names = new Map(mapping.map((m) => [m.aisle_id, m.family_name]));
  checkFamilies(fileName('productInformation'), info, names, issues);
  checkFamilies(fileName('demandBehaviour'), demand, names, issues);
  for (const [aisleId, entry] of products) {
    if (!names.has(aisleId)) {
      issues.push({
        file: fileName('aisleProducts'),
        line: entry.first_line,
        column: 'aisle_id',
        value: String(aisleId),
        expected: `an aisle id of ${mappingFile}`,
      });
    }
  }
  for (const m of mapping) {
    const intent = FAMILY_INTENTS.find((f) => f.aisle_id === m.aisle_id);
    if (!intent || intent.family_name !== m.family_name || !INTENTS.includes(intent.intent)) {
      issues.push({
        file: 'lib/intents/family-intents.json',
        line: 0,
        column: 'family_name',
        value: intent?.family_name ?? '',
        expected: `an intent for aisle ${m.aisle_id} "${m.family_name}"`,
      });
    }
  }
  if (issues.length > 0) throw new SourceValidationError(issues);

  const infoById = new Map(info.map((r) => [r.aisle_id, r]));
  const demandById = new Map(demand.map((r) => [r.aisle_id, r]));
  const families = [...mapping]
    .sort((a, b) => a.aisle_id - b.aisle_id)
    .map((m): ProductFamily => {
      const i = infoById.get(m.aisle_id)!;
      const d = demandById.get(m.aisle_id)!;
      const p = products.get(m.aisle_id);
      return {
        family_id: m.aisle_id,
        family_name: m.family_name,
        intent: FAMILY_INTENTS.find((f) => f.aisle_id === m.aisle_id)!.intent,
        zone_id: m.zone_id,
        zone_id_alternatives: m.zone_id_alternatives,
        items_considered: i.items_considered,
        price_usd: i.price_usd,
        weight_lbs: i.weight_lbs,
        instore_purchase_pct: d.instore_purchase_pct,
        online_purchase_pct: d.online_purchase_pct,
        instore_choice_pct: d.instore_choice_pct,
        online_choice_pct: d.online_choice_pct,
        impulse_rate_pct: d.impulse_rate_pct,
        is_emotional: d.is_emotional,
        daily_demand_instore: d.daily_demand_instore,
        daily_demand_online: d.daily_demand_online,
        dwell_seconds: d.dwell_seconds,
        product_count: p?.product_count ?? 0,
        example_products: p?.example_products ?? [],
      };
    });
  for (const f of families) {
    if (f.price_usd.sd === null) {
      notes.push(
        `Product Information.csv, aisle ${f.family_id} (${f.family_name}): price SD undefined for ${f.items_considered} item(s) (empty or #DIV/0!); prices drawn at the average.`,
      );
    }
  }
  return { families, arrivals, intents: INTENTS, notes };
}
