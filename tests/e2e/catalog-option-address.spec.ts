import { expect, test, type Page } from '@playwright/test';
import { openShop } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// While the catalog is filtered by an option value (issue 13), the card shows the price and stock
// of the product's combinations with that value, not its lowest price and whole stock; and the
// value is in the address, so the back button and a refresh keep it. On a 360-px phone.
test.use({ viewport: { width: 360, height: 740 } });

const category = (page: Page, name: string) => page.getByRole('group', { name: /^(Categories|分类)$/ }).getByRole('button', { name, exact: true });
const card = (page: Page) => page.locator('li.card', { hasText: 'Tieguanyin oolong 铁观音' });
const fits = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('a chosen option value shows its own price and stock on the card, and stays in the address', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await openShop(page);
  await category(page, 'Tea & Coffee').click();
  // The oolong as a whole: its lowest price, all its stock (30 + 12 + 20 + 0 + 8).
  await expect(card(page).locator('.card-price')).toHaveText('¥38.00');
  await expect(card(page)).toContainText('70 left');

  const weight = page.getByRole('group', { name: 'Filter by option' }).getByRole('group', { name: 'Weight 重量', exact: true });
  await weight.getByRole('button', { name: '250 g' }).click();
  // 250 g: the bag (¥88, 20 left); the gift tin is sold out.
  await expect(card(page).locator('.card-price')).toHaveText('¥88.00');
  await expect(card(page)).toContainText('20 left');
  await expect(page).toHaveURL(/#\/\?category=Tea\+%26\+Coffee&option=Weight\+%E9%87%8D%E9%87%8F&value=250\+g$/);
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('catalog-option-card-en-360.png') });

  // Refresh: the same filter, the same card.
  await page.reload();
  await expect(weight.getByRole('button', { name: '250 g' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page).locator('.card-price')).toHaveText('¥88.00');
  await expect(page.getByText('1 product', { exact: true })).toBeVisible();

  // Into the product and back: still filtered.
  await card(page).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Tieguanyin oolong 铁观音' })).toBeVisible();
  await page.goBack();
  await expect(weight.getByRole('button', { name: '250 g' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page)).toContainText('20 left');

  // 100 g: from ¥38 (bag), 30 + 12 left.
  await weight.getByRole('button', { name: '100 g' }).click();
  await expect(card(page).locator('.card-price')).toHaveText('¥38.00');
  await expect(card(page)).toContainText('42 left');
  await expect(page).toHaveURL(/value=100\+g$/);

  await setLanguage(page, 'zh');
  await expect(card(page)).toContainText('剩 42 件');
  await fits(page);
  await page.screenshot({ path: testInfo.outputPath('catalog-option-card-zh-360.png') });
  await setLanguage(page, 'en');

  // Pressed again: the whole product again, and the address says so.
  await weight.getByRole('button', { name: '100 g' }).click();
  await expect(card(page)).toContainText('70 left');
  await expect(page).toHaveURL(/#\/\?category=Tea\+%26\+Coffee$/);
});
