import { expect, test } from '@playwright/test';
import { checkOutForPickup, expectStatus, go, openShop } from './account-helpers.ts';

test('an order placed offline waits on the device, then is decided once back online', async ({ page, context }) => {
  await openShop(page);
  // Offline from the next load on: wait for the service worker to control the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();

  await go(page, '#/product/banana');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  await go(page, '#/checkout');
  const id = await checkOutForPickup(page);
  await expectStatus(page, 'Queued on this device');
  await expect(page.getByRole('list').filter({ hasText: 'Queued on this device' })).toContainText("Waiting for the shop's decision");

  await go(page, '#/orders');
  await expect(page.getByRole('link', { name: /Order #/ })).toContainText('Queued on this device');

  await context.setOffline(false);
  await expect(page.getByRole('link', { name: /Order #/ })).toContainText('Accepted');
  await go(page, `#/orders/${id}`);
  await expectStatus(page, 'Accepted');
  await expect(page.getByRole('list').filter({ hasText: 'Queued on this device' })).toContainText('Sent to the shop');
});
