import { expect, test } from '@playwright/test';
import { balance, checkOutForPickup, expectStatus, go, openShop, underServiceWorker } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';

// An order placed offline waits on the device; until it leaves, it can be cancelled there and
// is then never sent. The demo's shop imitates the network: it gets what is queued only online.
test.use({ viewport: { width: 360, height: 740 } });

test('offline, an order still queued on the phone is cancelled there, and nothing goes to the shop once online', async ({ page, context }) => {
  await openShop(page);
  await underServiceWorker(page);
  await go(page, '#/wallet');
  await expect(balance(page, 'Available')).toHaveText('¥500.00');
  await go(page, '#/product/dumpling');
  await context.setOffline(true);
  await page.getByRole('button', { name: /Buy alone/ }).click();
  await checkOutForPickup(page);
  await expectStatus(page, 'Queued on this device');

  const box = page.getByRole('region', { name: 'Changed your mind?' });
  await expect(box).toContainText('has not left your phone');
  expect(await seriousViolations(page)).toEqual([]);
  await box.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this order?' });
  await expect(dialog).toContainText('nothing is paid');
  await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
  // What it bought is back in the cart, to change and order again.
  await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
  await expect(page.getByRole('list', { name: /items/i }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel(/Quantity of Frozen dumplings/)).toHaveValue('1');
  await go(page, '#/orders');
  await expect(page.getByText('No orders yet.')).toBeVisible();

  // Online again: the outbox has nothing of it, so the shop never gets it and no money moves.
  await context.setOffline(false);
  await expect(page.getByRole('banner').getByRole('status')).toContainText('All synced');
  await page.waitForTimeout(1500);
  await expect(page.getByText('No orders yet.')).toBeVisible();
  await go(page, '#/wallet');
  await expect(balance(page, 'Available')).toHaveText('¥500.00');
  await expect(balance(page, 'In escrow')).toHaveText('¥0.00');
});

test('an order that has gone to the shop has no "cancel here", only the shop’s cancel', async ({ page }) => {
  await openShop(page);
  await go(page, '#/product/dumpling');
  await page.getByRole('button', { name: /Buy alone/ }).click();
  await checkOutForPickup(page);
  await expectStatus(page, 'Accepted');
  await expect(page.getByRole('region', { name: 'Changed your mind?' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toBeVisible();
});
