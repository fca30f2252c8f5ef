import { describe, expect, it } from 'vitest';
import { dotPath } from './dot-path';

describe('dotPath', () => {
  it('writes one zero-length subpath per point, to two decimals', () => {
    expect(dotPath([[12.3456, 7.891], [0, 100]])).toBe('M12.35 7.89h0M0 100h0');
  });
  it('is empty without points', () => {
    expect(dotPath([])).toBe('');
  });
});
