/**
 * Data shaping for the Methodology page: pure functions from the manifest, the table registry and
 * the segmentation table to the small, plain props its diagrams and charts draw, each with its table
 * equivalent and a takeaway written from the numbers. Chart layouts are computed here in the chart
 * kit's percent space (0–100 of the plotting area), so the components only draw. No React, no formatting beyond the shared formatters.
 */
import { dotPath } from '@/lib/charts/dot-path';
import { personaColor } from '@/lib/charts/theme';
import { niceDomain } from '@/lib/charts/ticks';
import { formatCount, formatPct } from '@/lib/format/format';
import type { TableData } from '@/lib/format/table-data';
import type { TableName } from '@/lib/schema';
import type { Manifest } from '@/lib/schema/manifest';
import type { Segmentation } from '@/lib/schema/segmentation';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/* ------------------------------------------------------------------------------------------------ */
/* Data model                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

export const CENTRE_TABLE = 'customers_master';
/** The two keys the star joins on. */
export const JOIN_KEYS = ['customer_id', 'cluster_id'] as const;
export type JoinKey = (typeof JOIN_KEYS)[number];

export interface TableInfoEntry {
  grain: string;
  key: string;
  description: string;
}

export type ModelNodeKind = 'centre' | 'customer' | 'cluster' | 'reference';

export interface ModelNode {
  name: string;
  grain: string;
  key: string;
  /** Rows in this build (from the manifest); null when the table was not built. */
  rows: number | null;
  kind: ModelNodeKind;
}

export interface ModelEdge {
  from: string;
  to: string;
  /** What the two tables share, e.g. "cluster_id" or "family_id = category". */
  on: string;
  /** A star join on customer_id / cluster_id, or a reference link between two satellites. */
  type: JoinKey | 'reference';
}

export interface DataModel {
  nodes: ModelNode[];
  edges: ModelEdge[];
  /** Table name → how it joins the spine ("customers_master on customer_id, cluster_id"). */
  joins: ReadonlyMap<string, string>;
  takeaway: string;
}

/**
 * Tables that carry neither customer_id nor cluster_id, and the satellite they line up with. These
 * are facts of the schemas: demand_summary's family_id is product_affinity's family category, and
 * arrivals_summary's day × hour cells are operational_efficiency's hourly load cells.
 */
export const REFERENCE_LINKS: Partial<Record<TableName, { to: TableName; on: string }>> = {
  demand_summary: { to: 'product_affinity', on: 'family_id = category' },
  arrivals_summary: { to: 'operational_efficiency', on: 'day_index, hour' },
};

export function keysOf(key: string): string[] {
  return key
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

/** The star: customers_master at the centre, a join line per shared key, reference links beside. */
export function dataModel(info: Record<string, TableInfoEntry>, manifest: Manifest | null): DataModel {
  const rowsOf = new Map(manifest?.tables.map((t) => [t.name, t.rows]) ?? []);
  const nodes: ModelNode[] = [];
  const edges: ModelEdge[] = [];
  for (const [name, entry] of Object.entries(info)) {
    const keys = keysOf(entry.key);
    const joins = JOIN_KEYS.filter((k) => keys.includes(k));
    const kind: ModelNodeKind =
      name === CENTRE_TABLE
        ? 'centre'
        : joins.includes('customer_id')
          ? 'customer'
          : joins.includes('cluster_id')
            ? 'cluster'
            : 'reference';
    nodes.push({ name, grain: entry.grain, key: entry.key, rows: rowsOf.get(name) ?? null, kind });
    if (kind === 'centre') continue;
    for (const k of joins) edges.push({ from: name, to: CENTRE_TABLE, on: k, type: k });
    const ref = REFERENCE_LINKS[name as TableName];
    if (joins.length === 0 && ref && ref.to in info) {
      edges.push({ from: name, to: ref.to, on: ref.on, type: 'reference' });
    }
  }
  const order: ModelNodeKind[] = ['centre', 'customer', 'cluster', 'reference'];
  const sorted = nodes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => order.indexOf(a.n.kind) - order.indexOf(b.n.kind) || a.i - b.i)
    .map((x) => x.n);
  /** "customers_master on customer_id, cluster_id": the keys shared with each table, merged per table. */
  const joinsOf = (name: string) => {
    const byTarget = new Map<string, string[]>();
    for (const e of edges.filter((ed) => ed.from === name)) {
      byTarget.set(e.to, [...(byTarget.get(e.to) ?? []), e.on]);
    }
    return [...byTarget.entries()].map(([to, on]) => `${to} on ${on.join(', ')}`).join('; ');
  };
  const count = (kind: ModelNodeKind) => nodes.filter((n) => n.kind === kind).length;
  return {
    nodes: sorted,
    edges,
    joins: new Map(
      sorted.map((n) => [n.name, n.kind === 'centre' ? 'the centre; carries cluster_id' : joinsOf(n.name)]),
    ),
    takeaway:
      `${nodes.length} tables around ${CENTRE_TABLE}: ${count('customer')} join it on customer_id, ` +
      `${count('cluster')} on cluster_id (one row per persona, or persona × category / channel), and ` +
      `${count('reference')} describe the public data itself (product families, arrival hours) and line up with a satellite.`,
  };
}

export interface DiagramBox {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: ModelNodeKind;
  key: string;
  rows: number | null;
}

export interface DiagramLine {
  from: string;
  to: string;
  type: ModelEdge['type'];
  on: string;
  /** Polyline points. */
  points: Array<[number, number]>;
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export interface DiagramLayout {
  width: number;
  height: number;
  boxes: DiagramBox[];
  lines: DiagramLine[];
}

/** Where the segment from the centre of a box towards (tx, ty) leaves the box. */
function boxExit(b: DiagramBox, tx: number, ty: number): [number, number] {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

/**
 * Star-schema layout for wide screens: the centre table in the middle, satellites on an ellipse.
 * 1000 × 560 holds ten 216-wide satellites; the ellipse grows with every satellite past ten, so
 * neighbouring boxes never overlap.
 */
export function layoutStar(model: DataModel, width?: number, height?: number): DiagramLayout {
  const centre = model.nodes.find((n) => n.kind === 'centre');
  const satellites = model.nodes.filter((n) => n.kind !== 'centre');
  const extra = Math.max(0, satellites.length - 10);
  width ??= 1000 + extra * 70;
  height ??= 560 + extra * 40;
  const cw = 250;
  const ch = 70;
  const sw = 216;
  const sh = 58;
  const cx = width / 2;
  const cy = height / 2;
  const rx = width / 2 - sw / 2 - 12;
  const ry = height / 2 - sh / 2 - 12;
  // Reference tables sit next to the satellite they line up with, so their link is a short chord.
  const ring: ModelNode[] = [];
  const refs = satellites.filter((n) => n.kind === 'reference');
  for (const n of satellites.filter((s) => s.kind !== 'reference')) {
    ring.push(n);
    for (const r of refs) {
      if (model.edges.some((e) => e.from === r.name && e.to === n.name)) ring.push(r);
    }
  }
  for (const r of refs) if (!ring.includes(r)) ring.push(r);
  const boxes: DiagramBox[] = [];
  if (centre) {
    boxes.push({ ...boxBase(centre), x: cx - cw / 2, y: cy - ch / 2, width: cw, height: ch });
  }
  ring.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, ring.length);
    const x = cx + rx * Math.cos(angle);
    const y = cy + ry * Math.sin(angle);
    boxes.push({ ...boxBase(n), x: x - sw / 2, y: y - sh / 2, width: sw, height: sh });
  });
  const byName = new Map(boxes.map((b) => [b.name, b]));
  const lines: DiagramLine[] = [];
  // Tables joined on both keys get two parallel lines, a little apart.
  const multi = new Map<string, number>();
  for (const e of model.edges) multi.set(e.from, (multi.get(e.from) ?? 0) + (e.type === 'reference' ? 0 : 1));
  const seen = new Map<string, number>();
  for (const e of model.edges) {
    const a = byName.get(e.from);
    const b = byName.get(e.to);
    if (!a || !b) continue;
    const acx = a.x + a.width / 2;
    const acy = a.y + a.height / 2;
    const bcx = b.x + b.width / 2;
    const bcy = b.y + b.height / 2;
    const n = e.type === 'reference' ? 1 : (multi.get(e.from) ?? 1);
    const idx = seen.get(e.from) ?? 0;
    if (e.type !== 'reference') seen.set(e.from, idx + 1);
    const len = Math.hypot(bcx - acx, bcy - acy) || 1;
    const off = n > 1 ? (idx - (n - 1) / 2) * 14 : 0;
    const ox = (-(bcy - acy) / len) * off;
    const oy = ((bcx - acx) / len) * off;
    const p1 = boxExit(a, bcx + ox, bcy + oy);
    const p2 = boxExit(b, acx + ox, acy + oy);
    const start: [number, number] = [p1[0] + ox, p1[1] + oy];
    const end: [number, number] = [p2[0] + ox, p2[1] + oy];
    const mx = (start[0] + end[0]) / 2;
    const my = (start[1] + end[1]) / 2;
    // Labels of parallel lines move apart, away from each other, so they never overprint.
    const ux = off === 0 ? 0 : ox / Math.abs(off);
    const uy = off === 0 ? 0 : oy / Math.abs(off);
    const anchor: DiagramLine['label']['anchor'] = Math.abs(ux) < 0.3 ? 'middle' : ux > 0 ? 'start' : 'end';
    lines.push({
      from: e.from,
      to: e.to,
      type: e.type,
      on: e.on,
      points: [start, end],
      label: { x: mx + ux * 6, y: my + uy * 6, anchor },
    });
  }
  return { width, height, boxes, lines };
}

function boxBase(n: ModelNode) {
  return { name: n.name, kind: n.kind, key: n.key, rows: n.rows };
}

/**
 * Phone layout of the same star: the centre table on top, one trunk per join key running down the
 * left, each satellite a box to the right with a stub from every trunk it joins; reference tables
 * last, with a dashed bracket to the satellite they line up with.
 */
export function layoutTree(model: DataModel, width = 360): DiagramLayout {
  const centre = model.nodes.find((n) => n.kind === 'centre');
  const satellites = model.nodes.filter((n) => n.kind !== 'centre');
  const ch = 70;
  const sh = 54;
  const gap = 12;
  const trunkX: Record<JoinKey, number> = { customer_id: 14, cluster_id: 32 };
  const boxX = 50;
  const boxW = width - boxX - 24;
  const boxes: DiagramBox[] = [];
  if (centre) boxes.push({ ...boxBase(centre), x: 6, y: 6, width: width - 12, height: ch });
  let y = 6 + ch + 26;
  for (const n of satellites) {
    boxes.push({ ...boxBase(n), x: boxX, y, width: boxW, height: sh });
    y += sh + gap;
  }
  const height = y + 6;
  const byName = new Map(boxes.map((b) => [b.name, b]));
  const centreBox = centre ? byName.get(centre.name) : undefined;
  const lines: DiagramLine[] = [];
  for (const key of JOIN_KEYS) {
    const joined = model.edges.filter((e) => e.type === key);
    if (!centreBox || joined.length === 0) continue;
    const x = trunkX[key];
    const top = centreBox.y + centreBox.height;
    const last = Math.max(...joined.map((e) => byName.get(e.from)!.y + sh / 2));
    lines.push({
      from: centreBox.name,
      to: `${key} trunk`,
      type: key,
      on: key,
      points: [
        [x, top],
        [x, last],
      ],
      label: { x: x + 4, y: top + 14, anchor: 'start' },
    });
    for (const e of joined) {
      const b = byName.get(e.from)!;
      const yy = b.y + sh / 2 + (key === 'customer_id' ? -6 : 6) * (countJoins(model, e.from) > 1 ? 1 : 0);
      lines.push({
        from: e.from,
        to: e.to,
        type: key,
        on: key,
        points: [
          [x, yy],
          [b.x, yy],
        ],
        label: { x: b.x, y: yy, anchor: 'end' },
      });
    }
  }
  // Reference brackets run down the right, each in its own lane so they never overlap.
  for (const [lane, e] of model.edges.filter((ed) => ed.type === 'reference').entries()) {
    const a = byName.get(e.from);
    const b = byName.get(e.to);
    if (!a || !b) continue;
    const x = a.x + a.width + 7 + 8 * lane;
    lines.push({
      from: e.from,
      to: e.to,
      type: 'reference',
      on: e.on,
      points: [
        [a.x + a.width, a.y + sh / 2],
        [x, a.y + sh / 2],
        [x, b.y + sh / 2],
        [b.x + b.width, b.y + sh / 2],
      ],
      label: { x, y: (a.y + b.y) / 2 + sh / 2, anchor: 'middle' },
    });
  }
  return { width, height, boxes, lines };
}

function countJoins(model: DataModel, name: string): number {
  return model.edges.filter((e) => e.from === name && e.type !== 'reference').length;
}

/* ------------------------------------------------------------------------------------------------ */
/* Choice of k                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

export interface KRow {
  k: number;
  inertia: number;
  silhouette: number;
  /** Fall in inertia from the previous k, % (null for the first). */
  inertiaDropPct: number | null;
  chosen: boolean;
}

export interface KChoice {
  chosenK: number;
  rows: KRow[];
  /** k with the highest silhouette. */
  bestSilhouetteK: number;
  /** k farthest below the straight line from the first to the last inertia (the bend of the elbow). */
  elbowK: number;
  chosen: KRow | null;
  elbowTakeaway: string;
  silhouetteTakeaway: string;
  elbowTable: TableData;
  silhouetteTable: TableData;
  /** Every diagnostic as in segmentation.json. */
  table: TableData;
  sample: Segmentation['diagnostics_sample'];
}

/** The k whose normalised inertia lies farthest below the chord from the first to the last k. */
export function elbowOf(points: Array<{ k: number; inertia: number }>): number {
  if (points.length === 0) return NaN;
  if (points.length < 3) return points[0]!.k;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const dk = last.k - first.k || 1;
  const di = first.inertia - last.inertia || 1;
  let best = first.k;
  let bestGap = -Infinity;
  for (const p of points) {
    const x = (p.k - first.k) / dk;
    const y = (p.inertia - last.inertia) / di;
    const gap = 1 - x - y;
    if (gap > bestGap + 1e-12) {
      bestGap = gap;
      best = p.k;
    }
  }
  return best;
}

const sil = (v: number) => formatCount(v, 3);
/** +0.97 / −1.15: a signed z-score or loading with a real minus sign. */
export const signed = (v: number) => `${v >= 0 ? '+' : '−'}${formatCount(Math.abs(v), 2)}`;

export function kChoice(seg: Segmentation): KChoice {
  const sorted = [...seg.diagnostics].sort((a, b) => a.k - b.k);
  const rows: KRow[] = sorted.map((d, i) => {
    const prev = sorted[i - 1];
    return {
      k: d.k,
      inertia: d.inertia,
      silhouette: d.silhouette,
      inertiaDropPct: prev && prev.inertia > 0 ? (100 * (prev.inertia - d.inertia)) / prev.inertia : null,
      chosen: d.k === seg.k,
    };
  });
  const chosen = rows.find((r) => r.chosen) ?? null;
  const best = rows.reduce<KRow | null>((b, r) => (b === null || r.silhouette > b.silhouette ? r : b), null);
  const bestSilhouetteK = best?.k ?? seg.k;
  const elbowK = elbowOf(rows);
  const first = rows[0];
  const last = rows[rows.length - 1];

  let elbowTakeaway: string;
  if (!first || !last) elbowTakeaway = 'No k diagnostics in this build.';
  else {
    const totalDrop = first.inertia > 0 ? (100 * (first.inertia - last.inertia)) / first.inertia : 0;
    const bend =
      elbowK === seg.k
        ? `The curve bends most at k = ${elbowK}, the chosen k`
        : `The curve bends most at k = ${elbowK}; the chosen k = ${seg.k} is ${seg.k > elbowK ? 'past' : 'before'} the bend`;
    const chosenDrop =
      chosen && chosen.inertiaDropPct !== null
        ? ` Going from k = ${chosen.k - 1} to ${chosen.k} still removes ${formatPct(chosen.inertiaDropPct)} of the inertia; each k after it removes ${formatPct(
            Math.max(...rows.filter((r) => r.k > chosen.k).map((r) => r.inertiaDropPct ?? 0), 0),
          )} or less.`
        : '';
    elbowTakeaway = `Inertia falls ${formatPct(totalDrop)} from k = ${first.k} to k = ${last.k}. ${bend}.${chosenDrop}`;
  }

  let silhouetteTakeaway: string;
  if (!best) silhouetteTakeaway = 'No k diagnostics in this build.';
  else {
    const strength = (v: number) =>
      v >= 0.5
        ? 'clearly separated clusters'
        : v >= 0.25
          ? 'weak but real structure'
          : 'heavily overlapping clusters';
    const atChosen = chosen
      ? bestSilhouetteK === chosen.k
        ? `The chosen k = ${chosen.k} has the highest silhouette, ${sil(chosen.silhouette)}`
        : `Silhouette is highest at k = ${bestSilhouetteK} (${sil(best.silhouette)}); the chosen k = ${chosen.k} scores ${sil(chosen.silhouette)}, ${sil(best.silhouette - chosen.silhouette)} lower`
      : `Silhouette is highest at k = ${bestSilhouetteK} (${sil(best.silhouette)})`;
    silhouetteTakeaway = `${atChosen}: ${strength(chosen?.silhouette ?? best.silhouette)} (1 = perfectly separated, 0 = on the boundary). The personas are useful summaries of a continuum, not separate populations.`;
  }

  const mark = (r: KRow) => (r.chosen ? 'chosen' : '');
  return {
    chosenK: seg.k,
    rows,
    bestSilhouetteK,
    elbowK,
    chosen,
    elbowTakeaway,
    silhouetteTakeaway,
    elbowTable: {
      columns: [
        { key: 'k', label: 'k', format: 'text' },
        { key: 'inertia', label: 'Inertia (sum of squared z distances)', format: 'number', decimals: 2 },
        { key: 'drop', label: 'Fall from previous k', format: 'pct', decimals: 1 },
        { key: 'mark', label: 'Chosen', format: 'text' },
      ],
      rows: rows.map((r) => ({ k: String(r.k), inertia: r.inertia, drop: r.inertiaDropPct, mark: mark(r) })),
    },
    silhouetteTable: {
      columns: [
        { key: 'k', label: 'k', format: 'text' },
        { key: 'silhouette', label: 'Mean silhouette (−1 … 1)', format: 'number', decimals: 4 },
        { key: 'mark', label: 'Chosen', format: 'text' },
      ],
      rows: rows.map((r) => ({ k: String(r.k), silhouette: r.silhouette, mark: mark(r) })),
    },
    table: {
      columns: [
        { key: 'k', label: 'k', format: 'text' },
        { key: 'inertia', label: 'Inertia', format: 'number', decimals: 2 },
        { key: 'silhouette', label: 'Silhouette', format: 'number', decimals: 4 },
        { key: 'drop', label: 'Inertia fall from previous k', format: 'pct', decimals: 1 },
        { key: 'mark', label: 'Chosen', format: 'text' },
      ],
      rows: rows.map((r) => ({
        k: String(r.k),
        inertia: r.inertia,
        silhouette: r.silhouette,
        drop: r.inertiaDropPct,
        mark: mark(r),
      })),
    },
    sample: seg.diagnostics_sample,
  };
}

export interface Tick {
  value: number;
  label: string;
  /** Position along the axis, 0–100 (left to right, bottom to top). */
  at: number;
}

/**
 * A k = 2…10 line chart (inertia or silhouette) in the chart kit's percent space: x and y of every
 * point are 0–100 of the plotting area (y from the top, as SVG draws it), the path is for a 0–100
 * viewBox, and ticks carry their 0–100 position.
 */
export interface LineChartLayout {
  xTicks: Tick[];
  yTicks: Tick[];
  path: string;
  points: Array<{ k: number; x: number; y: number; value: number; chosen: boolean; label: string }>;
  chosen: { x: number; label: string } | null;
}

export function layoutKChart(rows: KRow[], metric: 'inertia' | 'silhouette'): LineChartLayout {
  const ks = rows.map((r) => r.k);
  const kMin = Math.min(...ks);
  const kMax = Math.max(...ks);
  const x = scaleLinear()
    .domain([kMin - 0.4, kMax + 0.4])
    .range([0, 100]);
  const values = rows.map((r) => r[metric]);
  const top = Math.max(...values, 0);
  const bottom = Math.min(...values, 0);
  const axis = niceDomain(bottom, top * 1.08 || 1, 5);
  const up = scaleLinear().domain([axis.lo, axis.hi]).range([0, 100]);
  const decimals = metric === 'silhouette' ? 2 : 0;
  const yTicks = axis.ticks.map((v) => ({ value: v, label: formatCount(v, decimals), at: up(v) }));
  const xTicks = ks.map((k) => ({ value: k, label: String(k), at: x(k) }));
  const pts = rows.map((r) => ({
    k: r.k,
    x: x(r.k),
    y: 100 - up(r[metric]),
    value: r[metric],
    chosen: r.chosen,
    label: metric === 'silhouette' ? formatCount(r.silhouette, 3) : formatCount(r.inertia, 0),
  }));
  const path =
    line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)(pts) ?? '';
  const chosenRow = rows.find((r) => r.chosen);
  return {
    xTicks,
    yTicks,
    path,
    points: pts,
    chosen: chosenRow ? { x: x(chosenRow.k), label: `chosen k = ${chosenRow.k}` } : null,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* PCA                                                                                               */
/* ------------------------------------------------------------------------------------------------ */

export interface PcaGroup {
  cluster_id: number;
  persona: string;
  color: string;
  /** [pc1, pc2] of each sampled customer of this persona. */
  points: Array<[number, number]>;
}

export interface PcaScatter {
  groups: PcaGroup[];
  total: number;
  explained: [number, number];
  xLabel: string;
  yLabel: string;
  takeaway: string;
  table: TableData;
  loadingsTable: TableData;
}

function describeComponent(loadings: number[], labels: string[]): string {
  const ranked = loadings
    .map((v, j) => ({ v, label: labels[j] ?? `feature ${j + 1}` }))
    .sort((a, b) => Math.abs(b.v) - Math.abs(a.v));
  const strong = ranked.filter((r, i) => i === 0 || Math.abs(r.v) >= 0.3).slice(0, 3);
  const up = strong.filter((r) => r.v > 0).map((r) => `${r.label.toLowerCase()} (${signed(r.v)})`);
  const down = strong.filter((r) => r.v < 0).map((r) => `${r.label.toLowerCase()} (${signed(r.v)})`);
  const parts = [
    up.length ? `rises with ${up.join(' and ')}` : '',
    down.length ? `falls with ${down.join(' and ')}` : '',
  ].filter(Boolean);
  return parts.join(' and ');
}

/** The PCA sample grouped by persona, with the loadings read out as a takeaway. */
export function pcaScatter(seg: Segmentation): PcaScatter {
  const names = new Map(seg.personas.map((p) => [p.cluster_id, p.persona]));
  const byCluster = new Map<number, Array<[number, number]>>();
  for (const [px, py, cl] of seg.pca.points) {
    let list = byCluster.get(cl);
    if (!list) byCluster.set(cl, (list = []));
    list.push([px, py]);
  }
  const groups: PcaGroup[] = [...byCluster.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([cl, points]) => ({
      cluster_id: cl,
      persona: names.get(cl) ?? `Cluster ${cl}`,
      color: personaColor(cl),
      points,
    }));
  const ev = seg.pca.explained_variance;
  const explained: [number, number] = [100 * (ev[0] ?? 0), 100 * (ev[1] ?? 0)];
  const labels = seg.features.map((f) => f.label.replace(/ \(log\)$/, ''));
  const [l1 = [], l2 = []] = seg.pca.loadings;
  const takeaway =
    `The first two components keep ${formatPct(explained[0] + explained[1])} of the variance of the ${seg.features.length} z-scored features. ` +
    `PC1 (${formatPct(explained[0])}) ${describeComponent(l1, labels)}; PC2 (${formatPct(explained[1])}) ${describeComponent(l2, labels)}.`;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null);
  return {
    groups,
    total: seg.pca.points.length,
    explained,
    xLabel: `PC1, ${formatPct(explained[0])} of variance (z units)`,
    yLabel: `PC2, ${formatPct(explained[1])} of variance (z units)`,
    takeaway,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'n', label: 'Sampled customers', format: 'count' },
        { key: 'pc1', label: 'Mean PC1', format: 'number', decimals: 2 },
        { key: 'pc2', label: 'Mean PC2', format: 'number', decimals: 2 },
        { key: 'pc1min', label: 'PC1 min', format: 'number', decimals: 2 },
        { key: 'pc1max', label: 'PC1 max', format: 'number', decimals: 2 },
        { key: 'pc2min', label: 'PC2 min', format: 'number', decimals: 2 },
        { key: 'pc2max', label: 'PC2 max', format: 'number', decimals: 2 },
      ],
      rows: groups.map((g) => ({
        persona: g.persona,
        n: g.points.length,
        pc1: mean(g.points.map((p) => p[0])),
        pc2: mean(g.points.map((p) => p[1])),
        pc1min: Math.min(...g.points.map((p) => p[0])),
        pc1max: Math.max(...g.points.map((p) => p[0])),
        pc2min: Math.min(...g.points.map((p) => p[1])),
        pc2max: Math.max(...g.points.map((p) => p[1])),
      })),
    },
    loadingsTable: {
      columns: [
        { key: 'feature', label: 'Feature', format: 'text' },
        { key: 'pc1', label: 'PC1 loading', format: 'number', decimals: 3 },
        { key: 'pc2', label: 'PC2 loading', format: 'number', decimals: 3 },
      ],
      rows: seg.features.map((f, j) => ({ feature: f.label, pc1: l1[j] ?? null, pc2: l2[j] ?? null })),
    },
  };
}

/** The PCA scatter in the chart kit's percent space (0–100 of the plotting area, y from the top). */
export interface ScatterLayout {
  xTicks: Tick[];
  yTicks: Tick[];
  /**
   * One path per persona for a 0–100 viewBox: a zero-length, round-capped subpath ("Mx yh0") per
   * sampled customer.
   */
  paths: Array<{ cluster_id: number; persona: string; color: string; d: string; count: number }>;
  /** Where x = 0 and y = 0 are (the mean of every feature). */
  origin: { x: number; y: number };
}

/**
 * The PCA scatter laid out on round axes (each fitted to its own range of z units). The largest
 * persona is drawn first so the smaller ones stay visible on top.
 */
export function layoutScatter(scatter: PcaScatter): ScatterLayout {
  const all = scatter.groups.flatMap((g) => g.points);
  const xAxis = niceDomain(Math.min(...all.map((p) => p[0]), 0), Math.max(...all.map((p) => p[0]), 0), 8);
  const yAxis = niceDomain(Math.min(...all.map((p) => p[1]), 0), Math.max(...all.map((p) => p[1]), 0), 6);
  const x = scaleLinear().domain([xAxis.lo, xAxis.hi]).range([0, 100]);
  const up = scaleLinear().domain([yAxis.lo, yAxis.hi]).range([0, 100]);
  const label = (v: number) => formatCount(v, Number.isInteger(v) ? 0 : 1);
  const paths = [...scatter.groups]
    .sort((a, b) => b.points.length - a.points.length || a.cluster_id - b.cluster_id)
    .map((g) => ({
      cluster_id: g.cluster_id,
      persona: g.persona,
      color: g.color,
      count: g.points.length,
      d: dotPath(g.points.map(([px, py]) => [x(px), 100 - up(py)] as const)),
    }));
  return {
    xTicks: xAxis.ticks.map((v) => ({ value: v, label: label(v), at: x(v) })),
    yTicks: yAxis.ticks.map((v) => ({ value: v, label: label(v), at: up(v) })),
    paths,
    origin: { x: x(0), y: 100 - up(0) },
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* Centroids                                                                                         */
/* ------------------------------------------------------------------------------------------------ */

export interface CentroidView {
  features: Array<{ key: string; label: string }>;
  rows: Array<{ cluster_id: number; persona: string; color: string; z: number[] }>;
  zTable: TableData;
  unitsTable: TableData;
  featureTable: TableData;
  takeaway: string;
}

/** Labels of the clustered features in their own units (the centroid's "original" values). */
function unitLabel(key: string, label: string, currency: string): string {
  if (key === 'avg_order_value') return `AOV, ${currency}`;
  if (key === 'discount_share') return 'Discount, %';
  return `${label.replace(/ (score|index)$/, '')}, 0–100`;
}

export function centroidView(seg: Segmentation, currency: string): CentroidView {
  const features = seg.features.map((f) => ({ key: f.key, label: f.label.replace(/ \(log\)$/, '') }));
  const sizes = new Map(seg.personas.map((p) => [p.cluster_id, p.customers]));
  const rows = [...seg.centroids]
    .sort((a, b) => a.cluster_id - b.cluster_id)
    .map((c) => ({
      cluster_id: c.cluster_id,
      persona: c.persona,
      color: personaColor(c.cluster_id),
      z: c.z,
    }));
  const strongest = rows.map((r) => {
    let j = 0;
    r.z.forEach((v, i) => {
      if (Math.abs(v) > Math.abs(r.z[j] ?? 0)) j = i;
    });
    return { persona: r.persona, feature: features[j]?.label ?? '', z: r.z[j] ?? 0 };
  });
  const takeaway =
    'Each persona’s strongest trait, in standard deviations from the average customer: ' +
    strongest.map((s) => `${s.persona} ${s.feature.toLowerCase()} ${signed(s.z)}`).join('; ') +
    '.';
  const zColumns = features.map((f, j) => ({
    key: `z${j}`,
    label: f.label,
    format: 'number' as const,
    decimals: 2,
  }));
  return {
    features,
    rows,
    takeaway,
    zTable: {
      columns: [{ key: 'persona', label: 'Persona', format: 'text' }, ...zColumns],
      rows: rows.map((r) => ({
        persona: r.persona,
        ...Object.fromEntries(r.z.map((v, j) => [`z${j}`, v])),
      })),
    },
    unitsTable: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'customers', label: 'Customers', format: 'count' },
        ...seg.features.map((f, j) => ({
          key: `o${j}`,
          label: unitLabel(f.key, features[j]!.label, currency),
          format:
            f.key === 'avg_order_value'
              ? ('money' as const)
              : f.key === 'discount_share'
                ? ('pct' as const)
                : ('score' as const),
          decimals: f.key === 'discount_share' ? 2 : 1,
        })),
      ],
      rows: [...seg.centroids]
        .sort((a, b) => a.cluster_id - b.cluster_id)
        .map((c) => ({
          persona: c.persona,
          customers: sizes.get(c.cluster_id) ?? null,
          ...Object.fromEntries(
            c.original.map((v, j) => [`o${j}`, seg.features[j]?.key === 'discount_share' ? 100 * v : v]),
          ),
        })),
    },
    featureTable: {
      columns: [
        { key: 'label', label: 'Feature', format: 'text' },
        { key: 'key', label: 'Column', format: 'text' },
        { key: 'transform', label: 'Transform before z-scoring', format: 'text' },
        { key: 'mean', label: 'Mean (transformed)', format: 'number', decimals: 4 },
        { key: 'sd', label: 'SD (transformed)', format: 'number', decimals: 4 },
      ],
      rows: seg.features.map((f) => ({
        label: f.label,
        key: f.key,
        transform: f.transform === 'log1p' ? 'log(1 + x)' : 'none',
        mean: f.mean,
        sd: f.sd,
      })),
    },
  };
}

export interface VersionRow {
  name: string;
  version: string;
}

export function versionRows(manifest: Manifest): VersionRow[] {
  return [
    { name: 'omnichannel-insights (this project)', version: manifest.versions.app },
    ...Object.entries(manifest.versions.packages).map(([name, version]) => ({ name, version })),
  ];
}

export interface MethodKpi {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export function methodKpis(manifest: Manifest, seg: Segmentation, k: KChoice, pca: PcaScatter): MethodKpi[] {
  return [
    {
      id: 'kpi-k',
      label: 'Personas (k)',
      value: String(seg.k),
      hint: `k-means on ${seg.features.length} z-scored features, ${formatCount(seg.kmeans.fitted_on)} customers`,
    },
    {
      id: 'kpi-silhouette',
      label: `Silhouette at k = ${seg.k}`,
      value: k.chosen ? formatCount(k.chosen.silhouette, 3) : '—',
      hint: `highest at k = ${k.bestSilhouetteK}; −1 … 1`,
    },
    {
      id: 'kpi-pca',
      label: 'Variance in the 2-D view',
      value: formatPct(pca.explained[0] + pca.explained[1]),
      hint: `PC1 ${formatPct(pca.explained[0])} + PC2 ${formatPct(pca.explained[1])}`,
    },
    {
      id: 'kpi-tables',
      label: 'Tables',
      value: String(manifest.tables.length),
      hint: `from ${manifest.sources.files.length} public source files`,
    },
  ];
}
