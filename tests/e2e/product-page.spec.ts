import { expect, test, type Page } from '@playwright/test';
import { checkOutForPickup, expectStatus, go, openShop, underServiceWorker } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// The product page is a shop's product page: the ways to buy sit side by side in a bar that is
// on screen without scrolling on a 360 × 740 phone ("Buy alone ¥36" beside "Team of 3 ¥26", or
// the flash price while a sale runs), each one tap from the checkout of one unit; after the
// order, the page says first that it was placed (or queued) and what happens next.

test.use({ viewport: { width: 360, height: 740 } });

/** The bar's buttons are wholly on screen, above the bottom navigation, with the page not scrolled. */
async function expectBarOnScreen(page: Page, names: RegExp[]): Promise<void> {
  const bar = page.getByRole('group', { name: /^(Ways to buy|购买方式)$/ });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const nav = await page.getByRole('navigation', { name: /^(Main|主导航)$/ }).boundingBox();
  for (const name of names) {
    const button = bar.getByRole('button', { name });
    await expect(button).toBeInViewport({ ratio: 1 });
    const box = await button.boundingBox();
    expect(box!.y + box!.height, `${name} above the bottom navigation`).toBeLessThanOrEqual(nav!.y);
  }
}

test('"Buy alone" and "Team of 3" are side by side on screen without scrolling, in English and Chinese', async ({ page }, testInfo) => {
  await openShop(page);
  await go(page, '#/product/dumpling');
  await expect(page.getByRole('heading', { name: /Frozen dumplings/ })).toBeVisible();
  await expectBarOnScreen(page, [/^¥36\.00 Buy alone$/, /^¥26\.00 Team of 3$/]);
  await page.screenshot({ path: testInfo.outputPath('product-en-360.png') });
  await setLanguage(page, 'zh');
  await expectBarOnScreen(page, [/^¥36\.00 单独购买$/, /^¥26\.00 3 人拼团$/]);
  await page.screenshot({ path: testInfo.outputPath('product-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(page, 'en');

  // The shop's card: its promises, from its policies.
  await expect(page.getByRole('region', { name: 'Corner Shop 街角小店' })).toContainText('Counterfeit? Your money back plus 3 times the price.');

  // "Team of 3" starts a team at the team price.
  await page.getByRole('button', { name: /Team of 3/ }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByText(/You are starting a team for Frozen dumplings/)).toBeVisible();
});

test('"Buy alone" checks out one unit apart from the cart; the order page says "Order placed" and what comes next, before anything else', async ({ page }) => {
  await openShop(page);
  await go(page, '#/product/banana');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();

  await go(page, '#/product/dumpling');
  await page.getByRole('button', { name: /Buy alone/ }).click();
  await expect(page.getByText('Buying one Frozen dumplings 速冻水饺 (50) now; your cart stays as it is.')).toBeVisible();
  await expect(page.locator('dl.summary')).toContainText('¥36.00');
  await checkOutForPickup(page);
  await expectStatus(page, 'Accepted');
  const placed = page.getByRole('region', { name: 'Order placed' });
  await expect(placed).toContainText('You pay ¥36.00 from your wallet.');
  await expect(placed).toContainText(/Next: the shop gets it ready at /);
  // The confirmation comes before what the buyer could do about the order.
  const first = await page.locator('#order-placed, #order-actions').first().getAttribute('id');
  expect(first).toBe('order-placed');
  // The cart kept its banana.
  await expect(page.getByRole('link', { name: 'Cart 1 in the cart' })).toBeVisible();
});

test('offline, the order page says it is queued and goes when online', async ({ page, context }) => {
  await openShop(page);
  // Offline, the checkout's code comes from the service worker's precache.
  await underServiceWorker(page);
  await go(page, '#/product/dumpling');
  await context.setOffline(true);
  await page.getByRole('button', { name: /Buy alone/ }).click();
  await checkOutForPickup(page);
  await expectStatus(page, 'Queued on this device');
  await expect(page.getByRole('region', { name: "Queued: it goes when you're online" })).toContainText('goes to the shop by itself once you are online');
  await context.setOffline(false);
  await expectStatus(page, 'Accepted');
  await expect(page.getByRole('region', { name: 'Order placed' })).toBeVisible();
});

test('while a flash sale runs, one tap on the flash price leads to its checkout, and the countdown shows once', async ({ page }) => {
  await page.clock.install();
  await openShop(page);
  await go(page, '#/product/mobile-phone');
  await expect(page.getByRole('timer', { name: 'Starts in' })).toBeVisible();
  await page.clock.fastForward('06:00');
  await expect(page.getByRole('timer', { name: 'Ends in' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(1);
  await expectBarOnScreen(page, [/^¥999\.00 Buy alone$/, /^¥499\.00 Flash price$/]);
  await page.getByRole('group', { name: 'Ways to buy' }).getByRole('button', { name: /Flash price/ }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.locator('dl.summary')).toContainText('Flash sale price: Pocket phone 口袋手机 × 1');
  await checkOutForPickup(page);
  await expectStatus(page, 'Accepted');
  await expect(page.getByRole('region', { name: 'Order placed' })).toContainText('You pay ¥499.00 from your wallet.');
});
