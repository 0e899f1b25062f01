import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';

// Chromium's own verdict on installability (the check behind its install prompt): the web
// manifest, its icons (a maskable one too), and a service worker that controls the page.
// Test contexts are incognito, where nothing is installable, so this one opens a real
// profile in a temporary folder, with the same browser and flags as the config.
test('Chromium reports the app installable, with a maskable icon', async ({ baseURL, browserName }, testInfo) => {
  test.skip(browserName !== 'chromium');
  const profile = mkdtempSync(join(tmpdir(), 'shop-profile-'));
  const launch = testInfo.project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profile, { ...launch, ...(baseURL && { baseURL }) });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await check(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

async function check(page: import('@playwright/test').Page) {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);

  const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; data?: string };
  expect(manifest.errors).toEqual([]);
  const data = JSON.parse(manifest.data ?? '{}') as { name?: string; start_url?: string; display?: string; icons?: { purpose?: string; sizes?: string }[] };
  expect(data).toMatchObject({ name: 'Offline Shop', display: 'standalone' });
  expect(data.icons?.some((i) => i.purpose === 'maskable')).toBe(true);
  expect(data.icons?.some((i) => i.sizes === '512x512')).toBe(true);
}
