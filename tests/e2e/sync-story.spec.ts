import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { createUser, freePort, startCouch, type TestCouch } from '../sync/couch-server.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { buyForShipping, expectStatus, go, orderNumber, underServiceWorker } from './account-helpers.ts';

/** What crosses devices waits for the seller's next run (every 5 s) and the buyer's next pull. */
const ACROSS = { timeout: 30_000 };
const expectStatusSoon = (page: Page, stage: string) => expect(page.getByText(new RegExp(`^Status:\\s*${stage}$`))).toBeVisible(ACROSS);
import { startStaticServer, type StaticServer } from './static-server.ts';

// A buyer and the seller on two devices (two browser contexts), through a real PouchDB Server
// behind the app's own origin (/couch/, as `npm start` and a deployment's proxy serve it).
// Each is offline for part of the story; the seller's device is the shop's authority.
test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ mode: 'serial' });

let couch: TestCouch;
let site: StaticServer;

test.beforeAll(async () => {
  couch = await startCouch();
  await setUpShop(couch.admin, 'demo', { allowDemoTopUps: false });
  await createUser(couch.admin, 'ann', 'ann-password');
  site = await startStaticServer(await freePort(), resolve(process.env.E2E_OUT_DIR ?? 'dist'), '/', { prefix: '/couch/', target: couch.url });
});

test.afterAll(async () => {
  await site?.close();
  await couch?.stop();
});

/** A new device: opens the app, connects it to the shop and signs in. */
async function device(browser: Browser, name: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: site.url });
  const page = await context.newPage();
  await page.goto('./#/settings');
  await page.getByLabel('Server address').fill('/couch/');
  await page.getByLabel("Shop's id").fill('demo');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('Connected to the shop “demo” at /couch/.')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${name}.`)).toBeVisible();
  return { context, page };
}

const figure = (page: Page, buyer: string, name: string) =>
  page.getByRole('article', { name: buyer, exact: true }).locator(`dt:text-is("${name}") + dd`);

test('a buyer orders offline; the seller’s device decides, ships; the buyer confirms; both agree on the money', async ({ browser }) => {
  test.setTimeout(120_000);
  // The seller (the server's admin on PouchDB Server, which lets no other role list users).
  const seller = await device(browser, 'admin', 'admin-pw');
  await seller.page.getByRole('button', { name: 'Start from the demo catalog' }).click();
  await expect(seller.page.getByText('Up to date with the shop.')).toBeVisible({ timeout: 20_000 });

  // The buyer's device: the catalog comes from the server.
  const buyer = await device(browser, 'ann', 'ann-password');
  await go(buyer.page, '#/');
  await expect(buyer.page.getByText('40 products')).toBeVisible({ timeout: 20_000 });

  // The seller credits ann's wallet (cash at the counter).
  await go(seller.page, '#/seller/customers');
  await seller.page.getByText('Credit someone not listed').click();
  await seller.page.getByLabel('Customer’s account name').fill('ann');
  await seller.page.getByLabel('Amount').fill('100');
  await seller.page.getByRole('button', { name: 'Credit the wallet' }).click();
  await seller.page.getByRole('dialog').getByRole('button', { name: 'Credit the wallet' }).click();
  await expect(figure(seller.page, 'ann', 'Available')).toHaveText('¥100.00');

  // ann sees it, goes offline, orders: it waits on her phone.
  await go(buyer.page, '#/wallet');
  await expect(buyer.page.locator('dt:text-is("Available") + dd')).toHaveText('¥100.00', { timeout: 20_000 });
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
  await go(buyer.page, '#/wallet');
  await expect(buyer.page.locator('dt:text-is("Available") + dd')).toHaveText('¥82.10', ACROSS);
  await expect(buyer.page.locator('dt:text-is("In escrow") + dd')).toHaveText('¥0.00');
  await go(seller.page, '#/seller/customers');
  await expect(figure(seller.page, 'ann', 'Available')).toHaveText('¥82.10', ACROSS);
  await expect(figure(seller.page, 'ann', 'In escrow')).toHaveText('¥0.00');
  await go(seller.page, '#/seller/money');
  await expect(seller.page.locator('[data-figure="revenue"]')).toHaveText('¥17.90', ACROSS);
  await seller.context.close();
  await buyer.context.close();
});
