import { describe, expect, it } from 'vitest';
import { Growable } from './transaction-log';

describe('Growable', () => {
  it('keeps every pushed value, in order, across many doublings', () => {
    const column = new Growable((n) => new Float64Array(n), 2);
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = i % 7 === 0 ? -i / 3 : i * 1.5;
      column.push(v);
      expected.push(v);
    }
    expect(column.length).toBe(5000);
    expect(Array.from(column.toArray())).toEqual(expected);
  });

  it('mixes single values and batches', () => {
    const column = new Growable((n) => new Uint32Array(n), 1);
    column.push(7);
    column.append(Uint32Array.of(1, 2, 3, 99), 3);
    column.push(8);
    expect(Array.from(column.toArray())).toEqual([7, 1, 2, 3, 8]);
  });
});
