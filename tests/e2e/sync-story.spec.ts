import { expect, test } from '@playwright/test';
import { buyForShipping, expectStatus, orderNumber } from './account-helpers.ts';
import {
  ACROSS, credit, device, expectStatusSoon, expectWallet, figure, go, sellerDevice, startEnv, underServiceWorker, type Env,
} from './sync-helpers.ts';

// A buyer and the seller on two devices (two browser contexts), through a real PouchDB Server
// behind the app's own origin (/couch/, as `npm start` and a deployment's proxy serve it).
// Each is offline for part of the story; the seller's device is the shop's authority.
test.use({ viewport: { width: 360, height: 740 } });

let env: Env;
test.beforeAll(async () => {
  test.setTimeout(120_000); // servers and accounts made on a machine that may be busy
  env = await startEnv(['ann']);
});
test.afterAll(async () => env?.close());

test('a buyer orders offline; the seller’s device decides, ships; the buyer confirms; both agree on the money', async ({ browser }) => {
  test.setTimeout(120_000);
  // The seller (the server's admin on PouchDB Server, which lets no other role list users).
  const seller = await sellerDevice(browser, env);

  // The buyer's device: the catalog comes from the server.
  const buyer = await device(browser, env, 'ann');
  await go(buyer.page, '#/');
  await expect(buyer.page.getByText('41 products')).toBeVisible(ACROSS);

  // The seller credits ann's wallet (cash at the counter); ann sees it.
  await credit(seller.page, 'ann', 100);
  await expectWallet(buyer.page, '¥100.00');

  // ann goes offline and orders: it waits on her phone.
  await underServiceWorker(buyer.page);
  await buyer.context.setOffline(true);
  const id = await buyForShipping(buyer.page, 'tangerine');
  await expectStatus(buyer.page, 'Queued on this device');

  // The seller's phone is offline meanwhile; ann comes back online: the order is sent...
  await underServiceWorker(seller.page);
  await seller.context.setOffline(true);
  await buyer.context.setOffline(false);
  await expectStatusSoon(buyer.page, 'Sent, waiting for the shop');
  // ...and decided once the seller's device is online again.
  await seller.context.setOffline(false);
  await expectStatusSoon(buyer.page, 'Accepted');

  // The seller ships it.
  await go(seller.page, '#/seller/orders');
  const card = seller.page.getByRole('region', { name: /To ship/ }).getByRole('article', { name: `Order ${orderNumber(id)} · ann` });
  await card.getByLabel('Carrier').fill('SF Express');
  await card.getByLabel('Tracking number').fill('SF1234567890');
  await card.getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(seller.page.getByText(`Order ${orderNumber(id)} shipped.`)).toBeVisible();

  // ann confirms receipt.
  await expectStatusSoon(buyer.page, 'Shipped');
  await buyer.page.getByRole('button', { name: 'Confirm receipt' }).click();
  await buyer.page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  await expectStatusSoon(buyer.page, 'Received');

  // Both devices show the same balances: ¥100 − ¥17.90 available, nothing in escrow.
  await expectWallet(buyer.page, '¥82.10', '¥0.00');
  await go(seller.page, '#/seller/customers');
  await expect(figure(seller.page, 'ann', 'Available')).toHaveText('¥82.10', ACROSS);
  await expect(figure(seller.page, 'ann', 'In escrow')).toHaveText('¥0.00');
  await go(seller.page, '#/seller/money');
  await expect(seller.page.locator('[data-figure="paid"]')).toHaveText('¥17.90', ACROSS);
});
