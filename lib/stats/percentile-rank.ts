/**
 * Percentile rank of each value among all finite values, in [0, 1]: (below + ½·equal) / n.
 * Ties share one rank, so the score does not depend on row order. NaN stays NaN.
 * SQL equivalent: (RANK() + (COUNT(*) OVER same value − 1)/2 − 1) / COUNT(*), or CUME_DIST variants.
 */
export function percentileRanks(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) n++;
  const sorted = new Float64Array(n);
  n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) sorted[n++] = values[i]!;
  sorted.sort();
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      out[i] = NaN;
      continue;
    }
    const below = bound(sorted, v, false);
    const equal = bound(sorted, v, true) - below;
    out[i] = (below + equal / 2) / n;
  }
  return out;
}

/** First index whose value is ≥ v (or > v when `strict`), by binary search. */
function bound(sorted: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (strict && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
