import { expect, test } from '@playwright/test';
import { buyForPickup, expectStatus, go, openShop, orderNumber, sellerPlace, shopAs, startTeam, view } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The buyer's home above the catalog: the flash sale (the demo's Pocket phone sale starts 5
// minutes after the first start), open team buys, the shop's offers and its coupon to claim.
test.use({ viewport: { width: 360, height: 740 } });

test('the flash sale on the home counts down, then one tap leads to the checkout at the flash price', async ({ page }) => {
  await page.clock.install();
  await openShop(page);
  const flash = page.getByRole('region', { name: 'Flash sale' });
  await expect(flash.getByRole('timer', { name: 'Starts in' })).toHaveText(/^00:0[45]:\d\d$/);
  await expect(flash.getByText('¥499', { exact: true })).toBeVisible();
  await expect(flash.getByRole('link', { name: /^See it: Pocket phone/ })).toHaveAttribute('href', '#/product/mobile-phone');

  await page.clock.fastForward('06:00');
  await expect(flash.getByText(/· 3 left$/)).toBeVisible();
  const buy = flash.getByRole('button', { name: 'Buy now: Pocket phone 口袋手机 at the flash price' });
  await expect(buy).toBeInViewport();
  await buy.click();
  await expect(page).toHaveURL(/#\/checkout\?product=mobile-phone&buy=flash$/);
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByText('Flash sale price: Pocket phone 口袋手机 × 1')).toBeVisible();
});

test('a coupon claimed on the home is in the cart; searching hides the promotions', async ({ page }) => {
  await openShop(page);
  const offers = page.getByRole('region', { name: 'Offers and coupons' });
  await expect(offers.getByText('Spend ¥200, save ¥30')).toBeVisible();
  await expect(offers.getByText('WELCOME10')).toBeVisible();
  await offers.getByRole('button', { name: 'Claim coupon WELCOME10' }).click();
  await expect(offers.getByRole('status')).toHaveText('In your cart');
  await offers.getByRole('link', { name: 'Use coupon WELCOME10 in your cart' }).click();
  await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
  await go(page, '#/product/banana');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await go(page, '#/cart');
  await expect(page.getByLabel('Coupon code')).toHaveValue('WELCOME10');

  // Another person on the device has not claimed it.
  await go(page, '#/');
  await expect(offers.getByRole('status')).toHaveText('In your cart');
  await shopAs(page, 'bo');
  await expect(offers.getByRole('button', { name: 'Claim coupon WELCOME10' })).toBeVisible();

  // Looking for something: the grid comes first, the promotions step aside; the categories stay.
  await page.getByLabel('Search').fill('tea');
  await expect(page.getByRole('region', { name: 'Flash sale' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Categories' })).toBeVisible();
  await page.getByLabel('Search').fill('');
  await expect(page.getByRole('region', { name: 'Flash sale' })).toBeVisible();
  await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: /^Fruit/ }).click();
  await expect(page.getByRole('region', { name: 'Flash sale' })).toHaveCount(0);
  await expect(page.getByText('8 products')).toBeVisible();
});

test('an open team buy shows how many joined and the time left; another buyer joins from the home', async ({ page }) => {
  await openShop(page);
  await startTeam(page, 'dumpling');
  await go(page, '#/');
  const teams = page.getByRole('region', { name: 'Team buys' });
  await expect(teams.getByText('¥26 in a team of 3')).toBeVisible();
  await expect(teams.getByText(/^1 of 3 joined · 2[34] h left$/)).toBeVisible();
  // Only the count: never who joined.
  await expect(teams).not.toContainText('ann');
  await expect(teams.getByRole('link', { name: 'Your team' })).toBeVisible();

  await shopAs(page, 'bo');
  await teams.getByRole('button', { name: /^Join the team for Frozen dumplings/ }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page).toHaveURL(/#\/checkout\?team=[^&]+&product=dumpling$/);
});

test('the home has no serious accessibility violations and no sideways scroll, in English and Chinese', async ({ page }) => {
  await page.clock.install();
  await openShop(page);
  // The demo shop opened (its sale set 5 minutes from now) before the clock moves. The strip's
  // timer: the grid's card of the same product has one too once it has loaded (which may come first).
  await expect(page.getByRole('region', { name: 'Flash sale' }).getByRole('timer', { name: 'Starts in' })).toBeVisible();
  await page.clock.fastForward('06:00');
  await expect(page.getByRole('button', { name: /^Buy now: Pocket phone/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(page, 'zh');
  await expect(page.getByRole('region', { name: '限时秒杀' }).getByRole('button', { name: /^立即抢购：Pocket phone/ })).toBeVisible();
  await expect(page.getByRole('region', { name: '优惠与优惠券' }).getByRole('button', { name: '领取优惠券 WELCOME10' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a card shows its rating once reviewed, nothing before; in English and Chinese, no sideways scroll', async ({ page }, testInfo) => {
  await openShop(page);
  const card = (name: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
  await page.getByLabel('Search').fill('tangerines');
  await expect(card(/^Tangerines/)).toBeVisible();
  await expect(card(/^Tangerines/)).not.toContainText('review');
  await expect(card(/^Tangerines/)).not.toContainText(/\b0\b/);

  // ann buys, collects and reviews the tangerines: 4 stars.
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
  await page.getByRole('button', { name: 'Write a review' }).click();
  await page.locator('.acct-star').nth(3).click();
  await page.getByRole('button', { name: 'Publish review' }).click();
  await expect(page.getByText('Thank you: your review is published.')).toBeVisible();

  // The card says what the product page says.
  await go(page, '#/?q=tangerines');
  await expect(card(/^Tangerines/)).toContainText('★ 4.0 · 1 review');
  await go(page, '#/product/tangerine');
  await expect(page.getByRole('link', { name: '4.0 · 1 review' })).toBeVisible();
  await go(page, '#/');
  await page.getByRole('group', { name: 'Categories' }).getByRole('button', { name: /^Fruit/ }).click();
  await expect(card(/^Tangerines/)).toContainText('★ 4.0 · 1 review');
  await expect(card(/^Bananas/)).toBeVisible();
  await expect(card(/^Bananas/)).not.toContainText('review');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await card(/^Tangerines/).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('card-rating-en-360.png') });

  await setLanguage(page, 'zh');
  await expect(card(/^Tangerines/)).toContainText('★ 4.0 分 · 1 条评价');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await card(/^Tangerines/).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('card-rating-zh-360.png') });
});
