import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { freePort } from '../sync/couch-server.ts';
import { buildApp, startStaticServer, type StaticServer } from './static-server.ts';

// A new version is offered and taken only on the user's word. Two builds of the app (told
// apart by VITE_BUILD_ID) are served in turn; the page must keep running the old one until
// "Reload to update", and then run the new one, at the first press.

let server: StaticServer;
const dirs = { v1: '', v2: '' };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'shop-update-'));
  for (const v of ['v1', 'v2'] as const) {
    dirs[v] = join(root, v);
    await buildApp(dirs[v], { buildId: v });
  }
  server = await startStaticServer(await freePort(), dirs.v1);
});

test.afterAll(async () => {
  await server?.close();
});

/** A page controlled by v1 while v2 waits, offering it (also after a reload: still v1 until the word). */
async function offerOfV2(page: Page): Promise<Locator> {
  server.serve(dirs.v1);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v1');

  server.serve(dirs.v2);
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
  const offer = page.getByRole('complementary', { name: 'A new version is ready.' });
  await expect(offer).toBeVisible({ timeout: 20_000 });
  // Still the old version until the person says so, even across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v1');
  await expect(offer).toBeVisible({ timeout: 20_000 });
  return offer;
}

test('a new version waits for the word, then takes over', async ({ page }) => {
  test.setTimeout(60_000);
  const offer = await offerOfV2(page);
  await offer.getByRole('button', { name: 'Reload to update' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v2', { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});

// The flake this app had: the old worker must be idle and stopped before Chromium hands over, and a
// request from the page during that stop restarted it and parked the takeover. A page that keeps
// loading photos (a person scrolling the catalog) while they press makes that race near certain.
test('the new version takes over at one press while the page is loading photos', async ({ page }) => {
  test.setTimeout(60_000);
  const offer = await offerOfV2(page);
  await page.evaluate(() => {
    let n = 0;
    setInterval(() => void fetch(`photos/banana.svg?scroll=${n++}`).catch(() => undefined), 5);
  });
  await offer.getByRole('button', { name: 'Reload to update' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v2', { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});

// A tab that stayed on the old version while another took the new one would run code whose files
// the new version dropped from the cache: it reloads into the new version.
test('another open tab follows the new version', async ({ page, context }) => {
  test.setTimeout(60_000);
  const offer = await offerOfV2(page);
  const other = await context.newPage();
  await other.goto(server.url);
  await expect(other.locator('html')).toHaveAttribute('data-build', 'v1');
  await expect(other.getByRole('complementary', { name: 'A new version is ready.' })).toBeVisible({ timeout: 20_000 });
  await other.waitForLoadState('networkidle');

  await offer.getByRole('button', { name: 'Reload to update' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'v2', { timeout: 20_000 });
  await expect(other.locator('html')).toHaveAttribute('data-build', 'v2', { timeout: 20_000 });
  await expect(other.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});
