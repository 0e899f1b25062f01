import { expect, test } from '@playwright/test';
import { balance, buyForPickup, expectStatus, go, openShop, orderNumber, sellerPlace } from './account-helpers.ts';
import { openMenu } from './menu.ts';

test('a wallet order for pickup: decided, made ready by the seller, confirmed by the buyer, escrow released', async ({ page }) => {
  await openShop(page);
  const id = await buyForPickup(page, 'tangerine');
  await expectStatus(page, 'Accepted');
  await expect(page.getByRole('list').filter({ hasText: 'Queued on this device' })).toContainText('Sent to the shop');

  await go(page, '#/wallet');
  await expect(balance(page, 'In escrow')).toHaveText('¥9.90');

  // The demo's other side: the seller makes it ready at the pickup point.
  await openMenu(page);
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Seller' }).click();
  await expect(page.getByRole('heading', { name: 'Seller', exact: true })).toBeVisible();
  await sellerPlace(page, 'Orders');
  const card = page.getByRole('article', { name: `Order ${orderNumber(id)} · ann` });
  await card.getByRole('button', { name: 'Ready for pickup' }).click();
  await expect(page.getByText(`Order ${orderNumber(id)} is ready at`)).toBeVisible();
  await expect(page.getByRole('region', { name: /At pickup points/ }).getByRole('article', { name: `Order ${orderNumber(id)} · ann` })).toBeVisible();

  // Back as the buyer: confirm receipt, after saying yes in the dialog.
  await openMenu(page);
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Shop' }).click();
  await go(page, `#/orders/${id}`);
  await expectStatus(page, 'Ready for pickup');
  await page.getByRole('button', { name: 'Confirm receipt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Did you receive the goods?' });
  await expect(dialog).toContainText('¥9.90');
  await dialog.getByRole('button', { name: 'Yes, I have them' }).click();
  await expect(page.getByText('Receipt confirmed. Thank you!')).toBeVisible();
  await expectStatus(page, 'Received');
  await expect(page.getByRole('button', { name: 'Write a review' })).toBeVisible();

  await go(page, '#/wallet');
  await expect(balance(page, 'In escrow')).toHaveText('¥0.00');
  await expect(balance(page, 'Available')).toHaveText('¥490.10');
  const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history.first()).toContainText('Receipt confirmed, paid to the shop');
  await expect(history.first()).toContainText('Escrow −¥9.90');
  await expect(history.nth(1)).toContainText('Paid for an order, held in escrow');
});
