import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// axe-core on each main screen, with something on it (a cart line, an order): no serious or
// critical violations. Runs at a phone's width, where the layout is tightest.
test.use({ viewport: { width: 360, height: 740 } });

test('the main screens have no serious or critical accessibility violations', async ({ page }) => {
  const screens: [string, () => Promise<void>][] = [
    ['catalog', async () => { await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible(); }],
    ['product', async () => {
      await page.goto('./#/product/dumpling');
      await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible();
    }],
    ['cart', async () => {
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.goto('./#/cart');
      await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
    }],
    ['checkout', async () => {
      await page.goto('./#/checkout');
      await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
    }],
    ['order', async () => {
      await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
      await page.getByLabel('Pickup point', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Place order' }).click();
      await page.waitForURL(/#\/orders\//);
      await expect(page.getByRole('heading', { name: /^Order #/ })).toBeVisible();
    }],
    ['orders', async () => {
      await page.goto('./#/orders');
      await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
    }],
    ['wallet', async () => {
      await page.goto('./#/wallet');
      await expect(page.getByRole('heading', { name: 'Wallet' })).toBeVisible();
    }],
    ['settings', async () => {
      await page.goto('./#/settings');
      await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    }],
    ['seller', async () => {
      await page.goto('./#/seller');
      await expect(page.getByRole('heading', { name: 'Seller' })).toBeVisible();
    }],
  ];
  await page.goto('./');
  const found: string[] = [];
  for (const [name, arrive] of screens) {
    await arrive();
    for (const v of await seriousViolations(page)) found.push(`${name}: ${v}`);
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('every buyer and seller screen, in both languages, has no serious or critical accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  // Something on every screen: a team started (an order, a team page), a cart line.
  await page.goto('./#/checkout?team=start&product=dumpling');
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByLabel('Pickup point', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/#\/orders\//);
  const order = page.url().split('#')[1]!;
  await page.goto('./#/product/banana');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.goto('./#/product/dumpling');
  const team = (await page.locator('a[href^="#/team/"]').first().getAttribute('href')) ?? '';
  expect(team).toMatch(/^#\/team\//);

  const screens = [
    '#/', '#/?q=choclate', '#/?category=Fruit', '#/product/dumpling', '#/product/mobile-phone', team, '#/cart', '#/checkout',
    `#${order}`, '#/orders', '#/saved', '#/saved/viewed', '#/wallet', '#/settings',
    '#/seller', '#/seller/orders', '#/seller/products', '#/seller/products/teapot', '#/seller/products/new', '#/seller/promotions',
    '#/seller/promotions/welcome-10', '#/seller/promotions/new-threshold', '#/seller/customers', '#/seller/money', '#/seller/shop', '#/seller/data',
  ];
  const found: string[] = [];
  for (const language of ['en', 'zh']) {
    if (language === 'zh') await setLanguage(page, 'zh');
    for (const screen of screens) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, screen);
      await page.waitForTimeout(400);
      await expect(page.getByRole('status').filter({ hasText: /^(Loading…|加载中…)$/ })).toHaveCount(0);
      for (const v of await seriousViolations(page)) found.push(`${language} ${screen}: ${v}`);
    }
  }
  expect(found, found.join('\n')).toEqual([]);
});
