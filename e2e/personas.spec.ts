import { expect, test, type Page } from '@playwright/test';
import { formatCount, formatMoneyCompact } from './expected-format';
import {
  countFormat,
  expectNoSeriousA11yViolations,
  readTable,
  screenshotBothWidths,
  trackErrors,
} from './support';

const segmentation = readTable('segmentation');
const revenue = readTable('revenue_by_cluster');
const behaviour = readTable('behaviour_overview');
const personas = segmentation.personas;

const pct1 = (v: number) => `${v.toFixed(1)}%`;
const revenueRow = (clusterId: number) => revenue.rows.find((r) => r.cluster_id === clusterId)!;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The first visit to a page compiles it on a dev server: allow for it.
test.describe.configure({ timeout: 120_000 });

async function open(page: Page, url: string) {
  await page.goto(url, { timeout: 90_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The comparison once it is bound to the URL (hydrated), so its controls respond. */
async function openCompare(page: Page, url: string) {
  await open(page, url);
  await expect(page.locator('[data-testid="persona-compare"][data-live]')).toBeVisible({ timeout: 60_000 });
}

test.describe('personas overview', () => {
  test('each card gives the expected active customers and predicted revenue of value_model', async ({
    page,
  }) => {
    const value = readTable('value_model');
    await open(page, '/personas');
    for (const p of value.personas) {
      const card = page.locator(`[data-testid="persona-card"][data-cluster-id="${p.cluster_id}"]`);
      await expect(card.getByTestId('card-active')).toHaveText(
        `${formatCount(p.active_customers)} still active`,
      );
      await expect(card.getByTestId('card-predicted-revenue')).toContainText(
        formatMoneyCompact(p.predicted_revenue, value.currency),
      );
    }
    await open(page, `/personas/${value.personas[0]!.cluster_id}`);
    await expect(page.getByTestId('kpi-active')).toContainText(
      formatCount(value.personas[0]!.active_customers),
    );
  });

  test('shows one card per persona with its name, customers, revenue share, traits and CRM plays', async ({
    page,
  }) => {
    const errors = trackErrors(page);
    await open(page, '/personas');

    await expect(page.getByTestId('persona-card')).toHaveCount(personas.length);
    for (const p of personas) {
      const rev = revenueRow(p.cluster_id);
      const beh = behaviour.personas.find((b) => b.cluster_id === p.cluster_id)!;
      const card = page.locator(`[data-testid="persona-card"][data-cluster-id="${p.cluster_id}"]`);
      await expect(card.getByRole('heading', { level: 2 })).toHaveText(p.persona);
      await expect(card.getByTestId('card-customers-value')).toHaveText(countFormat.format(p.customers));
      await expect(card.getByTestId('card-customers')).toContainText(
        `${pct1(rev.customer_share_pct)} of all`,
      );
      await expect(card.getByTestId('card-revenue-share-value')).toHaveText(pct1(rev.revenue_share_pct));
      await expect(card.getByTestId('card-clv-value')).toHaveText(rev.avg_clv_proxy.toFixed(1));
      await expect(card.getByTestId('card-churn-value')).toHaveText(rev.avg_churn_risk.toFixed(0));
      await expect(card.getByTestId('channel-mix')).toContainText(
        `${pct1(beh.online_order_share_pct)} online`,
      );
      await expect(card.getByTestId('channel-mix')).toContainText(
        `${pct1(100 - beh.online_order_share_pct)} in store`,
      );
      await expect(card).toContainText(p.description);

      const plays = card.getByTestId('persona-crm-plays').locator('li');
      await expect(plays).toHaveCount(p.crm_plays.length);
      for (const [i, play] of p.crm_plays.entries()) await expect(plays.nth(i)).toContainText(play);

      const traits = await card.getByTestId('persona-traits').locator('li').count();
      expect(traits).toBeGreaterThanOrEqual(Math.min(3, p.profile.length));
      expect(traits).toBeLessThanOrEqual(5);
      for (const intent of p.top_intents.slice(0, 3)) {
        await expect(card.getByTestId('persona-intents')).toContainText(intent);
      }
    }
    expect(errors).toEqual([]);
  });

  test('a click anywhere on a card opens that persona', async ({ page }) => {
    const target = personas[Math.min(2, personas.length - 1)]!;
    await open(page, '/personas');
    const card = page.locator(`[data-testid="persona-card"][data-cluster-id="${target.cluster_id}"]`);
    // The middle of the card is its description and figures, not the link text: the card is the target.
    await card.click();
    await expect(page).toHaveURL(new RegExp(`/personas/${target.cluster_id}/?$`), { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.persona);
  });

  test('has no serious accessibility violations', async ({ page }) => {
    await open(page, '/personas');
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('persona page', () => {
  const persona = personas[1] ?? personas[0]!;
  const url = `/personas/${persona.cluster_id}`;

  test('shows the figures of the JSON', async ({ page }) => {
    const errors = trackErrors(page);
    const rev = revenueRow(persona.cluster_id);
    await open(page, url);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(persona.persona);
    // The lede is the description's first sentence; its figures are the tiles below, not repeated.
    const sentence = persona.description.slice(0, persona.description.indexOf('. ') + 1);
    await expect(page.getByTestId('persona-lede')).toHaveText(sentence);
    // The tiles lead with the forecast.
    await expect(page.locator('[aria-label="Key figures"] [data-testid^="kpi-"]').first()).toHaveAttribute(
      'data-testid',
      'kpi-predicted-revenue',
    );
    await expect(page.getByTestId('kpi-customers').locator('dd').first()).toHaveText(
      countFormat.format(persona.customers),
    );
    await expect(page.getByTestId('kpi-revenue-share').locator('dd').first()).toHaveText(
      pct1(rev.revenue_share_pct),
    );
    await expect(page.getByTestId('kpi-clv').locator('dd').first()).toHaveText(rev.avg_clv_proxy.toFixed(1));
    await expect(page.getByTestId('kpi-churn').locator('dd').first()).toHaveText(
      rev.avg_churn_risk.toFixed(0),
    );
    for (const play of persona.crm_plays)
      await expect(page.getByTestId('persona-crm-plays')).toContainText(play);

    // Full profile: one row per metric, the ratio as in the JSON.
    const profile = page.getByRole('table', { name: `Profile of ${persona.persona} against all customers` });
    await expect(profile.locator('tbody tr')).toHaveCount(persona.profile.length);
    for (const t of persona.profile) {
      const row = profile
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: t.label, exact: true }) });
      await expect(row.getByRole('cell').nth(2)).toHaveText(
        t.ratio === null ? '—' : `${t.ratio.toFixed(2)}×`,
      );
    }
    expect(errors).toEqual([]);
  });

  test('draws each distribution on the same bins for the persona and everyone, from customers_master', async ({
    page,
  }) => {
    const master = readTable('customers_master');
    // Column positions from the file's own header.
    const columns = master.columns as readonly string[];
    const cluster = columns.indexOf('cluster_id');
    const churn = columns.indexOf('churn_risk');
    const mine = master.rows.filter((r) => r[cluster] === persona.cluster_id).map((r) => r[churn] as number);
    const share = (values: number[], lo: number, hi: number) =>
      (100 * values.filter((v) => v >= lo && (v < hi || (hi === 100 && v <= 100))).length) / values.length;
    const everyone = master.rows.map((r) => r[churn] as number);

    await open(page, url);
    const frames = page.locator('#distributions figure');
    await expect(frames).toHaveCount(7);
    for (const title of [
      'CLV proxy',
      'Orders per month',
      'Average order value',
      'Churn risk',
      'Engagement index',
    ]) {
      await expect(frames.getByRole('heading', { name: title, exact: true })).toHaveCount(1);
    }

    const frame = page.locator('#dist-churn_risk');
    await expect(frame).toContainText(`Median churn risk:`);
    await frame.getByRole('button', { name: 'View as table' }).click();
    const table = frame.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr')).toHaveCount(10);
    for (const [i, lo] of [0, 20, 50, 80].entries()) {
      const row = table.getByRole('row').filter({
        has: page.getByRole('rowheader', { name: `${lo}–${lo + 10}`, exact: true }),
      });
      const [a, b] = await Promise.all([0, 1].map((c) => row.getByRole('cell').nth(c).textContent()));
      // Shown to one decimal.
      expect(
        Math.abs(parseFloat(a ?? '') - share(mine, lo, lo + 10)),
        `persona, bin ${i}`,
      ).toBeLessThanOrEqual(0.051);
      expect(
        Math.abs(parseFloat(b ?? '') - share(everyone, lo, lo + 10)),
        `all, bin ${i}`,
      ).toBeLessThanOrEqual(0.051);
    }
  });

  test('compares with any other persona through the URL, keeps it on reload, and survives a bad link', async ({
    page,
  }) => {
    const errors = trackErrors(page);
    const other = personas.find((p) => p.cluster_id !== persona.cluster_id)!;
    const master = readTable('customers_master');
    const columns = master.columns as readonly string[];
    const cluster = columns.indexOf('cluster_id');
    const churn = columns.indexOf('churn_risk');
    const churnOf = (id: number) =>
      master.rows.filter((r) => r[cluster] === id).map((r) => r[churn] as number);
    const shareIn = (values: number[], lo: number, hi: number) =>
      (100 * values.filter((v) => v >= lo && (v < hi || (hi === 100 && v <= 100))).length) / values.length;
    await openCompare(page, url);

    const select = page.getByLabel('Compare with');
    await expect(select).toHaveValue('all');
    await expect(select.locator('option')).toHaveCount(personas.length); // all customers + the others
    // Against all customers the key figures are the tiles and the full profile: no third table.
    await expect(page.getByTestId('compare-table')).toHaveCount(0);
    await select.selectOption({ label: other.persona });
    // A view change is a client-side navigation: allow a slow dev server its round trip.
    await expect(page).toHaveURL(new RegExp(`[?&]compare=${other.cluster_id}(&|$)`), { timeout: 30_000 });

    const check = async () => {
      const heading = page.getByTestId('compare-heading');
      await expect(heading).toContainText(persona.persona);
      await expect(heading).toContainText(other.persona);
      const table = page.getByTestId('compare-table');
      await expect(table.getByRole('columnheader', { name: persona.persona, exact: true })).toBeVisible();
      await expect(table.getByRole('columnheader', { name: other.persona, exact: true })).toBeVisible();
      const shareRow = table.locator('tr[data-metric="revenue_share_pct"]');
      await expect(shareRow.getByRole('cell').nth(0)).toHaveText(
        pct1(revenueRow(persona.cluster_id).revenue_share_pct),
      );
      await expect(shareRow.getByRole('cell').nth(1)).toHaveText(
        pct1(revenueRow(other.cluster_id).revenue_share_pct),
      );
      const customersRow = table.locator('tr[data-metric="customers"]');
      await expect(customersRow.getByRole('cell').nth(1)).toHaveText(countFormat.format(other.customers));
      // Every distribution now sets the other persona beside this one, each with its own bars.
      const charts = page.locator('#distributions figure');
      await expect(charts).toHaveCount(7);
      for (const legend of await charts.getByRole('list', { name: 'Legend' }).all())
        await expect(legend).toContainText(other.persona);
      const frame = page.locator('#dist-churn_risk');
      await frame.getByRole('button', { name: 'View as table' }).click();
      const row = frame
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: '50–60', exact: true }) });
      const [a, b] = await Promise.all([0, 1].map((c) => row.getByRole('cell').nth(c).textContent()));
      expect(
        Math.abs(parseFloat(a ?? '') - shareIn(churnOf(persona.cluster_id), 50, 60)),
      ).toBeLessThanOrEqual(0.051);
      expect(Math.abs(parseFloat(b ?? '') - shareIn(churnOf(other.cluster_id), 50, 60))).toBeLessThanOrEqual(
        0.051,
      );
      await frame.getByRole('button', { name: 'View as chart' }).click();
    };
    await check();

    await page.reload();
    await expect(page.locator('[data-testid="persona-compare"][data-live]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByLabel('Compare with')).toHaveValue(String(other.cluster_id));
    await check();

    // An unknown (or its own) id falls back to all customers rather than breaking the page.
    for (const bad of ['99', String(persona.cluster_id), 'x']) {
      await openCompare(page, `${url}?compare=${bad}`);
      await expect(page.getByLabel('Compare with')).toHaveValue('all');
      await expect(page.getByTestId('compare-heading')).toContainText('All customers');
    }
    expect(errors).toEqual([]);
  });

  test('on a phone, one distribution at a time, chosen through the URL and kept on reload', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openCompare(page, url);
    const charts = page.locator('#distributions figure');
    await expect(charts).toHaveCount(7);
    await expect(charts.filter({ visible: true })).toHaveCount(1);
    await expect(page.locator('#dist-clv_proxy')).toBeVisible();
    await page.getByLabel('Distribution of').selectOption({ label: 'Churn risk' });
    await expect(page).toHaveURL(/[?&]metric=churn_risk/, { timeout: 30_000 });
    await expect(page.locator('#dist-churn_risk')).toBeVisible();
    await expect(charts.filter({ visible: true })).toHaveCount(1);
    await page.reload();
    await expect(page.locator('[data-testid="persona-compare"][data-live]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByLabel('Distribution of')).toHaveValue('churn_risk');
    await expect(page.locator('#dist-churn_risk')).toBeVisible();
    // The page is about half the length it was (10,300 px before issue 14) at this width.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5_600);
  });

  test('moves between personas and back to all of them', async ({ page }) => {
    const index = personas.indexOf(persona);
    const next = personas[(index + 1) % personas.length]!;
    await open(page, url);
    await page.getByTestId('persona-next').click();
    await expect(page).toHaveURL(new RegExp(`/personas/${next.cluster_id}/?$`), { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.persona);

    const switcher = page.getByRole('navigation', { name: 'Personas' });
    await expect(switcher.getByRole('link', { name: next.persona })).toHaveAttribute('aria-current', 'page');
    await switcher.getByRole('link', { name: persona.persona }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRe(url)}/?$`), { timeout: 60_000 });

    await page.getByTestId('back-to-personas').click();
    await expect(page).toHaveURL(/\/personas\/?$/, { timeout: 60_000 });
    await expect(page.getByTestId('persona-card')).toHaveCount(personas.length);
  });

  test('an unknown persona id is a 404', async ({ page }) => {
    const response = await page.goto('/personas/999', { timeout: 90_000 });
    expect(response?.status()).toBe(404);
  });

  test('has no serious accessibility violations, with or without a comparison', async ({ page }) => {
    await open(page, url);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    const other = personas.find((p) => p.cluster_id !== persona.cluster_id)!;
    await openCompare(page, `${url}?compare=${other.cluster_id}`);
    await expect(page.getByTestId('compare-heading')).toContainText(other.persona);
    await expectNoSeriousA11yViolations(page);
  });

  test('does not ship customer rows to the browser', async ({ page }) => {
    const response = await page.goto(url, { timeout: 90_000 });
    const html = (await response?.text()) ?? '';
    const firstCustomer = readTable('customers_master').rows[0]![0];
    expect(html).not.toContain(`"${firstCustomer}"`);
    expect(html.length).toBeLessThan(600_000);
  });
});

/** "₹1,23,456" or "0.73" as a number. */
const numberIn = (text: string) => Number(text.replace(/[^\d.]/g, ''));

test.describe('every persona page agrees with itself', () => {
  for (const p of personas) {
    test(`${p.persona}: each "×" in the card's prose is the figure ÷ the baseline printed beside it, as on the page's tiles`, async ({
      page,
    }) => {
      await open(page, '/personas');
      const card = page
        .getByTestId('persona-card')
        .filter({ has: page.getByRole('heading', { name: p.persona }) });
      const prose = (await card.getByTestId('card-description').textContent()) ?? '';
      await open(page, `/personas/${p.cluster_id}`);
      const spend = prose.match(
        /spend (₹[\d,]+) per order against (₹[\d,]+) across all orders \((\d+\.\d)×\)/,
      );
      expect(spend, `no spend-per-order sentence in: ${prose}`).not.toBeNull();
      const [, value, baseline, ratio] = spend!;
      // Whole rupees printed: the ratio of the printed figures is the ratio to one decimal.
      expect(Math.abs(numberIn(ratio!) - numberIn(value!) / numberIn(baseline!))).toBeLessThanOrEqual(
        0.05 + 1e-9,
      );
      // The tile shows the same figure against the same baseline.
      const tile = page.getByTestId('kpi-aov');
      await expect(tile.locator('dd').first()).toHaveText(value!);
      await expect(tile).toContainText(`vs ${baseline} across all orders`);

      const often = prose.match(/They order (\d+\.\d)× as often as the average customer/);
      expect(often).not.toBeNull();
      const orders = page.getByTestId('kpi-orders-per-month');
      const perMonth = numberIn((await orders.locator('dd').first().textContent()) ?? '');
      const allPerMonth = numberIn(((await orders.textContent()) ?? '').match(/vs ([\d.]+) for all/)![1]!);
      // Two decimals printed on the tile: allow their rounding on top of the ratio's own.
      const slack = 0.05 + (0.005 / allPerMonth) * (1 + perMonth / allPerMonth);
      expect(Math.abs(numberIn(often![1]!) - perMonth / allPerMonth)).toBeLessThanOrEqual(slack);
    });
  }
});

test('screenshots of both persona pages at 1440 and 390 px', async ({ page }) => {
  const errors = trackErrors(page);
  const other = personas.find((p) => p.cluster_id !== personas[0]!.cluster_id)!;
  await open(page, '/personas');
  await screenshotBothWidths(page, '/personas', 'personas');
  await screenshotBothWidths(
    page,
    `/personas/${personas[0]!.cluster_id}?compare=${other.cluster_id}`,
    'persona-detail',
  );
  expect(errors).toEqual([]);
});
