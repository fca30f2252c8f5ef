/**
 * Seeded pseudo-random numbers for the synthetic generator.
 *
 * Written here rather than taken from a package on purpose: the generator's output must stay
 * byte-identical for a given seed across installs, so the stream cannot change with a dependency
 * upgrade, and the hot loop draws ~10^8 numbers at 1M customers, so it must be allocation-free.
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counter, PractRand-clean), seeded by
 * splitmix32 so that neighbouring seeds give unrelated streams.
 */

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, stream = 0) {
    const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

/** An independent stream per (seed, purpose, index), so customers can be generated in any order. */
export function createRng(seed: number, stream = 0): Sfc32 {
  return new Sfc32(seed, stream);
}
