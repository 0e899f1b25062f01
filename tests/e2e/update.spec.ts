import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';

// A new version is offered and taken only on the user's word. Two builds of the app (told
// apart by VITE_BUILD_ID) are served in turn by a small static server of the test's own,
// on loopback; the page must keep running the old one until "Reload to update".
const PORT = Number(process.env.E2E_PORT ?? 4173) + 20;
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

let server: Server;
let serving = '';
const dirs: Record<'v1' | 'v2', string> = { v1: '', v2: '' };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'shop-update-'));
  for (const v of ['v1', 'v2'] as const) {
    dirs[v] = join(root, v);
    process.env.VITE_BUILD_ID = v;
    await build({ configFile: 'vite.config.ts', base: '/', logLevel: 'warn', build: { outDir: dirs[v], emptyOutDir: true } });
  }
  delete process.env.VITE_BUILD_ID;
  serving = dirs.v1;
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(serving, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(serving, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

test('a new version waits for the word, then takes over', async ({ page }) => {
  const url = `http://127.0.0.1:${PORT}/`;
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v1');

  serving = dirs.v2;
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
  const offer = page.getByRole('complementary', { name: 'A new version is ready.' });
  await expect(offer).toBeVisible({ timeout: 20_000 });
  // Still the old version until the person says so, even across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v1');
  await expect(offer).toBeVisible({ timeout: 20_000 });

  await offer.getByRole('button', { name: 'Reload to update' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v2', { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});
