import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTableParquet } from '@/lib/duckdb/table-parquet';
import { firstRowsFile, firstRowsOf } from '@/lib/explorer/first-rows';
import type { Column } from '@/lib/schema/columns';
import {
  CUSTOMERS_MASTER_COLUMNS,
  type CustomerColumn,
  type CustomerRow,
} from '@/lib/schema/customers-master';
import { expect as baseExpect, test, type Page, type Route } from '@playwright/test';
import Papa from 'papaparse';
import { formatCount, formatMoney, formatPct } from './expected-format';
import { expectNoSeriousA11yViolations, readTable, screenshotBothWidths, trackErrors } from './support';

const expect = baseExpect.configure({ timeout: 20_000 });
/** How long the explorer may take to start its engine and show the first rows under CI load. */
const ENGINE_START_MS = 60_000;

// The JSON, read and validated here, independently of the page's code.
const master = readTable('customers_master');
/** The column order the file itself declares (its header), not the app's list. */
const COLUMNS = master.columns as readonly CustomerColumn[];
type Rec = Record<CustomerColumn, CustomerRow[number]>;
const customers: Rec[] = master.rows.map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r[i]])) as Rec);
const currency = master.currency;
/** The value model could be fitted on this data (it is on the full data set the e2e runs use). */
const hasPredictions = customers.some((c) => c.p_alive !== null);
const VALUE_COLUMNS = ['p_alive', 'expected_purchases', 'predicted_clv'];
const RANGE_COLUMNS = ['predicted_clv_p10', 'predicted_clv_p90'];
/** Money the way the predicted CLV range is written: ₹2.2K, ₹1.5L (Intl compact, en-IN). */
const short = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency,
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const num = (c: Rec, k: keyof Rec) => c[k] as number;

/**
 * The export's header for the visible columns, as the page's export promises: the same columns in
 * order, except that predicted CLV (whose cell shows a range) is followed by the range's ends.
 */
const exportHeader = (visible: readonly string[]) =>
  visible.flatMap((c) => (c === 'predicted_clv' ? [c, 'predicted_clv_p10', 'predicted_clv_p90'] : [c]));

/**
 * The at-risk rule as the page states it (at-risk-rule, and the methodology): total spend in the
 * top 30 % of all customers and P(alive) below 50 %. "Top 30 %" includes everyone tied with the
 * ⌈0.3·n⌉-th biggest spender. Restated here so that a filter applying another rule fails.
 */
const AT_RISK_TOP_SHARE = 0.3;
const AT_RISK_P_ALIVE_BELOW = 0.5;
function atRiskCustomers(all: readonly Rec[]): Rec[] {
  const bySpend = all.map((c) => num(c, 'total_spend')).sort((a, b) => b - a);
  const threshold = bySpend[Math.max(1, Math.ceil(all.length * AT_RISK_TOP_SHARE)) - 1]!;
  return all.filter(
    (c) =>
      c.p_alive !== null && num(c, 'p_alive') < AT_RISK_P_ALIVE_BELOW && num(c, 'total_spend') >= threshold,
  );
}

/** The columns shown by default, in table order (what the export writes unless columns change). */
const DEFAULT_COLUMNS = [
  'customer_id',
  'persona',
  'age_band',
  'gender',
  'locale',
  'preferred_channel',
  'order_count',
  'last_order_date',
  'total_spend',
  'avg_order_value',
  'churn_risk',
  'churn_risk_band',
  'clv_proxy',
  'clv_band',
  ...(hasPredictions ? VALUE_COLUMNS : []),
];
/** What the export writes for them: predicted CLV is followed by its 10th and 90th percentiles. */
const EXPORT_COLUMNS = hasPredictions ? [...DEFAULT_COLUMNS, ...RANGE_COLUMNS] : DEFAULT_COLUMNS;

const PARQUET = '**/data/customers_master.parquet';
const FIRST_ROWS = `**/data/${firstRowsFile('customers_master')}`;

/** Rows written as Parquet by the build's writer: test input, for files the build would not make. */
async function parquetOf(columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-parquet-')), 'customers_master.parquet');
  await writeTableParquet(file, columns, rows);
  return readFileSync(file);
}

/**
 * Serves these customers as the page's files: the Parquet file (with byte ranges) and the
 * first-rows file the build writes beside it.
 */
async function serveCustomers(page: Page, columns: readonly Column[], rows: readonly (readonly unknown[])[]) {
  const bytes = await parquetOf(columns, rows);
  const first = JSON.stringify(firstRowsOf({ columns: columns.map((c) => c.name), rows }));
  await page.route(PARQUET, (route) => serveBytes(route, bytes));
  await page.route(FIRST_ROWS, (route) =>
    route.fulfill({ status: 200, body: first, headers: { 'content-type': 'application/json' } }),
  );
}

/** Answers for a file the way a static host does: HEAD, whole file, or the byte range asked for. */
function serveBytes(route: Route, bytes: Buffer) {
  const range = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers()['range'] ?? '');
  const headers = { 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
  if (!range) return route.fulfill({ status: 200, body: bytes, headers });
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
  return route.fulfill({
    status: 206,
    body: bytes.subarray(start, end + 1),
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}` },
  });
}

/**
 * The page, once its table is shown and the engine is ready. The explorer first downloads and compiles its database engine
 * (18 MB of WebAssembly) in a fresh browser context each time: on a busy 2-core CI machine that can
 * take a while, so the wait is longer than for other pages.
 */
async function open(page: Page, url = '/customers') {
  await page.goto(url);
  await expect(page.getByTestId('customer-table')).toBeVisible({ timeout: ENGINE_START_MS });
  // The first rows may come from the first-rows file before the engine is ready; the filter panel
  // shows once the engine has the customers in memory and their counts.
  await expect(page.getByTestId('filter-panel')).toBeVisible({ timeout: ENGINE_START_MS });
}

/** Ids of the rows rendered (the table is virtualised: the first screenful or so). */
async function renderedIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="customer-table"] tbody button[data-customer]')
    .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-customer') ?? ''));
}

/** Column ids of the table's header, left to right. */
async function headerIds(page: Page): Promise<string[]> {
  return page
    .locator('thead button[data-sort-button]')
    .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-sort-button') ?? ''));
}

async function tick(page: Page, group: string, value: string) {
  await page
    .getByTestId('filter-panel')
    .getByRole('group', { name: group, exact: true })
    .locator('label')
    .filter({ has: page.locator(`input[value="${value}"]`) })
    .click();
}

test.describe('customer explorer', () => {
  test.describe.configure({ timeout: 150_000 });

  test('shows a loading state, then the table, with no customer rows in the server HTML', async ({
    page,
    request,
  }) => {
    const html = await (await request.get('/customers')).text();
    expect(html).toContain('Customer explorer');
    expect(html).not.toContain(customers[0]!.customer_id);
    expect(html.length).toBeLessThan(100_000);

    const errors = trackErrors(page);
    // Both files held back: the page says it is loading.
    const hold = async (url: string) => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(url, async (route: Route) => {
        await held;
        await route.continue();
      });
      return release;
    };
    const releaseFirstRows = await hold(FIRST_ROWS);
    const releaseParquet = await hold(PARQUET);
    await page.goto('/customers');
    await expect(page.getByTestId('customers-loading')).toBeVisible();
    await expect(page.getByTestId('customers-loading')).toContainText('Loading customers');
    // The first-rows file alone shows the first rows and the count, before the engine has the Parquet file.
    releaseFirstRows();
    await expect(page.getByTestId('customer-table')).toBeVisible();
    await expect(page.getByTestId('customers-loading')).toHaveCount(0);
    expect(await renderedIds(page)).toEqual(
      customers.slice(0, (await renderedIds(page)).length).map((c) => c.customer_id),
    );
    await expect(page.getByTestId('filter-panel')).toHaveCount(0);
    releaseParquet();
    await expect(page.getByTestId('filter-panel')).toBeVisible({ timeout: ENGINE_START_MS });
    await expect(page.getByTestId('result-count')).toHaveText(
      `Showing ${formatCount(customers.length)} of ${formatCount(customers.length)} customers`,
    );
    expect(await renderedIds(page)).toEqual(
      customers.slice(0, (await renderedIds(page)).length).map((c) => c.customer_id),
    );
    expect((await renderedIds(page)).length).toBeGreaterThan(5);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  test('on a phone, the first rows show without the database engine, which starts once the explorer is used', async ({
    page,
  }) => {
    const errors = trackErrors(page);
    // The engine's downloads: duckdb-wasm's files and the Parquet table.
    const engineRequests: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/duckdb/') || pathname.endsWith('/customers_master.parquet'))
        engineRequests.push(pathname);
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/customers');
    await expect(page.getByTestId('customer-table')).toBeVisible();
    const firstIds = await renderedIds(page);
    expect(firstIds.length).toBeGreaterThan(5);
    expect(firstIds).toEqual(customers.slice(0, firstIds.length).map((c) => c.customer_id));
    // Scrolling the page, and the table over its first rows, is reading, not a use.
    await page.mouse.wheel(0, 300);
    await page.getByTestId('customer-scroll').evaluate((el) => {
      el.scrollTop = 400;
      el.scrollLeft = 200;
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    expect(engineRequests).toEqual([]);

    // Export before the engine started: it starts, and the file holds every customer.
    const download = page.waitForEvent('download', { timeout: ENGINE_START_MS });
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const exported = Papa.parse<string[]>(readFileSync(await file.path(), 'utf8').replace(/\r\n$/, ''), {
      header: false,
    });
    expect(exported.errors).toEqual([]);
    expect(exported.data.slice(1).map((line) => line[0])).toEqual(
      customers.map((c) => String(c.customer_id)),
    );

    // A search is a use: the engine answers it.
    const wanted = String(customers[37]!.customer_id);
    await page.getByLabel('Search by customer id').fill(wanted);
    await expect(page.getByTestId('result-count')).toHaveText(
      `Showing 1 of ${formatCount(customers.length)} customers`,
      { timeout: ENGINE_START_MS },
    );
    expect(await renderedIds(page)).toEqual([wanted]);
    expect(engineRequests.some((p) => p.endsWith('/customers_master.parquet'))).toBe(true);
    expect(errors).toEqual([]);
  });

  for (const [name, file, status, message] of [
    ['missing', async () => Buffer.from('not found'), 404, /was not found \(HTTP 404\)/],
    [
      'not Parquet',
      async () => Buffer.from('{"table": "customers_master", "rows": ['),
      200,
      /could not be read: it is not a complete customers_master table/,
    ],
    [
      'from another version (a column missing)',
      async () => {
        const older = CUSTOMERS_MASTER_COLUMNS.filter((c) => c.name !== 'persona');
        const keep = older.map((c) => COLUMNS.indexOf(c.name));
        return parquetOf(
          older,
          master.rows.slice(0, 3).map((r) => keep.map((i) => r[i])),
        );
      },
      200,
      /cannot be read by this version of the dashboard: its columns differ .* at position 3: found "age", expected "persona"/,
    ],
  ] as const) {
    test(`says what is wrong when the file is ${name}`, async ({ page }) => {
      const bytes = await file();
      await page.route(PARQUET, (route) =>
        status === 200 ? serveBytes(route, bytes) : route.fulfill({ status, body: bytes }),
      );
      await page.goto('/customers');
      const alert = page.getByTestId('customers-error');
      await expect(alert).toBeVisible({ timeout: ENGINE_START_MS });
      await expect(alert).toContainText(message);
      await expect(alert).toContainText('npm run data:build');
      await expect(page.getByTestId('customer-table')).toHaveCount(0);
    });
  }

  test('on a host that ignores byte ranges, the explorer reads the whole file and works the same', async ({
    page,
  }) => {
    const errors = trackErrors(page);
    const bytes = readFileSync(path.join('public', 'data', 'customers_master.parquet'));
    let asked = 0;
    await page.route(PARQUET, (route) => {
      if (route.request().headers()['range']) asked++;
      return route.fulfill({
        status: 200,
        body: bytes,
        headers: { 'content-type': 'application/octet-stream' },
      });
    });
    await open(page, '/customers?sort=total_spend.desc');
    const bySpend = [...customers].sort((a, b) => num(b, 'total_spend') - num(a, 'total_spend'));
    const shown = await renderedIds(page);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.map((id) => customers.find((c) => c.customer_id === id)!.total_spend)).toEqual(
      bySpend.slice(0, shown.length).map((c) => c.total_spend),
    );
    expect(asked, 'the engine asked for ranges and was answered with the whole file').toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('filter, sort and search; the CSV export holds exactly those rows', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    await tick(page, 'Churn risk', 'high');
    await tick(page, 'Churn risk', 'medium');
    await tick(page, 'Region type', 'urban');
    await page.getByLabel('Search by customer id').fill('c00001');
    await page.locator('button[data-sort-button="total_spend"]').click();
    await expect(page.locator('th[aria-sort="descending"]')).toContainText('Total spend');

    const expected = customers
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c }) =>
          (c.churn_risk_band === 'high' || c.churn_risk_band === 'medium') &&
          c.locale === 'urban' &&
          String(c.customer_id).includes('C00001'),
      )
      .sort((a, b) => (b.c.total_spend as number) - (a.c.total_spend as number) || a.i - b.i)
      .map(({ c }) => c);
    expect(expected.length).toBeGreaterThan(10);
    await expect(page.getByTestId('result-count')).toContainText(
      `Showing ${formatCount(expected.length)} of ${formatCount(customers.length)}`,
    );
    const ids = await renderedIds(page);
    expect(ids).toEqual(expected.slice(0, ids.length).map((c) => c.customer_id));
    // The first row shows the right money figure.
    const firstRow = page.locator('[data-testid="customer-table"] tbody tr[data-row="0"]');
    await expect(firstRow).toContainText(formatMoney(expected[0]!.total_spend as number, currency));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `customers_churn-high+medium_region-urban_search-c00001_sort-total_spend-desc_${expected.length}-rows.csv`,
    );
    const text = readFileSync(await file.path(), 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { header: false });
    expect(parsed.errors).toEqual([]);
    const [header, ...lines] = parsed.data;
    expect(header).toEqual(EXPORT_COLUMNS);
    expect(header).toEqual(exportHeader(await headerIds(page)));
    expect(lines).toHaveLength(expected.length);
    expect(lines).toEqual(
      expected.map((c) =>
        EXPORT_COLUMNS.map((k) => (c[k as keyof Rec] === null ? '' : String(c[k as keyof Rec]))),
      ),
    );
    // Nothing a spreadsheet would run as a formula.
    for (const line of lines) for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(errors).toEqual([]);
  });

  test('hiding a column changes the table and the export header', async ({ page }) => {
    await open(page, '/customers?churn=low');
    await page.getByTestId('column-menu').locator('summary').click();
    await page.locator('input[data-column="gender"]').uncheck();
    await page.locator('input[data-column="top_intent"]').check();
    await expect(page.locator('thead button[data-sort-button="gender"]')).toHaveCount(0);
    await expect(page.locator('thead button[data-sort-button="top_intent"]')).toHaveCount(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    const header = text.split('\r\n')[0]!.split(',');
    expect(header).toEqual(exportHeader(await headerIds(page)));
    expect([...header].sort()).toEqual(
      [...EXPORT_COLUMNS.filter((c) => c !== 'gender'), 'top_intent'].sort(),
    );
    expect(text.trimEnd().split('\r\n')).toHaveLength(
      customers.filter((c) => c.churn_risk_band === 'low').length + 1,
    );
  });

  test('a row opens the profile with mouse and keyboard; Esc closes and focus returns', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page, '/customers?sort=clv_proxy.desc');
    const top = [...customers]
      .map((c, i) => ({ c, i }))
      .sort((a, b) => (b.c.clv_proxy as number) - (a.c.clv_proxy as number) || a.i - b.i)
      .map(({ c }) => c);

    // Mouse: a click anywhere on the row.
    const second = top[1]!;
    await page.locator('tbody tr[data-row="1"] td').nth(2).click();
    const dialog = page.getByRole('dialog', { name: String(second.customer_id) });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`customer=${second.customer_id}`));

    // Figures equal the JSON: orders, spend, AOV, persona and everyone's averages.
    const orders = dialog.getByTestId('profile-orders');
    await expect(orders).toContainText(formatCount(second.order_count as number));
    await expect(orders).toContainText(formatMoney(second.total_spend as number, currency));
    await expect(orders).toContainText(formatMoney(second.avg_order_value as number, currency));
    await expect(orders).toContainText(String(second.first_order_date));
    await expect(orders).toContainText(String(second.last_order_date));
    const mean = (list: Rec[], k: keyof Rec) => {
      const vs = list.map((c) => c[k]).filter((v): v is number => typeof v === 'number');
      return vs.reduce((s, v) => s + v, 0) / vs.length;
    };
    const persona = customers.filter((c) => c.cluster_id === second.cluster_id);
    const spendRow = dialog.locator('tr[data-metric="total_spend"] td');
    await expect(spendRow).toHaveText([
      formatMoney(second.total_spend as number, currency),
      formatMoney(mean(persona, 'total_spend'), currency),
      formatMoney(mean(customers, 'total_spend'), currency),
    ]);
    const churnRow = dialog.locator('tr[data-metric="churn_risk"] td');
    await expect(churnRow).toHaveText([
      formatCount(second.churn_risk as number, 1),
      formatCount(mean(persona, 'churn_risk'), 1),
      formatCount(mean(customers, 'churn_risk'), 1),
    ]);
    const online = Math.round((second.online_ratio as number) * 1000) / 10;
    await expect(dialog.getByTestId('profile-channels')).toContainText(`Online ${online.toFixed(1)}%`);
    await expectNoSeriousA11yViolations(page);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).not.toHaveURL(/customer=/);
    await expect(page.locator(`button[data-customer="${second.customer_id}"]`)).toBeFocused();

    // Keyboard: Tab to a customer id, Enter opens, Esc closes, focus comes back to it.
    const first = top[0]!;
    const button = page.locator(`button[data-customer="${first.customer_id}"]`);
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog2 = page.getByRole('dialog', { name: String(first.customer_id) });
    await expect(dialog2).toBeVisible();
    await expect(dialog2.getByRole('button', { name: 'Close profile' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog2).toHaveCount(0);
    await expect(button).toBeFocused();
    expect(errors).toEqual([]);
  });

  test('the view round-trips through the URL on reload', async ({ page }) => {
    await open(page);
    await tick(page, 'Persona', String(customers[0]!.persona));
    await tick(page, 'Gender', 'female');
    await tick(page, 'Channel preference', 'both');
    await tick(page, 'Channel preference', 'online');
    await page.getByLabel('Search by customer id').fill('0');
    await page.locator('button[data-sort-button="churn_risk"]').click();
    await page.locator('button[data-sort-button="churn_risk"]').click();
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Churn risk');
    // The header follows the click at once; the rows a moment later, when the engine has answered.
    const box = page.getByTestId('customer-scroll');
    await expect(box).toHaveAttribute('data-view', /q=0.*sort=churn_risk\.asc/);
    await expect(box).toHaveAttribute('aria-busy', 'false');
    const before = await renderedIds(page);
    const count = await page.getByTestId('result-count').textContent();
    expect(before.length).toBeGreaterThan(0);
    await page.locator(`button[data-customer="${before[0]}"]`).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    // The address follows the view a moment after it settles.
    await expect(page).toHaveURL(new RegExp(`customer=${before[0]}`));
    const url = page.url();
    expect(url).toContain('persona=');
    expect(url).toContain('sort=churn_risk.asc');
    expect(url).toContain('q=0');

    await page.reload();
    await expect(page.getByRole('dialog', { name: before[0] })).toBeVisible({ timeout: ENGINE_START_MS });
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Search by customer id')).toHaveValue('0');
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Churn risk');
    await expect(page.getByTestId('result-count')).toHaveText(count!);
    for (const v of ['female', 'both', 'online']) {
      await expect(page.locator(`[data-testid="filter-panel"] input[value="${v}"]`)).toBeChecked();
    }
    expect(await renderedIds(page)).toEqual(before);
  });

  test('no serious accessibility violations, and screenshots at both widths', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    await expectNoSeriousA11yViolations(page);
    await screenshotBothWidths(page, '/customers', 'customers');
    await screenshotBothWidths(
      page,
      `/customers?churn=high&sort=total_spend.desc&customer=${customers[3]!.customer_id}`,
      'customers-profile',
    );
    await expect(page.getByRole('dialog')).toBeVisible();
    // The dialog is fixed to the viewport: a viewport-sized picture shows it as a person sees it.
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({ path: `test-results/customers-profile-dialog-${width}.png` });
      const overflow = await page.getByRole('dialog').evaluate((d) => d.scrollWidth - d.clientWidth);
      expect(overflow, `the profile scrolls sideways at ${width}px`).toBeLessThanOrEqual(1);
    }
    expect(errors).toEqual([]);
  });

  test('scrolling the table keeps rows under the header with no blank gaps, and fills them in', async ({
    page,
  }) => {
    await open(page);
    const box = page.getByTestId('customer-scroll');
    for (const fraction of [0.1, 0.37, 0.62, 0.999]) {
      // Rows (or their places, marked as loading while their block is fetched) fill the box at once.
      const gap = await box.evaluate(async (el, f) => {
        el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const head = el.querySelector('thead')!.getBoundingClientRect();
        const view = el.getBoundingClientRect();
        const rows = [...el.querySelectorAll('tbody tr[data-row]')].map((r) => r.getBoundingClientRect());
        // Rows cover [header bottom, box bottom] without holes.
        let covered = head.bottom;
        for (const r of rows.sort((a, b) => a.top - b.top))
          if (r.top <= covered + 0.5) covered = Math.max(covered, r.bottom);
        return Math.max(0, Math.min(view.bottom, el.getBoundingClientRect().top + el.clientHeight) - covered);
      }, fraction);
      expect(gap, `blank space at ${fraction}`).toBeLessThan(1);
      // And the customers themselves arrive: no row in view is left loading.
      await expect(box.locator('tbody tr[data-loading]')).toHaveCount(0);
      await expect(box.locator('tbody button[data-customer]').first()).toBeVisible();
    }
  });

  test('with more customers than a browser can make tall, the bottom of the scrollbar is the last customer', async ({
    page,
  }) => {
    // 400,000 rows of 40 px are 16M px, past the explorer's cap on the table's height (15M px):
    // the file's customers repeated with new ids, numbered in file order.
    const many = 400_000;
    const idAt = (i: number) => `M${String(i).padStart(6, '0')}`;
    const id = COLUMNS.indexOf('customer_id');
    await serveCustomers(
      page,
      CUSTOMERS_MASTER_COLUMNS,
      Array.from({ length: many }, (_, i) =>
        master.rows[i % master.rows.length]!.map((v, k) => (k === id ? idAt(i) : v)),
      ),
    );
    await open(page);
    const box = page.getByTestId('customer-scroll');
    expect(await box.evaluate((el) => el.scrollHeight)).toBeLessThan(many * 40);
    const scrollTo = (fraction: number) =>
      box.evaluate((el, f) => {
        el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
      }, fraction);
    // The last row whose top is inside the box, and how far its bottom is from the box's.
    const lastInView = () =>
      box.evaluate((el) => {
        const bottom = el.getBoundingClientRect().top + el.clientTop + el.clientHeight;
        const inView = [...el.querySelectorAll('tbody tr[data-row]')].filter(
          (r) => r.getBoundingClientRect().top < bottom - 1,
        );
        const last = inView[inView.length - 1];
        // Just after a jump the rows drawn may still be those of the old position: none in view yet.
        if (!last) return { row: -1, bottom: Infinity };
        return {
          row: Number(last.getAttribute('data-row')),
          bottom: last.getBoundingClientRect().bottom - bottom,
        };
      });
    // The table redraws after the scroll event: on a busy machine, a frame or a few later.
    const settled = { timeout: 30_000 };
    await scrollTo(1);
    await expect.poll(async () => (await lastInView()).row, settled).toBe(many - 1);
    await expect(box.locator('tbody tr[data-loading]')).toHaveCount(0, settled);
    expect(Math.abs((await lastInView()).bottom)).toBeLessThan(1);
    await expect(box.locator(`button[data-customer="${idAt(many - 1)}"]`)).toBeVisible();
    // Half way down the scrollbar is about half way down the list.
    await scrollTo(0.5);
    await expect
      .poll(async () => Math.abs((await lastInView()).row - many / 2), settled)
      .toBeLessThan(many * 0.01);
  });

  test.describe('predicted value', () => {
    test.skip(!hasPredictions, 'the value model could not be fitted on this data');

    test('the value columns show the predictions; sorting by P(alive) ascending puts the lowest first; the export has them raw', async ({
      page,
    }) => {
      const errors = trackErrors(page);
      await open(page);
      const headers = await headerIds(page);
      for (const k of VALUE_COLUMNS) expect(headers).toContain(k);
      await expect(page.locator('thead')).toContainText('Exp. purchases (12 mo)');

      // The first row is the file's first customer, with its figures.
      const c0 = customers[0]!;
      const row0 = page.locator('[data-testid="customer-table"] tbody tr[data-row="0"]');
      await expect(row0.locator('button[data-customer]')).toHaveText(String(c0.customer_id));
      const cells = row0.locator('td');
      const cellOf = async (id: string) => cells.nth(headers.indexOf(id) - 1);
      await expect(await cellOf('p_alive')).toHaveText(formatPct(num(c0, 'p_alive') * 100, 0));
      await expect(await cellOf('expected_purchases')).toHaveText(
        formatCount(num(c0, 'expected_purchases'), 2),
      );
      const range = `${short.format(num(c0, 'predicted_clv_p10'))}–${short.format(num(c0, 'predicted_clv_p90'))}`;
      await expect(await cellOf('predicted_clv')).toHaveText(
        `${formatMoney(num(c0, 'predicted_clv'), currency)}, range ${range}`,
      );
      await expect((await cellOf('predicted_clv')).locator('[data-clv-range]')).toHaveText(
        `, range ${range}`,
      );

      // Numbers sort high-to-low first: a second click sorts ascending.
      const sortButton = page.locator('button[data-sort-button="p_alive"]');
      await sortButton.click();
      await expect(page.locator('th[aria-sort="descending"]')).toContainText('P(alive)');
      await sortButton.click();
      await expect(page.locator('th[aria-sort="ascending"]')).toContainText('P(alive)');
      await expect(page).toHaveURL(/sort=p_alive\.asc/);
      const ascending = customers
        .map((c, i) => ({ c, i }))
        .sort((a, b) => num(a.c, 'p_alive') - num(b.c, 'p_alive') || a.i - b.i)
        .map(({ c }) => c);
      const ids = await renderedIds(page);
      expect(ids).toEqual(ascending.slice(0, ids.length).map((c) => c.customer_id));
      const lowest = Math.min(...customers.map((c) => num(c, 'p_alive')));
      expect(num(ascending[0]!, 'p_alive')).toBe(lowest);
      await expect(row0.locator('td').nth(headers.indexOf('p_alive') - 1)).toHaveText(
        formatPct(lowest * 100, 0),
      );

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const text = readFileSync(await (await download).path(), 'utf8');
      const parsed = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { header: false });
      const [header, ...lines] = parsed.data;
      expect(header).toEqual(EXPORT_COLUMNS);
      for (const k of [...VALUE_COLUMNS, ...RANGE_COLUMNS]) expect(header).toContain(k);
      expect(lines).toHaveLength(customers.length);
      const at = (k: string) => header!.indexOf(k);
      for (const [j, c] of ascending.slice(0, 50).entries()) {
        const line = lines[j]!;
        expect(line[0]).toBe(c.customer_id);
        for (const k of [...VALUE_COLUMNS, ...RANGE_COLUMNS])
          expect(line[at(k)], `${c.customer_id} ${k}`).toBe(String(c[k as keyof Rec]));
      }
      expect(errors).toEqual([]);
    });

    test('the at-risk filter keeps exactly the customers the rule picks, says the rule, and is kept in the URL', async ({
      page,
    }) => {
      const errors = trackErrors(page);
      const expected = atRiskCustomers(customers);
      expect(expected.length).toBeGreaterThan(10);
      expect(expected.length).toBeLessThan(customers.length * 0.3);
      for (const c of expected) expect(num(c, 'p_alive')).toBeLessThan(AT_RISK_P_ALIVE_BELOW);

      await open(page);
      const filter = page.getByTestId('at-risk-filter');
      await expect(page.getByTestId('at-risk-rule')).toContainText('top 30 %');
      await expect(page.getByTestId('at-risk-rule')).toContainText('P(alive) below 50 %');
      await expect(filter).toContainText(formatCount(expected.length));
      await filter.locator('label').click();
      await expect(page.getByTestId('result-count')).toHaveText(
        `Showing ${formatCount(expected.length)} of ${formatCount(customers.length)} customers`,
      );
      const ids = await renderedIds(page);
      expect(ids).toEqual(expected.slice(0, ids.length).map((c) => c.customer_id));
      await expect(page).toHaveURL(/risk=1/);

      await page.reload();
      await expect(page.locator('input[data-filter="at_risk"]')).toBeChecked({ timeout: ENGINE_START_MS });
      await expect(page.getByTestId('result-count')).toContainText(
        `Showing ${formatCount(expected.length)} of`,
      );
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      expect((await download).suggestedFilename()).toBe(`customers_at-risk_${expected.length}-rows.csv`);
      expect(errors).toEqual([]);
    });

    test('the profile shows P(alive), expected purchases and predicted CLV with its range, against the averages', async ({
      page,
    }) => {
      const c = customers[5]!;
      await open(page, `/customers?customer=${c.customer_id}`);
      const dialog = page.getByRole('dialog', { name: String(c.customer_id) });
      await expect(dialog).toBeVisible();
      const value = dialog.getByTestId('profile-value');
      await expect(value).toContainText(formatPct(num(c, 'p_alive') * 100, 0));
      await expect(value).toContainText(formatCount(num(c, 'expected_purchases'), 2));
      await expect(value).toContainText(formatMoney(num(c, 'predicted_clv'), currency));
      await expect(value).toContainText(
        `${short.format(num(c, 'predicted_clv_p10'))}–${short.format(num(c, 'predicted_clv_p90'))}`,
      );
      const mean = (list: Rec[], k: keyof Rec) => list.reduce((s, x) => s + num(x, k), 0) / list.length;
      const persona = customers.filter((x) => x.cluster_id === c.cluster_id);
      await expect(dialog.locator('tr[data-metric="p_alive"] td')).toHaveText([
        formatPct(num(c, 'p_alive') * 100, 0),
        formatPct(mean(persona, 'p_alive') * 100, 0),
        formatPct(mean(customers, 'p_alive') * 100, 0),
      ]);
      await expect(dialog.locator('tr[data-metric="predicted_clv"] td')).toHaveText([
        formatMoney(num(c, 'predicted_clv'), currency),
        formatMoney(mean(persona, 'predicted_clv'), currency),
        formatMoney(mean(customers, 'predicted_clv'), currency),
      ]);
      await expect(dialog.locator('tr[data-metric="expected_purchases"] td')).toHaveText([
        formatCount(num(c, 'expected_purchases'), 2),
        formatCount(mean(persona, 'expected_purchases'), 2),
        formatCount(mean(customers, 'expected_purchases'), 2),
      ]);
    });
  });

  test('without predictions, the value columns are hidden and greyed out and a note says why', async ({
    page,
  }) => {
    const errors = trackErrors(page);
    // The same customers with every prediction null, as for a brand's small file.
    await serveCustomers(
      page,
      CUSTOMERS_MASTER_COLUMNS,
      master.rows.map((r) => r.map((v, i) => (i >= COLUMNS.indexOf('p_alive') ? null : v))),
    );
    await open(page, '/customers?cols=customer_id~p_alive~predicted_clv~total_spend');
    await expect(page.getByTestId('predictions-note')).toContainText(/^Predictions unavailable: /);
    expect(await headerIds(page)).toEqual(['customer_id', 'total_spend']);
    await expect(page.locator('tbody')).not.toContainText('NaN');
    await expect(page.locator('input[data-filter="at_risk"]')).toBeDisabled();
    await expect(page.getByTestId('at-risk-rule')).toContainText('Unavailable');
    await page.getByTestId('column-menu').locator('summary').click();
    await expect(page.locator('input[data-column="p_alive"]')).toBeDisabled();
    await expect(page.locator('input[data-column="predicted_clv"]')).toBeDisabled();
    await page.locator(`button[data-customer="${customers[0]!.customer_id}"]`).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('profile-value-note')).toContainText('Predictions unavailable');
    await expect(dialog.locator('tr[data-metric="p_alive"]')).toHaveCount(0);
    await expect(dialog).not.toContainText('NaN');
    expect(errors).toEqual([]);
  });
});
