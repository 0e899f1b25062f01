import { expect, test, type Page } from '@playwright/test';
import { checkOutForPickup, go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The seller's Money tab, sales by product and by combination on request (issue 13): ann buys
// two combinations of the oolong; under the oolong's bar, "By combination" opens each one's
// figure, and they add up to the oolong's. On a 360-px phone, in English and Chinese.
test.use({ viewport: { width: 360, height: 740 } });

const chips = (page: Page, group: RegExp) => page.getByRole('group', { name: group });
const yuan = (text: string) => Number(/¥([\d,]+\.\d\d)/.exec(text)![1]!.replace(/,/g, ''));

async function addOolong(page: Page, weight: string, qty: string): Promise<void> {
  await go(page, '#/cart'); // away first: the page keeps its choice while it stays open
  await go(page, '#/product/oolong');
  await chips(page, /^Weight 重量$/).getByRole('button', { name: weight, exact: true }).click();
  await chips(page, /^Pack 包装$/).getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  await page.getByLabel('Quantity').fill(qty);
  await page.locator('form.add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added \d ×/)).toBeVisible();
}

test('sales by product open by combination, and the combinations add up to the product', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  await addOolong(page, '250 g', '2');
  await addOolong(page, '100 g', '1');
  await go(page, '#/checkout');
  await checkOutForPickup(page);

  await go(page, '#/seller/money');
  const byProduct = page.getByRole('list', { name: 'Sales by product' });
  const oolong = byProduct.getByRole('listitem').filter({ hasText: 'Tieguanyin oolong 铁观音' }).first();
  // ¥214.00 of goods, less the shop's "spend ¥200, save ¥30": ¥184.00.
  await expect(oolong).toContainText('¥184.00');
  const toggle = oolong.getByRole('button', { name: /^By combination/ });
  await expect(toggle).toHaveAccessibleName('By combination: Tieguanyin oolong 铁观音');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const combos = page.getByRole('list', { name: 'Sales of Tieguanyin oolong 铁观音 by combination' });
  await expect(combos.getByRole('listitem')).toHaveCount(2);
  await expect(combos.getByRole('listitem').nth(0)).toContainText('250 g, Bag 袋装');
  await expect(combos.getByRole('listitem').nth(0)).toContainText('¥151.33 · 2 sold');
  await expect(combos.getByRole('listitem').nth(1)).toContainText('100 g, Bag 袋装');
  await expect(combos.getByRole('listitem').nth(1)).toContainText('¥32.67 · 1 sold');
  const parts = await combos.locator('.barlist-value').allTextContents();
  // The order's ¥184.00 shared by what each line charged (¥176 and ¥38), to the fen: they add up.
  expect(parts.map(yuan).reduce((s, x) => s + x, 0)).toBeCloseTo(184, 2);
  await oolong.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('money-by-combination-en-360.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await setLanguage(page, 'zh');
  const zh = page.getByRole('list', { name: 'Tieguanyin oolong 铁观音各规格销售额' });
  await expect(zh.getByRole('listitem').nth(0)).toContainText('售出 2 件');
  await zh.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('money-by-combination-zh-360.png') });
  await setLanguage(page, 'en');
});
