import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ManifestSchema } from '@/lib/schema/manifest';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatCount, formatMoney, formatMoneyCompact, formatPct, formatRatio } from './expected-format';
import {
  expectNoSeriousA11yViolations,
  readTable,
  screenshotBothWidths,
  showChartTables,
  trackErrors,
} from './support';

const manifest = ManifestSchema.parse(
  JSON.parse(readFileSync(path.join(process.cwd(), 'public', 'data', 'manifest.json'), 'utf8')),
);
const currency = manifest.config.currency;
const behaviour = readTable('behaviour_overview');
const revenue = readTable('revenue_by_cluster');
const clv = readTable('clv_proxy');
const segmentation = readTable('segmentation');
const nameOf = new Map(segmentation.personas.map((p) => [p.cluster_id, p.persona]));
const personaName = (clusterId: number) => nameOf.get(clusterId) ?? `cluster ${clusterId}`;
const score = (v: number | null) => formatCount(v, 1);

/** First navigation compiles the page on a dev server: be generous. */
async function open(page: Page, url = '/') {
  await page.goto(url, { timeout: 90_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
}

/** The cells of the table row whose row header is `name`, as text. */
async function rowCells(table: Locator, name: string): Promise<string[]> {
  const row = table.locator('tbody tr').filter({ has: table.page().locator(`th:text-is("${name}")`) });
  await expect(row).toHaveCount(1);
  return (await row.locator('th, td').allTextContents()).map((t) => t.trim());
}

test.describe('overview page', () => {
  // A dev server compiles on first request and is slow under load; a production build is fast.
  test.describe.configure({ timeout: 120_000 });

  test('KPIs equal the JSON totals, headlines cite the data, no console errors', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    const total = behaviour.total;
    const expected: Record<string, string> = {
      revenue: formatMoneyCompact(revenue.total.revenue, currency),
      customers: formatCount(total.customers),
      'spend-per-visit': formatMoney(total.avg_spend_per_visit, currency),
      dwell: `${formatCount(total.avg_dwell_minutes, 1)} min`,
      'online-share': formatPct(total.online_order_share_pct),
      repeat: formatPct(total.repeat_purchase_ratio_pct),
      clv: formatCount(total.avg_clv_proxy, 1),
    };
    for (const [id, value] of Object.entries(expected)) {
      await expect(page.getByTestId(`kpi-${id}`).locator('dd').first(), `KPI ${id}`).toHaveText(value);
    }
    await expect(page.getByTestId('kpi-revenue')).toContainText(formatMoney(revenue.total.revenue, currency));
    // The two totals agree, so the KPI is right whichever table it is read from.
    expect(revenue.total.revenue).toBeCloseTo(total.revenue, 2);

    const headlines = page.getByTestId('headline');
    const count = await headlines.count();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(5);
    for (const text of await headlines.allTextContents()) expect(text).toMatch(/\d/);

    // The revenue-per-customer leader and the most-at-risk persona, worked out here from the JSON.
    const leader = [...revenue.rows].sort((a, b) => b.revenue_index - a.revenue_index)[0]!;
    const leaderHeadline = page.locator('[data-headline="value-per-customer"]');
    await expect(leaderHeadline).toContainText(personaName(leader.cluster_id));
    await expect(leaderHeadline).toContainText(formatRatio(leader.revenue_index));
    await expect(leaderHeadline).toContainText(formatMoney(leader.revenue_per_customer, currency));
    await expect(leaderHeadline.getByRole('link', { name: personaName(leader.cluster_id) })).toHaveAttribute(
      'href',
      `/personas/${leader.cluster_id}`,
    );
    const risky = [...behaviour.personas].sort((a, b) => b.avg_churn_risk - a.avg_churn_risk)[0]!;
    const riskHeadline = page.locator('[data-headline="most-at-risk"]');
    await expect(riskHeadline).toContainText(personaName(risky.cluster_id));
    await expect(riskHeadline).toContainText(`${score(risky.avg_churn_risk)} of 100`);
    const riskyRevenue = revenue.rows.find((r) => r.cluster_id === risky.cluster_id)!;
    await expect(riskHeadline).toContainText(formatPct(riskyRevenue.revenue_share_pct));

    // Every persona links to its page.
    for (const p of behaviour.personas) {
      await expect(
        page
          .getByTestId('persona-key')
          .getByRole('link', { name: new RegExp(`^${personaName(p.cluster_id)}`) }),
      ).toHaveAttribute('href', `/personas/${p.cluster_id}`);
    }

    // Bubble chart: one labelled bubble per persona, sized by customers.
    const wide = page.locator('#chart-bubble [data-bubble-chart]');
    await expect(wide).toBeVisible();
    for (const p of behaviour.personas) {
      await expect(
        wide.locator('.bubble-labels text').filter({ hasText: personaName(p.cluster_id) }),
      ).toHaveCount(1);
    }
    const sized: Array<[customers: number, radius: number]> = [];
    for (const p of behaviour.personas) {
      const r = await wide.locator(`circle[data-persona="${p.cluster_id}"]`).getAttribute('r');
      sized.push([p.customers, Number(r)]);
    }
    // More customers, bigger bubble (area ∝ customers).
    const bySize = sized.sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    expect(bySize).toEqual([...bySize].sort((a, b) => a - b));
    await expect(wide.getByText(/^Average loyalty score, 0–100/)).toBeVisible();
    await expect(wide.getByText(/^Average churn risk, 0–100/)).toBeVisible();
    // Every bubble takes focus and shows its figures in a tooltip.
    await wide.locator('circle[data-persona]').first().focus();
    await expect(wide.getByRole('tooltip')).toContainText(/Loyalty .*churn risk/);

    expect(errors).toEqual([]);
  });

  test("the demographic table's total row equals behaviour_overview.total", async ({ page }) => {
    await open(page);
    const table = page.getByRole('table', { name: /^Demographics by persona/ });
    const total = behaviour.total;
    const last = table.locator('tbody tr').last();
    const cells = (await last.locator('th, td').allTextContents()).map((t) => t.trim());
    expect(cells).toEqual([
      'All customers',
      formatCount(total.customers),
      formatCount(total.avg_age, 1),
      ...Object.values(total.gender_split_pct).map((v) => formatPct(v)),
      ...Object.values(total.locale_split_pct).map((v) => formatPct(v)),
    ]);
    await expect(table.locator('tbody tr')).toHaveCount(behaviour.personas.length + 1);
    for (const p of behaviour.personas) {
      const row = await rowCells(table, personaName(p.cluster_id));
      expect(row.slice(1, 3)).toEqual([formatCount(p.customers), formatCount(p.avg_age, 1)]);
      expect(row[3]).toBe(formatPct(p.gender_split_pct[Object.keys(total.gender_split_pct)[0]!]));
      expect(row.at(-1)).toBe(formatPct(p.locale_split_pct[Object.keys(total.locale_split_pct).at(-1)!]));
    }
  });

  test('chart tables carry the JSON values', async ({ page }) => {
    await open(page);
    await showChartTables(page);
    const composition = page.getByRole('table', { name: 'Revenue share against customer share: data' });
    for (const r of revenue.rows) {
      expect(await rowCells(composition, personaName(r.cluster_id))).toEqual([
        personaName(r.cluster_id),
        formatCount(r.customers),
        formatPct(r.customer_share_pct),
        formatMoney(r.revenue, currency),
        formatPct(r.revenue_share_pct),
        formatRatio(r.revenue_index),
        formatMoney(r.revenue_per_customer, currency),
      ]);
    }
    // The drawn segments match too.
    for (const r of revenue.rows) {
      const width = await page
        .locator(`#chart-composition [data-segment="${r.cluster_id}"]`)
        .nth(1)
        .evaluate((el) => (el as HTMLElement).style.width);
      expect(width).toBe(`${r.revenue_share_pct}%`);
    }

    const clvTable = page.getByRole('table', { name: 'CLV proxy by persona: data' });
    for (const d of clv.distributions) {
      const cells = await rowCells(clvTable, personaName(d.cluster_id!));
      expect(cells[2]).toBe(score(d.quantiles.mean));
      expect(cells[5]).toBe(score(d.quantiles.p50));
      expect(cells[7]).toBe(score(d.quantiles.p90));
    }

    const bubble = page.getByRole('table', { name: 'Loyalty against churn risk: data' });
    for (const p of behaviour.personas) {
      const cells = await rowCells(bubble, personaName(p.cluster_id));
      expect(cells.slice(1, 4)).toEqual([
        formatCount(p.customers),
        score(p.avg_loyalty_score),
        score(p.avg_churn_risk),
      ]);
    }

    const channel = page.getByRole('table', { name: 'Online against in-store orders: data' });
    for (const p of behaviour.personas) {
      const cells = await rowCells(channel, personaName(p.cluster_id));
      expect(cells[1]).toBe(formatPct(p.online_order_share_pct));
      expect(cells[3]).toBe(formatPct(p.online_revenue_share_pct));
    }

    const visits = page.getByRole('table', { name: 'Dwell time and basket size: data' });
    for (const p of behaviour.personas) {
      const cells = await rowCells(visits, personaName(p.cluster_id));
      expect(cells.slice(1, 3)).toEqual([
        formatCount(p.avg_dwell_minutes, 2),
        formatCount(p.avg_basket_size, 2),
      ]);
    }
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    await open(page);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page);
  });

  test('keyboard: Tab reaches "View as table" and Enter shows the table', async ({ page }) => {
    await open(page);
    await page.waitForLoadState('networkidle');
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'View as table');
    }
    expect(reached, 'Tab never reached a "View as table" button').toBe(true);
    const button = page.locator(':focus');
    const tableId = await button.getAttribute('aria-controls');
    const panel = page.locator(`[id="${tableId}"]`);
    // The table is drawn when asked for, not hidden in the page beforehand.
    await expect(panel.locator('table')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(button).toHaveText('View as chart');
    const box = await panel.locator('table').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(100);
  });

  test('prints as a one-page A4 summary', async ({ page }) => {
    // The printable width of A4 with 10 mm side margins (190 mm at 96 dpi), as the print layout sees it.
    await page.setViewportSize({ width: 718, height: 1054 });
    await open(page);
    await page.waitForLoadState('networkidle');
    await page.emulateMedia({ media: 'print' });

    // The summary shows KPIs, headlines and the key charts; navigation and buttons are gone.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'View as table' }).first()).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print one-page summary' })).toBeHidden();
    await expect(page.getByTestId('kpi-revenue')).toBeVisible();
    // "Compared with when" is printed: the period's KPIs with their deltas, not the bar's controls.
    await expect(page.getByTestId('period-bar')).toBeHidden();
    await expect(page.getByTestId('period-comparison')).toContainText('changes against');
    await expect(page.getByTestId('period-kpi-revenue').getByTestId('kpi-delta')).toBeVisible();
    await expect(page.getByTestId('headline').first()).toBeVisible();
    await expect(page.locator('#chart-composition')).toBeVisible();
    await expect(page.locator('#chart-bubble [data-bubble-chart]')).toBeVisible();
    await expect(page.locator('#chart-bubble [data-bubble-chart] circle[data-persona]')).toHaveCount(
      behaviour.personas.length,
    );
    await page.screenshot({ path: path.join('test-results', 'overview-print.png'), fullPage: true });
    const printHeight = await page.evaluate(
      () => document.querySelector('main')!.getBoundingClientRect().bottom,
    );
    // A4 page area with the 8 mm top and bottom margins: 281 mm ≈ 1062 px.
    expect(printHeight, 'printed content height, px').toBeLessThanOrEqual(1062);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join('test-results', 'overview-print.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length, 'the printed overview should be exactly one page').toBe(1);
    // A4 portrait: 595 × 842 pt.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(595, 0);
    expect(Number(box?.[2])).toBeCloseTo(842, 0);
  });

  test('looks right at 1440 and 390 px', async ({ page }) => {
    await open(page);
    await screenshotBothWidths(page, '/', 'overview');
    // screenshotBothWidths ends at 390 px: the one bubble chart is drawn there too, every bubble inside it.
    const chart = page.locator('#chart-bubble [data-bubble-chart]');
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    for (const c of await chart.locator('circle[data-persona]').all()) {
      const b = (await c.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
  });
});
