import { expect, test, type Page } from '@playwright/test';
import { go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// Stock and price changed in the seller's product list, on a 360-px phone: no whole form, the
// same checks as the form, and the list stays where it was (after a quick edit and after the form).
test.use({ viewport: { width: 360, height: 740 } });

const card = (page: Page, id: string) => page.locator('li.sc-product', { has: page.locator(`#edit-${id}`) });
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

test('stock and price are changed in the list, checked as in the form, and the list keeps its place', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await openShop(page);
  await go(page, '#/seller/products');
  await expect(page.getByText('in all, hidden ones included')).toBeVisible();

  // Far down the list: the tangerines.
  const tangerine = card(page, 'tangerine');
  await tangerine.scrollIntoViewIfNeeded();
  const name = (await tangerine.getByRole('heading').textContent())!;
  const before = await scrollY(page);
  expect(before).toBeGreaterThan(1000);
  await tangerine.getByRole('button', { name: `Stock and price: ${name}` }).click();
  const form = page.getByRole('form', { name: `Stock and price of “${name}”` });
  await form.getByLabel('Units in stock').fill('77');
  await form.getByLabel('Price (¥)').fill('10.50');
  await page.screenshot({ path: testInfo.outputPath('seller-stock-quick-en-360.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(tangerine.getByText(`“${name}”: stock and price saved.`)).toBeVisible();
  await expect(tangerine).toContainText('77 in stock');
  await expect(tangerine).toContainText('¥10.50');
  await expect(form).toHaveCount(0);
  expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(80);
  await expect(tangerine.getByRole('button', { name: `Stock and price: ${name}` })).toBeFocused();

  // The dumplings' team price is ¥26.00: a price at or under it is refused, said at the price, and
  // "Nothing was saved" goes once the price is right. A stock past the limit says the limit.
  const dumpling = card(page, 'dumpling');
  await dumpling.scrollIntoViewIfNeeded();
  const dname = (await dumpling.getByRole('heading').textContent())!;
  await dumpling.getByRole('button', { name: `Stock and price: ${dname}` }).click();
  const dform = page.getByRole('form', { name: `Stock and price of “${dname}”` });
  await dform.getByLabel('Price (¥)').fill('20');
  await dform.getByLabel('Units in stock').fill('99999999999');
  await dform.getByRole('button', { name: 'Save' }).click();
  await expect(dform.getByText('Nothing was saved: 2 fields need a change. Each says why.')).toBeVisible();
  await expect(dform.getByText(/the team price \(¥\d+\.\d\d\) must stay below this price/)).toBeVisible();
  await expect(dform.getByText(/Must be at most \d{1,3}(,\d{3})+\./)).toBeVisible();
  await dform.getByLabel('Price (¥)').fill('40');
  await dform.getByLabel('Units in stock').fill('12');
  await expect(dform.getByText(/Nothing was saved/)).toHaveCount(0);
  await dform.getByRole('button', { name: 'Save' }).click();
  await expect(dumpling).toContainText('12 in stock');
  await expect(dumpling).toContainText('¥40.00');

  // The whole form, opened from far down the list and saved: back at the same place, on that product.
  await tangerine.scrollIntoViewIfNeeded();
  const at = await scrollY(page);
  await tangerine.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('heading', { name: `Edit “${name}”` })).toBeVisible();
  await page.getByLabel('Units in stock').fill('70');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page).toHaveURL(/#\/seller\/products$/);
  await expect(tangerine).toContainText('70 in stock');
  await expect(tangerine.getByRole('link', { name: `Edit ${name}` })).toBeFocused();
  await expect(tangerine.getByText(`“${name}” is saved.`)).toBeInViewport();
  expect(Math.abs((await scrollY(page)) - at)).toBeLessThan(80);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await setLanguage(page, 'zh');
  await tangerine.getByRole('button', { name: /库存和价格/ }).click();
  await expect(page.getByRole('form', { name: /的库存和价格$/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('seller-stock-quick-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
