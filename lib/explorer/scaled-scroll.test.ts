import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_BODY_PX, scrollScale } from './scaled-scroll';

describe('scroll positions for many rows', () => {
  it('given rows that fit, then a scroll position is the same in the page and in the list', () => {
    const scale = scrollScale(10_000, 40, 44, 640);
    expect(scale.body).toBe(400_000);
    expect(scale.toVirtual(12_345)).toBe(12_345);
    expect(scale.toReal(12_345)).toBe(12_345);
  });

  describe('given a million 40 px rows under a 44 px header, in a 640 px box', () => {
    const scale = scrollScale(1_000_000, 40, 44, 640);
    // The furthest each can scroll: header + rows − box height.
    const realBottom = 44 + MAX_SCROLL_BODY_PX - 640;
    const listBottom = 44 + 40_000_000 - 640;

    it('then the page stays under the cap, and its top and bottom are the list’s first and last rows', () => {
      expect(scale.body).toBe(MAX_SCROLL_BODY_PX);
      expect(scale.toVirtual(0)).toBe(0);
      expect(scale.toVirtual(realBottom)).toBeCloseTo(listBottom, 3);
    });

    it('then the first and last screens scroll one to one', () => {
      expect(scale.toVirtual(1_500)).toBe(1_500);
      expect(scale.toVirtual(realBottom - 1_500)).toBeCloseTo(listBottom - 1_500, 3);
    });

    it('then half way down the scrollbar is about half way down the list, and the two maps undo each other', () => {
      expect(scale.toVirtual(realBottom / 2) / listBottom).toBeCloseTo(0.5, 3);
      for (const x of [0, 1_999, 2_001, 777_777, 19_000_000, listBottom - 1_000])
        expect(scale.toVirtual(scale.toReal(x))).toBeCloseTo(x, 6);
    });

    it('then further down the page is always further down the list', () => {
      let before = -1;
      for (let real = 0; real <= realBottom; real += realBottom / 997) {
        const virtual = scale.toVirtual(real);
        expect(virtual).toBeGreaterThan(before);
        before = virtual;
      }
    });
  });
});
