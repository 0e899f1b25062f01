/**
 * Start-up of the BUILT app in Chromium, served by `vite preview` (Vite's JS API) on loopback:
 *   - cold: a fresh browser context (empty cache, no service worker, empty IndexedDB) visits the
 *     app; from the start of `page.goto` until the catalog shows its first product;
 *   - warm offline: once the service worker controls the page, the context goes offline and
 *     the page is reloaded; from the start of `page.reload` until the same.
 * Median of 5 each, wall clock in Node. The build is the bundle bench's (bench/build-app.ts).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { preview } from 'vite';
import type { Page } from '@playwright/test';
import { buildApp } from '../build-app.ts';
import { median, type Row } from '../table.ts';
import { launchChromium, ms, REPO } from './chromium.ts';

const PORT = 4182;
const RUNS = 5;
/**
 * What "interactive" waits for, after the Catalog heading: the first link to a product page.
 * The one place to change if the catalog screen's markup changes.
 */
export const FIRST_PRODUCT = 'a[href^="#/product/"]';
const HEADING = { name: 'Catalog' } as const;
/** How long a first visit may take before the product link is taken as missing. */
const FIRST_PRODUCT_TIMEOUT_MS = 20_000;
/** Proposed goals (none were set), for loopback with no throttling on this machine. */
const COLD_GOAL_MS = 1_500;
const WARM_GOAL_MS = 500;

const INTERACTIVE = `"interactive" = the Catalog heading and the first product link (${FIRST_PRODUCT}) visible: `
  + 'IndexedDB opened, the demo shop seeded on a first visit, the first catalog page rendered; wall clock in Node';

export async function browserStartBench(): Promise<Row[]> {
  let outDir: string;
  try {
    ({ outDir } = await buildApp());
  } catch (error) {
    return [failedRow(`vite build failed: ${firstLine(error)}`)];
  }
  const server = await preview({
    root: REPO,
    configFile: join(REPO, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('vite preview has no local address');
    const browser = await launchChromium();
    try {
      /** False once a first visit showed the heading but no product link: then only the heading is timed. */
      let productShown = true;
      const ready = async (page: Page, timeout: number) => {
        await page.getByRole('heading', HEADING).waitFor({ state: 'visible', timeout });
        if (!productShown) return;
        try {
          await page.locator(FIRST_PRODUCT).first().waitFor({ state: 'visible', timeout });
        } catch (error) {
          if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
          productShown = false;
        }
      };

      const cold: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        const start = performance.now();
        await page.goto(url, { waitUntil: 'commit' });
        await ready(page, FIRST_PRODUCT_TIMEOUT_MS);
        cold.push(performance.now() - start);
        await context.close();
      }

      const warm: number[] = [];
      const context = await browser.newContext({ locale: 'en-US' });
      try {
        const page = await context.newPage();
        await page.goto(url);
        await ready(page, FIRST_PRODUCT_TIMEOUT_MS);
        // Without clientsClaim the worker controls pages from the next load on.
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        await page.reload();
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        await ready(page, FIRST_PRODUCT_TIMEOUT_MS);
        await context.setOffline(true);
        for (let i = 0; i < RUNS; i++) {
          const start = performance.now();
          await page.reload({ waitUntil: 'commit' });
          await ready(page, FIRST_PRODUCT_TIMEOUT_MS);
          warm.push(performance.now() - start);
        }
        if (await page.evaluate(() => navigator.onLine)) throw new Error('the page was not offline');
        if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) throw new Error('no service worker controls the offline page');
      } finally {
        await context.close();
      }

      const waited = productShown
        ? INTERACTIVE
        : `NO PRODUCT LINK (${FIRST_PRODUCT}) APPEARED within ${FIRST_PRODUCT_TIMEOUT_MS / 1000} s, so only the Catalog heading was timed `
          + '(the catalog screen may still be a placeholder, or its markup changed: see FIRST_PRODUCT)';
      const runs = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
      return [
        {
          name: 'browser start: cold, to interactive',
          size: '1st visit',
          ms: median(cold),
          throughput: `${RUNS} runs`,
          note: `fresh context each run (no cache, no service worker, empty IndexedDB); runs ${runs(cold)} ms; `
            + `goal (proposed) < ${ms(COLD_GOAL_MS)}: ${median(cold) < COLD_GOAL_MS ? 'met' : 'NOT met'}; ${waited}`,
        },
        {
          name: 'browser start: warm offline, to interactive',
          size: 'reload',
          ms: median(warm),
          throughput: `${RUNS} runs`,
          note: `service worker in control, context offline, page reloaded; runs ${runs(warm)} ms; `
            + `goal (proposed) < ${ms(WARM_GOAL_MS)}: ${median(warm) < WARM_GOAL_MS ? 'met' : 'NOT met'}; ${waited}`,
        },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function failedRow(why: string): Row {
  return { name: 'browser start', size: '', ms: NaN, throughput: '', note: 'not measured', failed: why };
}
