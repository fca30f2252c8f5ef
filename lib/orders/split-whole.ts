/**
 * Money split over an order's lines in whole paise, so the parts add up exactly to the whole: an
 * order-level discount or refund spread over lines, or an order's total written as lines.
 */

/**
 * Splits `total` whole units over `weights` in proportion (largest remainder): each part is the
 * floor of its exact share, and the units left go to the largest remainders, equal remainders to
 * the earlier line. Integer weights give exact remainders (total × weight stays below 2^53 for any
 * real order); weights that are all zero share equally.
 */
export function splitWhole(total: number, weights: ArrayLike<number>): number[] {
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  const w = sum > 0 ? Array.from(weights) : new Array<number>(n).fill(1);
  const s = sum > 0 ? sum : n;
  const out: number[] = new Array<number>(n);
  const remainder: number[] = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = total * w[i]!;
    out[i] = Math.floor(exact / s);
    remainder[i] = exact - out[i]! * s;
    given += out[i]!;
  }
  const order = remainder.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; given < total; j = (j + 1) % n, given++) out[order[j]![1]]!++;
  return out;
}
