import { expect, test, type Page } from '@playwright/test';
import { go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// Stock and price of a product with options changed in the seller's product list (issue 13), on
// a 360-px phone: a table of the demo oolong's combinations, bad input said at its cell with
// nothing saved, then saved as the whole form saves it; the list keeps its place, and the buyer's
// product page follows.
test.use({ viewport: { width: 360, height: 740 } });

const NAME = 'Tieguanyin oolong 铁观音';
const card = (page: Page) => page.locator('li.sc-product', { has: page.locator('#edit-oolong') });
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
const fits = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('each combination’s stock and price are changed in the list, bad input is refused at its cell', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  await go(page, '#/seller/products');
  await expect(page.getByText('in all, hidden ones included')).toBeVisible();
  const oolong = card(page);
  await oolong.scrollIntoViewIfNeeded();
  const before = await scrollY(page);
  expect(before).toBeGreaterThan(500);

  await oolong.getByRole('button', { name: `Stock and price: ${NAME}` }).click();
  const form = page.getByRole('form', { name: `Stock and price of “${NAME}”` });
  const table = form.getByRole('table', { name: `Each combination of “${NAME}”: its price and stock` });
  await expect(table.getByRole('rowheader')).toHaveText(['100 g, Bag 袋装', '100 g, Gift tin 礼盒', '250 g, Bag 袋装', '250 g, Gift tin 礼盒', '500 g, Bag 袋装']);
  const price = (combination: string) => form.getByRole('textbox', { name: `Price (¥): ${combination}`, exact: true });
  const stock = (combination: string) => form.getByRole('textbox', { name: `Stock: ${combination}`, exact: true });
  await expect(stock('100 g, Gift tin 礼盒')).toHaveValue('12');
  await expect(price('500 g, Bag 袋装')).toHaveValue('168.00');

  // A negative stock and a price that is not an amount: each said at its cell, nothing saved.
  await stock('100 g, Gift tin 礼盒').fill('-2');
  await price('500 g, Bag 袋装').fill('abc');
  await stock('250 g, Gift tin 礼盒').fill('5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Nothing was saved: 2 fields need a change. Each says why.')).toBeVisible();
  await expect(stock('100 g, Gift tin 礼盒')).toHaveAttribute('aria-invalid', 'true');
  await expect(stock('100 g, Gift tin 礼盒')).toHaveAccessibleDescription(/Stock cannot be negative\.$/);
  await expect(price('500 g, Bag 袋装')).toHaveAccessibleDescription(/Enter an amount, such as 12\.50\.$/);
  await expect(stock('250 g, Gift tin 礼盒')).toHaveValue('5');
  await fits(page);
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('quick-options-errors-en-360.png') });
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing reached the shop: the buyer's page still has the 250 g tin sold out.
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 360, height: 740 });
  await other.goto(`./#/product/oolong`);
  await other.getByRole('group', { name: /^Weight 重量$/ }).getByRole('button', { name: '250 g', exact: true }).click();
  await expect(other.getByRole('group', { name: /^Pack 包装$/ }).getByRole('button', { name: /^Gift tin 礼盒, sold out$/ })).toBeDisabled();
  await other.close();

  // Put right: the marks go as each cell changes, and the save is one.
  await stock('100 g, Gift tin 礼盒').fill('7');
  await expect(form.getByText(/Nothing was saved: one field/)).toBeVisible();
  await price('500 g, Bag 袋装').fill('158');
  await expect(form.getByText(/Nothing was saved/)).toHaveCount(0);
  const at = await scrollY(page);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(oolong.getByText(`“${NAME}”: stock and price saved.`)).toBeVisible();
  await expect(form).toHaveCount(0);
  await expect(oolong.getByRole('button', { name: `Stock and price: ${NAME}` })).toBeFocused();
  // The table closes where the seller was: the page does not jump, the product stays in sight.
  expect(Math.abs((await scrollY(page)) - at)).toBeLessThan(80);
  await expect(oolong.getByText(`“${NAME}”: stock and price saved.`)).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('quick-options-saved-en-360.png') });

  // Opened again: what was saved.
  await oolong.getByRole('button', { name: `Stock and price: ${NAME}` }).click();
  await expect(stock('100 g, Gift tin 礼盒')).toHaveValue('7');
  await expect(stock('250 g, Gift tin 礼盒')).toHaveValue('5');
  await expect(price('500 g, Bag 袋装')).toHaveValue('158.00');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // In Chinese.
  await setLanguage(page, 'zh');
  await oolong.getByRole('button', { name: `库存和价格：${NAME}` }).click();
  const zform = page.getByRole('form', { name: `“${NAME}”的库存和价格` });
  await expect(zform.getByRole('columnheader')).toHaveText(['组合', '价格（¥）', '库存']);
  await zform.getByRole('textbox', { name: '库存：500 g, Bag 袋装', exact: true }).fill('-1');
  await zform.getByRole('button', { name: '保存' }).click();
  await expect(zform.getByRole('textbox', { name: '库存：500 g, Bag 袋装', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await fits(page);
  await zform.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('quick-options-zh-360.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await zform.getByRole('button', { name: '取消' }).click();
  await setLanguage(page, 'en');

  // The buyer: the 250 g tin is back, 5 left; the 500 g bag at its new price.
  await go(page, '#/product/oolong');
  const weight = page.getByRole('group', { name: /^Weight 重量$/ });
  const pack = page.getByRole('group', { name: /^Pack 包装$/ });
  await weight.getByRole('button', { name: '250 g', exact: true }).click();
  await pack.getByRole('button', { name: 'Gift tin 礼盒', exact: true }).click();
  await expect(page.locator('.product-facts')).toContainText('5 left');
  // 500 g comes only in a bag: the bag first.
  await pack.getByRole('button', { name: 'Bag 袋装', exact: true }).click();
  await weight.getByRole('button', { name: '500 g', exact: true }).click();
  await expect(page.locator('.product-price')).toContainText('¥158.00');
});
