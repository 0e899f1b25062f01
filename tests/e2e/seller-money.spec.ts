import { expect, test, type Page } from '@playwright/test';
import { buyForShipping, expectStatus, go, openShop, orderNumber, sellerPlace, underServiceWorker, view } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The seller's Money and Customers tabs on a phone, offline from the start: the shop's
// authority runs on this device, so the seller's commands are decided offline; a buyer's
// requests need the network (as across a real network), so it comes back just for those.
test.use({ viewport: { width: 360, height: 740 } });

/** A balance on a customer's card in the Customers tab. */
const figure = (page: Page, buyer: string, name: string) =>
  page.getByRole('article', { name: buyer, exact: true }).locator(`dt:text-is("${name}") + dd`);

test('an order is decided, shipped and confirmed, and the revenue chart, the balances and the ledger follow', async ({ page, context }, testInfo) => {
  test.setTimeout(60_000);
  await openShop(page);
  await underServiceWorker(page);
  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();

  // ann orders tangerines (¥9.90) shipped (¥8.00), paid from her wallet: it waits on the device.
  const id = await buyForShipping(page, 'tangerine');
  await expectStatus(page, 'Queued on this device');
  // Online for a moment: it reaches the shop, which decides it.
  await context.setOffline(false);
  await expectStatus(page, 'Accepted');
  await context.setOffline(true);

  // In the Seller view (offline): the order waits in "To ship"; ship it with carrier and tracking.
  await view(page, 'Seller');
  await sellerPlace(page, 'Orders');
  const toShip = page.getByRole('region', { name: /To ship/ });
  const card = toShip.getByRole('article', { name: `Order ${orderNumber(id)} · ann` });
  await expect(card).toContainText('¥17.90');
  await card.getByLabel('Carrier').fill('SF Express');
  await card.getByLabel('Tracking number').fill('SF1234567890');
  await card.getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(page.getByText(`Order ${orderNumber(id)} shipped.`)).toBeVisible();

  // Before ann confirms, the money is in escrow and there is no revenue yet.
  await page.getByRole('navigation', { name: 'Seller console' }).getByRole('link', { name: 'Money' }).click();
  await expect(page.getByRole('heading', { name: 'Money and sales' })).toBeVisible();
  // Sales lead: the order counts as sold while its money is in escrow, to be paid to the shop.
  await expect(page.locator('[data-figure="sales"]')).toHaveText('¥17.90');
  await expect(page.locator('[data-figure="sales-orders"]')).toHaveText('1 order, money still in escrow included');
  await expect(page.getByRole('heading', { name: 'Sales', exact: true })).toBeInViewport();
  await expect(page.locator('[data-figure="escrow"]')).toHaveText('¥17.90');
  await expect(page.locator('[data-figure="escrow"]')).toBeInViewport();
  await expect(page.locator('[data-figure="paid"]')).toHaveText('¥0.00');
  // The chart counts the same sale, on the day it was placed (it once charted ¥0 of revenue here).
  await expect(page.getByRole('img', { name: /^Sales by day, the last 7 days: ¥17\.90 in all\./ })).toBeAttached();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('seller-money-en-360.png') });
  await setLanguage(page, 'zh');
  await expect(page.getByRole('heading', { name: '销售额', exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('seller-money-zh-360.png') });
  await expect(page.getByRole('img', { name: /^每日销售额，/ })).toBeAttached();
  expect(await seriousViolations(page)).toEqual([]);
  await setLanguage(page, 'en');

  // ann confirms receipt (online for it, as a buyer's request needs the network).
  await view(page, 'Shop');
  await go(page, `#/orders/${id}`);
  await expectStatus(page, 'Shipped');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Confirm receipt' }).click();
  await page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  await expect(page.getByText('Receipt confirmed. Thank you!')).toBeVisible();
  await expectStatus(page, 'Received');
  await context.setOffline(true);

  // The Money tab: today's revenue is the order's total, with a bar for today in the chart.
  await view(page, 'Seller');
  await go(page, '#/seller/money');
  await expect(page.getByRole('radio', { name: '7 days' })).toBeChecked();
  await expect(page.locator('[data-figure="paid"]')).toHaveText('¥17.90');
  await expect(page.locator('[data-figure="sales"]')).toHaveText('¥17.90');
  await expect(page.locator('[data-figure="escrow"]')).toHaveText('¥0.00');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const chart = page.getByRole('img', { name: /^Sales by day, the last 7 days: ¥17\.90 in all\./ });
  await expect(chart).toHaveAttribute('aria-label', /Today: ¥17\.90\./);
  const bar = chart.locator(`rect[data-key="${today}"]`);
  expect(Number(await bar.getAttribute('height'))).toBeGreaterThan(50);
  await expect(chart.locator('rect.chart-bar-now')).toHaveCount(1);
  await page.getByText('Show as a table').click();
  const row = page.getByRole('row', { name: /^Today/ });
  await expect(row.getByRole('cell').first()).toHaveText('¥17.90');
  await expect(page.getByRole('list', { name: 'Sales by product' }).getByRole('listitem')).toHaveText([/Tangerines.*¥17\.90 · 100%/]);
  await expect(page.getByText('The books balance: every account adds up to zero.')).toBeVisible();
  await expect(page.locator('[data-figure="ledger-sum"]')).toHaveText('¥0.00');
  expect(await seriousViolations(page)).toEqual([]);
  // Other periods hold the same single sale.
  await page.getByRole('radio', { name: 'All time' }).check();
  await expect(page.getByRole('img', { name: /^Sales by day, all time: ¥17\.90 in all\./ })).toBeVisible();

  // The Customers tab: ann's wallet paid ¥17.90, nothing left in escrow, one order.
  await page.getByRole('navigation', { name: 'Pages of Money' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: /^Customers/ })).toBeVisible();
  await expect(figure(page, 'ann', 'Available')).toHaveText('¥482.10');
  await expect(figure(page, 'ann', 'In escrow')).toHaveText('¥0.00');
  await expect(figure(page, 'ann', 'Orders')).toHaveText('1');
  await expect(figure(page, 'bo', 'Available')).toHaveText('¥500.00');

  // Credit ann's wallet for a bank transfer, with a note, still offline.
  const ann = page.getByRole('article', { name: 'ann', exact: true });
  await ann.getByRole('button', { name: 'Credit wallet' }).click();
  const form = ann.getByRole('form', { name: 'Credit ann’s wallet' });
  await expect(form.getByLabel('Amount')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Credit the wallet' }).click();
  await expect(form.getByText('Enter an amount, like 25.50.')).toBeVisible();
  // Too large is an amount all the same: the limit is said, formatted.
  await form.getByLabel('Amount').fill('99999999999999');
  await form.getByRole('button', { name: 'Credit the wallet' }).click();
  await expect(form.getByText('Must be at most ¥100,000,000.00.')).toBeVisible();
  await form.getByLabel('Amount').fill('25.50');
  await form.getByRole('radio', { name: 'Bank transfer' }).check();
  await form.getByLabel('Note').fill('Transfer ref 42');
  await form.getByRole('button', { name: 'Credit the wallet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Credit ¥25.50 to ann?' });
  await dialog.getByRole('button', { name: 'Credit the wallet' }).click();
  await expect(ann.getByText('¥25.50 credited to ann.')).toBeVisible();
  await expect(figure(page, 'ann', 'Available')).toHaveText('¥507.60');
  await expect(ann.getByRole('button', { name: 'Credit wallet' })).toBeFocused();

  // Search narrows the list; the books still balance, with the credit as cash in.
  await page.getByLabel('Search customers').fill('b');
  await expect(page.getByRole('article', { name: 'bo', exact: true })).toBeVisible();
  await expect(ann).toBeHidden();
  await go(page, '#/seller/money');
  await expect(page.getByText('The books balance: every account adds up to zero.')).toBeVisible();
  await expect(page.locator('[data-figure="cash-in"]')).toHaveText('¥1,525.50');
  await expect(page.locator('[data-figure="cash-out"]')).toHaveText('¥0.00');

  // ann sees the credit and its note in her wallet.
  await view(page, 'Shop');
  await go(page, '#/wallet');
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText('Transfer ref 42');
});

test('ten orders shipped at once: one carrier for all, each with its own tracking number', async ({ page }) => {
  test.setTimeout(90_000);
  await openShop(page);
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) ids.push(await buyForShipping(page, 'tangerine', `Ann ${i}`));
  await view(page, 'Seller');
  await sellerPlace(page, 'Orders');
  const toShip = page.getByRole('region', { name: /To ship/ });
  await expect(toShip.getByRole('heading', { name: 'To ship (10)' })).toBeVisible();
  for (const [i, id] of ids.entries()) {
    await toShip.getByRole('article', { name: `Order ${orderNumber(id)} · ann` }).getByLabel('Tracking number').fill(`ZT${1000 + i}`);
  }
  const bulk = page.getByRole('form', { name: 'Ship several at once' });
  await bulk.getByRole('checkbox', { name: 'Select all 10' }).check();
  await expect(bulk.getByRole('button', { name: 'Ship selected (10)' })).toBeVisible();
  await bulk.getByLabel('Carrier for the selected orders').fill('ZTO Express');
  await bulk.getByRole('button', { name: 'Ship selected (10)' }).click();
  await expect(page.getByText('10 orders shipped.')).toBeVisible();
  await expect(toShip.getByRole('heading', { name: 'To ship (0)' })).toBeVisible();

  // Each buyer's order carries its own tracking number.
  await view(page, 'Shop');
  await go(page, `#/orders/${ids[7]}`);
  await expectStatus(page, 'Shipped');
  await expect(page.getByText(/ZTO Express/).first()).toBeVisible();
  await expect(page.getByText(/ZT1007/).first()).toBeVisible();
});
