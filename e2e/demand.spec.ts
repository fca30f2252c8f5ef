import { readFileSync } from 'node:fs';
import { readableFamilyName } from '@/content/family-names';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expectNoSeriousA11yViolations, readTable, screenshotBothWidths, trackErrors } from './support';

// A view change goes through the router (the view lives in the URL); on a loaded machine that can
// take a few seconds, so assertions wait longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 30_000 });

const ds = readTable('demand_summary');
type Row = (typeof ds.rows)[number];

// Everything below is recomputed from the JSON, independently of the page's own code.
const totalIn = ds.rows.reduce((s, r) => s + r.daily_demand_instore, 0);
const totalOn = ds.rows.reduce((s, r) => s + r.daily_demand_online, 0);
/**
 * The lean rule as the /demand page states it under its table: an online index of 1.25× or more
 * leans online, 0.80× or less leans in store. Stated here, not imported, so a changed rule fails.
 */
const LEAN_RATIO = 1.25;
function leanOf(r: Row): 'instore' | 'online' | 'balanced' {
  const index = r.daily_demand_online / totalOn / (r.daily_demand_instore / totalIn);
  if (!Number.isFinite(index) || index === 0) return 'balanced';
  return index >= LEAN_RATIO ? 'online' : index <= 1 / LEAN_RATIO ? 'instore' : 'balanced';
}
/** Families needed to reach 80 % of a channel's demand, from the raw daily figures. */
function paretoCount(daily: (r: Row) => number): number {
  const sorted = ds.rows.map(daily).sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < sorted.length; i++) {
    acc += sorted[i]!;
    if (acc >= (total * ds.pareto.threshold_pct) / 100 - 1e-9) return i + 1;
  }
  return sorted.length;
}

function table(page: Page): Locator {
  return page.getByTestId('demand-table');
}

async function columnValues(page: Page, col: string): Promise<number[]> {
  return table(page)
    .locator(`tbody [data-col="${col}"]`)
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
}

async function open(page: Page, url = '/demand'): Promise<void> {
  await page.goto(url, { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
  // The count is known once the view's families are (a view in the link fetches every family first).
  await expect(page.locator('[data-testid="demand-count"][data-count]')).toHaveCount(1);
  // The table lists its first 25 rows until asked for all; these tests read every row.
  const showAll = page.getByRole('button', { name: /^Show all \d+ families/ });
  if (await showAll.count()) await showAll.click();
}

function rows(page: Page): Locator {
  return table(page).getByTestId('demand-row');
}

/** The table lists the 25 families with the most online demand among all of them (not only 25). */
async function expectFirstRowsOfAllByOnlineDemand(page: Page): Promise<void> {
  const byOnline = [...ds.rows]
    .sort((a, b) => b.daily_demand_online - a.daily_demand_online)
    .slice(0, 25)
    .map((r) => String(r.family_id));
  await expect
    .poll(() => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-family'))))
    .toEqual(byOnline);
}

function sortButton(page: Page, name: RegExp): Locator {
  return table(page).locator('thead').getByRole('button', { name });
}

test.describe('demand page', () => {
  test.describe.configure({ timeout: 120_000 });

  test('renders with headline and Pareto figures equal to the JSON, no console errors', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    const inCount = paretoCount((r) => r.daily_demand_instore);
    const onCount = paretoCount((r) => r.daily_demand_online);
    expect([inCount, onCount]).toEqual([ds.pareto.instore_family_count, ds.pareto.online_family_count]);
    await expect(page.getByTestId('kpi-families')).toContainText(String(ds.rows.length));
    await expect(page.getByTestId('kpi-core')).toContainText(`${inCount} · ${onCount}`);

    for (const [channel, count, daily] of [
      ['instore', inCount, (r: Row) => r.daily_demand_instore],
      ['online', onCount, (r: Row) => r.daily_demand_online],
    ] as const) {
      const chart = page.getByTestId(`pareto-${channel}`);
      await expect(chart).toHaveAttribute('data-core-count', String(count));
      await expect(chart).toHaveAttribute('data-family-count', String(ds.rows.length));
      const frame = page.locator(`#pareto-${channel}-chart`);
      await expect(frame).toContainText(`${count} of ${ds.rows.length} families`);
      // One bar per family; the core bars are the channel colour, the rest the tail colour.
      const fills = await chart
        .locator('rect[data-rank]')
        .evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
      expect(fills).toHaveLength(ds.rows.length);
      expect(fills.slice(0, count).every((f) => f === fills[0])).toBe(true);
      expect(fills.slice(count).every((f) => f !== fills[0])).toBe(true);
      // The table equivalent: ranked families, the leader first, 80 % core marked.
      await frame.getByRole('button', { name: 'View as table' }).click();
      const t = frame.getByRole('table');
      await expect(t).toBeVisible();
      await expect(t.locator('tbody tr')).toHaveCount(ds.rows.length);
      const leader = [...ds.rows].sort((a, b) => daily(b) - daily(a))[0]!;
      await expect(t.locator('tbody tr').first()).toContainText(readableFamilyName(leader.family_name));
      await expect(t.locator('tbody tr').nth(count - 1)).toContainText('Yes');
      await expect(t.locator('tbody tr').nth(count)).toContainText('No');
    }
    expect(errors).toEqual([]);
  });

  test('the family table lists the 25 biggest in-store families first, and every family on asking', async ({
    page,
  }) => {
    await page.goto('/demand', { timeout: 60_000 });
    await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
    const biggest = [...ds.rows].sort((a, b) => b.daily_demand_instore - a.daily_demand_instore).slice(0, 25);
    await expect(rows(page)).toHaveCount(25);
    expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-family')))).toEqual(
      biggest.map((r) => String(r.family_id)),
    );
    await page.getByRole('button', { name: `Show all ${ds.rows.length} families (25 listed)` }).click();
    await expect(rows(page)).toHaveCount(ds.rows.length);
    await page.getByRole('button', { name: 'List the first 25 only' }).click();
    await expect(rows(page)).toHaveCount(25);
  });

  test('the page carries only the families it lists first; the rest arrive when the table is used', async ({
    page,
    request,
  }) => {
    const errors = trackErrors(page);
    // Each family in the table's payload carries its name as the source data spells it.
    const html = await (await request.get('/demand')).text();
    expect(html.match(/\\"sourceName\\":/g) ?? []).toHaveLength(25);

    const fetched: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/demand/families.json') fetched.push(r.url());
    });
    await page.goto('/demand', { timeout: 60_000 });
    await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByTestId('demand-count')).toHaveAttribute('data-count', String(ds.rows.length));
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);

    // Sorting is a use: every family is fetched and sorted, not only the 25 on the page.
    await sortButton(page, /Average daily demand online/).click();
    await expectFirstRowsOfAllByOnlineDemand(page);
    expect(fetched).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test('when every family cannot be fetched, the table says so, keeps the first 25 and can try again', async ({
    page,
  }) => {
    let down = true;
    await page.route('**/demand/families.json', (route) =>
      down ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
    );
    await page.goto('/demand?sort=-onlineDaily', { timeout: 60_000 });
    const alert = page.getByRole('alert').filter({ hasText: 'families' });
    await expect(alert).toContainText('The full list of families could not be loaded');
    await expect(rows(page)).toHaveCount(25);
    // No count or "Show all" that the 25 rows would contradict.
    await expect(page.locator('[data-testid="demand-count"][data-count]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Show all/ })).toHaveCount(0);

    down = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toHaveCount(0);
    await expectFirstRowsOfAllByOnlineDemand(page);
    await expect(page.getByTestId('demand-count')).toHaveAttribute('data-count', String(ds.rows.length));
  });

  test('the family table sorts: column order equals the JSON sorted', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    await expect(rows(page)).toHaveCount(ds.rows.length);
    // Default: in-store daily demand, high to low.
    const byInstore = ds.rows.map((r) => r.daily_demand_instore).sort((a, b) => b - a);
    expect(await columnValues(page, 'instoreDaily')).toEqual(byInstore);
    await expect(table(page).locator('th[aria-sort="descending"]')).toHaveAttribute(
      'data-col',
      'instoreDaily',
    );

    // Impulse rate: first click high to low, second low to high.
    const impulse = ds.rows.map((r) => r.impulse_rate_pct ?? 0);
    await sortButton(page, /Impulse purchase rate/).click();
    await expect(page).toHaveURL(/sort=-impulsePct/);
    await expect.poll(() => columnValues(page, 'impulsePct')).toEqual([...impulse].sort((a, b) => b - a));
    await sortButton(page, /Impulse purchase rate/).click();
    await expect(page).toHaveURL(/sort=impulsePct/);
    await expect.poll(() => columnValues(page, 'impulsePct')).toEqual([...impulse].sort((a, b) => a - b));
    await expect(table(page).locator('th[aria-sort="ascending"]')).toHaveAttribute('data-col', 'impulsePct');

    // Online daily demand, high to low: the family order equals the JSON's.
    await sortButton(page, /Average daily demand online/).click();
    await expect(page).toHaveURL(/sort=-onlineDaily/);
    const byOnline = [...ds.rows]
      .sort((a, b) => b.daily_demand_online - a.daily_demand_online)
      .map((r) => String(r.family_id));
    await expect
      .poll(() => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-family'))))
      .toEqual(byOnline);
    expect(errors).toEqual([]);
  });

  test('filters by intent, channel and name: row counts equal the JSON filtered', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    const intent = [...new Set(ds.rows.map((r) => r.intent))].sort(
      (a, b) => ds.rows.filter((r) => r.intent === b).length - ds.rows.filter((r) => r.intent === a).length,
    )[0]!;
    const count = page.getByTestId('demand-count');

    await page.getByLabel('Intent', { exact: true }).selectOption(intent);
    await expect(page).toHaveURL(new RegExp(`intent=${encodeURIComponent(intent).replace(/%20/g, '\\+')}`));
    const byIntent = ds.rows.filter((r) => r.intent === intent);
    await expect(rows(page)).toHaveCount(byIntent.length);
    await expect(count).toHaveAttribute('data-count', String(byIntent.length));

    await page
      .getByRole('group', { name: 'Channel' })
      .locator('label')
      .filter({ hasText: /^Leans online$/ })
      .click();
    await expect(page).toHaveURL(/channel=online/);
    const online = byIntent.filter((r) => leanOf(r) === 'online');
    await expect(rows(page)).toHaveCount(online.length);
    const ids = await rows(page).evaluateAll((trs) =>
      trs.map((tr) => Number(tr.getAttribute('data-family'))),
    );
    expect(ids.sort((a, b) => a - b)).toEqual(online.map((r) => r.family_id).sort((a, b) => a - b));

    // Back to every intent and channel, then a name search.
    await page.getByLabel('Intent', { exact: true }).selectOption('all');
    await page.getByRole('group', { name: 'Channel' }).locator('label').filter({ hasText: /^All$/ }).click();
    await expect(rows(page)).toHaveCount(ds.rows.length);
    await page.getByLabel('Search', { exact: true }).fill('FR');
    const bySearch = ds.rows.filter((r) => readableFamilyName(r.family_name).toLowerCase().includes('fr'));
    await expect(rows(page)).toHaveCount(bySearch.length);
    await expect(page).toHaveURL(/[?&]q=FR/);
    // All three at once.
    await page
      .getByRole('group', { name: 'Channel' })
      .locator('label')
      .filter({ hasText: /^Leans in store$/ })
      .click();
    await expect(page).toHaveURL(/channel=instore/);
    await expect(rows(page)).toHaveCount(bySearch.filter((r) => leanOf(r) === 'instore').length);
    await page.getByLabel('Search', { exact: true }).fill('no family is called this');
    await expect(rows(page)).toHaveCount(0);
    await expect(table(page)).toContainText('No family matches these filters.');
    expect(errors).toEqual([]);
  });

  test('the view round-trips through the URL and a reload', async ({ page }) => {
    const errors = trackErrors(page);
    const intent = ds.rows[0]!.intent;
    const q = new URLSearchParams({ intent, channel: 'instore', q: 'e', sort: '-priceAvg' });
    await open(page, `/demand?${q}`);
    await expect(page.getByLabel('Intent', { exact: true })).toHaveValue(intent);
    await expect(page.getByRole('radio', { name: 'Leans in store' })).toBeChecked();
    await expect(page.getByLabel('Search', { exact: true })).toHaveValue('e');
    const expected = ds.rows.filter(
      (r) =>
        r.intent === intent &&
        leanOf(r) === 'instore' &&
        readableFamilyName(r.family_name).toLowerCase().includes('e'),
    );
    await expect(rows(page)).toHaveCount(expected.length);
    await expect(table(page).locator('th[aria-sort="descending"]')).toHaveAttribute('data-col', 'priceAvg');
    const prices = await columnValues(page, 'priceAvg');
    expect(prices).toEqual([...prices].sort((a, b) => b - a));

    await sortButton(page, /Dwell time/).click();
    await expect(page).toHaveURL(/sort=-dwellSeconds/);
    await page.reload();
    await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(table(page).locator('th[aria-sort="descending"]')).toHaveAttribute(
      'data-col',
      'dwellSeconds',
    );
    await expect(page.getByLabel('Intent', { exact: true })).toHaveValue(intent);
    await expect(rows(page)).toHaveCount(expected.length);

    // A stale or hand-edited link falls back to the defaults.
    await open(page, '/demand?intent=Nope&channel=phone&sort=-bogus');
    await expect(page.getByLabel('Intent', { exact: true })).toHaveValue('all');
    await expect(page.getByRole('radio', { name: 'All', exact: true })).toBeChecked();
    await expect(rows(page)).toHaveCount(ds.rows.length);
    await expect(table(page).locator('th[aria-sort="descending"]')).toHaveAttribute(
      'data-col',
      'instoreDaily',
    );
    expect(errors).toEqual([]);
  });

  test('the CSV download holds the families shown, in the order shown', async ({ page }) => {
    await open(page, '/demand?channel=online&sort=-onlineDaily');
    const online = ds.rows
      .filter((r) => leanOf(r) === 'online')
      .sort((a, b) => b.daily_demand_online - a.daily_demand_online);
    await expect(rows(page)).toHaveCount(online.length);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download CSV \(/ }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const csv = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(csv).toHaveLength(online.length + 1);
    expect(csv[0]!.slice(0, 3)).toEqual(['Product family', 'Source family name', 'Lifestyle intent']);
    // The readable name, and the family as the source spells it.
    expect(csv.slice(1).map((row) => row.slice(0, 2))).toEqual(
      online.map((r) => [readableFamilyName(r.family_name), r.family_name]),
    );
  });

  test('keyboard: search, channel switch and sorting work without a mouse', async ({ page }) => {
    await open(page);
    await page.getByLabel('Search', { exact: true }).focus();
    await page.keyboard.type('cheese');
    const cheese = ds.rows.filter((r) => readableFamilyName(r.family_name).toLowerCase().includes('cheese'));
    await expect(rows(page)).toHaveCount(cheese.length);
    await page.keyboard.press('Tab'); // to the intent select
    await page.keyboard.press('Tab'); // to the channel switch
    await expect(page.getByRole('radio', { name: 'All', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/channel=instore/);
    await expect(rows(page)).toHaveCount(cheese.filter((r) => leanOf(r) === 'instore').length);

    const header = sortButton(page, /Dwell time/);
    await header.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/sort=-dwellSeconds/);
    await expect(table(page).locator('th[aria-sort="descending"]')).toHaveAttribute(
      'data-col',
      'dwellSeconds',
    );
    // The table box scrolls from the keyboard too.
    await expect(page.getByRole('region', { name: 'Product families table' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });

  test('no serious or critical accessibility violations, default and filtered', async ({ page }) => {
    await open(page);
    await expectNoSeriousA11yViolations(page);
    await open(page, '/demand?channel=online&sort=name');
    await expect(page.getByRole('radio', { name: 'Leans online' })).toBeChecked();
    await expectNoSeriousA11yViolations(page);
  });

  test('screenshots at 1440 and 390 px; the wide table scrolls in its own box', async ({ page }) => {
    test.setTimeout(180_000);
    const errors = trackErrors(page);
    await open(page);
    await screenshotBothWidths(page, '/demand', 'demand');
    await page.setViewportSize({ width: 390, height: 900 });
    await open(page);
    const region = page.getByRole('region', { name: 'Product families table' });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
    await screenshotBothWidths(page, '/demand?channel=online&sort=-onlineDaily', 'demand-online');
    expect(errors.filter((e) => !/caret-color/.test(e))).toEqual([]);
  });
});
