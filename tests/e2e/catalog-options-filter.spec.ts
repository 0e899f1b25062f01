import { expect, test, type Page } from '@playwright/test';
import { go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The catalog filtered by an option value within a category (issue 13), on a 360-px phone: in
// Tea & Coffee, chips by the demo oolong's weights and packs; one narrows the grid to the products
// having a combination with that value in stock, with the category (and goes with it); a value
// sold out everywhere has no chip; in English and Chinese.
test.use({ viewport: { width: 360, height: 740 } });

const names = (page: Page) => page.locator('.grid .card h3');
const category = (page: Page, name: string) => page.getByRole('group', { name: /^(Categories|分类)$/ }).getByRole('button', { name, exact: true });
const fits = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('option chips within a category narrow the grid to products with that value in stock', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  // Without a category: no option chips.
  await expect(page.getByText(/^\d+ products$/)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Filter by option' })).toHaveCount(0);

  await category(page, 'Tea & Coffee').click();
  const filter = page.getByRole('group', { name: 'Filter by option' });
  const weight = filter.getByRole('group', { name: 'Weight 重量', exact: true });
  const pack = filter.getByRole('group', { name: 'Pack 包装', exact: true });
  await expect(weight.getByRole('button')).toHaveText(['100 g', '250 g', '500 g']);
  await expect(pack.getByRole('button')).toHaveText(['Bag 袋装', 'Gift tin 礼盒']);
  const all = await names(page).count();
  expect(all).toBeGreaterThan(1);

  await pack.getByRole('button', { name: 'Gift tin 礼盒' }).click();
  await expect(pack.getByRole('button', { name: 'Gift tin 礼盒' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 product', { exact: true })).toBeVisible();
  await expect(names(page)).toHaveText(['Tieguanyin oolong 铁观音']);
  await expect(category(page, 'Tea & Coffee')).toHaveAttribute('aria-pressed', 'true');
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('catalog-option-filter-en-360.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // Pressed again: the whole category.
  await pack.getByRole('button', { name: 'Gift tin 礼盒' }).click();
  await expect(names(page)).toHaveCount(all);
  // With a search too: 500 g, then a search only the Longjing matches (it has no options).
  await weight.getByRole('button', { name: '500 g' }).click();
  await expect(names(page)).toHaveText(['Tieguanyin oolong 铁观音']);
  await page.getByRole('searchbox', { name: 'Search' }).fill('longjing');
  await expect(names(page)).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(names(page)).toHaveText(['Tieguanyin oolong 铁观音']);
  // Another category: its own chips (Fruit has no options: none), the choice gone with the category.
  await category(page, 'Fruit').click();
  await expect(filter).toHaveCount(0);
  await category(page, 'Tea & Coffee').click();
  await expect(names(page)).toHaveCount(all);
  await expect(weight.getByRole('button', { name: '500 g' })).toHaveAttribute('aria-pressed', 'false');

  // In Chinese: the same chips, under their own label.
  await setLanguage(page, 'zh');
  const zfilter = page.getByRole('group', { name: '按规格筛选' });
  await zfilter.getByRole('group', { name: 'Weight 重量', exact: true }).getByRole('button', { name: '250 g' }).click();
  await expect(page.getByText('共 1 件商品')).toBeVisible();
  await expect(zfilter).toContainText('Pack 包装：');
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('catalog-option-filter-zh-360.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await setLanguage(page, 'en');

  // The seller sells the last gift tins (stock 0 in the list's quick table): no tin is in stock,
  // so the chip goes; the bag stays.
  await go(page, '#/seller/products');
  const oolong = page.locator('li.sc-product', { has: page.locator('#edit-oolong') });
  await oolong.getByRole('button', { name: 'Stock and price: Tieguanyin oolong 铁观音' }).click();
  await oolong.getByRole('textbox', { name: 'Stock: 100 g, Gift tin 礼盒', exact: true }).fill('0');
  await oolong.getByRole('button', { name: 'Save' }).click();
  await expect(oolong.getByText('“Tieguanyin oolong 铁观音”: stock and price saved.')).toBeVisible();
  await go(page, '#/');
  await category(page, 'Tea & Coffee').click();
  await expect(pack.getByRole('button')).toHaveText(['Bag 袋装']);
  await expect(weight.getByRole('button')).toHaveText(['100 g', '250 g', '500 g']);
});
