import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ManifestSchema } from '@/lib/schema/manifest';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { formatCount, formatMoney, formatMoneyCompact, formatPct, formatRatio } from './expected-format';
import {
  expectNoSeriousA11yViolations,
  readTable,
  screenshotBothWidths,
  showChartTables,
  trackErrors,
} from './support';

// The first request compiles the page on a dev server; give assertions room on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

const rev = readTable('revenue_by_cluster');
const clv = readTable('clv_proxy');
const manifest = ManifestSchema.parse(
  JSON.parse(readFileSync(path.join(process.cwd(), 'public', 'data', 'manifest.json'), 'utf8')),
);
const currency = manifest.config.currency;

/** Quadrants computed here from the JSON, independently of the page's code. */
function expectedQuadrants() {
  const avgValue = rev.total.revenue_per_customer;
  const avgRisk = rev.total.avg_churn_risk;
  const of = (r: (typeof rev.rows)[number]) =>
    r.revenue_per_customer > avgValue
      ? r.avg_churn_risk > avgRisk
        ? 'protect'
        : 'reward'
      : r.avg_churn_risk > avgRisk
        ? 'reactivate'
        : 'grow';
  const byQuadrant: Record<string, string[]> = { protect: [], reward: [], reactivate: [], grow: [] };
  for (const r of rev.rows) byQuadrant[of(r)]!.push(r.persona);
  return byQuadrant;
}

/** Cells of one body row of a table, by its row header, as text. */
async function rowCells(table: Locator, rowHeader: string): Promise<string[]> {
  const row = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: rowHeader, exact: true }) });
  await expect(row).toHaveCount(1);
  // textContent, not innerText: sections off screen are not laid out (content-visibility), and
  // innerText reads nothing there.
  return (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
}

/** Column labels of a table, as rendered (upper-cased by CSS, so compare case-insensitively). */
async function headers(table: Locator): Promise<string[]> {
  return (await table.locator('thead th').allTextContents()).map((t) => t.trim());
}

/** Hydration is slow on a busy dev server (the first request also compiles the page). */
const URL_TIMEOUT = { timeout: 60_000 };

async function open(page: Page, url = '/revenue') {
  await page.goto(url, { timeout: 60_000 });
  await ready(page);
}

/** The charts are drawn on the server as SVG; the page is live once the view switches have hydrated. */
async function ready(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#monthly-revenue-chart svg').first()).toBeAttached(URL_TIMEOUT);
  await expect(page.locator('#value-risk-chart svg').first()).toBeAttached(URL_TIMEOUT);
}

/** Picks an option of a segmented control the way a person does: by its visible label. */
async function choose(page: Page, option: string) {
  await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
  await expect(page.getByRole('radio', { name: option })).toBeChecked(URL_TIMEOUT);
}

test.describe('revenue & CLV page', () => {
  // Generous: on a dev server the first request compiles the page and hydration can take a while.
  test.describe.configure({ timeout: 120_000 });

  test('renders every chart with a takeaway and no console errors', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Where the revenue comes from, and where it is at risk',
    );
    for (const title of [
      'Revenue by persona',
      'Revenue share against customer share',
      'Value against risk',
      'Customer lifetime value (proxy) by persona',
      'Monthly revenue by persona',
    ]) {
      await expect(page.getByRole('heading', { level: 3, name: title, exact: true })).toBeVisible();
    }
    // Six charts (with predicted CLV), six table equivalents, six downloads.
    await expect(page.getByRole('button', { name: 'View as table' })).toHaveCount(6);
    await expect(page.getByRole('button', { name: 'Download CSV' })).toHaveCount(6);
    await expect(page.getByTestId('kpi-revenue')).toContainText(formatCount(rev.total.customers));
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  test('predicted value: active customers, revenue and its interval, and the rank correlation equal the tables', async ({
    page,
  }) => {
    const value = readTable('value_model');
    const currency = value.currency;
    await open(page);
    const t = value.total;
    await expect(page.getByTestId('kpi-active-customers')).toContainText(formatCount(t.active_customers));
    await expect(page.getByTestId('kpi-predicted-revenue')).toContainText(
      formatMoneyCompact(t.predicted_revenue, currency),
    );
    // The forecast leaves out customers not yet won, and says so where the number stands.
    await expect(page.getByTestId('kpi-predicted-revenue')).toContainText('existing customers only');
    await expect(page.locator('#predicted-title')).toContainText('existing customers only');
    await expect(page.getByTestId('kpi-predicted-revenue')).toContainText(
      `${formatMoneyCompact(t.predicted_revenue_p10, currency)}–${formatMoneyCompact(t.predicted_revenue_p90, currency)}`,
    );
    await expect(page.getByTestId('kpi-proxy-rank-correlation')).toContainText(
      formatCount(clv.predicted_clv_spearman, 2),
    );
    // One row per persona beside its CLV proxy; active customers never exceed customers.
    const table = page.getByRole('table', { name: /Predicted value by persona/ });
    for (const p of value.personas) {
      expect(p.active_customers!).toBeLessThanOrEqual(p.customers);
      const row = table.getByRole('row').filter({ hasText: p.persona });
      await expect(row).toContainText(formatCount(p.active_customers, 0));
      await expect(row).toContainText(formatMoney(p.predicted_revenue, currency));
    }
    await expect(page.locator('#predicted-clv-chart')).toContainText('Predicted CLV per customer');
    await expect(page.locator('#predicted')).not.toContainText('NaN');
  });

  test('revenue and shares in the tables equal the JSON', async ({ page }) => {
    await open(page);
    const summary = page.getByRole('table', { name: /^Revenue by persona, / });
    expect((await headers(summary)).map((h) => h.toLowerCase())).toEqual([
      'persona',
      'customers',
      'customer share',
      'net revenue',
      'revenue share',
      'revenue / customer',
      'avg order value (per order)',
    ]);
    for (const r of [...rev.rows, rev.total]) {
      expect(await rowCells(summary, r.persona)).toEqual([
        formatCount(r.customers),
        formatPct(r.customer_share_pct, 2),
        formatMoney(r.revenue, currency),
        formatPct(r.revenue_share_pct, 2),
        formatMoney(r.revenue_per_customer, currency),
        formatMoney(r.avg_order_value, currency),
      ]);
    }
    // Rows sum to the total (the JSON is internally consistent and the page shows all of it).
    expect(rev.rows.reduce((s, r) => s + r.revenue, 0)).toBeCloseTo(rev.total.revenue, 0);

    // The share chart's table: customer share, revenue share and index per persona.
    await showChartTables(page);
    const shares = page.getByRole('table', { name: 'Revenue share against customer share: data' });
    for (const r of rev.rows) {
      expect(await rowCells(shares, r.persona)).toEqual([
        formatPct(r.customer_share_pct, 2),
        formatPct(r.revenue_share_pct, 2),
        formatRatio(r.revenue_index, 2),
      ]);
    }
    // The takeaway names the most over- and under-represented personas.
    const byIndex = [...rev.rows].sort((a, b) => b.revenue_index - a.revenue_index);
    const takeaway = page.locator('#revenue-share-chart p').first();
    await expect(takeaway).toContainText(`Most over-represented: ${byIndex[0]!.persona}`);
    await expect(takeaway).toContainText(`Most under-represented: ${byIndex[byIndex.length - 1]!.persona}`);
    await expect(takeaway).toContainText(formatRatio(byIndex[0]!.revenue_index));

    // Monthly revenue table: every month and persona.
    const monthly = page.getByRole('table', { name: 'Monthly revenue by persona: data' });
    await expect(monthly.locator('tbody tr')).toHaveCount(rev.monthly.length);
    const last = rev.monthly[rev.monthly.length - 1]!;
    const lastCells = (await monthly.locator('tbody tr').last().locator('td').allTextContents()).map((t) =>
      t.trim(),
    );
    // Each persona's month is its in-store plus online revenue.
    const lastRevenue = last.clusters.map((c) => c.revenue[0] + c.revenue[1]);
    expect(lastCells).toEqual([
      ...lastRevenue.map((v) => formatMoney(v, currency)),
      formatMoney(
        lastRevenue.reduce((s, v) => s + v, 0),
        currency,
      ),
    ]);
  });

  test('histogram table values equal the clv_proxy shares, on one shared scale', async ({ page }) => {
    await open(page);
    await expect(page.getByTestId('clv-view')).toHaveAttribute('data-view', 'histogram');
    await expect(page.getByTestId('clv-panel')).toHaveCount(clv.distributions.length + 1);
    await showChartTables(page);
    const table = page.getByRole('table', { name: 'Customer lifetime value (proxy) by persona: data' });
    const groups = [...clv.distributions, clv.overall];
    expect((await headers(table)).slice(1)).toEqual(groups.map((g) => g.persona));
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(clv.bin_edges.length - 1);
    for (let i = 0; i < clv.bin_edges.length - 1; i++) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
      expect(cells).toEqual(groups.map((g) => formatPct(g.shares_pct[i], 2)));
    }
    // One y scale: every panel shows the same top tick.
    const top = `${Math.ceil(Math.max(...groups.flatMap((g) => g.shares_pct)) / 10) * 10}%`;
    for (const panel of await page.getByTestId('clv-panel').all()) {
      await expect(panel.locator('[data-axis="y"] [data-testid="y-tick"]').last()).toHaveText(top);
    }
  });

  test('the value–risk quadrant marks the persona(s) the JSON puts in each quadrant', async ({ page }) => {
    await open(page);
    const expected = expectedQuadrants();
    for (const id of ['protect', 'reward', 'reactivate', 'grow']) {
      const members = page.getByTestId(`quadrant-${id}-members`);
      if (expected[id]!.length === 0) await expect(members).toHaveText('No persona');
      else for (const persona of expected[id]!) await expect(members).toContainText(persona);
      const text = (await members.textContent()) ?? '';
      for (const other of rev.rows.filter((r) => !expected[id]!.includes(r.persona))) {
        expect(text.split(', ')).not.toContain(other.persona);
      }
    }
    await showChartTables(page);
    const table = page.getByRole('table', { name: 'Value against risk: data' });
    for (const r of rev.rows) {
      const cells = await rowCells(table, r.persona);
      expect(cells[0]).toBe(formatMoney(r.revenue_per_customer, currency));
      expect(cells[4]).toContain(expected.protect!.includes(r.persona) ? 'high risk — protect' : '');
    }
    const takeaway = page.locator('#value-risk-chart p').first();
    if (expected.protect!.length > 0) {
      for (const persona of expected.protect!) await expect(takeaway).toContainText(persona);
    } else {
      await expect(takeaway).toContainText('No persona is both above-average value and above-average risk');
    }
    // Bubbles: one per persona, in the quadrant the JSON puts it, over at most 600 faint customer dots.
    // One drawing for every width (no phone duplicate).
    const wide = page.locator('#value-risk-chart');
    await expect(wide.getByTestId('persona-bubble')).toHaveCount(rev.rows.length);
    for (const id of ['protect', 'reward', 'reactivate', 'grow']) {
      for (const persona of expected[id]!) {
        await expect(
          wide.locator(`[data-testid="persona-bubble"][data-persona="${persona}"]`),
        ).toHaveAttribute('data-quadrant', id);
      }
    }
    // Each dot is one "M x y" move in its persona's path.
    const paths = await wide
      .locator('[data-testid="customer-dots"] path')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
    const dots = paths.reduce((n, d) => n + (d.match(/M/g) ?? []).length, 0);
    expect(dots).toBeGreaterThan(0);
    expect(dots).toBeLessThanOrEqual(600);
  });

  test('view settings live in the URL and survive a reload', async ({ page }) => {
    test.setTimeout(300_000);
    await open(page);
    await page.getByTestId('clv-view').scrollIntoViewIfNeeded();
    await choose(page, 'Box plots');
    await expect(page).toHaveURL(/[?&]clv=box/, URL_TIMEOUT);
    await expect(page.getByTestId('clv-view')).toHaveAttribute('data-view', 'box');
    await choose(page, 'Lines');
    await expect(page).toHaveURL(/[?&]trend=lines/, URL_TIMEOUT);

    await page.reload();
    await ready(page);
    await expect(page.getByTestId('clv-view')).toHaveAttribute('data-view', 'box');
    await expect(page.getByRole('radio', { name: 'Box plots' })).toBeChecked();
    await expect(page.getByTestId('trend-view')).toHaveAttribute('data-view', 'lines');
    await expect(page.getByRole('radio', { name: 'Lines' })).toBeChecked();

    // In the box view, the table holds the quantiles from the JSON.
    await showChartTables(page);
    const table = page.getByRole('table', { name: 'Customer lifetime value (proxy) by persona: data' });
    for (const d of [...clv.distributions, clv.overall]) {
      const cells = await rowCells(table, d.persona);
      expect(cells).toEqual([
        formatCount(d.customers),
        ...(['p10', 'p25', 'p50', 'p75', 'p90', 'mean'] as const).map((k) => formatCount(d.quantiles[k], 2)),
      ]);
    }
    await expect(page.getByTestId('clv-box')).toHaveCount(clv.distributions.length + 1);

    // Back to the default: the parameter leaves the URL.
    await choose(page, 'Histograms');
    await expect(page).not.toHaveURL(/clv=/, URL_TIMEOUT);
    // A stale value falls back to the default view.
    await open(page, '/revenue?clv=pie');
    await expect(page.getByTestId('clv-view')).toHaveAttribute('data-view', 'histogram');
  });

  test('keyboard: the view switch and the table toggle work without a mouse', async ({ page }) => {
    await open(page);
    const radio = page.getByRole('radio', { name: 'Histograms' });
    await radio.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/[?&]clv=box/, URL_TIMEOUT);
    const toggle = page.locator('#value-risk-chart').getByRole('button', { name: 'View as table' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#value-risk-chart').getByRole('table')).toBeVisible();
  });

  test('no serious or critical accessibility violations, in both CLV views', async ({ page }) => {
    await open(page);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page);
    await open(page, '/revenue?clv=box&trend=lines');
    await expect(page.getByTestId('clv-view')).toHaveAttribute('data-view', 'box');
    await expectNoSeriousA11yViolations(page);
  });

  test('screenshots at 1440 and 390 px without sideways scroll', async ({ page }) => {
    test.setTimeout(300_000);
    await open(page);
    await screenshotBothWidths(page, '/revenue', 'revenue');
    // The other views, at both widths.
    for (const [width, query, name] of [
      [1440, '', 'revenue-1440'],
      [390, '', 'revenue-390'],
      [1440, '?clv=box&trend=lines', 'revenue-box-lines-1440'],
      [390, '?clv=box&trend=lines', 'revenue-box-lines-390'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await open(page, `/revenue${query}`);
      await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
    }
  });
});
