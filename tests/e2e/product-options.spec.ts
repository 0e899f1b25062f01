import { expect, test, type Page } from '@playwright/test';
import { checkOutForPickup, go, openShop } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// Products with options (issue 13) on a 360 × 740 phone: the demo's oolong by weight and pack.
// The buyer picks a weight and a pack as chips (buttons pressed or not); a value that leads to
// nothing in stock cannot be picked; the price and stock follow the choice; "Add to cart" says
// what is still to choose. The cart, the checkout and the order name the combination, and that
// combination's own stock drops.

test.use({ viewport: { width: 360, height: 740 } });

const chips = (page: Page, group: RegExp) => page.getByRole('group', { name: group });

test('the buyer picks options, orders, and the order names the combination; its stock drops', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await openShop(page);
  await go(page, '#/product/oolong');
  await expect(page.getByRole('heading', { name: 'Tieguanyin oolong 铁观音' })).toBeVisible();
  // Before a choice: the range of prices, and what is still to choose.
  await expect(page.locator('.product-price')).toContainText('¥38.00 – ¥168.00');
  const add = page.locator('form.add-to-cart').getByRole('button');
  await expect(add).toHaveText('Choose Weight 重量, Pack 包装');
  await expect(add).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('options-en-360.png') });

  const weight = chips(page, /^Weight 重量$/);
  const pack = chips(page, /^Pack 包装$/);
  await weight.getByRole('button', { name: '250 g', exact: true }).click();
  await expect(weight.getByRole('button', { name: '250 g', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // The 250 g tin is sold out: it cannot be chosen with 250 g; 500 g comes only in a bag.
  await expect(pack.getByRole('button', { name: /^Gift tin 礼盒, sold out$/ })).toBeDisabled();
  await expect(add).toHaveText('Choose Pack 包装');
  await pack.getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  await expect(page.locator('.product-price')).toContainText('¥88.00');
  await expect(page.locator('.product-facts')).toContainText('20 left');
  await expect(add).toHaveText('Add to cart');
  await page.screenshot({ path: testInfo.outputPath('options-chosen-en-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByLabel('Quantity').fill('2');
  await add.click();
  await expect(page.getByText(/Added 2 ×/)).toBeVisible();
  await go(page, '#/cart');
  await expect(page.locator('.cart-line-name')).toContainText('Tieguanyin oolong 铁观音, 250 g, Bag 袋装');
  await page.screenshot({ path: testInfo.outputPath('options-cart-en-360.png') });
  await go(page, '#/checkout');
  await expect(page.locator('dl.summary, .summary').first()).toContainText('¥176.00');
  await checkOutForPickup(page);
  await expect(page.getByRole('region', { name: 'Items' })).toContainText('Tieguanyin oolong 铁观音, 250 g, Bag 袋装 × 2');
  await page.screenshot({ path: testInfo.outputPath('options-order-en-360.png') });

  // That combination's shelf went from 20 to 18; the others kept theirs.
  await go(page, '#/product/oolong');
  await chips(page, /^Weight 重量$/).getByRole('button', { name: '250 g', exact: true }).click();
  await chips(page, /^Pack 包装$/).getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  await expect(page.locator('.product-facts')).toContainText('18 left');
  await chips(page, /^Weight 重量$/).getByRole('button', { name: '100 g', exact: true }).click();
  await expect(page.locator('.product-facts')).toContainText('30 left');

  // In Chinese: the same chips, the choice said in Chinese.
  await setLanguage(page, 'zh');
  await expect(page.locator('.option-status')).toContainText('已选：100 g, Bag 袋装');
  await page.screenshot({ path: testInfo.outputPath('options-chosen-zh-360.png') });
  await chips(page, /^Pack 包装$/).getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  await expect(page.locator('form.add-to-cart').getByRole('button')).toHaveText('请选择Pack 包装');
  await page.screenshot({ path: testInfo.outputPath('options-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await go(page, '#/orders');
  await expect(page.locator('main')).toContainText('Tieguanyin oolong 铁观音, 250 g, Bag 袋装');
  await page.screenshot({ path: testInfo.outputPath('options-orders-zh-360.png') });
});
