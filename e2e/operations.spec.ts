import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { formatCount, formatMoney, formatPct } from './expected-format';
import {
  expectNoSeriousA11yViolations,
  readTable,
  screenshotBothWidths,
  showChartTables,
  trackErrors,
} from './support';

const expect = baseExpect.configure({ timeout: 30_000 });

const ops = readTable('operational_efficiency');
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const row = (c: number | null, ch: 'in-store' | 'online') =>
  ops.rows.find((r) => r.cluster_id === c && r.channel === ch)!;
const clusters = [...new Set(ops.rows.map((r) => r.cluster_id))].sort(
  (a, b) => (a ?? Infinity) - (b ?? Infinity),
);
const id = (c: number | null) => (c === null ? 'all' : String(c));

/** Orders per week per hour of day, summed over the given days, computed here from the JSON. */
function expectedLoad(days: number[]) {
  return Array.from({ length: 24 }, (_, hour) => {
    const cells = ops.hourly_load.filter((c) => c.hour === hour && days.includes(c.day_index));
    return {
      instore: cells.reduce((s, c) => s + c.instore_orders_per_week, 0),
      online: cells.reduce((s, c) => s + c.online_orders_per_week, 0),
    };
  });
}

async function open(page: Page, url = '/operations') {
  await page.goto(url, { timeout: 60_000 });
  await ready(page);
}

async function ready(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
}

function radio(page: Page, option: string): Locator {
  return page.locator('#load-view').getByRole('radio', { name: option, exact: true });
}

async function loadRows(page: Page): Promise<string[][]> {
  await showChartTables(page);
  const table = page.locator('#load-by-hour table');
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
}

function expectedRows(days: number[]): string[][] {
  return expectedLoad(days).map((p, h) => [
    `${hh(h)}–${hh(h + 1)}`,
    formatCount(p.instore, 2),
    formatCount(p.online, 2),
    p.instore > 0 ? formatCount((100 * p.online) / p.instore, 0) : '—',
  ]);
}

test.describe('operations page', () => {
  test.describe.configure({ timeout: 120_000 });

  test('renders with key figures from the JSON and no console errors', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    const store = row(null, 'in-store');
    const online = row(null, 'online');
    await expect(page.getByTestId('kpi-store-peak-orders')).toContainText(
      formatCount(store.orders_per_peak_hour, 1),
    );
    await expect(page.getByTestId('kpi-store-peak-orders')).toContainText(
      formatPct(store.peak_hour_order_share_pct),
    );
    await expect(page.getByTestId('kpi-online-peak-orders')).toContainText(
      formatCount(online.orders_per_peak_hour, 1),
    );
    await expect(page.getByTestId('kpi-dwell-per-item')).toContainText(
      `${formatCount(store.dwell_minutes_per_item, 2)} min`,
    );
    await expect(page.getByTestId('kpi-revenue-per-minute')).toContainText(
      formatMoney(store.revenue_per_dwell_minute, ops.currency),
    );
    expect(errors).toEqual([]);
  });

  test('per-persona figures equal the JSON', async ({ page }) => {
    await open(page);
    const bars = (testId: string) =>
      page
        .getByTestId(testId)
        .locator('[data-persona]')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.getAttribute('data-persona'),
            ...[...r.querySelectorAll('[data-series]')].map((s) => s.getAttribute('data-value')),
          ]),
        );
    expect(await bars('peak-bars')).toEqual(
      clusters.map((c) => [
        id(c),
        String(row(c, 'in-store').orders_per_peak_hour),
        String(row(c, 'online').orders_per_peak_hour),
      ]),
    );
    expect(await bars('ops-basket-bars')).toEqual(
      clusters.map((c) => [
        id(c),
        String(row(c, 'in-store').items_per_order),
        String(row(c, 'online').items_per_order),
      ]),
    );

    // The page-wide table: every persona × channel row, all customers last.
    const table = page.getByRole('table', { name: /Operational figures by persona and channel/ });
    await expect(table.locator('tbody tr')).toHaveCount(ops.rows.length);
    const texts = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
      );
    const want = clusters.flatMap((c) =>
      (['in-store', 'online'] as const).map((ch) => {
        const r = row(c, ch);
        return [
          r.persona,
          ch === 'in-store' ? 'In store' : 'Online',
          formatCount(r.orders),
          formatMoney(r.revenue, ops.currency),
          formatCount(r.items_per_order, 2),
          formatCount(r.orders_per_peak_hour, 2),
          formatPct(r.peak_hour_order_share_pct, 1),
          r.avg_dwell_minutes === null ? '—' : formatCount(r.avg_dwell_minutes, 2),
          r.dwell_minutes_per_item === null ? '—' : formatCount(r.dwell_minutes_per_item, 2),
          r.revenue_per_dwell_minute === null ? '—' : formatMoney(r.revenue_per_dwell_minute, ops.currency),
        ];
      }),
    );
    expect(texts).toEqual(want);

    // The fastest shoppers per item are named in the takeaway.
    const fastest = ops.rows
      .filter((r) => r.channel === 'in-store' && r.cluster_id !== null)
      .reduce((b, r) => (r.dwell_minutes_per_item! < b.dwell_minutes_per_item! ? r : b));
    await expect(page.locator('#dwell-per-item')).toContainText(
      `${fastest.persona} shop fastest, ${formatCount(fastest.dwell_minutes_per_item, 2)} minutes per item`,
    );
  });

  test('load by hour equals the JSON and its day switch round-trips through the URL', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    expect(await loadRows(page)).toEqual(expectedRows([0, 1, 2, 3, 4, 5, 6]));
    // 24 bars of store traffic in the chart, and the online peak named in the takeaway.
    await expect(page.locator('#load-by-hour rect[data-hour]')).toHaveCount(24);
    const all = expectedLoad([0, 1, 2, 3, 4, 5, 6]);
    const peak = all.reduce((b, p, h) => (p.online > all[b]!.online ? h : b), 0);
    await expect(page.locator('#load-by-hour')).toContainText(
      `Online orders peak at ${hh(peak)}–${hh(peak + 1)} (${formatCount(all[peak]!.online, 1)} a week)`,
    );

    await page
      .locator('#load-view label')
      .filter({ hasText: /^Sat–Sun$/ })
      .click();
    await expect(page).toHaveURL(/days=weekend/);
    await expect.poll(() => loadRows(page)).toEqual(expectedRows([5, 6]));
    await page.reload();
    await ready(page);
    await expect(radio(page, 'Sat–Sun')).toBeChecked();
    expect(await loadRows(page)).toEqual(expectedRows([5, 6]));

    await open(page, '/operations?days=weekdays');
    await expect(radio(page, 'Mon–Fri')).toBeChecked();
    expect(await loadRows(page)).toEqual(expectedRows([0, 1, 2, 3, 4]));

    await open(page, '/operations?days=bogus');
    await expect(radio(page, 'All week')).toBeChecked();
    expect(errors).toEqual([]);
  });

  test('no serious accessibility violations', async ({ page }) => {
    await open(page);
    await expectNoSeriousA11yViolations(page);
    await open(page, '/operations?days=weekend');
    await expectNoSeriousA11yViolations(page);
  });

  test('screenshots at 1440 and 390 px, no page-level sideways scroll', async ({ page }) => {
    test.setTimeout(180_000);
    const errors = trackErrors(page);
    await screenshotBothWidths(page, '/operations', 'operations');
    expect(errors.filter((e) => !e.includes('caret-color'))).toEqual([]);
  });
});
