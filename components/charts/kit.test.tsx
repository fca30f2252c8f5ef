// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Baseline, thinOnPhone, XAxis, YAxis, type Tick } from './axes';
import { ChartFrame } from './chart-frame';
import { ChartTips } from './chart-tips';
import { markProps } from './marks';
import { Plot } from './plot';

// React's act() needs to know it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function svgOf(markup: string): Document {
  return new DOMParser().parseFromString(markup, 'text/html');
}

const TICKS: Tick[] = [
  { value: 0, at: 0, label: '₹0' },
  { value: 50, at: 50, label: '₹50' },
  { value: 100, at: 100, label: '₹100' },
];

describe('axes', () => {
  it('place x labels and grid lines at percentages of the plot, the last one ending at the edge', () => {
    const doc = svgOf(renderToStaticMarkup(<svg>{<XAxis ticks={TICKS} />}</svg>));
    const labels = [...doc.querySelectorAll('[data-testid="x-tick"]')];
    expect(labels.map((t) => [t.textContent, t.getAttribute('x'), t.getAttribute('text-anchor')])).toEqual([
      ['₹0', '0%', 'middle'],
      ['₹50', '50%', 'middle'],
      ['₹100', '100%', 'end'],
    ]);
    expect([...doc.querySelectorAll('line')].map((l) => l.getAttribute('x1'))).toEqual(['0%', '50%', '100%']);
  });

  it('put y positions upside down (0 at the bottom) and can leave the grid out', () => {
    const doc = svgOf(renderToStaticMarkup(<svg>{<YAxis ticks={TICKS} grid={false} />}</svg>));
    const labels = [...doc.querySelectorAll('[data-testid="y-tick"]')];
    expect(labels.map((t) => t.getAttribute('y'))).toEqual(['100%', '50%', '0%']);
    expect(doc.querySelectorAll('line')).toHaveLength(0);
  });

  it('hide every label but each n-th, the first and the last on phones', () => {
    const ticks = Array.from({ length: 8 }, (_, i) => ({ value: i, at: (i / 7) * 100, label: `m${i}` }));
    const doc = svgOf(renderToStaticMarkup(<svg>{<XAxis ticks={thinOnPhone(ticks, 3)} />}</svg>));
    const onPhones = [...doc.querySelectorAll('[data-testid="x-tick"]')]
      .filter((t) => !t.getAttribute('class')?.includes('max-sm:hidden'))
      .map((t) => t.textContent);
    expect(onPhones).toEqual(['m0', 'm3', 'm6', 'm7']);
  });

  it('hide axes from screen readers, which read the chart summary instead', () => {
    const doc = svgOf(renderToStaticMarkup(<svg>{<XAxis ticks={TICKS} />}</svg>));
    expect(doc.querySelector('[data-axis="x"]')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('Plot', () => {
  it('draws one SVG at both sizes, with the margins as padding and the titles as text', () => {
    const markup = renderToStaticMarkup(
      <Plot
        height={{ phone: 200, wide: 320 }}
        margin={{ top: 8, right: 12, bottom: 40, left: 60 }}
        xTitle="Month"
        yTitle="Revenue"
      >
        <Baseline />
      </Plot>,
    );
    const doc = svgOf(markup);
    expect(doc.querySelectorAll('svg')).toHaveLength(1);
    const box = doc.querySelector('[data-plot]') as HTMLElement;
    expect(box.style.padding).toBe('8px 12px 40px 60px');
    expect(box.style.getPropertyValue('--plot-phone')).toBe('200px');
    expect(box.style.getPropertyValue('--plot-wide')).toBe('320px');
    expect(box.textContent).toContain('Month');
    expect(box.textContent).toContain('Revenue');
  });
});

describe('ChartTips', () => {
  let host: HTMLDivElement;
  afterEach(() => host?.remove());

  function mount() {
    host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() =>
      root.render(
        <ChartTips label="Revenue by month">
          <svg>
            <rect {...markProps('Mar 2026\nTotal: ₹4.0 Cr')} />
            <rect {...markProps('Apr 2026\nTotal: ₹3.9 Cr')} />
          </svg>
        </ChartTips>,
      ),
    );
    return [...host.querySelectorAll('rect')];
  }

  it('lets a keyboard reach each mark, names it, and shows its tooltip on focus', () => {
    const [march, april] = mount();
    expect(march!.getAttribute('tabindex')).toBe('0');
    expect(march!.getAttribute('aria-label')).toBe('Mar 2026; Total: ₹4.0 Cr');
    expect(host.querySelector('[role="tooltip"]')).toBeNull();

    act(() => march!.focus());
    expect(host.querySelector('[role="tooltip"]')?.textContent).toBe('Mar 2026\nTotal: ₹4.0 Cr');

    act(() => april!.focus());
    expect(host.querySelector('[role="tooltip"]')?.textContent).toBe('Apr 2026\nTotal: ₹3.9 Cr');
  });

  it('closes the tooltip on Escape and when focus leaves', () => {
    const [march] = mount();
    act(() => march!.focus());
    act(() => {
      march!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(host.querySelector('[role="tooltip"]')).toBeNull();
    act(() => march!.focus());
    act(() => march!.blur());
    expect(host.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('shows the tooltip on hover too', () => {
    const [, april] = mount();
    act(() => {
      april!.dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
    });
    expect(host.querySelector('[role="tooltip"]')?.textContent).toBe('Apr 2026\nTotal: ₹3.9 Cr');
  });

  it('groups the marks under the chart summary', () => {
    mount();
    const group = host.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('Revenue by month');
  });
});

describe('ChartFrame', () => {
  let host: HTMLDivElement;
  afterEach(() => host?.remove());

  it('draws its table on the first "View as table" and keeps it, hidden, when the chart returns', () => {
    host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() =>
      root.render(
        <ChartFrame
          title="Revenue by persona"
          takeaway="Loyal Spenders carry most of it."
          table={{
            columns: [
              { key: 'persona', label: 'Persona', format: 'text' },
              { key: 'revenue', label: 'Revenue', format: 'money' },
            ],
            rows: [{ persona: 'Loyal Spenders', revenue: 1200 }],
          }}
          currency="INR"
          downloadName="revenue"
        >
          <svg data-testid="chart" />
        </ChartFrame>,
      ),
    );
    const button = host.querySelector('button')!;
    expect(button.textContent).toBe('View as table');
    expect(host.querySelector('table')).toBeNull();

    act(() => button.click());
    expect(button.textContent).toBe('View as chart');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = host.querySelector(`[id="${button.getAttribute('aria-controls')}"]`)!;
    expect(panel.className).not.toContain('sr-only');
    expect([...panel.querySelectorAll('tbody td, tbody th')].map((c) => c.textContent)).toEqual([
      'Loyal Spenders',
      '₹1,200',
    ]);

    act(() => button.click());
    expect(button.textContent).toBe('View as table');
    expect(panel.className).toContain('sr-only');
    expect(panel.querySelector('table')).not.toBeNull();
    act(() => root.unmount());
  });
});
