import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Request } from '@playwright/test';
import { garbageBytes, makeOrders, renameHeader, spoilQuantities } from './fixtures/own-orders';
import { expectNoSeriousA11yViolations, screenshotBothWidths, trackErrors } from './support';

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

async function downloadText(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
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
  await page.getByTestId('analyse-button').click();
  await waitForResults(page, 5);
  await expect(page.getByTestId('customers-summary')).toContainText(
    `crm-customers.csv: ${orders.customers + 2} rows, ${orders.customers} matched to customers of the orders (2 ids not in the orders)`,
  );
  await expect(page.getByTestId('own-persona-card').first().getByTestId('own-age')).toBeVisible();

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

  // Five personas whose customers add up to everyone.
  const cards = page.getByTestId('own-persona-card');
  await expect(cards).toHaveCount(5);
  const counts = await cards
    .getByTestId('own-customers')
    .locator('dd')
    .allTextContents()
    .then((t) => t.map((s) => Number(s.split(' ')[0]!.replace(/,/g, ''))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(orders.customers);
  await expect(page.getByRole('heading', { name: 'Revenue by persona' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'CLV proxy by persona' })).toBeVisible();
  const heat = page.getByTestId('affinity-heatmap');
  await expect(heat.locator('tbody tr')).toHaveCount(5);
  await expect(heat.locator('thead th[scope="col"]')).toHaveCount(1 + 8); // persona + eight intents
  await expectNoSeriousA11yViolations(page);

  // Downloads, made in the browser from the result.
  const personasCsv = await downloadText(page, 'download-personas-csv');
  expect(personasCsv.name).toBe('shop-orders-personas.csv');
  const lines = personasCsv.text.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^Persona,Customers,Customer share %,Revenue,/);
  expect(lines).toHaveLength(1 + 5 + 1);
  expect(lines[6]).toMatch(new RegExp(`^All customers,${orders.customers},100,`));
  const json = await downloadText(page, 'download-json');
  const result = JSON.parse(json.text);
  expect(result.source).toEqual({ file: 'shop-orders.csv', rows: orders.rows, skipped: 3 });
  expect(result.k).toBe(5);
  expect(result.personas).toHaveLength(5);
  expect(result.affinity.intents).toHaveLength(8);
  const affinity = await downloadText(page, 'download-affinity-csv');
  expect(affinity.text.trimEnd().split('\r\n')).toHaveLength(1 + 5 * 8);

  // Another k: recomputed in the worker from the log it kept (no re-read, so no progress of reading).
  await page.getByTestId('k-select').selectOption('3');
  await waitForResults(page, 3);
  await expect(cards).toHaveCount(3);
  await expect(heat.locator('tbody tr')).toHaveCount(3);

  // Nothing carried the file: no request with a body, no POST or PUT, only the worker's own script.
  for (const r of requests) {
    expect(r.method(), r.url()).toBe('GET');
    expect(r.postData(), r.url()).toBeNull();
    expect(new URL(r.url()).pathname, r.url()).toMatch(/^\/_next\/static\//);
  }
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

  // Still usable: a good file after all that is analysed.
  await upload(page, csvFile('orders.csv', orders.csv));
  await expect(page.getByTestId('mapping-missing')).toHaveCount(0);
  await page.getByTestId('analyse-button').click();
  await waitForResults(page, 5);
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('own-persona-card')).toHaveCount(5);

  for (const r of requests) {
    expect(r.method(), r.url()).toBe('GET');
    expect(r.postData(), r.url()).toBeNull();
    expect(new URL(r.url()).pathname, r.url()).toMatch(/^\/_next\/static\//);
  }
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
