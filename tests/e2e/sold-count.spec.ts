import { expect, test } from '@playwright/test';
import { buyForPickup, expectStatus, go, openShop, shopAs } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// A product's units sold, as shop apps show them ("1.2K sold", 已售): on its card and its page,
// counted by the one fold from the orders the shop accepted (in the demo, every order is on the
// phone), and taken back when an order is cancelled. On a 360-px phone, in English and Chinese.
test.use({ viewport: { width: 360, height: 740 } });

test('a card and a product page say how many were sold, and a cancelled order is taken back', async ({ page }, testInfo) => {
  await openShop(page);
  await go(page, '#/product/tangerine');
  await expect(page.getByRole('heading', { name: /Tangerines/ })).toBeVisible();
  // Nothing sold yet: nothing said (no "0 sold").
  await expect(page.getByText(/\d sold$/)).toHaveCount(0);

  await buyForPickup(page, 'tangerine');
  await expectStatus(page, 'Accepted');
  await shopAs(page, 'bo');
  await buyForPickup(page, 'tangerine');
  await expectStatus(page, 'Accepted');

  await go(page, '#/product/tangerine');
  await expect(page.locator('.product-facts')).toContainText('2 sold');
  await page.screenshot({ path: testInfo.outputPath('sold-product-en-360.png') });
  await go(page, '#/');
  await page.getByRole('searchbox').fill('tangerine');
  const card = page.locator('li.card', { has: page.getByRole('link', { name: /Tangerines/ }) });
  await expect(card).toContainText('2 sold');
  await page.screenshot({ path: testInfo.outputPath('sold-card-en-360.png') });

  await setLanguage(page, 'zh');
  await expect(card).toContainText('已售 2');
  await page.screenshot({ path: testInfo.outputPath('sold-card-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(page, 'en');

  // bo cancels before it ships: one of them was not sold after all.
  await go(page, '#/orders');
  await page.getByRole('link', { name: /Order #/ }).first().click();
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel the order' }).click();
  await expectStatus(page, 'Cancelled');
  await go(page, '#/product/tangerine');
  await expect(page.locator('.product-facts')).toContainText('1 sold');
});
