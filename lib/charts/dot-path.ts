/**
 * Many dots as one SVG path for a 0–100 <Stretch> layer (components/charts/plot.tsx): a zero-length
 * subpath ("Mx yh0") per point, which a round line cap draws as a dot. One element for hundreds of
 * points keeps a scatter light to send and to lay out. Coordinates to 0.1 of the 0–100 plot: under a
 * pixel on a chart up to 1,000 px across.
 */
export function dotPath(points: Iterable<readonly [x: number, y: number]>): string {
  let d = '';
  for (const [x, y] of points) d += `M${round1(x)} ${round1(y)}h0`;
  return d;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
