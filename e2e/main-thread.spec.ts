import { expect as baseExpect, test, type Request } from '@playwright/test';
import { trackErrors } from './support';

/**
 * What a page makes its main thread download and run, the budget bench:mobile measures on phones
 * (issue 13): pages prefetch other pages only when the reader shows intent, and the explorer's
 * database client runs in a worker.
 */
const expect = baseExpect.configure({ timeout: 30_000 });

/** A request for another page's server-component payload (Next adds `_rsc` to those). */
const isPagePayload = (r: Request) => new URL(r.url()).searchParams.has('_rsc');

test('a page prefetches no other page on load; hovering a link does, and the link still navigates in place', async ({
  page,
}) => {
  const errors = trackErrors(page);
  const payloads: string[] = [];
  page.on('request', (r) => {
    if (isPagePayload(r)) payloads.push(new URL(r.url()).pathname);
  });
  await page.goto('/personas');
  await page.waitForLoadState('networkidle');
  // Next's default would have fetched every page linked on screen by now (seven on a persona page).
  expect(payloads).toEqual([]);

  const revenue = page.getByRole('navigation').getByRole('link', { name: 'Revenue & value' });
  await revenue.hover();
  await expect.poll(() => payloads).toContain('/revenue');

  // A client-side move: the window (and this marker on it) survives, as a full page load would not.
  await page.evaluate(() => Object.assign(window, { samePageMarker: true }));
  await revenue.click();
  await expect(page).toHaveURL(/\/revenue$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('revenue');
  expect(await page.evaluate(() => 'samePageMarker' in window)).toBe(true);
  expect(errors).toEqual([]);
});

test("the explorer's page loads none of duckdb-wasm or Apache Arrow: its worker does", async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto('/customers');
  // The filter panel shows once the engine has started and read the file.
  await expect(page.getByTestId('filter-panel')).toBeVisible({ timeout: 60_000 });
  // Scripts the page itself loaded (a worker's own imports are on the worker's timeline).
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => new URL(url).pathname.endsWith('.js')),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    const text = await (await page.request.get(url)).text();
    // Text a minifier keeps: a request type of duckdb-wasm's async client, and a class name Arrow
    // exports (the worker's own bundle holds it).
    expect
      .soft(text.includes('REGISTER_FILE_URL') || text.includes('RecordBatchStreamReader'), url)
      .toBe(false);
  }
  expect(errors).toEqual([]);
});
