/**
 * Shared by the browser benches: Debian's Chromium through Playwright (`npx playwright install`
 * cannot download browsers here), the repository's root, and percentiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer } from 'vite';

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

export interface BenchPageOptions {
  /** The bench page, relative to the repository (`bench/browser/x-bench.html`). */
  page: string;
  port: number;
  /** The function the page puts on `window` when it is ready to run. */
  ready: string;
  /** Vite options for the page's modules (dependencies to pre-bundle, aliases). */
  include?: string[];
  alias?: { find: RegExp; replacement: string }[];
  /** Paths the Vite server passes on elsewhere (a CouchDB behind the page's own origin). */
  proxy?: Record<string, { target: string; changeOrigin?: boolean; rewrite?: (path: string) => string }>;
}

/**
 * Serves the repository with a Vite server of its own (plain TS modules need no plugin; its own
 * dependency cache, so as not to rewrite someone's dev server's; no HMR socket, no watching),
 * opens the bench page in Chromium once it is ready, runs `fn`, and fails on any error the page
 * threw. Everything is closed and cleaned up after.
 */
export async function withBenchPage<T>(options: BenchPageOptions, fn: (page: Page) => Promise<T>): Promise<T> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-vite-cache-'));
  const server = await createServer({
    configFile: false,
    root: REPO,
    cacheDir,
    logLevel: 'silent',
    plugins: [],
    server: { host: '127.0.0.1', port: options.port, strictPort: true, hmr: false, watch: null, ...(options.proxy && { proxy: options.proxy }) },
    optimizeDeps: { entries: [options.page], ...(options.include && { include: options.include }) },
    ...(options.alias && { resolve: { alias: options.alias } }),
  });
  try {
    await server.listen();
    const base = server.resolvedUrls?.local[0];
    if (base === undefined) throw new Error('the Vite server has no local address');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Said only if the page fails to load (a missing favicon is a console error too).
      const logged: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') logged.push(m.text());
      });
      await page.goto(new URL(options.page, base).toString());
      await page
        .waitForFunction((name) => typeof (window as unknown as Record<string, unknown>)[name] === 'function', options.ready, { timeout: 60_000 })
        .catch((error: unknown) => {
          const why = [...errors, ...logged];
          throw new Error(`the bench page did not load${why.length > 0 ? `: ${why.join('; ')}` : ''}`, { cause: error });
        });
      const result = await fn(page);
      if (errors.length > 0) throw new Error(`errors in the bench page: ${errors.join('; ')}`);
      return result;
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
