import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { evenGridStep, TrackGrid } from './bar-rows';

describe('TrackGrid: the grid lines behind an HTML bar track', () => {
  it('draws evenly spaced ticks as one element whose background repeats every step', () => {
    const html = renderToStaticMarkup(<TrackGrid ticks={[0, 25, 50, 75, 100]} max={100} />);
    expect(html.match(/<span/g)).toHaveLength(1);
    // 25 of a 0–100 track is a quarter of its width.
    expect(html).toContain('--grid-step:25%');
  });

  it('draws one line per tick when the ticks are not every multiple of one step', () => {
    const html = renderToStaticMarkup(<TrackGrid ticks={[0, 10, 50, 100]} max={100} />);
    expect(html.match(/<span/g)).toHaveLength(4);
    expect(html).toContain('left:10%');
  });

  it('accepts only a set of ticks the repeating background reproduces exactly', () => {
    expect(evenGridStep([0, 20, 40, 60], 60)).toBe(20);
    expect(evenGridStep([20, 40, 60], 60)).toBe(20); // the line at 0 may be left out (an axis rule is there)
    expect(evenGridStep([0, 20, 40, 60], 70)).toBe(20); // 80 lies past the track
    expect(evenGridStep([0, 20, 60], 60)).toBeNull(); // 40 missing: the background would draw it
    expect(evenGridStep([0, 20, 40], 60)).toBeNull(); // 60 missing
    expect(evenGridStep([0.1, 0.2, 0.3], 0.3)).toBeCloseTo(0.1, 12); // floating-point steps
    expect(evenGridStep([], 10)).toBeNull();
  });
});
