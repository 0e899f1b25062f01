import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../sync/couch-server.ts';
import { buildApp, startStaticServer, type StaticServer } from './static-server.ts';

// One setting (BASE_PATH, here the same `base` through Vite's API) moves the whole app under a
// sub-path, as on a static host's project page: assets, photos, manifest, service worker scope.
let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = join(mkdtempSync(join(tmpdir(), 'shop-subpath-')), 'dist');
  await buildApp(dir, { base: '/my-shop/' });
  server = await startStaticServer(await freePort(), dir, '/my-shop/');
});

test.afterAll(async () => {
  await server?.close();
});

test('the app works from a sub-path, offline too', async ({ page, context }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  const photo = page.locator('img.photo').first();
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await photo.getAttribute('src')).toMatch(/^\/my-shop\/photos\//);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(server.url);

  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto(`${server.url}#/cart`);
  await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
});
