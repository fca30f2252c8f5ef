/**
 * The item with the largest value (the first of equals), skipping items whose value is null or not
 * finite; undefined when none has a value. d3-array's `greatest` with an accessor does the same
 * except that it keeps ±Infinity.
 */
export function argMax<T>(items: Iterable<T>, value: (item: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const item of items) {
    const v = value(item);
    if (v === null || !Number.isFinite(v)) continue;
    if (v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

/** The item with the smallest value (the first of equals); null and non-finite values are skipped. */
export function argMin<T>(items: Iterable<T>, value: (item: T) => number | null): T | undefined {
  return argMax(items, (item) => {
    const v = value(item);
    return v === null ? null : -v;
  });
}
