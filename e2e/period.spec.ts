import { expect, test, type Page } from '@playwright/test';
import { formatCount, formatMoney, formatMoneyCompact, formatPct } from './expected-format';
import { readTable, trackErrors } from './support';

/**
 * The overview's period bar: every figure is worked out here from revenue_by_cluster.monthly with
 * plain loops (not the app's period code), and every control round-trips through the address.
 */
const revenue = readTable('revenue_by_cluster');
const currency = revenue.currency;
const months = revenue.monthly.map((m) => m.month);
const last = months[months.length - 1]!;
const CHANNEL_INDEX = { instore: 0, online: 1 } as const;

/** Totals over months [from, to] for one persona (or all) and one channel (or both). */
function totals(from: string, to: string, persona: number | null, channel: 'instore' | 'online' | null) {
  let revenueSum = 0;
  let orders = 0;
  for (const m of revenue.monthly) {
    if (m.month < from || m.month > to) continue;
    m.clusters.forEach((c, id) => {
      if (persona !== null && id !== persona) return;
      for (const ch of channel === null ? [0, 1] : [CHANNEL_INDEX[channel]]) {
        revenueSum += c.revenue[ch]!;
        orders += c.orders[ch]!;
      }
    });
  }
  return { revenue: revenueSum, orders };
}

const change = (now: number, before: number) => {
  const v = (now / before - 1) * 100;
  return `${v >= 0 ? '+' : '−'}${formatPct(Math.abs(v))}`;
};

async function open(page: Page, url = '/') {
  await page.goto(url, { timeout: 90_000 });
  await expect(page.getByTestId('period-panel')).toHaveAttribute('data-hydrated', 'true', {
    timeout: 60_000,
  });
}

const kpiValue = (page: Page, id: string) => page.getByTestId(`period-kpi-${id}`).locator('dd span').first();
const kpiDelta = (page: Page, id: string) => page.getByTestId(`period-kpi-${id}`).getByTestId('kpi-delta');

test.describe('period comparison', () => {
  test.describe.configure({ timeout: 120_000 });

  test('opens on the last twelve months against the twelve before, with deltas equal to the monthly table', async ({
    page,
  }) => {
    const errors = trackErrors(page);
    await open(page);
    // The data window covers whole months here, so the last twelve end on its last month.
    const from = months[months.length - 12]!;
    const prevFrom = months[months.length - 24]!;
    const prevTo = months[months.length - 13]!;
    const now = totals(from, last, null, null);
    const before = totals(prevFrom, prevTo, null, null);
    await expect(kpiValue(page, 'revenue')).toHaveText(formatMoneyCompact(now.revenue, currency));
    await expect(kpiDelta(page, 'revenue')).toContainText(change(now.revenue, before.revenue));
    await expect(kpiValue(page, 'orders')).toHaveText(formatCount(now.orders));
    await expect(kpiDelta(page, 'orders')).toContainText(change(now.orders, before.orders));
    await expect(kpiValue(page, 'spend-per-order')).toHaveText(
      formatMoney(now.revenue / now.orders, currency),
    );
    await expect(kpiDelta(page, 'spend-per-order')).toContainText(
      change(now.revenue / now.orders, before.revenue / before.orders),
    );
    // The trend answer says the same change in words, in rupees.
    await expect(page.getByTestId('answer-trend')).toContainText(
      `${formatMoneyCompact(now.revenue, currency)} in`,
    );
    await expect(page.getByTestId('answer-trend')).toContainText(
      `(${formatMoneyCompact(before.revenue, currency)})`,
    );
    expect(errors).toEqual([]);
  });

  test('each control round-trips through the address and survives a reload', async ({ page }) => {
    await open(page);
    const bar = page.getByTestId('period-bar');
    await bar.getByLabel('From').selectOption(months[months.length - 3]!);
    await bar.getByLabel('To').selectOption(last);
    await bar.getByLabel('Compare with').selectOption('last-year');
    await bar.getByLabel('Persona').selectOption('1');
    await bar.getByLabel('Channel').selectOption('online');
    await expect(page).toHaveURL(
      new RegExp(`from=${months[months.length - 3]}.*to=${last}.*vs=last-year.*persona=1.*channel=online`),
    );
    await page.reload();
    await expect(page.getByTestId('period-panel')).toHaveAttribute('data-hydrated', 'true', {
      timeout: 60_000,
    });
    await expect(bar.getByLabel('From')).toHaveValue(months[months.length - 3]!);
    await expect(bar.getByLabel('Compare with')).toHaveValue('last-year');
    await expect(bar.getByLabel('Persona')).toHaveValue('1');
    await expect(bar.getByLabel('Channel')).toHaveValue('online');

    // Persona 1, online, last three months against the same three a year earlier.
    const now = totals(months[months.length - 3]!, last, 1, 'online');
    const before = totals(months[months.length - 15]!, months[months.length - 13]!, 1, 'online');
    await expect(kpiValue(page, 'revenue')).toHaveText(formatMoneyCompact(now.revenue, currency));
    await expect(kpiDelta(page, 'revenue')).toContainText(change(now.revenue, before.revenue));
    await expect(kpiValue(page, 'orders')).toHaveText(formatCount(now.orders));
    const all = totals(months[months.length - 3]!, last, null, null);
    await expect(kpiValue(page, 'share')).toHaveText(formatPct((100 * now.revenue) / all.revenue));
    await expect(page.getByTestId('period-comparison')).toContainText(`${revenue.rows[1]!.persona}, online`);

    // Back to the defaults: the address is plain again.
    await bar.getByLabel('From').selectOption(months[months.length - 12]!);
    await bar.getByLabel('Compare with').selectOption('previous');
    await bar.getByLabel('Persona').selectOption('all');
    await bar.getByLabel('Channel').selectOption('all');
    await expect(page).toHaveURL(/\/$/);
  });

  test('the persona and channel carry to the next page through the navigation, and back', async ({
    page,
  }) => {
    await open(page, '/?persona=2&channel=instore');
    const revenueLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Customers' });
    await expect(revenueLink).toHaveAttribute('href', '/personas?persona=2&channel=instore');
    await revenueLink.click();
    await expect(page).toHaveURL(/\/personas\?persona=2&channel=instore$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(/\/\?persona=2&channel=instore$/);
    await expect(page.getByTestId('period-panel')).toHaveAttribute('data-hydrated', 'true', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('period-bar').getByLabel('Persona')).toHaveValue('2');
    await expect(page.getByTestId('period-comparison')).toContainText(
      `${revenue.rows[2]!.persona}, in store`,
    );
  });

  test('the explorer opens on the carried persona and channel, and keeps the period', async ({ page }) => {
    const master = readTable('customers_master');
    const col = (name: string) => (master.columns as readonly string[]).indexOf(name);
    const expected = master.rows.filter(
      (r) => r[col('cluster_id')] === 2 && r[col('preferred_channel')] === 'in-store',
    ).length;
    await page.goto(`/customers?persona=2&channel=instore&from=${months[months.length - 6]}`, {
      timeout: 90_000,
    });
    await expect(page.getByTestId('result-count')).toContainText(`Showing ${formatCount(expected)} of`, {
      timeout: 60_000,
    });
    // The address now names the persona as the explorer does, and still holds the period.
    const name = encodeURIComponent(revenue.rows[2]!.persona).replace(/%20/g, '\\+');
    await expect(page).toHaveURL(
      new RegExp(`persona=${name}.*channel=in-store.*from=${months[months.length - 6]}`),
    );
  });

  test('Revenue lists every persona over the carried period, with changes equal to the monthly table', async ({
    page,
  }) => {
    const from = months[months.length - 6]!;
    await page.goto(`/revenue?from=${from}&to=${last}&vs=last-year&channel=online`, { timeout: 90_000 });
    const panel = page.getByTestId('period-by-persona-revenue');
    await expect(panel).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
    await expect(panel.getByLabel('Persona', { exact: true })).toHaveCount(0);
    await expect(panel.getByLabel('Channel', { exact: true })).toHaveValue('online');
    const table = panel.getByRole('table');
    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    for (const [i, row] of revenue.rows.entries()) {
      const now = totals(from, last, i, 'online');
      const before = totals(months[months.length - 18]!, months[months.length - 13]!, i, 'online');
      const cells = (await table.locator('tbody tr').nth(i).locator('th, td').allTextContents()).map((t) =>
        t.trim(),
      );
      expect(cells[0]).toBe(row.persona);
      expect(cells[headers.indexOf('Revenue')]).toBe(formatMoney(now.revenue, currency));
      expect(cells[headers.indexOf('Revenue change')]).toBe(change(now.revenue, before.revenue));
      expect(cells[headers.indexOf('Orders')]).toBe(formatCount(now.orders));
    }
    // Within one channel there is no online share to show.
    expect(headers).not.toContain('Online share of revenue');
  });

  test('Channels splits every persona between the channels over the carried period', async ({ page }) => {
    const from = months[months.length - 3]!;
    await page.goto(`/channels?from=${from}&to=${last}&vs=last-year&channel=online`, { timeout: 90_000 });
    const panel = page.getByTestId('period-by-persona-channels');
    await expect(panel).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
    // Both channels are always shown here, so there is no channel to choose (the carried one stays in the address).
    await expect(panel.getByLabel('Channel', { exact: true })).toHaveCount(0);
    await expect(page).toHaveURL(/channel=online/);
    const table = panel.getByRole('table');
    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    for (const [i, row] of revenue.rows.entries()) {
      const store = totals(from, last, i, 'instore');
      const web = totals(from, last, i, 'online');
      const share = (100 * web.revenue) / (web.revenue + store.revenue);
      const storeBefore = totals(months[months.length - 15]!, months[months.length - 13]!, i, 'instore');
      const webBefore = totals(months[months.length - 15]!, months[months.length - 13]!, i, 'online');
      const shareBefore = (100 * webBefore.revenue) / (webBefore.revenue + storeBefore.revenue);
      const cells = (await table.locator('tbody tr').nth(i).locator('th, td').allTextContents()).map((t) =>
        t.trim(),
      );
      expect(cells[0]).toBe(row.persona);
      expect(cells[headers.indexOf('In-store revenue')]).toBe(formatMoney(store.revenue, currency));
      expect(cells[headers.indexOf('Online share of revenue')]).toBe(formatPct(share));
      const points = Math.round((share - shareBefore) * 10) / 10;
      expect(cells[headers.indexOf('Revenue share change')]).toBe(
        `${points > 0 ? '+' : points < 0 ? '−' : ''}${formatCount(Math.abs(points), 1)} pts`,
      );
    }
  });

  test('says so when the data holds no comparison period, and a stale link falls back', async ({ page }) => {
    // The first twelve months against a previous period the data does not hold.
    await open(page, `/?from=${months[0]}&to=${months[11]}`);
    await expect(page.getByTestId('answer-trend')).toContainText('so there is no');
    await expect(kpiDelta(page, 'revenue')).toHaveCount(0);
    // A month outside the data and a nonsense comparison: the defaults, no error.
    await open(page, '/?from=1999-01&compare=forever&persona=99');
    await expect(page.getByTestId('period-bar').getByLabel('From')).toHaveValue(months[months.length - 12]!);
    await expect(kpiDelta(page, 'revenue')).toBeVisible();
  });

  test('on a phone, the three answers start in the first screen and the bar folds to one line', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    const trend = (await page.getByTestId('answer-trend').boundingBox())!;
    expect(trend.y + trend.height).toBeLessThanOrEqual(844);
    await expect(page.getByTestId('period-bar').getByLabel('From')).toBeHidden();
    await page.getByTestId('period-bar').getByRole('button', { name: 'Change' }).click();
    await expect(page.getByTestId('period-bar').getByLabel('From')).toBeVisible();
  });
});
