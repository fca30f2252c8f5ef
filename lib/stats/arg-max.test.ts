import { describe, expect, it } from 'vitest';
import { argMax, argMin } from './arg-max';

describe('argMax and argMin', () => {
  const items = [
    { id: 'a', v: 2 },
    { id: 'b', v: 5 },
    { id: 'c', v: 5 },
    { id: 'd', v: null },
    { id: 'e', v: NaN },
    { id: 'f', v: -1 },
  ];

  it('picks the first of the largest or smallest, skipping missing values', () => {
    expect(argMax(items, (x) => x.v)?.id).toBe('b');
    expect(argMin(items, (x) => x.v)?.id).toBe('f');
  });

  it('is undefined when no item has a value', () => {
    expect(argMax([], (x: number) => x)).toBeUndefined();
    expect(argMax([{ v: null }], (x) => x.v)).toBeUndefined();
  });
});
