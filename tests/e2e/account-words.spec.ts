import { expect, test } from '@playwright/test';
import { buyForPickup, expectStatus, go, openShop, orderNumber, sellerPlace, view } from './account-helpers.ts';

// What the demo says about a request on its way, and that it gives way once the request is
// decided (a real shop's words are in sync-words.spec.ts).

test('a request made offline says it is queued, and the notice gives way to the outcome once decided', async ({ page, context }) => {
  await openShop(page);
  const id = await buyForPickup(page, 'tangerine');
  await expectStatus(page, 'Accepted');
  await view(page, 'Seller');
  await sellerPlace(page, 'Orders');
  await expect(page.getByText("The demo shop's other side. What you do here is decided at once by the shop on this device, even offline.")).toBeVisible();
  await page.getByRole('article', { name: `Order ${orderNumber(id)} · ann` }).getByRole('button', { name: 'Ready for pickup' }).click();
  await expect(page.getByText(`Order ${orderNumber(id)} is ready at`)).toBeVisible();
  await view(page, 'Shop');
  await go(page, `#/orders/${id}`);
  await expectStatus(page, 'Ready for pickup');

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Confirm receipt' }).click();
  await page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  const queued = page.getByText('Queued on this device: it goes to the shop when you are online.');
  await expect(queued).toBeVisible();
  await expect(page.getByText('Your request to confirm receipt is queued on this device.')).toBeVisible();

  await context.setOffline(false);
  await expectStatus(page, 'Received');
  await expect(page.getByText('Receipt confirmed. Thank you!')).toBeVisible();
  await expect(queued).toHaveCount(0);
});
