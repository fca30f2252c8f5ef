import { AliasTable } from '../random/distributions';
import type { ArrivalCell } from '../sources/arrivals';
import { priceErratumOf } from '../sources/price-errata';
import type { Spread } from '../sources/product-information';
import type { ProductFamily, StagedSources } from '../sources/stage-sources';

/**
 * Lookup tables the generator samples from, built once from the staged sources:
 * arrival curves per channel, family choice per channel within each intent, price parameters.
 */
export interface Catalogue {
  familyCount: number;
  intentCount: number;
  familyIntent: Uint8Array;
  /** Per channel (0 in-store, 1 online): the 168 day×hour cells weighted by arrivals. */
  arrivalCells: [AliasTable, AliasTable];
  /** Day (0 = Monday) and hour of each arrival cell. */
  cellDay: Uint8Array;
  cellHour: Uint8Array;
  /** Per channel: the mass of each intent in the channel's choice distribution. */
  intentMass: [Float64Array, Float64Array];
  /** Per channel and intent: which family, as a family index, within that intent. */
  familyWithinIntent: [AliasTable[], AliasTable[]];
  intentFamilies: number[][];
  /** In-store families weighted by choice, for impulse candidates passed in the aisles. */
  instoreFamilies: AliasTable;
  impulseRate: Float64Array;
  dwellSeconds: Float64Array;
  /** Log-normal price parameters (in USD) matched to each family's average and SD. */
  priceMu: Float64Array;
  priceSigma: Float64Array;
  priceMin: Float64Array;
  priceMax: Float64Array;
}

function arrivalTable(arrivals: ArrivalCell[], pick: (a: ArrivalCell) => number): AliasTable {
  return new AliasTable(arrivals.map(pick));
}

export function buildCatalogue(sources: StagedSources): Catalogue {
  const { families, arrivals, intents } = sources;
  const n = families.length;
  const familyIntent = new Uint8Array(n);
  const intentFamilies: number[][] = intents.map(() => []);
  families.forEach((f, i) => {
    const k = intents.indexOf(f.intent);
    familyIntent[i] = k;
    intentFamilies[k]!.push(i);
  });
  const choice = [
    families.map((f) => f.instore_choice_pct),
    families.map((f) => f.online_choice_pct),
  ] as const;
  const intentMass = [0, 1].map((ch) => {
    const mass = new Float64Array(intents.length);
    families.forEach((_, i) => {
      mass[familyIntent[i]!] = mass[familyIntent[i]!]! + choice[ch as 0 | 1][i]!;
    });
    return mass;
  }) as [Float64Array, Float64Array];
  const familyWithinIntent = [0, 1].map((ch) =>
    intentFamilies.map(
      (members) => new AliasTable(members.map((i) => Math.max(choice[ch as 0 | 1][i]!, 1e-6))),
    ),
  ) as [AliasTable[], AliasTable[]];

  const prices = families.map((f) => pricesForGenerator(f, families));
  const priceMu = new Float64Array(n);
  const priceSigma = new Float64Array(n);
  prices.forEach((price, i) => {
    const { avg, sd } = price;
    const s2 = sd === null || avg <= 0 ? 0 : Math.log(1 + (sd * sd) / (avg * avg));
    priceSigma[i] = Math.sqrt(s2);
    priceMu[i] = Math.log(Math.max(avg, 0.01)) - s2 / 2;
  });

  return {
    familyCount: n,
    intentCount: intents.length,
    familyIntent,
    arrivalCells: [
      arrivalTable(arrivals, (a) => a.instore_arrivals),
      arrivalTable(arrivals, (a) => a.online_arrivals),
    ],
    cellDay: Uint8Array.from(arrivals.map((a) => a.day_index)),
    cellHour: Uint8Array.from(arrivals.map((a) => a.hour)),
    intentMass,
    familyWithinIntent,
    intentFamilies,
    instoreFamilies: new AliasTable(choice[0]),
    impulseRate: Float64Array.from(families.map((f) => f.impulse_rate_pct / 100)),
    dwellSeconds: Float64Array.from(families.map((f) => f.dwell_seconds)),
    priceMu,
    priceSigma,
    priceMin: Float64Array.from(prices.map((p) => p.min)),
    priceMax: Float64Array.from(prices.map((p) => p.max)),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Published price statistics, except for the PRICE_ERRATA families: the median of their intent's others. */
export function pricesForGenerator(family: ProductFamily, families: ProductFamily[]): Spread {
  if (priceErratumOf(family.family_id) === null) return family.price_usd;
  const peers = families.filter(
    (f) =>
      f.intent === family.intent && f.family_id !== family.family_id && priceErratumOf(f.family_id) === null,
  );
  const pick = (get: (s: Spread) => number | null) =>
    median(peers.map((p) => get(p.price_usd)).filter((v): v is number => v !== null));
  return { avg: pick((s) => s.avg), sd: pick((s) => s.sd), max: pick((s) => s.max), min: pick((s) => s.min) };
}
