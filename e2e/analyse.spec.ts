import { expect, test, type Page, type Request } from '@playwright/test';
import { garbageBytes, makeOrders, renameHeader, spoilQuantities } from './fixtures/own-orders';
import {
  downloadText,
  expectHarmless,
  expectNoSeriousA11yViolations,
  screenshotBothWidths,
  trackErrors,
} from './support';

// Generating the orders and analysing them in the browser takes a while.
test.describe.configure({ timeout: 180_000, mode: 'serial' });

const orders = makeOrders(400);
/** The amount column under a name that is no synonym, and three bad rows (lines 10, 20, 30). */
const lineValue = spoilQuantities(renameHeader(orders.csv, 'amount', 'Line value'), [10, 20, 30]);

type Upload = { name: string; mimeType: string; buffer: Buffer };
const csvFile = (name: string, text: string | Buffer): Upload => ({
  name,
  mimeType: 'text/csv',
  buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

async function open(page: Page) {
  await page.goto('/analyse');
  await expect(page.locator('[data-testid="analyse-app"][data-ready]')).toBeVisible();
  await page.waitForLoadState('networkidle');
}

async function upload(page: Page, file: Upload) {
  await page.getByLabel('Drop the orders CSV here, or choose a file').setInputFiles(file);
}

async function waitForResults(page: Page, k: number) {
  await expect(page.locator(`[data-testid="analyse-results"][data-k="${k}"]`)).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByTestId('analyse-progress')).toHaveCount(0);
}

test('analyses an orders file in the browser: mapping, personas, k, downloads, and nothing sent', async ({
  page,
}) => {
  const errors = trackErrors(page);
  await open(page);
  await expect(page.getByTestId('privacy-note')).toContainText('Your file never leaves this browser');

  // Every request from here on: the file must not travel in any of them.
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));

  await upload(page, csvFile('shop-orders.csv', lineValue));
  // "Line value" is no synonym of amount: the page says it is missing and will not analyse yet.
  await expect(page.getByTestId('mapping-missing')).toContainText('No column for amount (net of discount)');
  await expect(page.getByTestId('how-amount')).toHaveText('missing: choose a column');
  await expect(page.getByTestId('how-customer_id')).toHaveText('matched "customer_id"');
  await expect(page.getByTestId('analyse-button')).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('amount (net of discount)').selectOption('Line value');
  await expect(page.getByTestId('how-amount')).toHaveText('set by you');
  await expect(page.getByTestId('mapping-missing')).toHaveCount(0);
  // With the customers file of the same customers (and two ids the orders do not have).
  await page
    .getByLabel('Customers file (optional)')
    .setInputFiles(
      csvFile('crm-customers.csv', `${orders.customersCsv}X1,30-39,F,Tier 1\nX2,40-49,M,Tier 2\n`),
    );
  // Categories grouped into two intents; the last category is left out and stands as its own.
  const categories = [
    ...new Set(
      orders.csv
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[4]!),
    ),
  ].sort();
  expect(categories.length).toBeGreaterThan(3);
  const mapped = categories.slice(0, -1);
  const intentsCsv = `category,intent\n${mapped.map((c, i) => `${c},${i % 2 ? 'Home & living' : 'Everyday'}`).join('\n')}\n`;
  await page.getByLabel('Category → intent file (optional)').setInputFiles(csvFile('groups.csv', intentsCsv));
  await page.getByTestId('analyse-button').click();
  await waitForResults(page, 5);
  await expect(page.getByTestId('customers-summary')).toContainText(
    `crm-customers.csv: ${orders.customers + 2} rows, ${orders.customers} matched to customers of the orders (2 ids not in the orders)`,
  );
  await expect(page.getByTestId('intents-summary')).toContainText(
    `groups.csv: ${mapped.length} categories grouped into 3 intents; 1 categories are not in the file`,
  );
  await expect(page.getByRole('table', { name: /Who the personas are/ })).toBeAttached();

  // The read: every row but the three spoilt ones, which are listed with line and reason.
  await expect(page.getByTestId('read-summary')).toContainText(
    `${orders.rows.toLocaleString('en-IN')} rows read, 3 skipped`,
  );
  await expect(page.getByTestId('skipped-count')).toContainText('3 of');
  await expect(page.getByTestId('problem-list').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('problem-list').locator('li').first()).toContainText(
    'line 10: quantity "two"',
  );
  await expect(page.getByTestId('kpi-customers')).toContainText(orders.customers.toLocaleString('en-IN'));

  // The dashboard's own persona cards (without links: these personas have no page), adding up to everyone.
  const cards = page.getByTestId('persona-card');
  await expect(cards).toHaveCount(5);
  await expect(cards.getByTestId('persona-card-link')).toHaveCount(0);
  const counts = await cards
    .getByTestId('card-customers-value')
    .allTextContents()
    .then((t) => t.map((s) => Number(s.replace(/,/g, ''))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(orders.customers);
  // The dashboard's revenue, CLV and affinity charts, from the tables built in the worker.
  await expect(page.getByRole('heading', { name: 'Revenue by persona', exact: true }).first()).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Customer lifetime value (proxy)', exact: true }),
  ).toBeVisible();
  const heat = page.getByTestId('affinity-heatmap');
  await expect(heat.locator('tbody tr')).toHaveCount(5);
  await expect(heat.locator('thead th[scope="col"]')).toHaveCount(1 + 3); // persona + three intents
  await expect(page.getByTestId('analyse-results')).not.toContainText('NaN');
  await expectNoSeriousA11yViolations(page);

  // Downloads: the tables themselves, as data:build writes them, made in the worker.
  const master = await downloadText(page, 'download-customers_master-csv');
  expect(master.name).toBe('customers_master.csv');
  const lines = master.text.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^customer_id,cluster_id,persona,age,age_band,gender,locale,/);
  expect(lines).toHaveLength(1 + orders.customers);
  const segmentation = JSON.parse((await downloadText(page, 'download-segmentation-json')).text);
  expect(segmentation.k).toBe(5);
  expect(segmentation.personas).toHaveLength(5);
  const affinity = JSON.parse((await downloadText(page, 'download-product_affinity-json')).text);
  expect(affinity.intent_cells).toHaveLength(5 * 3);
  await expect(page.getByTestId('download-marketing_effectiveness-json')).toHaveCount(0);
  // Predicted value from the same value_model table the download holds (400 customers suffice).
  const valueModel = JSON.parse((await downloadText(page, 'download-value_model-json')).text);
  expect(valueModel.sufficiency.frequency).toBe(true);
  await expect(page.getByTestId('kpi-active-customers')).toContainText(
    Math.round(valueModel.total.active_customers).toLocaleString('en-IN'),
  );
  await expect(page.getByTestId('own-predicted')).not.toContainText('NaN');

  // Another k: recomputed in the worker from the log it kept (no re-read, so no progress of reading).
  await page.getByTestId('k-select').selectOption('3');
  await waitForResults(page, 3);
  await expect(cards).toHaveCount(3);
  await expect(heat.locator('tbody tr')).toHaveCount(3);
  const recomputed = JSON.parse((await downloadText(page, 'download-segmentation-json')).text);
  expect(recomputed.personas).toHaveLength(3);

  // Nothing carried the file: no request with a body, no POST or PUT; only scripts and page prefetches.
  for (const r of requests) expectHarmless(r);
  expect(requests.length, 'the worker script was fetched').toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('refuses broken files with a clear message and stays usable', async ({ page }) => {
  const errors = trackErrors(page);
  await open(page);
  const error = page.getByTestId('analyse-error');
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));

  await upload(page, csvFile('piped.csv', orders.csv.replace(/,/g, '|')));
  await expect(error).toContainText('the header has a single column');
  await expect(error).toContainText('not split by commas, semicolons or tabs');

  await upload(page, csvFile('no-customers.csv', renameHeader(orders.csv, 'customer_id', 'shopper')));
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('mapping-missing')).toContainText('No column for customer id');
  await expect(page.getByTestId('analyse-button')).toBeDisabled();

  await upload(page, csvFile('photo.csv', garbageBytes()));
  await expect(error).toContainText('photo.csv: this does not look like a CSV text file');

  await upload(page, csvFile('empty.csv', ''));
  await expect(error).toContainText('empty.csv: the file is empty.');

  const header = orders.csv.slice(0, orders.csv.indexOf('\n') + 1);
  await upload(page, csvFile('header-only.csv', header));
  await page.getByTestId('analyse-button').click();
  await expect(error).toContainText('header-only.csv: the file has a header but no order rows.');

  const body = orders.csv.split('\n').slice(1, 201);
  const spoilt = [
    header.trimEnd(),
    ...body.map((l, i) => (i % 5 === 0 ? l.replace(/T\d\d:00:00/, 'soon') : l)),
  ];
  await upload(page, csvFile('bad-dates.csv', `${spoilt.join('\n')}\n`));
  await page.getByTestId('analyse-button').click();
  await expect(error).toContainText('bad-dates.csv: 40 of 200 rows (20.0 %) are bad');
  await expect(error.getByTestId('problem-list').locator('li').first()).toContainText('line 2:');
  await expectNoSeriousA11yViolations(page);

  // A quote opened on line 51 and never closed (the file has no other quote): the read stops there,
  // instead of reading the 350 lines after it as one value and analysing the rest.
  expect(orders.csv).not.toContain('"');
  const lines = orders.csv.split('\n');
  const cells = lines[50]!.split(',');
  cells[4] = `"${cells[4]}`;
  lines[50] = cells.join(',');
  await upload(page, csvFile('stray-quote.csv', lines.join('\n')));
  await page.getByTestId('analyse-button').click();
  await expect(error).toContainText(
    'stray-quote.csv: line 51 (counting the header as line 1) has a value that opens with a quote (") and is not closed',
  );

  // Still usable: a good file after all that is analysed. Its customers file has a quote opened on
  // line 3 and never closed: that file is left out, with its line, and the orders are analysed.
  await upload(page, csvFile('orders.csv', orders.csv));
  await expect(page.getByTestId('mapping-missing')).toHaveCount(0);
  expect(orders.customersCsv).not.toContain('"');
  const crm = orders.customersCsv.split('\n');
  crm[2] = crm[2]!.replace(',', ',"');
  await page.getByLabel('Customers file (optional)').setInputFiles(csvFile('crm-quote.csv', crm.join('\n')));
  await page.getByTestId('analyse-button').click();
  await waitForResults(page, 5);
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('persona-card')).toHaveCount(5);
  await expect(page.getByTestId('customers-summary')).toContainText(
    'The customers file was not used: crm-quote.csv: line 3 (counting the header as line 1) has a value that opens with a quote (") and is not closed',
  );

  for (const r of requests) expectHarmless(r);
  expect(errors).toEqual([]);
});

test('cancel stops the worker mid-read and the page carries on', async ({ page }) => {
  const errors = trackErrors(page);
  await open(page);
  // Many copies of the body: long enough to still be reading when Cancel is pressed.
  const [header, ...rest] = orders.csv.trimEnd().split('\n');
  const copies = Array.from({ length: 25 }, (_, c) =>
    rest.map((l) => l.replace(/^O(\d+)/, `O${c}-$1`)).join('\n'),
  );
  await upload(page, csvFile('big.csv', `${header}\n${copies.join('\n')}\n`));
  await page.getByTestId('analyse-button').click();
  const progress = page.getByTestId('analyse-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Reading: [\d,]+ rows, [\d.]+ [KM]?B of [\d.]+ MB/);
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await page.getByTestId('cancel-button').click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('analyse-notice')).toContainText('Cancelled: the worker was stopped');
  await expect(page.getByTestId('analyse-results')).toHaveCount(0);
  // The file is still chosen: analyse it again, to the end this time.
  await page.getByTestId('analyse-button').click();
  await waitForResults(page, 5);
  expect(errors).toEqual([]);
});

test('looks right at 1440 and 390 px', async ({ page }) => {
  await screenshotBothWidths(page, '/analyse', 'analyse-empty');
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    await upload(page, csvFile('shop-orders.csv', lineValue));
    await expect(page.getByTestId('mapping-missing')).toBeVisible();
    await page.screenshot({ path: `test-results/analyse-mapping-${width}.png`, fullPage: true });
    await page.getByLabel('amount (net of discount)').selectOption('Line value');
    await page.getByTestId('analyse-button').click();
    await waitForResults(page, 5);
    await page.screenshot({ path: `test-results/analyse-results-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `results at ${width}px scroll sideways by ${overflow}px`).toBeLessThanOrEqual(1);
  }
});
