import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ManifestSchema, type Manifest } from '@/lib/schema/manifest';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support';

const MANIFEST_PATH = path.join(process.cwd(), 'public', 'data', 'manifest.json');

function readManifest(): Manifest {
  if (!existsSync(MANIFEST_PATH)) {
    throw new Error(`${MANIFEST_PATH} is missing: run \`npm run data:build\` before the e2e tests.`);
  }
  return ManifestSchema.parse(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')));
}

/** Collects console errors and uncaught page errors for the lifetime of the page. */
function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

const countFormat = new Intl.NumberFormat('en-IN');

test.describe('methodology & data: the tables and files', () => {
  test('lists every table in the manifest, with its row count, joins and files, and the citation', async ({
    page,
  }) => {
    const manifest = readManifest();
    const errors = trackErrors(page);

    await page.goto('/methodology');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('build-title')).toHaveText(manifest.title);
    await expect(page.getByRole('banner')).toContainText('Omnichannel Insights');
    await expect(page.getByRole('contentinfo')).toContainText('Bhowmick & Pazour, IISE 2024');

    const tables = page.getByRole('table', { name: /^Tables, grains and join keys/ });
    await expect(tables.locator('tbody tr')).toHaveCount(manifest.tables.length);
    for (const entry of manifest.tables) {
      const row = tables.getByRole('row').filter({
        has: page.getByRole('rowheader', { name: entry.name, exact: true }),
      });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole('cell').nth(2)).toHaveText(countFormat.format(entry.rows));
      await expect(row.getByRole('cell').nth(4)).toContainText(entry.description);
      for (const file of entry.files) {
        const link = row.getByRole('link', { name: file, exact: true });
        await expect(link).toHaveAttribute('href', `/data/${file}`);
      }
    }
    // A satellite names the spine it joins on.
    const clv = tables
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'clv_proxy', exact: true }) });
    await expect(clv.getByRole('cell').nth(3)).toContainText('customers_master on customer_id');

    const sources = page.getByRole('table', { name: /^Source files/ });
    for (const source of manifest.sources.files) {
      await expect(sources).toContainText(source.sha256);
    }
    await expect(page.getByTestId('citation')).toHaveText(manifest.sources.citation);
    // The sandbox build has no import report; a brand build has one (e2e-brand).
    await expect(page.getByTestId('import-report')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the old Data & sources address lands on the tables, also from a plain static host', async ({
    page,
    request,
  }) => {
    const html = await (await request.get('/data')).text();
    // The prerendered page itself redirects (a meta refresh), so a static host needs no rewrite rule.
    expect(html).toMatch(/http-equiv="refresh"[^>]*url=\/methodology#data-model/);
    await page.goto('/data');
    await expect(page).toHaveURL(/\/methodology#data-model$/);
    await expect(page.getByRole('table', { name: /^Tables, grains and join keys/ })).toBeVisible();
  });
});

test.describe('every page', () => {
  test('has the persistent navigation, the provenance and no serious accessibility violations (methodology & data)', async ({
    page,
  }) => {
    const manifest = readManifest();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/methodology');
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The groups, by job, as tabs in one row; the action stands apart.
    const tabs = ['Overview', 'Customers', 'Merchandising', 'Channels & CRM', 'Methodology & data'];
    for (const label of [...tabs, 'Analyse your data']) {
      await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
    }
    const tops = await nav
      .getByRole('link')
      .filter({ hasText: new RegExp(`^(${tabs.join('|')})$`) })
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top));
    expect(tops).toHaveLength(tabs.length);
    expect(new Set(tops).size).toBe(1);
    // The current group's pages sit beneath, the current one marked.
    // Methodology and data are one place: one tab, the page itself, with no list of pages beneath.
    await expect(nav.getByRole('link', { name: 'Methodology & data', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(nav.getByRole('list', { name: 'Methodology & data' })).toHaveCount(0);
    await expect(page.getByTestId('provenance')).toContainText(
      `${countFormat.format(manifest.config.customers)} synthetic customers (seed ${manifest.config.seed})`,
    );
    await expectNoSeriousA11yViolations(page);
  });

  test('on a phone, one button names the page and opens every page in a sheet', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/demand');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: /Merchandising · Demand/ });
    await expect(menu).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Analyse your data' })).toBeVisible();
    // The wide tabs are not shown on a phone.
    await expect(nav.getByRole('link', { name: 'Merchandising', exact: true })).toBeHidden();
    const sheet = page.getByRole('dialog', { name: 'Pages' });
    // The button works once the page has hydrated.
    await expect(async () => {
      await menu.click();
      await expect(sheet).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(sheet.getByRole('link')).toHaveText([
      'Overview',
      'Personas',
      'Customer explorer',
      'Revenue & value',
      'Affinity & cross-sell',
      'Demand',
      'Channels',
      'Operations',
      'Marketing',
      'Methodology & data',
    ]);
    await expect(sheet.getByRole('link', { name: 'Demand' })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await menu.click();
    await sheet.getByRole('link', { name: 'Operations' }).click();
    await expect(page).toHaveURL(/\/operations$/);
    await expect(sheet).toBeHidden();
    await expect(nav.getByRole('button', { name: /Channels & CRM · Operations/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('can be navigated from the keyboard: the skip link moves focus to the content', async ({ page }) => {
    await page.goto('/methodology');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});
