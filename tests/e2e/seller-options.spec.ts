import { expect, test, type Page } from '@playwright/test';
import { checkOutForPickup, go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The seller's form for a product's options (issue 13) on a 360 × 740 phone: the seller makes
// Colour (red, blue) × Size (S, M), gives each combination its price and stock, and turns one
// off; the buyer sees the chips, the one off unavailable, and buys "red, M"; the seller renames
// "red" to "crimson", and the buyer's order still says "red, M" (its snapshot), while the
// product page says crimson.

test.use({ viewport: { width: 360, height: 740 } });

const NAME = 'Linen shirt, hand-stitched in Suzhou 苏州手工亚麻衬衫 (long name)';

const group = (page: Page, n: number) => page.getByRole('group', { name: `Option group ${n}`, exact: true });
const combo = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });
const chips = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

async function fits(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('the seller makes options, the buyer buys one, a rename later leaves the order as bought', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  await go(page, '#/seller/products');
  await page.getByRole('link', { name: 'Add product' }).click();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByLabel('Category').fill('Clothes');
  await page.getByLabel('Price (¥)', { exact: true }).fill('120');

  // Two groups of two values: the form makes the four combinations.
  await page.getByRole('button', { name: 'Add an option group' }).click();
  await group(page, 1).getByLabel('Group name').fill('Colour');
  await group(page, 1).getByRole('textbox', { name: 'Value 1', exact: true }).fill('red');
  await group(page, 1).getByRole('button', { name: 'Add a value to Colour' }).click();
  await group(page, 1).getByRole('textbox', { name: 'Value 2', exact: true }).fill('blue');
  await page.getByRole('button', { name: 'Add an option group' }).click();
  await group(page, 2).getByLabel('Group name').fill('Size');
  await group(page, 2).getByRole('textbox', { name: 'Value 1', exact: true }).fill('M');
  await group(page, 2).getByRole('button', { name: 'Add a value to Size' }).click();
  await group(page, 2).getByRole('textbox', { name: 'Value 2', exact: true }).fill('S');
  // S before M, as buyers expect.
  await group(page, 2).getByRole('button', { name: 'Move S up' }).click();
  await expect(group(page, 2).getByRole('textbox', { name: 'Value 1', exact: true })).toHaveValue('S');
  await expect(page.getByRole('heading', { name: 'Combinations: 4' })).toBeVisible();
  // With options the price and stock are each combination's: the product's own fields go.
  await expect(page.getByLabel('Units in stock')).toHaveCount(4);

  // A wrong price is refused at its row, and nothing is lost.
  await combo(page, 'red, S').getByLabel('Price (¥)').fill('abc');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(combo(page, 'red, S').getByLabel('Price (¥)')).toHaveAttribute('aria-invalid', 'true');
  await expect(combo(page, 'red, S').getByText('Enter an amount, such as 12.50.')).toBeVisible();
  await expect(page.getByText('Nothing was saved: one field needs a change. It says why.')).toBeVisible();
  await expect(group(page, 1).getByRole('textbox', { name: 'Value 2', exact: true })).toHaveValue('blue');

  const prices: Record<string, [string, string]> = { 'red, S': ['99', '3'], 'red, M': ['109', '5'], 'blue, S': ['99', '2'], 'blue, M': ['119', '4'] };
  for (const [label, [price, stock]] of Object.entries(prices)) {
    await combo(page, label).getByLabel('Price (¥)').fill(price);
    await combo(page, label).getByLabel('Units in stock').fill(stock);
  }
  await combo(page, 'blue, S').getByLabel('For sale').uncheck();
  await expect(combo(page, 'blue, S')).toContainText('Its stock and past orders are kept.');
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('options-form-en-360.png'), fullPage: true });
  // Save stays in reach (above the bottom bar) wherever the seller is in the long form.
  await group(page, 1).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Save product' })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('options-groups-en-360.png') });
  await combo(page, 'blue, S').scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Save product' })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('options-combos-en-360.png') });
  expect(await seriousViolations(page)).toEqual([]);

  await setLanguage(page, 'zh');
  await expect(page.getByRole('heading', { name: '组合：4 个' })).toBeVisible();
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('options-form-zh-360.png'), fullPage: true });
  await page.getByRole('group', { name: '规格组 2', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: '保存商品' })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('options-groups-zh-360.png') });
  await combo(page, 'blue, S').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('options-combos-zh-360.png') });
  await setLanguage(page, 'en');

  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText(`“${NAME}” is saved.`)).toBeVisible();
  await page.getByLabel('Search products').fill('Linen');
  const edit = page.getByRole('link', { name: `Edit ${NAME}` });
  const editHref = (await edit.getAttribute('href'))!;
  const id = decodeURIComponent(editHref.split('/').pop()!);

  // The buyer: chips; blue with S is off; red, M bought at its own price.
  await go(page, `#/product/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(page.locator('.product-price')).toContainText('¥99.00 – ¥119.00');
  await chips(page, 'Colour').getByRole('button', { name: 'blue', exact: true }).click();
  await expect(chips(page, 'Size').getByRole('button', { name: 'S, sold out' })).toBeDisabled();
  await chips(page, 'Colour').getByRole('button', { name: 'red', exact: true }).click();
  await chips(page, 'Size').getByRole('button', { name: 'M', exact: true }).click();
  await expect(page.locator('.product-price')).toContainText('¥109.00');
  await expect(page.locator('.product-facts')).toContainText('5 left');
  await page.locator('form.add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await go(page, '#/checkout');
  const orderId = await checkOutForPickup(page);
  await expect(page.getByRole('region', { name: 'Items' })).toContainText(`${NAME}, red, M × 1`);

  // The seller renames red to crimson: the same combinations, the same stock.
  await go(page, editHref);
  await expect(page.getByRole('heading', { name: `Edit “${NAME}”` })).toBeVisible();
  await expect(combo(page, 'red, M').getByLabel('Units in stock')).toHaveValue('4');
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('options-edit-en-360.png') });
  await group(page, 1).getByRole('textbox', { name: 'Value 1', exact: true }).fill('crimson');
  await expect(combo(page, 'crimson, M').getByLabel('Units in stock')).toHaveValue('4');
  await expect(combo(page, 'blue, S').getByLabel('For sale')).not.toBeChecked();
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText(`“${NAME}” is saved.`)).toBeVisible();

  // The order keeps what was bought; the product page says crimson.
  await go(page, `#/orders/${encodeURIComponent(orderId)}`);
  await expect(page.getByRole('region', { name: 'Items' })).toContainText(`${NAME}, red, M × 1`);
  await go(page, `#/product/${encodeURIComponent(id)}`);
  await expect(chips(page, 'Colour').getByRole('button', { name: 'crimson', exact: true })).toBeVisible();
  await chips(page, 'Colour').getByRole('button', { name: 'crimson', exact: true }).click();
  await chips(page, 'Size').getByRole('button', { name: 'M', exact: true }).click();
  await expect(page.locator('.product-facts')).toContainText('4 left');
});
