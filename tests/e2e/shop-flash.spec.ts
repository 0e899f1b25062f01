import { expect, test } from '@playwright/test';
import { shopAs } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// The demo's flash sale on the Pocket phone starts 5 minutes after the first start, with 3
// units at most 2 per buyer. Playwright's clock moves the page's time to the start.

test('a flash sale that sells out: ann buys 2, bo buys 1, cy finds it sold out', async ({ page }) => {
  await page.clock.install();
  await page.goto('./#/product/mobile-phone');
  await expect(page.getByRole('heading', { name: /Pocket phone/ })).toBeVisible();
  const flash = page.getByRole('region', { name: 'Flash sale' });
  // Before the start: the countdown, once, and no way to buy at the flash price.
  await expect(flash.getByRole('timer', { name: 'Starts in' })).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(page.getByRole('timer')).toHaveCount(1);
  await expect(flash.getByRole('button', { name: 'Add to cart at flash price' })).toBeDisabled();
  const bar = page.getByRole('group', { name: 'Ways to buy' });
  await expect(bar.getByRole('button', { name: /Flash price/ })).toHaveCount(0);

  await page.clock.fastForward('06:00');
  const buy = flash.getByRole('button', { name: 'Add to cart at flash price' });
  await expect(buy).toBeEnabled();
  await expect(bar.getByRole('button', { name: /Flash price/ })).toBeEnabled();
  await expect(flash.getByText('3 left at this price')).toBeVisible();

  // ann: two, the most one buyer may have. Her wallet (¥500) cannot pay ¥998: she is told, and pays on pickup.
  await buy.click();
  await page.getByRole('link', { name: 'View cart' }).click();
  await page.getByRole('button', { name: /^Increase quantity of Pocket phone/ }).click();
  await expect(page.getByLabel(/^Quantity of Pocket phone/)).toHaveValue('2');
  await expect(page.getByRole('button', { name: /^Increase quantity of Pocket phone/ })).toBeDisabled();
  const summary = page.locator('dl.summary');
  await expect(summary.getByText('Flash sale price: Pocket phone 口袋手机 × 2')).toBeVisible();
  await expect(summary.locator('.summary-total')).toContainText('¥998.00');
  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByRole('combobox', { name: 'Pickup point' }).selectOption('kiosk-north');
  await expect(page.getByText(/Your wallet has ¥500\.00: ¥498\.00 short of the total/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the Wallet' })).toHaveAttribute('href', '#/wallet');
  await page.getByRole('radio', { name: 'Pay on pickup' }).check();
  await expect(page.getByText(/short of the total/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/#\/orders\//);
  await expect(page.getByRole('banner').getByRole('status')).toContainText('All synced');

  await page.goto('./#/product/mobile-phone');
  await expect(flash.getByText('1 left at this price')).toBeVisible();
  await expect(flash.getByText('You have bought your limit of 2 in this sale.')).toBeVisible();
  await expect(buy).toBeDisabled();

  // bo: the last one, from the wallet. His checkout is his own: ann's pickup point is hers.
  await shopAs(page, 'bo');
  await expect(buy).toBeEnabled();
  await buy.click();
  await page.getByRole('link', { name: 'View cart' }).click();
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('radio', { name: 'Collect at a pickup point' })).not.toBeChecked();
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByRole('combobox', { name: 'Pickup point' }).selectOption('kiosk-north');
  await expect(page.getByText('Wallet balance: ¥500.00')).toBeVisible();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/#\/orders\//);
  await expect(page.getByRole('banner').getByRole('status')).toContainText('All synced');

  // cy: nothing left.
  await shopAs(page, 'cy');
  await page.goto('./#/product/mobile-phone');
  await expect(flash.getByText('Flash sale sold out')).toBeVisible();
  await expect(flash.getByRole('button', { name: 'Sold out' })).toBeDisabled();
  await expect(flash.getByRole('button', { name: 'Add to cart at flash price' })).toHaveCount(0);
  await expect(bar.getByRole('button', { name: /Flash price/ })).toHaveCount(0);
});

test("a flash sale sells from the product's one stock: the form will not promise more, and a unit sold at the flash price is one fewer in stock", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.clock.install();
  await page.goto('./#/product/mobile-phone');
  await expect(page.getByRole('heading', { name: /Pocket phone/ })).toBeVisible();
  await expect(page.getByText('20 left', { exact: true })).toBeVisible();

  // The seller cannot put 23 in a sale of a phone with 20 in stock, and is told why.
  await page.goto('./#/seller/products/mobile-phone');
  const units = page.getByLabel('Units for the sale');
  await expect(units).toHaveValue('3');
  await units.fill('23');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await expect(units).toHaveAccessibleDescription('⚠ At most 20: the sale’s units come out of the units in stock.');
  await expect(page.getByText('Nothing was saved: one field needs a change. It says why.')).toBeVisible();
  await page.getByRole('group', { name: 'Flash sale' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('flash-over-stock-en-360.png') });
  await setLanguage(page, 'zh');
  await expect(page.getByText('最多 20：秒杀数量从库存中扣除。')).toBeVisible();
  await page.getByRole('group', { name: '秒杀' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('flash-over-stock-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(page, 'en');

  // A unit bought at the flash price comes off the same 20.
  await page.clock.fastForward('06:00');
  await page.goto('./#/product/mobile-phone');
  const flash = page.getByRole('region', { name: 'Flash sale' });
  await flash.getByRole('button', { name: 'Add to cart at flash price' }).click();
  await page.getByRole('link', { name: 'View cart' }).click();
  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByRole('combobox', { name: 'Pickup point' }).selectOption('kiosk-north');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/#\/orders\//);
  await expect(page.getByText(/^Status:\s*Accepted$/)).toBeVisible();
  await page.goto('./#/product/mobile-phone');
  await expect(page.getByText('19 left', { exact: true })).toBeVisible();
  await expect(flash.getByText('2 left at this price')).toBeVisible();
});
