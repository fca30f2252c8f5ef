import type { Rng } from './rng';

/** Standard normal by the Marsaglia polar method (no cached spare: keeps draws order-independent). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  let u = 0;
  let v = 0;
  let s = 0;
  do {
    u = 2 * rng.next() - 1;
    v = 2 * rng.next() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  return mean + sd * u * Math.sqrt((-2 * Math.log(s)) / s);
}

/** Gamma(shape, scale) by Marsaglia & Tsang (2000); shape < 1 via the boost u^(1/shape). */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (!(shape > 0) || !(scale > 0))
    throw new RangeError(`gamma: shape and scale must be > 0 (got ${shape}, ${scale})`);
  if (shape < 1) {
    const u = rng.next();
    return gamma(rng, shape + 1, scale) * Math.pow(u === 0 ? Number.MIN_VALUE : u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = 0;
    let v = 0;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** Poisson: inversion for small means, normal approximation (rounded, floored at 0) for large ones. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const l = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > l) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  return Math.max(0, Math.round(normal(rng, mean, Math.sqrt(mean))));
}

/** Binomial by inversion of the CDF; cost grows with n·p, which stays small in the generator. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const q = 1 - p;
  const ratio = p / q;
  let prob = Math.pow(q, n);
  let cdf = prob;
  const u = rng.next();
  let k = 0;
  while (u > cdf && k < n) {
    prob *= (ratio * (n - k)) / (k + 1);
    cdf += prob;
    k++;
  }
  return k;
}

export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

export function exponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng.next()) / rate;
}

/**
 * Walker's alias table over non-negative weights: O(n) to build, O(1) per draw.
 * Used for the 168 arrival cells and the 134 product families.
 */
export class AliasTable {
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Uint16Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0 || n > 65535) throw new RangeError(`AliasTable: need 1..65535 weights, got ${n}`);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`AliasTable: weight ${i} is ${w}`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('AliasTable: weights sum to 0');
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Uint16Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / total;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  sample(rng: Rng): number {
    const u = rng.next() * this.size;
    const i = Math.floor(u);
    return u - i < this.prob[i]! ? i : this.alias[i]!;
  }
}
