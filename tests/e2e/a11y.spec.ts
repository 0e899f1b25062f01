import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe.ts';

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
