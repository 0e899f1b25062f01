import { expect, test, type Page } from '@playwright/test';
import { DEMO_SHOP, DEMO_WELCOME_NOTE, demoProducts, demoPromotions } from '../../src/app/demo/demo-catalog.ts';
import { checkOutForPickup, go, openShop, shopAs, startTeam } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// In Chinese, every screen speaks Chinese: no sentence of the app's own reaches the reader in
// English (the shop's own data, such as its bilingual product names, is shown as written).
// Orders with every kind of saving (a team joined, a coupon, spend-and-save) are on screen,
// as are the seller's tabs.

/**
 * What the shop's data says, shown as written: taken out before looking for English. (The
 * demo's names, shipping options, promotions and notes carry both languages; its descriptions,
 * addresses and tags are the seller's English.)
 */
const DATA: string[] = [
  DEMO_SHOP.name,
  DEMO_WELCOME_NOTE,
  ...DEMO_SHOP.pickupPoints.flatMap((p) => [p.name, p.address]),
  ...DEMO_SHOP.shippingOptions.map((o) => o.name),
  ...demoProducts(0).flatMap(({ product: p }) => [p.name, p.description, ...p.tags]),
  // A product's option groups and values are the shop's words too (the oolong's weight and pack).
  ...demoProducts(0).flatMap(({ product: p }) => (p.options ?? []).flatMap((g) => [g.name, ...g.values.map((v) => v.name)])),
  ...demoPromotions(0).flatMap((p) => [p.label, p.kind === 'coupon' ? p.code : '']),
  'English', // the language menu names each language in itself
].filter((s) => s !== '').sort((a, b) => b.length - a.length);

/** Runs of two or more Latin-script words left on screen once the shop's data is taken out. */
async function english(page: Page): Promise<string[]> {
  let text = await page.locator('body').innerText();
  for (const d of DATA) text = text.split(d).join(' ');
  return [...text.matchAll(/[A-Za-z][a-z]+(?:[ ,'’:-]+[A-Za-z][a-z]+)+/g)].map((m) => m[0]);
}

test('Chinese mode shows no English sentences on any screen', async ({ page }) => {
  test.setTimeout(120_000);
  await openShop(page);
  // ann starts a team; bo joins it (its price is locked when the team started), then orders with a coupon and spend-and-save.
  const started = await startTeam(page, 'dumpling');
  await shopAs(page, 'bo');
  await go(page, '#/product/dumpling');
  await page.getByRole('button', { name: 'Join A’s team' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  const joined = await checkOutForPickup(page);
  await go(page, '#/product/teapot');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await go(page, '#/product/cookie');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await go(page, '#/checkout');
  const saved = await checkOutForPickup(page);
  await go(page, '#/product/banana');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();

  await setLanguage(page, 'zh');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '购物车' })).toBeVisible();
  const screens = [
    '#/', '#/?q=tea', '#/product/dumpling', '#/product/mobile-phone', '#/product/teapot', '#/cart', '#/checkout', '#/orders',
    `#/orders/${started}`, `#/orders/${joined}`, `#/orders/${saved}`, '#/saved', '#/saved/viewed', '#/wallet', '#/settings',
    '#/seller', '#/seller/orders', '#/seller/products', '#/seller/products/dumpling', '#/seller/promotions', '#/seller/promotions/welcome-10',
    '#/seller/customers', '#/seller/money', '#/seller/shop', '#/seller/data',
  ];
  const found: string[] = [];
  for (const screen of screens) {
    await go(page, screen);
    await page.waitForTimeout(400);
    await expect(page.getByRole('status').filter({ hasText: '加载中' })).toHaveCount(0);
    for (const words of await english(page)) found.push(`${screen}: ${words}`);
  }
  expect(found, found.join('\n')).toEqual([]);
});
