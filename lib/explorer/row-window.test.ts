import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_BODY_PX, rowWindow, scrollScale } from './row-window';

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

describe('the rows drawn for a scroll position', () => {
  it('given ten thousand rows scrolled to 4,044 px, then rows 90 … 125 are drawn and the spaces add up', () => {
    // 44 px header, 40 px rows, 640 px box, 10 rows of overscan: the list at 4,044 px shows row
    // (4,044 − 44) / 40 = 100 at the top and row 115 at the bottom (up to 4,684 px).
    const w = rowWindow(10_000, 40, 44, 640, 4_044, 10);
    expect([w.first, w.end]).toEqual([90, 126]);
    expect(w.top).toBe(90 * 40);
    expect(w.top + (w.end - w.first) * 40 + w.bottom).toBe(10_000 * 40);
  });

  it('given a million rows, then every scroll position draws rows that cover the box, inside the table', () => {
    const rows = 1_000_000;
    const realBottom = 44 + MAX_SCROLL_BODY_PX - 640;
    for (let k = 0; k <= 1_000; k++) {
      const scrollTop = (realBottom * k) / 1_000;
      const w = rowWindow(rows, 40, 44, 640, scrollTop, 12);
      expect(w.top).toBeGreaterThanOrEqual(0);
      expect(w.bottom).toBeGreaterThanOrEqual(-1e-6);
      // In page coordinates the drawn rows run from header + top to header + top + their height;
      // the box shows scrollTop + 44 (under the sticky header) to scrollTop + 640.
      const from = 44 + w.top;
      const to = from + (w.end - w.first) * 40;
      expect(from).toBeLessThanOrEqual(scrollTop + 44 + 1e-6);
      expect(to).toBeGreaterThanOrEqual(Math.min(scrollTop + 640, 44 + MAX_SCROLL_BODY_PX) - 1e-6);
    }
    expect(rowWindow(rows, 40, 44, 640, realBottom, 12).end).toBe(rows);
  });
});
