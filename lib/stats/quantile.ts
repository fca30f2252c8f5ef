import { quantileSorted as d3QuantileSorted } from 'd3-array';

/**
 * Quantile of sorted values by linear interpolation between order statistics (type 7, the default
 * of R and NumPy), from d3-array. q is clamped to [0, 1]; NaN for no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  // d3 reads only `length` and indices, so typed arrays work too; its types ask for an Array.
  return d3QuantileSorted(sorted as number[], q) ?? NaN;
}
