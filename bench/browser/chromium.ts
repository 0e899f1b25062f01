/**
 * Shared by the browser benches: Debian's Chromium through Playwright (`npx playwright install`
 * cannot download browsers here), the repository's root, and percentiles.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The same browser and flags as playwright.config.ts. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Nearest-rank percentile (p in 0..100) of some numbers. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** "3.2 ms" / "1,234 ms". */
export function ms(x: number): string {
  return x < 100 ? `${x.toFixed(1)} ms` : `${Math.round(x).toLocaleString('en-US')} ms`;
}
