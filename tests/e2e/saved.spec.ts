import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { go, openShop, shopAs } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// Favourites and history (issue 13): a heart on a product's page, each person's saved products
// and recently viewed products on a shared phone, marks when a saved product's price drops or
// it is back in stock, and both kept by a backup. On a 360-px phone, in English and Chinese.
test.use({ viewport: { width: 360, height: 740 } });

const heart = (page: Page) => page.getByRole('button', { name: /^(Save|收藏)$/ });
const savedList = (page: Page) => page.getByRole('list').filter({ has: page.locator('.saved-item') });
const wide = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Opens a product's page as a person would and waits for its heart. */
async function openProduct(page: Page, id: string): Promise<string> {
  await go(page, `#/product/${id}`);
  await expect(heart(page)).toBeVisible();
  return (await page.locator('#product-name').textContent())!;
}

/** The seller changes a product's price and stock in the product list. */
async function sellerSets(page: Page, id: string, stock: string, price: string): Promise<void> {
  await go(page, '#/seller/products');
  const card = page.locator('li.sc-product', { has: page.locator(`#edit-${id}`) });
  await card.scrollIntoViewIfNeeded();
  const name = (await card.getByRole('heading').textContent())!;
  await card.getByRole('button', { name: `Stock and price: ${name}` }).click();
  const form = page.getByRole('form', { name: `Stock and price of “${name}”` });
  await form.getByLabel('Units in stock').fill(stock);
  await form.getByLabel('Price (¥)').fill(price);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByText(`“${name}”: stock and price saved.`)).toBeVisible();
}

test('each person saves their own products, sees what they viewed last and what got cheaper or came back, and a backup keeps it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openShop(page);

  // ann saves the tangerines from their page: the heart is a toggle, pressed once saved.
  const tangerine = await openProduct(page, 'tangerine');
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'false');
  await page.screenshot({ path: testInfo.outputPath('product-heart-en-360.png') });
  await heart(page).click();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('In your saved items.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('product-heart-saved-en-360.png') });
  expect(await seriousViolations(page)).toEqual([]);
  // And the cookies, which she then takes out again.
  const cookie = await openProduct(page, 'cookie');
  await heart(page).click();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await heart(page).click();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('Removed from your saved items.')).toBeVisible();

  // Her saved products are reached from her orders.
  await go(page, '#/orders');
  await page.getByRole('navigation', { name: 'Your lists' }).getByRole('link', { name: 'Saved (1)' }).click();
  await expect(page.getByRole('heading', { name: 'Saved and viewed' })).toBeVisible();
  await expect(savedList(page).getByRole('link', { name: tangerine })).toBeVisible();
  await expect(savedList(page).getByRole('link', { name: cookie })).toHaveCount(0);

  // bo's are his own: none of ann's.
  await shopAs(page, 'bo');
  await go(page, '#/saved');
  await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  await openProduct(page, 'tangerine');
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'false');

  // ann views three products: her recently viewed shows them newest first, each once.
  await shopAs(page, 'ann');
  const apple = await openProduct(page, 'red-apple');
  const banana = await openProduct(page, 'banana');
  const again = await openProduct(page, 'tangerine');
  expect(again).toBe(tangerine);
  await go(page, '#/orders');
  await page.getByRole('link', { name: 'Recently viewed' }).click();
  await expect(page).toHaveURL(/#\/saved\/viewed$/);
  const viewed = page.locator('.saved-item .saved-name');
  await expect(viewed).toHaveText([tangerine, banana, apple, cookie]);
  await page.screenshot({ path: testInfo.outputPath('viewed-en-360.png'), fullPage: true });
  expect(await wide(page)).toBeLessThanOrEqual(360);
  expect(await seriousViolations(page)).toEqual([]);

  // The seller lowers the tangerines' price: ann's saved tangerines say so, with the old price.
  const was = (await page.locator('.saved-item', { hasText: tangerine }).locator('.price').textContent())!;
  await sellerSets(page, 'tangerine', '50', '1.99');
  await go(page, '#/saved');
  const item = page.locator('.saved-item', { hasText: tangerine });
  await expect(item.getByText('Price dropped')).toBeVisible();
  await expect(item.getByText(`was ${was}`)).toBeVisible();
  await expect(item.getByText('¥1.99')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('saved-marked-en-360.png') });
  expect(await wide(page)).toBeLessThanOrEqual(360);
  expect(await seriousViolations(page)).toEqual([]);
  // Once she has looked at it, it is no longer news.
  await item.getByRole('link', { name: tangerine }).click();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await go(page, '#/saved');
  await expect(page.locator('.saved-item', { hasText: tangerine })).toBeVisible();
  await expect(page.getByText('Price dropped')).toHaveCount(0);

  // Sold out, then back on the shelf: "Back in stock".
  await openProduct(page, 'banana');
  await heart(page).click();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await sellerSets(page, 'banana', '0', '3.00');
  await openProduct(page, 'banana'); // seen sold out
  await sellerSets(page, 'banana', '30', '3.00');
  await go(page, '#/saved');
  await expect(page.locator('.saved-item', { hasText: banana }).getByText('Back in stock')).toBeVisible();

  // In Chinese, on the same phone.
  await setLanguage(page, 'zh');
  await expect(page.getByRole('heading', { name: '收藏与足迹' })).toBeVisible();
  await expect(page.getByText('已到货')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('saved-marked-zh-360.png') });
  expect(await wide(page)).toBeLessThanOrEqual(360);
  await go(page, '#/saved/viewed');
  await expect(page.getByRole('button', { name: '清空足迹' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('viewed-zh-360.png'), fullPage: true });
  await go(page, '#/orders');
  await expect(page.getByRole('link', { name: '浏览足迹' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('orders-links-zh-360.png') });
  await openProduct(page, 'tangerine');
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: testInfo.outputPath('product-heart-saved-zh-360.png') });
  await setLanguage(page, 'en');
  await go(page, '#/orders');
  await expect(page.getByRole('link', { name: 'Saved (2)' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('orders-links-en-360.png') });

  // A backup keeps everyone's: made now, then ann clears her history and unsaves the bananas,
  // and the restore brings both back.
  await go(page, '#/saved/viewed');
  await expect(page.locator('.saved-item .saved-name').first()).toHaveText(tangerine);
  const history = await page.locator('.saved-item .saved-name').allTextContents();
  expect(history).toEqual([tangerine, banana, apple, cookie]);
  await go(page, '#/settings');
  await expect(page.getByText(/shop's data/).first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  expect(backup.tables.saved.map((r: { person: string; productId: string }) => `${r.person}: ${r.productId}`).sort())
    .toEqual(['demo ann: banana', 'demo ann: tangerine']);
  expect(backup.tables.viewed.length).toBeGreaterThanOrEqual(5);

  await go(page, '#/saved/viewed');
  await page.getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByText('History cleared.')).toBeVisible();
  await expect(page.getByText('Products you open show up here.')).toBeVisible();
  await go(page, '#/saved');
  await page.getByRole('button', { name: `Remove ${banana}` }).click();
  await expect(page.locator('.saved-item', { hasText: banana })).toHaveCount(0);

  // A damaged saved row is refused, naming it, and nothing changes.
  await go(page, '#/settings');
  const restore = page.getByLabel('Restore from a backup');
  const damaged = structuredClone(backup);
  damaged.tables.saved[0].price = 'cheap';
  await restore.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await expect(page.getByText(/^This file cannot be restored: in saved products \(table “saved”\), row 1, field “price” has a wrong value\. Nothing was changed\./)).toBeVisible();
  await go(page, '#/saved');
  await expect(page.locator('.saved-item')).toHaveCount(1);

  await go(page, '#/settings');
  await restore.setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Replace everything on this device?' });
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Replace with the backup' }).click()]);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await go(page, '#/saved');
  await expect(page.locator('.saved-item .saved-name')).toHaveText([banana, tangerine]);
  await go(page, '#/saved/viewed');
  await expect(page.locator('.saved-item .saved-name')).toHaveText(history);
  // bo still has nothing saved.
  await shopAs(page, 'bo');
  await go(page, '#/saved');
  await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('saved-empty-en-360.png') });
});

test("a saved product's price drop is news in the person's Updates, and the kinds of news they turn off stop counting", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openShop(page);
  const tangerine = await openProduct(page, 'tangerine');
  await heart(page).click();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await sellerSets(page, 'tangerine', '50', '1.99');

  await go(page, '#/orders');
  await page.getByRole('button', { name: 'Updates (1 new)' }).click();
  const list = page.getByRole('dialog', { name: 'Updates' });
  await list.getByRole('link', { name: `${tangerine} you saved costs less now.` }).waitFor();
  await list.locator('summary', { hasText: 'Tell me about' }).click();
  const saved = list.getByRole('checkbox', { name: 'Saved products: price drops and restocks' });
  await expect(saved).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('updates-news-settings-en-360.png') });
  expect(await wide(page)).toBeLessThanOrEqual(360);
  expect(await seriousViolations(page)).toEqual([]);
  // Turned off: a second drop is listed, but not counted as new.
  await saved.uncheck();
  await expect(saved).not.toBeChecked();
  await list.getByRole('button', { name: 'Close' }).click();
  await sellerSets(page, 'tangerine', '50', '1.49');
  await go(page, '#/orders');
  await page.getByRole('button', { name: 'Updates', exact: true }).click();
  await expect(list.getByRole('link', { name: `${tangerine} you saved costs less now.` })).toBeVisible();
  await expect(list.getByText('New', { exact: true })).toHaveCount(0);
  await list.locator('summary', { hasText: 'Tell me about' }).click();
  await expect(list.getByRole('checkbox', { name: 'Saved products: price drops and restocks' })).not.toBeChecked();
  await expect(list.getByRole('checkbox', { name: 'Messages from the seller' })).toBeChecked();
  await list.getByRole('button', { name: 'Close' }).click();
  // Another person on the phone chose nothing: bo is told about his own things as before.
  await shopAs(page, 'bo');
  await go(page, '#/orders');
  await page.getByRole('button', { name: 'Updates', exact: true }).click();
  await list.locator('summary', { hasText: 'Tell me about' }).click();
  await expect(list.getByRole('checkbox', { name: 'Saved products: price drops and restocks' })).toBeChecked();
  await list.getByRole('button', { name: 'Close' }).click();

  await shopAs(page, 'ann');
  await setLanguage(page, 'zh');
  await go(page, '#/orders');
  await page.getByRole('button', { name: /^动态/ }).click();
  const zh = page.getByRole('dialog', { name: '动态' });
  await expect(zh.getByRole('link', { name: `你收藏的 ${tangerine} 降价了。` })).toBeVisible();
  await zh.locator('summary', { hasText: '提醒我这些动态' }).click();
  await expect(zh.getByRole('checkbox', { name: '收藏的商品：降价和到货' })).not.toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('updates-news-settings-zh-360.png') });
  expect(await wide(page)).toBeLessThanOrEqual(360);
});
