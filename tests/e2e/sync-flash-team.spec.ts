import { expect, test, type Page } from '@playwright/test';
import {
  ACROSS, checkOutForPickup, credit, device, expectStatusSoon, expectWallet, figure, go, intentsOnServer, journalDecisions, money,
  sellerDevice, startEnv, underServiceWorker, type Device, type Env,
} from './sync-helpers.ts';

// Many buyers on their own devices against one shop through a real PouchDB Server: a flash
// sale that several buyers reach at once, offline and back online together, and a team buy
// that fills across three devices. The seller's device is the shop's authority.
test.use({ viewport: { width: 360, height: 740 } });

/** The demo's flash sale: the Pocket phone, 3 units at ¥499, at most 2 per buyer, starting 5 minutes after the catalog is opened. */
const FLASH = 'mobile-phone';
/** The demo's team buy of 3: frozen dumplings, ¥26 each. */
const TEAM = 'dumpling';

let env: Env | undefined;
test.afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** Puts `qty` of the flash sale's product in the cart at the flash price and checks out for pickup, from the wallet. */
async function buyFlash(page: Page, qty: 1 | 2): Promise<string> {
  await go(page, `#/product/${FLASH}`);
  const flash = page.getByRole('region', { name: 'Flash sale' });
  await flash.getByRole('button', { name: 'Add to cart at flash price' }).click();
  await page.getByRole('link', { name: 'View cart' }).click();
  if (qty === 2) await page.getByRole('button', { name: /^Increase quantity of Pocket phone/ }).click();
  await expect(page.getByLabel(/^Quantity of Pocket phone/)).toHaveValue(String(qty));
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  return checkOutForPickup(page);
}

/** The order page's stage once the shop has decided it: 'Accepted' or 'Rejected'. */
async function decidedStage(page: Page): Promise<string> {
  const line = page.getByText(/^Status:\s*(Accepted|Rejected)$/);
  await expect(line).toBeVisible(ACROSS);
  return (await line.innerText()).replace(/^Status:\s*/, '').trim();
}

test('a flash sale with four buyers pushing at once sells exactly its stock', async ({ browser }) => {
  test.setTimeout(90_000);
  const buyers = ['fa', 'fb', 'fc', 'fd'] as const;
  // One buyer wants 2, three want 1: whatever order the shop sees them in, exactly 3 fit.
  const wants: Record<(typeof buyers)[number], 1 | 2> = { fa: 2, fb: 1, fc: 1, fd: 1 };
  env = await startEnv(buyers);
  const e = env;

  // The seller opens the shop six minutes "ago" by their phone's clock, so the demo's sale
  // (5 minutes after opening) is running by the server's clock, which the shop decides by.
  const seller = await sellerDevice(browser, e, { clockAt: Date.now() - 6 * 60_000 });
  await seller.context.clock.fastForward('06:00');
  for (const b of buyers) await credit(seller.page, b, 1000);

  // Each buyer's phone gets the catalog and the credit, then goes offline and orders.
  const devices: Device[] = await Promise.all(buyers.map(async (b) => {
    const d = await device(browser, e, b);
    await expectWallet(d.page, '¥1,000.00');
    await go(d.page, `#/product/${FLASH}`);
    await expect(d.page.getByRole('region', { name: 'Flash sale' }).getByText('3 left at this price')).toBeVisible(ACROSS);
    await underServiceWorker(d.page);
    await d.context.setOffline(true);
    return d;
  }));
  const orders = await Promise.all(devices.map(async (d) => {
    const id = await buyFlash(d.page, wants[d.name as (typeof buyers)[number]]);
    await expect(d.page.getByText(/^Status:\s*Queued on this device$/)).toBeVisible();
    return id;
  }));

  // All four come back online together: their intents reach the server at about the same time.
  await Promise.all(devices.map((d) => d.context.setOffline(false)));
  const stages = await Promise.all(devices.map((d) => decidedStage(d.page)));
  const accepted = devices.filter((_, i) => stages[i] === 'Accepted');
  const rejected = devices.filter((_, i) => stages[i] === 'Rejected');
  const units = accepted.reduce((n, d) => n + wants[d.name as (typeof buyers)[number]], 0);
  expect(units, `accepted: ${accepted.map((d) => d.name).join(', ')}`).toBe(3);
  expect(rejected.length).toBeGreaterThan(0);
  for (const d of rejected) {
    await expect(d.page.getByRole('region', { name: 'Why the shop said no' })).toContainText('The flash sale sold out before your order reached the shop.');
  }

  // Each order went to the server once, and the shop decided each once.
  for (const [i, d] of devices.entries()) {
    const placed = await intentsOnServer(e, d.name, 'order.place');
    expect(placed.map((x) => x.id)).toEqual([orders[i]]);
  }
  const decisions = await journalDecisions(e);
  for (const id of orders) expect(decisions.filter((x) => x.intentId === id)).toHaveLength(1);

  // Money: each accepted buyer holds 499 × units in escrow; the rejected keep everything.
  for (const d of accepted) {
    const held = 499 * wants[d.name as (typeof buyers)[number]];
    await expectWallet(d.page, money(1000 - held), money(held));
  }
  for (const d of rejected) await expectWallet(d.page, '¥1,000.00', '¥0.00');
  await go(seller.page, '#/seller/customers');
  for (const d of accepted) await expect(figure(seller.page, d.name, 'In escrow')).toHaveText(money(499 * wants[d.name as (typeof buyers)[number]]), ACROSS);
  for (const d of rejected) await expect(figure(seller.page, d.name, 'In escrow')).toHaveText('¥0.00');

  // The sale is sold out on the seller's device and on every buyer's.
  for (const d of [seller, ...devices]) {
    await go(d.page, `#/product/${FLASH}`);
    await expect(d.page.getByRole('region', { name: 'Flash sale' }).getByText('Flash sale sold out'), d.name).toBeVisible(ACROSS);
  }
});

test('a team of three fills across three devices: every order ends accepted, the team complete everywhere', async ({ browser }) => {
  test.setTimeout(90_000);
  const buyers = ['ta', 'tb', 'tc'];
  env = await startEnv(buyers);
  const e = env;
  const seller = await sellerDevice(browser, e);
  for (const b of buyers) await credit(seller.page, b, 100);
  const [a, b, c] = await Promise.all(buyers.map(async (name) => {
    const d = await device(browser, e, name);
    await expectWallet(d.page, '¥100.00');
    return d;
  }));


  // ta starts the team; once the shop accepts it, it is open on the server.
  await go(a!.page, `#/checkout?team=start&product=${TEAM}`);
  await expect(a!.page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  const aOrder = await checkOutForPickup(a!.page);
  await expectStatusSoon(a!.page, 'Waiting for team');
  await a!.page.getByRole('button', { name: 'Share team link' }).click();
  const link = await a!.page.getByLabel('Team link').inputValue();
  expect(link).toMatch(/#\/team\//);

  // tb finds it among the product's open teams and joins.
  await go(b!.page, `#/product/${TEAM}`);
  await b!.page.getByRole('button', { name: 'Join T’s team' }).click({ timeout: ACROSS.timeout });
  await expect(b!.page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  const bOrder = await checkOutForPickup(b!.page);
  await expectStatusSoon(b!.page, 'Waiting for team');

  // tc opens the shared link and joins: the third member.
  await go(c!.page, new URL(link).hash);
  await expect(c!.page.getByText('2 of 3 joined')).toBeVisible(ACROSS);
  await c!.page.getByRole('link', { name: 'Join this team' }).click();
  await expect(c!.page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  const cOrder = await checkOutForPickup(c!.page);

  // Every device: accepted, the team complete, ¥26 in escrow.
  for (const [d, id] of [[a!, aOrder], [b!, bOrder], [c!, cOrder]] as const) {
    await go(d.page, `#/orders/${id}`);
    await expectStatusSoon(d.page, 'Accepted');
    await expect(d.page.getByText('The team is complete.')).toBeVisible(ACROSS);
    await expectWallet(d.page, '¥74.00', '¥26.00');
    await go(d.page, new URL(link).hash);
    await expect(d.page.getByText('3 of 3 joined')).toBeVisible(ACROSS);
    await expect(d.page.getByText('You are in this team.')).toBeVisible();
  }
  // And the seller's: three customers with ¥26 each in escrow, the team full on its page.
  await go(seller.page, '#/seller/customers');
  for (const name of buyers) await expect(figure(seller.page, name, 'In escrow')).toHaveText('¥26.00', ACROSS);
  await go(seller.page, new URL(link).hash);
  await expect(seller.page.getByText('3 of 3 joined')).toBeVisible(ACROSS);
  await expect(seller.page.getByText('This team is full.')).toBeVisible();
});
