import { expect, test, type Page } from '@playwright/test';
import { buyForShipping, go, openShop, orderNumber, shipFromSellerOrders } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// Notifications of a person's Updates (issue 14), shown by the built service worker: the buyer
// turns them on in the Updates list (the browser's permission granted here, as a person would
// in its prompt); the order accepted and then shipped each become a notification, once; what was
// there before turning them on is not notified.
test.use({ viewport: { width: 360, height: 740 }, permissions: ['notifications'] });

/** The titles of the notifications the service worker is showing. */
async function shown(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => n.title);
  });
}

test('the buyer turns notifications on; the order accepted and shipped are notified by the service worker, once each', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  // Something from before: an order accepted before notifications were on is never notified.
  const before = await buyForShipping(page, 'tangerine');
  await go(page, '#/orders');
  await page.getByRole('button', { name: /^Updates/ }).click();
  const list = page.getByRole('dialog', { name: 'Updates' });
  await list.getByRole('button', { name: 'Notify me on this phone' }).click();
  await expect(list.getByText('Notifications are on for this phone.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('updates-notify-en.png') });
  await list.getByRole('button', { name: 'Close' }).click();
  await setLanguage(page, 'zh');
  await page.getByRole('button', { name: /^动态/ }).click();
  const zh = page.getByRole('dialog', { name: '动态' });
  await expect(zh.getByText('本机已开启通知。')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('updates-notify-zh.png') });
  await zh.getByRole('button', { name: '关闭', exact: true }).click();
  await setLanguage(page, 'en');

  const id = await buyForShipping(page, 'tangerine');
  await expect.poll(() => shown(page), { timeout: 20_000 }).toContain(`Order ${orderNumber(id)} was accepted.`);
  await shipFromSellerOrders(page, id, 'SF Express', 'SF0001');
  await expect.poll(() => shown(page), { timeout: 20_000 }).toContain(`Order ${orderNumber(id)} was shipped: SF Express, tracking SF0001.`);
  const titles = await shown(page);
  expect(titles.filter((t) => t.includes(orderNumber(id)))).toHaveLength(2);
  expect(titles.some((t) => t.includes(orderNumber(before)))).toBe(false);

  // Turned off: the next news is in the list, not notified.
  await go(page, '#/orders');
  await page.getByRole('button', { name: /^Updates/ }).click();
  await list.getByRole('button', { name: 'Turn off notifications' }).click();
  await expect(list.getByRole('button', { name: 'Notify me on this phone' })).toBeVisible();
});

test('after an order, the order page offers "Tell me when it ships", and once on it says so and offers nothing more', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  await buyForShipping(page, 'tangerine');
  const offer = page.getByRole('button', { name: 'Tell me when it ships' });
  await expect(offer).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('order-notify-offer-en.png') });
  await offer.click();
  await expect(page.getByRole('status').filter({ hasText: 'Notifications are on for this phone.' })).toBeVisible();
  await expect(offer).toHaveCount(0);
  // The next order does not ask again; the Updates list has the same switch, on.
  await buyForShipping(page, 'banana');
  await expect(page.getByRole('heading', { name: 'Order placed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tell me when it ships' })).toHaveCount(0);
  await go(page, '#/orders');
  await page.getByRole('button', { name: /^Updates/ }).click();
  await expect(page.getByRole('dialog', { name: 'Updates' }).getByText('Notifications are on for this phone.')).toBeVisible();
  await page.getByRole('dialog', { name: 'Updates' }).getByRole('button', { name: 'Close' }).click();
  await setLanguage(page, 'zh');
  await page.getByRole('button', { name: /^动态/ }).click();
  await page.getByRole('dialog', { name: '动态' }).getByRole('button', { name: '关闭通知' }).click();
  await page.getByRole('dialog', { name: '动态' }).getByRole('button', { name: '关闭', exact: true }).click();
  // Turned off again: the next order offers it again, here in Chinese.
  await setLanguage(page, 'en');
  await buyForShipping(page, 'red-apple');
  await setLanguage(page, 'zh');
  await expect(page.getByRole('button', { name: '发货时通知我' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('order-notify-offer-zh.png') });
});
