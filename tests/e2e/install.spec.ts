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
  const data = JSON.parse(manifest.data ?? '{}') as {
    name?: string; display?: string; theme_color?: string;
    icons?: { src: string; purpose?: string; sizes?: string }[];
    screenshots?: { src: string; sizes: string; form_factor?: string; label?: string }[];
  };
  expect(data).toMatchObject({ name: 'Offline Shop', display: 'standalone' });
  // Icons for every use: any, maskable (a launcher's shape) and monochrome, at the sizes Chromium asks for.
  for (const purpose of ['any', 'maskable']) {
    for (const size of ['192x192', '512x512']) expect(data.icons?.some((i) => i.purpose === purpose && i.sizes === size), `${purpose} ${size}`).toBe(true);
  }
  expect(data.icons?.some((i) => i.purpose === 'monochrome')).toBe(true);
  // The theme is the header's own orange, so the browser's bar and the app's frame match it.
  const header = await page.locator('.top-bar').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(hexToRgb(data.theme_color ?? '')).toBe(header);
  expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(data.theme_color);
  // Screenshots for Chromium's richer install dialog: a phone's and a computer's, each the size it says, and small.
  expect(data.screenshots?.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  for (const shot of data.screenshots ?? []) {
    expect(shot.label).toBeTruthy();
    const found = await page.evaluate(async (src) => {
      const response = await fetch(src);
      const bytes = (await response.arrayBuffer()).byteLength;
      const img = new Image();
      img.src = src;
      await img.decode();
      return { bytes, sizes: `${img.naturalWidth}x${img.naturalHeight}` };
    }, shot.src);
    expect(found.sizes).toBe(shot.sizes);
    expect(found.bytes).toBeLessThan(60_000);
  }
  // Each icon is the size it says.
  for (const icon of data.icons ?? []) {
    const sizes = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, icon.src);
    expect(sizes, icon.src).toBe(icon.sizes);
  }
}

/** "#c2410c" → "rgb(194, 65, 12)", as getComputedStyle says colours. */
function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
