import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/**
 * The Chromium to test and measure with: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium
 * (CI installs the package; Playwright's browser download is blocked here), else the browser
 * Playwright manages itself (undefined).
 */
export function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** No sandbox (containers), no GPU, and nothing in the background to compete with a measurement. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium as the benchmarks use it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}
