import { describe, expect, it } from 'vitest';
import { dotPath } from './dot-path';

describe('dotPath', () => {
  it('writes one zero-length subpath per point, to one decimal', () => {
    expect(
      dotPath([
        [12.3456, 7.851],
        [0, 100],
      ]),
    ).toBe('M12.3 7.9h0M0 100h0');
  });
  it('is empty without points', () => {
    expect(dotPath([])).toBe('');
  });
});
