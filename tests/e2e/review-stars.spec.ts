import { expect, test, type Page } from '@playwright/test';
import { buyForPickup, expectStatus, go, openShop, orderNumber, sellerPlace, view } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The review's stars on a phone: one row of five, a radio group named "Rating" that the arrow
// keys move along and a screen reader reads ("3 stars"), in both languages.
test.use({ viewport: { width: 360, height: 740 } });

/** An order of ann's, received, on its page. */
async function receivedOrder(page: Page): Promise<void> {
  await openShop(page);
  const id = await buyForPickup(page, 'tangerine');
  await expectStatus(page, 'Accepted');
  await view(page, 'Seller');
  await sellerPlace(page, 'Orders');
  await page.getByRole('article', { name: `Order ${orderNumber(id)} · ann` }).getByRole('button', { name: 'Ready for pickup' }).click();
  await expect(page.getByText(`Order ${orderNumber(id)} is ready at`)).toBeVisible();
  await view(page, 'Shop');
  await go(page, `#/orders/${id}`);
  await page.getByRole('button', { name: 'Confirm receipt' }).click();
  await page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  await expectStatus(page, 'Received');
}

/** The five stars' tops: one row means one value. */
async function rows(page: Page): Promise<number> {
  const tops = await page.locator('.acct-star').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  return new Set(tops).size;
}

test('English: the arrow keys choose, the group says the rating, one row at 360 px', async ({ page }) => {
  await receivedOrder(page);
  await page.getByRole('button', { name: 'Write a review' }).click();
  const group = page.getByRole('radiogroup', { name: 'Rating' });
  await expect(group.getByRole('radio')).toHaveCount(5);
  await expect(group.getByRole('radio', { name: '1 star', exact: true })).toBeFocused();
  expect(await rows(page)).toBe(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: '3 stars' })).toBeChecked();
  await expect(page.locator('.acct-star-on')).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expect(group.getByRole('radio', { name: '2 stars' })).toBeChecked();
  await page.locator('.acct-star').nth(4).click();
  await expect(group.getByRole('radio', { name: '5 stars' })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Your review').fill('Sweet and fresh.');
  await page.getByRole('button', { name: 'Publish review' }).click();
  await expect(page.getByText('Thank you: your review is published.')).toBeVisible();
});

test('中文: 评分 is a radio group of 1 星 … 5 星, in one row', async ({ page }) => {
  await receivedOrder(page);
  await setLanguage(page, 'zh');
  await page.getByRole('button', { name: '写评价' }).click();
  const group = page.getByRole('radiogroup', { name: '评分' });
  await expect(group.getByRole('radio')).toHaveCount(5);
  await expect(group.getByRole('radio', { name: '1 星', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: '4 星' })).toBeChecked();
  expect(await rows(page)).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
});
