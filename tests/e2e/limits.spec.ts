import { expect, test } from '@playwright/test';
import { go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// Limits are said, never applied in silence: the cart's quantity (a number past the stock, an
// emptied field), the cart tab's count, and the seller's numbers (formatted, with the real
// limit, and a "Nothing was saved" that goes once the fields are put right).
test.use({ viewport: { width: 360, height: 740 } });

test('the cart says its limit, keeps a line whose quantity was cleared, and the tab counts what is in it', async ({ page }) => {
  await openShop(page);
  const tab = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart/ });
  await expect(tab).toHaveAccessibleName('Cart');
  await go(page, '#/product/tangerine'); // 60 in stock
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(tab).toHaveAccessibleName('Cart 2 in the cart');
  await go(page, '#/cart');
  const qty = page.getByRole('spinbutton', { name: 'Quantity of Tangerines 砂糖橘 (1 kg)' });

  await qty.fill('99999');
  await qty.press('Enter');
  await expect(page.getByText('At most 60 of this one: the quantity is now 60.')).toBeVisible();
  await expect(qty).toHaveValue('60');
  await expect(tab).toHaveAccessibleName('Cart 60 in the cart');
  await expect(tab.locator('.nav-badge')).toHaveText('60');

  await qty.fill('');
  await qty.blur();
  await expect(page.getByText('Enter a number from 1 to 60. To take it out, press Remove.')).toBeVisible();
  await expect(qty).toHaveValue('60');
  await expect(page.getByRole('listitem').filter({ hasText: 'Tangerines' })).toHaveCount(1);

  await qty.fill('3');
  await qty.press('Enter');
  await expect(qty).toHaveValue('3');
  await expect(page.getByText('Enter a number from 1 to 60.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove Tangerines 砂糖橘 (1 kg)' }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await expect(tab).toHaveAccessibleName('Cart');
});

test('an empty cart leads back to the shop, with a few products to try, in English and Chinese', async ({ page }, testInfo) => {
  await openShop(page);
  await go(page, '#/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  const goShopping = page.getByRole('link', { name: 'Go shopping' });
  await expect(goShopping).toBeInViewport();
  const toTry = page.getByRole('region', { name: 'Something to try' });
  // What the shop has on offer first (the flash sale's phone, the team buy's dumplings).
  await expect(toTry.getByRole('listitem')).toHaveCount(4);
  await expect(toTry.getByRole('link', { name: /^Pocket phone/ })).toBeVisible();
  // Each with its offer, as on the catalog's cards.
  await expect(toTry.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Pocket phone/ }) })).toContainText('Flash sale');
  await expect(toTry.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Frozen dumplings/ }) })).toContainText('Team of 3');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('cart-empty-en-360.png') });

  await setLanguage(page, 'zh');
  await expect(page.getByText('购物车是空的。')).toBeVisible();
  await expect(page.getByRole('link', { name: '去逛逛' })).toBeInViewport();
  await expect(page.getByRole('region', { name: '猜你喜欢' }).getByRole('listitem')).toHaveCount(4);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('cart-empty-zh-360.png') });
  await page.getByRole('link', { name: '去逛逛' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('search')).toBeVisible();
});

test('the seller\'s numbers: grouped, with the real limit, and "Nothing was saved" goes once the fields are right', async ({ page }) => {
  await openShop(page);
  await go(page, '#/seller/products/tangerine');
  await expect(page.getByRole('heading', { name: /^Edit “Tangerines/ })).toBeVisible();
  await page.getByLabel('Price (¥)', { exact: true }).fill('99999999999999');
  await page.getByLabel('Units in stock').fill('99999999999');
  await page.getByLabel('Offer a team buy').check();
  await page.getByLabel('Team price (¥)').fill('20');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('Nothing was saved: 2 fields need a change. Each says why.')).toBeVisible();
  await expect(page.getByLabel('Price (¥)', { exact: true })).toHaveAccessibleDescription('⚠ Must be at most ¥100,000,000.00.');
  await expect(page.getByLabel('Units in stock')).toHaveAccessibleDescription('⚠ Must be at most 1,000,000,000.');

  // The message counts down as the fields are changed, and goes with the last.
  await page.getByLabel('Price (¥)', { exact: true }).fill('9.90');
  await expect(page.getByText('Nothing was saved: one field needs a change. It says why.')).toBeVisible();
  await page.getByLabel('Units in stock').fill('1000000000');
  await expect(page.getByText(/Nothing was saved/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByLabel('Team price (¥)')).toHaveAccessibleDescription('⚠ Must be less than the regular price (¥9.90).');
  await expect(page.getByText('Nothing was saved: one field needs a change. It says why.')).toBeVisible();
  await page.getByLabel('Team price (¥)').fill('8');
  await expect(page.getByText(/Nothing was saved/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('“Tangerines 砂糖橘 (1 kg)” is saved.')).toBeVisible();
  await go(page, '#/product/tangerine');
  await expect(page.getByText('1,000,000,000 left')).toBeVisible();
});
