/**
 * The dashboard built from a brand's own orders (scripts/check-brand-build.ts builds and serves it):
 * every page renders the brand's tables with their provenance, without a NaN or an error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatCount } from '@/lib/format/format';
import { formatDay } from '@/lib/format/provenance';
import { expect, test } from '@playwright/test';
import { trackErrors } from '../e2e/support';
import { PAGES } from '../scripts/bench-pages-list';

const DATA = process.env.OMNI_BRAND_DATA ?? '';
const EXPORT = process.env.OMNI_BRAND_EXPORT ?? '';
const json = <T>(name: string): T => JSON.parse(readFileSync(path.join(DATA, name), 'utf8')) as T;

test.skip(!DATA || !EXPORT, 'run by scripts/check-brand-build.ts, which builds the brand dashboard');

interface Manifest {
  provenance: { kind: string; rows_read: number; rows_skipped: number; first_day: string; last_day: string };
  counts: { customers: number };
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

for (const url of PAGES) {
  test(`${url} shows the brand's data and its provenance`, async ({ page }) => {
    const errors = trackErrors(page);
    const manifest = json<Manifest>('manifest.json');
    expect(manifest.provenance.kind).toBe('orders');
    await page.goto(withSlash(url));
    await page.waitForLoadState('networkidle');
    await expect(page.locator('h1')).toBeVisible();
    const provenance = page.getByTestId('provenance');
    if (url === '/analyse') {
      // The in-browser analysis speaks of the file chosen there, not of the build.
      await expect(provenance).toContainText('Your file:');
    } else {
      await expect(provenance).toContainText('Your data:');
      await expect(provenance).toContainText('orders.csv');
    }
    await expect(provenance).not.toContainText('Sandbox data');
    await expect(page.locator('main')).not.toContainText('NaN');
    await expect(page.locator('main')).not.toContainText('undefined');
    expect(errors).toEqual([]);
  });
}

test('the personas are those of the brand build', async ({ page }) => {
  const seg = json<{ personas: Array<{ persona: string; customers: number }> }>('segmentation.json');
  await page.goto('/personas/');
  const cards = page.getByTestId('persona-card');
  await expect(cards).toHaveCount(seg.personas.length);
  for (const p of seg.personas) await expect(page.getByRole('heading', { name: p.persona })).toBeVisible();
});

test('the explorer lists the brand customers, from the ids of the orders file', async ({ page }) => {
  const manifest = json<Manifest>('manifest.json');
  const firstId = readFileSync(path.join(EXPORT, 'orders.csv'), 'utf8').split('\n')[1]!.split(',')[1]!;
  await page.goto('/customers/');
  await expect(page.getByTestId('result-count')).toHaveText(
    `Showing ${formatCount(manifest.counts.customers)} of ${formatCount(manifest.counts.customers)} customers`,
    { timeout: 20_000 },
  );
  await page.getByRole('searchbox').first().fill(firstId);
  await expect(page.getByTestId('customer-table')).toContainText(firstId);
});

test('the import report gives the files, rows read and skipped, and the date range', async ({ page }) => {
  const { provenance } = json<Manifest>('manifest.json');
  await page.goto('/data/');
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('orders.csv');
  await expect(report).toContainText('customers.csv');
  await expect(report).toContainText('intents.csv');
  await expect(report).toContainText(formatCount(provenance.rows_read));
  await expect(report).toContainText(
    `${formatDay(provenance.first_day)} – ${formatDay(provenance.last_day)}`,
  );
});

test('marketing says why it has no data, and the rest of the site is reachable', async ({ page }) => {
  await page.goto('/marketing/');
  await expect(page.getByTestId('not-in-data')).toContainText('An orders file does not carry them');
  await page.getByRole('navigation').getByRole('link', { name: 'Revenue' }).first().click();
  await expect(page).toHaveURL(/\/revenue\/?$/);
});
