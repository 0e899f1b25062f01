import { expect, test } from '@playwright/test';
import { orderNumber } from './account-helpers.ts';
import { ACROSS, buyForPickup, credit, device, expectStatusSoon, go, sellerDevice, startEnv, type Env } from './sync-helpers.ts';

// A real shop's words: no demo wording on a buyer's or the seller's phone, and a notice that
// something is on its way (queued, sent) gives way to the outcome once the shop decides.
test.use({ viewport: { width: 360, height: 740 } });

let env: Env;
test.beforeAll(async () => {
  test.setTimeout(120_000); // servers and accounts made on a machine that may be busy
  env = await startEnv(['ann']);
});
test.afterAll(async () => env?.close());

const DEMO_WORDS = /demo shop|when you are online/i;

test('a real shop speaks as one: the seller’s inbox, a queued command, a request sent and decided', async ({ browser }) => {
  test.setTimeout(120_000);
  const seller = await sellerDevice(browser, env);
  const buyer = await device(browser, env, 'ann');
  await credit(seller.page, 'ann', 100);

  // The seller's inbox says what a real shop's phone does, not the demo's other side.
  await go(seller.page, '#/seller/orders');
  await expect(seller.page.getByText("The shop's rules run on this phone", { exact: false })).toBeVisible();
  await expect(seller.page.getByText(DEMO_WORDS)).toHaveCount(0);

  await go(buyer.page, '#/');
  await expect(buyer.page.getByText('41 products')).toBeVisible(ACROSS);
  const id = await buyForPickup(buyer.page, 'tangerine');
  await expectStatusSoon(buyer.page, 'Accepted');

  // The seller's phone offline: its command waits there, and says so in a real shop's words...
  await go(seller.page, '#/seller/orders');
  const card = seller.page.getByRole('article', { name: `Order ${orderNumber(id)} · ann` });
  await expect(card).toBeVisible(ACROSS);
  await seller.context.setOffline(true);
  await card.getByRole('button', { name: 'Ready for pickup' }).click();
  const sellerQueued = seller.page.getByText("Queued on this device: the shop decides it here as soon as this phone reaches the shop's server.");
  await expect(sellerQueued).toBeVisible();
  // ...and gives way to the outcome once the phone is back online and has decided it.
  await seller.context.setOffline(false);
  await expect(seller.page.getByText(`Order ${orderNumber(id)} is ready at`)).toBeVisible(ACROSS);
  await expect(sellerQueued).toHaveCount(0);

  // The buyer confirms receipt, online: sent (not "queued… when you are online"), then decided.
  await expectStatusSoon(buyer.page, 'Ready for pickup');
  await buyer.page.getByRole('button', { name: 'Confirm receipt' }).click();
  await buyer.page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  await expect(buyer.page.getByText(/^(Sent to the shop: waiting for its answer\.|Receipt confirmed\. Thank you!)$/)).toBeVisible();
  await expect(buyer.page.getByText(DEMO_WORDS)).toHaveCount(0);
  await expectStatusSoon(buyer.page, 'Received');
  await expect(buyer.page.getByText('Receipt confirmed. Thank you!')).toBeVisible();
  await expect(buyer.page.getByText('Sent to the shop: waiting for its answer.')).toHaveCount(0);
  await expect(buyer.page.getByText(/^Queued on this device:/)).toHaveCount(0);
});
