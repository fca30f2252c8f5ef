import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TABLE_SCHEMAS, type TableName, type Tables } from '@/lib/schema';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type Request } from '@playwright/test';

/** A table from public/data, validated, as the pages read it. */
export function readTable<N extends TableName>(name: N): NonNullable<Tables[N]> {
  const file = path.join(process.cwd(), 'public', 'data', `${name}.json`);
  return TABLE_SCHEMAS[name].parse(JSON.parse(readFileSync(file, 'utf8'))) as NonNullable<Tables[N]>;
}

/** Collects console errors and uncaught page errors for the lifetime of the page. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** No serious or critical axe-core violations on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

/** Full-page screenshots at the desktop and phone widths the brand team uses, into test-results/. */
export async function screenshotBothWidths(page: Page, url: string, name: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await page.screenshot({
      path: path.join('test-results', `${name}-${width}.png`),
      fullPage: true,
      caret: 'initial',
    });
    // No page-level horizontal scroll: wide content scrolls inside its own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
  }
}

export const countFormat = new Intl.NumberFormat('en-IN');

/**
 * A request that cannot carry a file the page was given: a GET without a body, for the app's own
 * scripts or, when a navigation link scrolls into view, Next's prefetch of another page (`?_rsc=`).
 */
export function expectHarmless(r: Request) {
  expect(r.method(), r.url()).toBe('GET');
  expect(r.postData(), r.url()).toBeNull();
  const url = new URL(r.url());
  const prefetch = url.searchParams.has('_rsc') && [...url.searchParams.keys()].length === 1;
  expect(url.pathname.startsWith('/_next/static/') || prefetch, r.url()).toBe(true);
}

/** Clicks a download button and reads the file it saves. */
export async function downloadText(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/**
 * Draws every chart's table: a chart's table enters the page on the first "View as table" and stays,
 * visually hidden, once the chart is shown again. Each button is clicked twice, so every chart is
 * back in view and the tables can be read like any other.
 */
export async function showChartTables(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: /^View as (table|chart)$/ });
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    await expect(button).toHaveText('View as table');
    await button.click();
    await expect(button).toHaveText('View as chart');
    await button.click();
    await expect(button).toHaveText('View as table');
  }
}
