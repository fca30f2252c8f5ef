/**
 * Data shaping for the Affinity page: persona × category grids (spend share, penetration, index),
 * co-purchase lift matrices and the cross-sell pairs per persona, plus the plain-language
 * takeaways computed from them. Pure functions: the page calls them on the server with the
 * product_affinity table; the client components only call the small helpers that pick a view
 * (subsetColumns, metricValues, indexLimit, …) on the already-shaped, small grids.
 */
import { readableFamilyName } from '@/content/family-names';
import { formatCount, formatMoneyCompact, formatPct, formatRatio } from '@/lib/format/format';
import type { TableColumn, TableData, TableRow } from '@/lib/format/table-data';
import type { LiftPair, ProductAffinity } from '@/lib/schema/product-affinity';

export const AFFINITY_METRICS = ['index', 'share', 'penetration'] as const;
export type AffinityMetric = (typeof AFFINITY_METRICS)[number];

export const AFFINITY_LEVELS = ['intent', 'family'] as const;
export type AffinityLevel = (typeof AFFINITY_LEVELS)[number];

export const FAMILY_SCOPES = ['top', 'all'] as const;
export type FamilyScope = (typeof FAMILY_SCOPES)[number];

/** How many product families the "top" view shows (by overall spend share). */
export const TOP_FAMILIES = 20;

/**
 * Families below this share of everyone's spend are left out of "most over-indexed" takeaways:
 * a family bought by a handful of customers swings to extreme indices on very little spend.
 */
export const MIN_TAKEAWAY_SHARE_PCT = 0.5;

export const METRIC_META: Record<
  AffinityMetric,
  { label: string; short: string; unit: string; decimals: number; format: (v: number) => string }
> = {
  share: {
    label: 'Spend share',
    short: 'Share %',
    unit: "Share of the persona's spend on the category, %",
    decimals: 1,
    format: (v) => formatPct(v, 1),
  },
  penetration: {
    label: 'Penetration',
    short: 'Penetration %',
    unit: "Share of the persona's customers who bought the category at least once, %",
    decimals: 1,
    format: (v) => formatPct(v, 0),
  },
  index: {
    label: 'Index vs all customers',
    short: 'Index',
    unit: "Persona's spend share ÷ everyone's spend share; 1.00× = same as all customers",
    decimals: 2,
    format: (v) => formatRatio(v, 2),
  },
};

export interface AxisItem {
  id: string;
  label: string;
  /** The lifestyle intent of a product family (column group). */
  group?: string;
}

export interface PersonaRef {
  clusterId: number;
  persona: string;
}

export type Matrix = Array<Array<number | null>>;

/** Persona (rows) × category (columns), every metric, in one small, serialisable object. */
export interface AffinityGrid {
  level: AffinityLevel;
  personas: PersonaRef[];
  columns: AxisItem[];
  share: Matrix;
  penetration: Matrix;
  index: Matrix;
  spend: Matrix;
  /** Everyone's spend share on each column, %. */
  overallShare: number[];
  /** Share of all customers who bought each column, %. */
  overallPenetration: number[];
}

/**
 * A persona name that reads as the subject of a plural verb: "Occasional Premiums over-index",
 * "Premium but At-Risk shoppers over-index".
 */
export function crowd(persona: string): string {
  return /s$/i.test(persona.trim()) ? persona : `${persona} shoppers`;
}

/** The personas, by cluster id, named as the affinity table names them. */
export function personasOf(pa: ProductAffinity): PersonaRef[] {
  const names = new Map(pa.top_pairs_by_cluster.map((t) => [t.cluster_id, t.persona]));
  const ids = [...new Set([...pa.intent_cells.map((c) => c.cluster_id), ...names.keys()])].sort(
    (a, b) => a - b,
  );
  return ids.map((clusterId) => ({ clusterId, persona: names.get(clusterId) ?? `Cluster ${clusterId}` }));
}

/** Family id → name and intent. */
export function familyLookup(pa: ProductAffinity): Map<number, { name: string; intent: string }> {
  return new Map(
    pa.families.map((f) => [f.family_id, { name: readableFamilyName(f.family_name), intent: f.intent }]),
  );
}

/** A family's readable name by its id (as the table writes it), "Family <id>" when it is not listed. */
function familyNamer(pa: ProductAffinity): (id: string | number) => string {
  const fam = familyLookup(pa);
  return (id) => fam.get(Number(id))?.name ?? `Family ${id}`;
}

/** The families, ordered by intent (the table's intent order) then by everyone's spend share, largest first. */
export function familyColumns(pa: ProductAffinity): AxisItem[] {
  const intentOrder = new Map(pa.intents.map((name, i) => [name, i]));
  const share = new Map(pa.overall_families.map((o) => [String(o.category), o.spend_share_pct]));
  return [...pa.families]
    .sort(
      (a, b) =>
        (intentOrder.get(a.intent) ?? Infinity) - (intentOrder.get(b.intent) ?? Infinity) ||
        (share.get(String(b.family_id)) ?? 0) - (share.get(String(a.family_id)) ?? 0) ||
        a.family_id - b.family_id,
    )
    .map((f) => ({ id: String(f.family_id), label: readableFamilyName(f.family_name), group: f.intent }));
}

/** Ids (as strings) of the `n` families with the largest share of everyone's spend. */
export function topFamilyIds(pa: ProductAffinity, n = TOP_FAMILIES): string[] {
  return [...pa.overall_families]
    .sort((a, b) => b.spend_share_pct - a.spend_share_pct || Number(a.category) - Number(b.category))
    .slice(0, n)
    .map((o) => String(o.category));
}

/** Everyone's spend share (%) on the given columns together. */
export function combinedShare(grid: AffinityGrid, ids: readonly string[]): number {
  const keep = new Set(ids);
  return grid.columns.reduce(
    (sum, col, c) => (keep.has(col.id) ? sum + (grid.overallShare[c] ?? 0) : sum),
    0,
  );
}

/** The persona × category grid at one level, every metric. Missing cells are null. */
export function buildAffinityGrid(pa: ProductAffinity, level: AffinityLevel): AffinityGrid {
  const personas = personasOf(pa);
  const columns: AxisItem[] =
    level === 'intent' ? pa.intents.map((name) => ({ id: name, label: name })) : familyColumns(pa);
  const cells = level === 'intent' ? pa.intent_cells : pa.family_cells;
  const overall = level === 'intent' ? pa.overall_intents : pa.overall_families;

  const rowOf = new Map(personas.map((p, i) => [p.clusterId, i]));
  const colOf = new Map(columns.map((c, i) => [c.id, i]));
  const empty = (): Matrix => personas.map(() => columns.map(() => null));
  const grid: AffinityGrid = {
    level,
    personas,
    columns,
    share: empty(),
    penetration: empty(),
    index: empty(),
    spend: empty(),
    overallShare: columns.map(() => 0),
    overallPenetration: columns.map(() => 0),
  };
  for (const cell of cells) {
    const r = rowOf.get(cell.cluster_id);
    const c = colOf.get(String(cell.category));
    if (r === undefined || c === undefined) continue;
    grid.share[r]![c] = cell.spend_share_pct;
    grid.penetration[r]![c] = cell.penetration_pct;
    grid.index[r]![c] = cell.index;
    grid.spend[r]![c] = cell.spend;
  }
  for (const o of overall) {
    const c = colOf.get(String(o.category));
    if (c === undefined) continue;
    grid.overallShare[c] = o.spend_share_pct;
    grid.overallPenetration[c] = o.penetration_pct;
  }
  return grid;
}

/** The grid restricted to the given column ids, in the grid's column order. */
export function subsetColumns(grid: AffinityGrid, ids: readonly string[]): AffinityGrid {
  const keep = new Set(ids);
  const idx = grid.columns.flatMap((c, i) => (keep.has(c.id) ? [i] : []));
  const pick = (m: Matrix): Matrix => m.map((row) => idx.map((i) => row[i] ?? null));
  return {
    ...grid,
    columns: idx.map((i) => grid.columns[i]!),
    share: pick(grid.share),
    penetration: pick(grid.penetration),
    index: pick(grid.index),
    spend: pick(grid.spend),
    overallShare: idx.map((i) => grid.overallShare[i] ?? 0),
    overallPenetration: idx.map((i) => grid.overallPenetration[i] ?? 0),
  };
}

export function metricValues(grid: AffinityGrid, metric: AffinityMetric): Matrix {
  return grid[metric];
}

function finite(values: Matrix): number[] {
  return values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
}

/** The largest value in the matrix (0 when empty): the top of a sequential colour scale. */
export function matrixMax(values: Matrix): number {
  return finite(values).reduce((m, v) => Math.max(m, v), 0);
}

const NICE_LIMITS = [1.25, 1.5, 2, 3, 4] as const;

/**
 * The end of a diverging scale around 1.0 for these ratios: the smallest of 1.25×, 1.5×, 2×, 3×,
 * 4× that covers 95% of the cells' distance from 1 (on a log scale), so a few outliers do not wash
 * out the rest. Values beyond it are drawn at the end colour.
 */
export function indexLimit(values: Matrix): number {
  const spread = finite(values)
    .filter((v) => v > 0)
    .map((v) => Math.max(v, 1 / v))
    .sort((a, b) => a - b);
  if (spread.length === 0) return 2;
  const p95 = spread[Math.min(spread.length - 1, Math.ceil(spread.length * 0.95) - 1)]!;
  return NICE_LIMITS.find((l) => l >= p95) ?? NICE_LIMITS[NICE_LIMITS.length - 1]!;
}

/**
 * The end of the lift heatmap's scale: the smallest of 2×, 3×, 4× that holds every value, so no
 * cell saturates and a weak lift (1.2×) stays pale. "Twice as often as chance" is the least a
 * strong colour means; lifts sit close to 1, and a scale ending at their own maximum made weak
 * pairs look strong.
 */
export function liftLimit(values: Matrix): number {
  const widest = Math.max(
    2,
    ...finite(values)
      .filter((v) => v > 0)
      .map((v) => Math.max(v, 1 / v)),
  );
  return NICE_LIMITS.find((l) => l >= widest) ?? NICE_LIMITS[NICE_LIMITS.length - 1]!;
}

/** The matrix with only the cells below the diagonal: a symmetric matrix shows each pair once. */
export function lowerTriangle(values: Matrix): Matrix {
  return values.map((row, r) => row.map((v, c) => (c < r ? v : null)));
}

/**
 * An order of the categories that puts related ones side by side: start from the pair bought
 * together most, then keep adding, at either end of the chain, the category with the highest lift
 * to that end (a greedy seriation; ties go to the earlier category). Deterministic.
 */
export function seriateByLift(lift: Matrix): number[] {
  const n = lift.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const at = (i: number, j: number) => lift[i]?.[j] ?? -Infinity;
  let best: [number, number] = [0, 1];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (at(i, j) > at(best[0], best[1])) best = [i, j];
  const chain = [...best];
  const left = new Set(Array.from({ length: n }, (_, i) => i).filter((i) => !best.includes(i)));
  while (left.size) {
    let pick = -1;
    let end: 'start' | 'end' = 'end';
    let score = -Infinity;
    for (const k of left) {
      for (const [side, e] of [
        ['start', chain[0]!],
        ['end', chain[chain.length - 1]!],
      ] as const) {
        if (at(e, k) > score) [pick, end, score] = [k, side, at(e, k)];
      }
    }
    if (pick < 0) pick = Math.min(...left); // no measured lift to either end: the next in order
    left.delete(pick);
    if (end === 'start') chain.unshift(pick);
    else chain.push(pick);
  }
  return chain;
}

/** `count` values evenly spaced from 0 to 1, for sampling a colour function into legend stops. */
export function legendSteps(count = 9): number[] {
  return Array.from({ length: count }, (_, i) => i / (count - 1));
}

/** Legend labels of a diverging scale with end `limit`: ≤ 1/limit, 1×, ≥ limit. */
export function divergingLabels(limit: number): string[] {
  const low = 1 / limit;
  return [`≤${trimRatio(low)}×`, '1×', `≥${trimRatio(limit)}×`];
}

function trimRatio(v: number): string {
  return String(Number(v.toFixed(2)));
}

/** Index of a legend position t (0 … 1) on a log scale from 1/limit to limit. */
export function divergingValueAt(t: number, limit: number): number {
  return Math.exp((2 * t - 1) * Math.log(limit));
}

/**
 * The accessible/downloadable equivalent of a persona × category grid for one metric, laid out
 * like the heatmap turned on its side (one row per category, one column per persona, plus all
 * customers where that is defined), so even the 134-family view stays a compact table.
 */
export function affinityTable(grid: AffinityGrid, metric: AffinityMetric): TableData {
  const meta = METRIC_META[metric];
  const valueFormat = metric === 'index' ? ('ratio' as const) : ('pct' as const);
  const overall =
    metric === 'share' ? grid.overallShare : metric === 'penetration' ? grid.overallPenetration : null;
  const columns: TableColumn[] = [
    {
      key: 'category',
      label: grid.level === 'intent' ? 'Lifestyle intent' : 'Product family',
      format: 'text',
    },
    ...(grid.level === 'family'
      ? [{ key: 'intent', label: 'Lifestyle intent', format: 'text' as const }]
      : []),
    ...grid.personas.map((p) => ({
      key: `p${p.clusterId}`,
      label: `${p.persona} (${meta.short})`,
      format: valueFormat,
      decimals: meta.decimals,
    })),
    ...(overall
      ? [{ key: 'all', label: `All customers (${meta.short})`, format: valueFormat, decimals: meta.decimals }]
      : []),
  ];
  const values = grid[metric];
  const rows = grid.columns.map((col, c) => {
    const row: TableRow = { category: col.label };
    if (grid.level === 'family') row.intent = col.group ?? '';
    grid.personas.forEach((p, r) => {
      row[`p${p.clusterId}`] = values[r]?.[c] ?? null;
    });
    if (overall) row.all = overall[c] ?? null;
    return row;
  });
  return { columns, rows };
}

interface CellRef {
  r: number;
  c: number;
  value: number;
}

function cellsOf(values: Matrix, columnOk: (c: number) => boolean = () => true): CellRef[] {
  return values.flatMap((row, r) =>
    row.flatMap((value, c) =>
      value !== null && Number.isFinite(value) && columnOk(c) ? [{ r, c, value }] : [],
    ),
  );
}

function extreme(cells: CellRef[], dir: 'max' | 'min'): CellRef | null {
  let best: CellRef | null = null;
  for (const cell of cells) {
    if (!best || (dir === 'max' ? cell.value > best.value : cell.value < best.value)) best = cell;
  }
  return best;
}

/** Columns worth naming in an index takeaway (at family level, families with a real share of spend). */
function meaningfulColumn(grid: AffinityGrid): (c: number) => boolean {
  if (grid.level === 'intent') return () => true;
  return (c) => (grid.overallShare[c] ?? 0) >= MIN_TAKEAWAY_SHARE_PCT;
}

/** One line saying what the grid shows for the metric, with numbers. */
export function metricTakeaway(grid: AffinityGrid, metric: AffinityMetric): string {
  const { personas, columns } = grid;
  const name = (r: number) => personas[r]?.persona ?? '';
  const col = (c: number) => columns[c]?.label ?? '';
  if (personas.length === 0 || columns.length === 0) return 'No purchases to compare.';

  if (metric === 'index') {
    const ok = meaningfulColumn(grid);
    let cells = cellsOf(grid.index, ok);
    const filtered = grid.level === 'family' && cells.length < cellsOf(grid.index).length;
    if (cells.length === 0) cells = cellsOf(grid.index);
    const hi = extreme(cells, 'max');
    const lo = extreme(cells, 'min');
    if (!hi || !lo) return 'No purchases to compare.';
    const note = filtered
      ? ` (among families with at least ${formatPct(MIN_TAKEAWAY_SHARE_PCT, 1)} of all spend)`
      : '';
    const under =
      lo.r === hi.r
        ? `and under-index most on ${col(lo.c)} (${formatRatio(lo.value, 2)})`
        : `; ${crowd(name(lo.r))} under-index most on ${col(lo.c)} (${formatRatio(lo.value, 2)})`;
    return `${crowd(name(hi.r))} over-index most on ${col(hi.c)} (${formatRatio(hi.value, 2)})${lo.r === hi.r ? ' ' : ''}${under}${note}.`;
  }

  if (metric === 'share') {
    // The category that takes the largest share of each persona's spend.
    const tops = personas.map((_, r) => extreme(cellsOf([grid.share[r] ?? []]), 'max'));
    const counts = new Map<number, number>();
    for (const t of tops) if (t) counts.set(t.c, (counts.get(t.c) ?? 0) + 1);
    const [leader, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
    const values = personas
      .map((_, r) => grid.share[r]?.[leader] ?? null)
      .filter((v): v is number => v !== null);
    const range = `${formatPct(Math.min(...values), 1)}–${formatPct(Math.max(...values), 1)}`;
    const who = n === personas.length ? 'every persona' : `${n} of ${personas.length} personas`;
    return `${col(leader)} takes the largest share of spend for ${who} (${range} of each persona’s spend).`;
  }

  // Penetration: the category that reaches the most customers, and the one that reaches the fewest.
  const mean = (c: number) => {
    const vs = personas
      .map((_, r) => grid.penetration[r]?.[c] ?? null)
      .filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((s, v) => s + v, 0) / vs.length : -1;
  };
  const order = columns.map((_, c) => c).sort((a, b) => mean(b) - mean(a) || a - b);
  const widest = order[0]!;
  const narrowest = order[order.length - 1]!;
  const span = (c: number) => {
    const vs = personas
      .map((_, r) => grid.penetration[r]?.[c] ?? null)
      .filter((v): v is number => v !== null);
    return `${formatPct(Math.min(...vs), 0)}–${formatPct(Math.max(...vs), 0)}`;
  };
  return (
    `${col(widest)} reaches the most customers (${span(widest)} of each persona); ` +
    `${col(narrowest)} the fewest (${span(narrowest)}).`
  );
}

/** A symmetric category × category lift matrix; the diagonal and pairs not in `pairs` are null. */
export interface LiftGrid {
  categories: AxisItem[];
  lift: Matrix;
  /** Orders containing both categories. */
  orders: Matrix;
  totalOrders: number;
  minPairOrders: number | null;
}

export function buildLiftGrid(
  categories: AxisItem[],
  pairs: readonly LiftPair[],
  totalOrders: number,
  minPairOrders: number | null = null,
): LiftGrid {
  const at = new Map(categories.map((c, i) => [c.id, i]));
  const lift: Matrix = categories.map(() => categories.map(() => null));
  const orders: Matrix = categories.map(() => categories.map(() => null));
  for (const [a, b, n, l] of pairs) {
    const i = at.get(String(a));
    const j = at.get(String(b));
    if (i === undefined || j === undefined || i === j) continue;
    lift[i]![j] = l;
    lift[j]![i] = l;
    orders[i]![j] = n;
    orders[j]![i] = n;
  }
  return { categories, lift, orders, totalOrders, minPairOrders };
}

/** Intent × intent lift over all orders, intents that sell together side by side. */
export function intentLiftGrid(pa: ProductAffinity): LiftGrid {
  const intents = pa.intents.map((name) => ({ id: name, label: name }));
  const order = seriateByLift(buildLiftGrid(intents, pa.intent_lift, pa.orders).lift);
  return buildLiftGrid(
    order.map((i) => intents[i]!),
    pa.intent_lift,
    pa.orders,
  );
}

/** Family × family lift for the top-N families (by spend), ordered and grouped by intent. */
export function familyLiftGrid(pa: ProductAffinity, n = TOP_FAMILIES): LiftGrid {
  const top = new Set(topFamilyIds(pa, n));
  const categories = familyColumns(pa).filter((c) => top.has(c.id));
  const pairs = pa.family_lift.filter(([a, b]) => top.has(String(a)) && top.has(String(b)));
  return buildLiftGrid(categories, pairs, pa.orders, pa.min_pair_orders);
}

/** Each unordered pair once (upper triangle). */
function liftPairs(grid: LiftGrid): Array<{ i: number; j: number; lift: number; orders: number | null }> {
  const out: Array<{ i: number; j: number; lift: number; orders: number | null }> = [];
  grid.categories.forEach((_, i) => {
    for (let j = i + 1; j < grid.categories.length; j++) {
      const l = grid.lift[i]?.[j] ?? null;
      if (l !== null) out.push({ i, j, lift: l, orders: grid.orders[i]?.[j] ?? null });
    }
  });
  return out;
}

export function liftTakeaway(grid: LiftGrid): string {
  const pairs = liftPairs(grid);
  if (pairs.length === 0) return 'Too few shared orders to measure lift.';
  const hi = pairs.reduce((b, p) => (p.lift > b.lift ? p : b));
  const lo = pairs.reduce((b, p) => (p.lift < b.lift ? p : b));
  const name = (i: number) => grid.categories[i]?.label ?? '';
  return (
    `${name(hi.i)} and ${name(hi.j)} land in the same order ${formatRatio(hi.lift, 2)} as often as chance would ` +
    `predict; ${name(lo.i)} with ${name(lo.j)} the least (${formatRatio(lo.lift, 2)}).`
  );
}

export function liftTable(grid: LiftGrid, kind: 'intent' | 'family'): TableData {
  const label = kind === 'intent' ? 'Lifestyle intent' : 'Product family';
  return {
    columns: [
      { key: 'a', label: `${label} A`, format: 'text' },
      { key: 'b', label: `${label} B`, format: 'text' },
      { key: 'orders', label: 'Orders with both', format: 'count' },
      { key: 'lift', label: 'Lift', format: 'ratio', decimals: 2 },
    ],
    rows: liftPairs(grid)
      .sort((x, y) => y.lift - x.lift || x.i - y.i || x.j - y.j)
      .map((p) => ({
        a: grid.categories[p.i]?.label ?? '',
        b: grid.categories[p.j]?.label ?? '',
        orders: p.orders,
        lift: p.lift,
      })),
  };
}

export interface CrossSellPair {
  a: string;
  b: string;
  aIntent: string;
  bIntent: string;
  aId: number;
  bId: number;
  orders: number;
  lift: number;
}

export interface CrossSellList extends PersonaRef {
  pairs: CrossSellPair[];
}

/** The strongest family pairs per persona, with names, strongest first. */
export function crossSellLists(pa: ProductAffinity): CrossSellList[] {
  const fam = familyLookup(pa);
  const label = familyNamer(pa);
  const intent = (id: string | number) => fam.get(Number(id))?.intent ?? '';
  return [...pa.top_pairs_by_cluster]
    .sort((x, y) => x.cluster_id - y.cluster_id)
    .map((t) => ({
      clusterId: t.cluster_id,
      persona: t.persona,
      pairs: [...t.pairs]
        .sort((x, y) => y[3] - x[3] || y[2] - x[2])
        .map(([a, b, orders, lift]) => ({
          a: label(a),
          b: label(b),
          aIntent: intent(a),
          bIntent: intent(b),
          aId: Number(a),
          bId: Number(b),
          orders,
          lift,
        })),
    }));
}

/** "Customers who buy X are N× as likely to buy Y in the same order". */
export function crossSellSentence(pair: Pick<CrossSellPair, 'a' | 'b' | 'lift'>): string {
  return `Customers who buy ${pair.a} are ${formatRatio(pair.lift, 1)} as likely to buy ${pair.b} in the same order`;
}

export function crossSellTable(lists: CrossSellList[]): TableData {
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'rank', label: 'Rank', format: 'count' },
      { key: 'a', label: 'Product family A', format: 'text' },
      { key: 'b', label: 'Product family B', format: 'text' },
      { key: 'orders', label: 'Orders together', format: 'count' },
      { key: 'lift', label: 'Lift', format: 'ratio', decimals: 2 },
    ],
    rows: lists.flatMap((l) =>
      l.pairs.map((p, i) => ({
        persona: l.persona,
        rank: i + 1,
        a: p.a,
        b: p.b,
        orders: p.orders,
        lift: p.lift,
      })),
    ),
  };
}

export function crossSellTakeaway(lists: CrossSellList[]): string {
  const all = lists.flatMap((l) => l.pairs.map((p) => ({ ...p, persona: l.persona })));
  if (all.length === 0) return 'No family pairs were bought together often enough to rank.';
  const best = all.reduce((b, p) => (p.lift > b.lift ? p : b));
  const shared = sharedPairs(lists)[0];
  const listLength = Math.max(...lists.map((l) => l.pairs.length));
  const sharedText =
    shared && shared.personas.length > 1
      ? ` ${shared.a} + ${shared.b} appears in the top-${listLength} lists of ${shared.personas.length} personas.`
      : '';
  return (
    `Strongest pull: for ${best.persona}, ${best.a} + ${best.b} (${formatRatio(best.lift, 1)}, ` +
    `${formatCount(best.orders)} orders together).${sharedText}`
  );
}

/**
 * The cross-sell opportunities, the most valuable first: each family pair both ways, with its attach
 * rate, lift, orders, the value of an order holding both, and what a rise in attach rate is worth.
 */
export function crossSellValueTable(pa: ProductAffinity): TableData {
  const name = familyNamer(pa);
  return {
    columns: [
      { key: 'from', label: 'Bought (A)', format: 'text' },
      { key: 'to', label: 'Add (B)', format: 'text' },
      { key: 'value_of_rise', label: `Worth of +${pa.attach_rise_pct} pt attach`, format: 'money' },
      { key: 'attach_pct', label: 'Attach rate A → B', format: 'pct', decimals: 1 },
      { key: 'lift', label: 'Lift', format: 'ratio', decimals: 2 },
      { key: 'from_orders', label: 'Orders with A', format: 'count' },
      { key: 'both_orders', label: 'Orders with both', format: 'count' },
      { key: 'basket_value', label: 'Basket value with both', format: 'money' },
    ],
    rows: pa.cross_sell.map(([from, to, fromOrders, both, attach, lift, basket, , value]) => ({
      from: name(from),
      to: name(to),
      value_of_rise: value,
      attach_pct: attach,
      lift,
      from_orders: fromOrders,
      both_orders: both,
      basket_value: basket,
    })),
  };
}

export function crossSellValueTakeaway(pa: ProductAffinity, currency: string): string {
  const best = pa.cross_sell[0];
  if (!best)
    return `No family pair was bought together in ${formatCount(pa.min_pair_orders)} orders or more.`;
  const name = familyNamer(pa);
  const [from, to, fromOrders, , attach, , , , value] = best;
  return (
    `Most valuable: adding ${name(to)} to orders of ${name(from)}. ${formatPct(attach, 1)} of the ` +
    `${formatCount(fromOrders)} orders with ${name(from)} hold it; ${pa.attach_rise_pct} points more would be worth ` +
    `${formatMoneyCompact(value, currency)} over the period.`
  );
}

/** Pairs that appear in more than one persona's list, most personas first. */
export function sharedPairs(lists: CrossSellList[]): Array<{ a: string; b: string; personas: string[] }> {
  const by = new Map<string, { a: string; b: string; personas: string[]; best: number }>();
  for (const l of lists) {
    for (const p of l.pairs) {
      const key = `${Math.min(p.aId, p.bId)}-${Math.max(p.aId, p.bId)}`;
      const entry = by.get(key) ?? { a: p.a, b: p.b, personas: [], best: 0 };
      entry.personas.push(l.persona);
      entry.best = Math.max(entry.best, p.lift);
      by.set(key, entry);
    }
  }
  return [...by.values()]
    .filter((e) => e.personas.length > 1)
    .sort((x, y) => y.personas.length - x.personas.length || y.best - x.best)
    .map(({ a, b, personas }) => ({ a, b, personas }));
}

export interface PersonaSignature extends PersonaRef {
  leansTo: { category: string; index: number } | null;
  leansAway: { category: string; index: number } | null;
  topFamily: { category: string; index: number } | null;
}

/** Per persona: the intent it over-indexes on most, the one it under-indexes on most, and its top family. */
export function personaSignatures(intents: AffinityGrid, families: AffinityGrid): PersonaSignature[] {
  const ok = meaningfulColumn(families);
  return intents.personas.map((p, r) => {
    const row = cellsOf([intents.index[r] ?? []]);
    const hi = extreme(row, 'max');
    const lo = extreme(row, 'min');
    const fr = families.personas.findIndex((x) => x.clusterId === p.clusterId);
    const fam = fr < 0 ? null : extreme(cellsOf([families.index[fr] ?? []], ok), 'max');
    return {
      ...p,
      leansTo: hi ? { category: intents.columns[hi.c]?.label ?? '', index: hi.value } : null,
      leansAway: lo ? { category: intents.columns[lo.c]?.label ?? '', index: lo.value } : null,
      topFamily: fam ? { category: families.columns[fam.c]?.label ?? '', index: fam.value } : null,
    };
  });
}

/** The page's headline takeaways, strongest signals first. */
export function affinityTakeaways(pa: ProductAffinity): string[] {
  const intents = buildAffinityGrid(pa, 'intent');
  const families = buildAffinityGrid(pa, 'family');
  const out: string[] = [];
  const name = (g: AffinityGrid, r: number) => g.personas[r]?.persona ?? '';
  const col = (g: AffinityGrid, c: number) => g.columns[c]?.label ?? '';

  const cells = cellsOf(intents.index);
  const hi = extreme(cells, 'max');
  const lo = extreme(cells, 'min');
  if (hi) {
    const share = intents.share[hi.r]?.[hi.c] ?? null;
    out.push(
      `${crowd(name(intents, hi.r))} over-index most on ${col(intents, hi.c)} (${formatRatio(hi.value, 2)}): ` +
        `${formatPct(share, 1)} of their spend against ${formatPct(intents.overallShare[hi.c], 1)} for all customers.`,
    );
  }
  if (lo) {
    out.push(
      `${crowd(name(intents, lo.r))} under-index most on ${col(intents, lo.c)} (${formatRatio(lo.value, 2)}): ` +
        `${formatPct(intents.share[lo.r]?.[lo.c] ?? null, 1)} of their spend against ${formatPct(intents.overallShare[lo.c], 1)}.`,
    );
  }
  const fam = extreme(cellsOf(families.index, meaningfulColumn(families)), 'max');
  if (fam) {
    out.push(
      `At family level, ${crowd(name(families, fam.r))} lean hardest into ${col(families, fam.c)} ` +
        `(${formatRatio(fam.value, 2)}, among families with at least ${formatPct(MIN_TAKEAWAY_SHARE_PCT, 1)} of all spend).`,
    );
  }
  const lift = liftPairs(intentLiftGrid(pa));
  if (lift.length > 0) {
    const best = lift.reduce((b, p) => (p.lift > b.lift ? p : b));
    out.push(
      `${pa.intents[best.i]} and ${pa.intents[best.j]} are the most natural companions: bought in the same order ` +
        `${formatRatio(best.lift, 2)} as often as chance (${formatCount(best.orders)} orders).`,
    );
  }
  const lists = crossSellLists(pa);
  const top = lists
    .flatMap((l) => l.pairs.map((p) => ({ ...p, persona: l.persona })))
    .reduce<(CrossSellPair & { persona: string }) | null>((b, p) => (!b || p.lift > b.lift ? p : b), null);
  if (top) {
    const sentence = crossSellSentence(top);
    out.push(
      `Among ${top.persona}, ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}: the strongest cross-sell pair.`,
    );
  }
  const shared = sharedPairs(lists)[0];
  if (shared && shared.personas.length >= 2) {
    out.push(
      `${shared.a} + ${shared.b} is a top cross-sell pair for ${shared.personas.length} personas ` +
        `(${shared.personas.join(', ')}): a bundle that works across segments.`,
    );
  }
  return out;
}
