import { expect, test, type Page } from '@playwright/test';
import { openShop } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// Search as a buyer types it, on a phone: ranked results (a whole word of the name first, a tag
// only whole), Chinese found inside a name and without its 子, and suggestions when nothing
// matches, in both languages.
test.use({ viewport: { width: 360, height: 740 } });

const names = (page: Page) => page.locator('.grid .card h3').allInnerTexts();

test('English: "tea" ranks the teas first and leaves out the dumplings tagged "team"; a typo is put right', async ({ page }) => {
  await openShop(page);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.pressSequentially('tea', { delay: 20 });
  await expect(page.getByText('5 products')).toBeVisible();
  expect(await names(page)).toEqual([
    'Bubble tea kit 奶茶套装', 'Longjing green tea 龙井茶 (100 g)', 'Yixing clay teapot 紫砂壶', 'Tieguanyin oolong 铁观音', 'Yunnan coffee beans 云南咖啡豆',
  ]);
  await expect(page.getByLabel('Sort by')).toHaveValue('relevance');

  await search.fill('choclate');
  await expect(page.getByText('Nothing matches “choclate”.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Closest matches' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dark chocolate 黑巧克力' })).toBeVisible();
  await page.getByRole('button', { name: 'chocolate', exact: true }).click();
  await expect(search).toHaveValue('chocolate');
  await expect(page.getByText('1 product', { exact: true })).toBeVisible();
});

test('中文: 饺子 finds 速冻水饺; 红茶 suggests the teas and their category', async ({ page }) => {
  await openShop(page);
  await setLanguage(page, 'zh');
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('饺子');
  await expect(page.getByText('共 1 件商品')).toBeVisible();
  await expect(page.getByRole('link', { name: /速冻水饺/ })).toBeVisible();

  await search.fill('红茶');
  await expect(page.getByText('没有与“红茶”相符的商品。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '相近的商品' })).toBeVisible();
  await expect(page.locator('.suggest-list a').first()).toHaveText('Longjing green tea 龙井茶 (100 g)');
  await page.getByRole('group', { name: '也可以看看' }).getByRole('button', { name: '茶与咖啡' }).click();
  await expect(search).toHaveValue('');
  await expect(page.getByRole('button', { name: /茶与咖啡/ }).first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('共 4 件商品')).toBeVisible();
});
