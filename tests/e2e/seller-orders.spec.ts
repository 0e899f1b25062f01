import { expect, test } from '@playwright/test';
import { buyForPickup, buyForShipping, go, openShop, orderNumber } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The seller's orders on a 360-px phone: filters by status and a search by number, buyer or
// product; an order shipped stays findable, with its true state and its tracking number.
test.use({ viewport: { width: 360, height: 740 } });

test('orders are filtered by status and searched by number, buyer or product; shipped ones stay findable', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  const first = await buyForShipping(page, 'tangerine', 'Mei Chen');
  const second = await buyForShipping(page, 'tangerine', 'Wu Lan');
  const pickup = await buyForPickup(page, 'banana');
  await go(page, '#/seller/orders');
  const filters = page.getByRole('navigation', { name: 'Show orders' });
  await expect(filters.getByRole('link', { name: 'Waiting for you' })).toHaveAttribute('aria-current', 'page');

  // Nothing selected: "Ship selected" cannot be pressed and is not the main action.
  const bulk = page.getByRole('form', { name: 'Ship several at once' });
  const shipSelected = bulk.getByRole('button', { name: 'Ship selected (0)' });
  await expect(shipSelected).toBeDisabled();
  await expect(shipSelected).not.toHaveClass(/acct-primary/);
  await page.getByRole('checkbox', { name: `Select order ${orderNumber(second)}` }).check();
  await expect(bulk.getByRole('button', { name: 'Ship selected (1)' })).toBeEnabled();
  await expect(bulk.getByText(`No tracking number yet: ${orderNumber(second)}.`, { exact: false })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('seller-orders-en-360.png') });

  // Ship the first one, with its carrier and tracking number.
  const card = page.getByRole('region', { name: /To ship/ }).getByRole('article', { name: `Order ${orderNumber(first)} · ann` });
  await card.getByLabel('Carrier').fill('SF Express');
  await card.getByLabel('Tracking number').fill('SF0001');
  await card.getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(page.getByText(`Order ${orderNumber(first)} shipped.`)).toBeVisible();
  // The shop's latest decisions say where the order is now, not "Accepted" for ever.
  const recent = page.getByRole('region', { name: /Decided by the shop/ });
  await expect(recent.getByRole('listitem').filter({ hasText: orderNumber(first) })).toContainText('Shipped');

  // The "To ship" filter shows that section alone; the shipped order is under "Shipped", with its tracking.
  await filters.getByRole('link', { name: /^To ship/ }).click();
  await expect(page).toHaveURL(/#\/seller\/orders\/to-ship$/);
  await expect(page.getByRole('heading', { name: 'To ship (1)' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Refund requests/ })).toHaveCount(0);
  await filters.getByRole('link', { name: 'Shipped' }).click();
  const shipped = page.getByRole('article', { name: `Order ${orderNumber(first)} · ann` });
  await expect(shipped).toContainText('Shipped');
  await expect(shipped).toContainText('Sent with SF Express, tracking number SF0001');
  await expect(page.getByRole('heading', { name: 'Shipped (1)' })).toBeVisible();

  // All orders, searched: by number (with or without "#"), by product, by recipient.
  await filters.getByRole('link', { name: 'All orders' }).click();
  await expect(page.getByRole('heading', { name: 'All orders (3)' })).toBeVisible();
  const search = page.getByLabel('Search orders');
  await search.fill(orderNumber(pickup));
  await expect(page.getByRole('heading', { name: 'All orders (1)' })).toBeVisible();
  await expect(page.getByRole('article', { name: `Order ${orderNumber(pickup)} · ann` })).toContainText('Accepted');
  await search.fill(orderNumber(second).slice(1).toLowerCase());
  await expect(page.getByRole('article', { name: `Order ${orderNumber(second)} · ann` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All orders (1)' })).toBeVisible();
  await search.fill('tangerines');
  await expect(page.getByRole('heading', { name: 'All orders (2)' })).toBeVisible();
  await search.fill('wu lan');
  await expect(page.getByRole('heading', { name: 'All orders (1)' })).toBeVisible();
  await search.fill('nobody');
  await expect(page.getByRole('heading', { name: 'All orders (0)' })).toBeVisible();
  // The search narrows what waits too.
  await search.fill('banana');
  await filters.getByRole('link', { name: 'Waiting for you' }).click();
  await expect(page.getByRole('heading', { name: 'To ship (0)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'To prepare for pickup (1)' })).toBeVisible();
  await search.fill('');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await seriousViolations(page)).toEqual([]);

  await filters.getByRole('link', { name: 'All orders' }).click();
  await setLanguage(page, 'zh');
  await expect(page.getByRole('heading', { name: '全部订单 (3)' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath('seller-orders-all-zh-360.png') });
  await go(page, '#/seller/orders');
  await page.screenshot({ path: testInfo.outputPath('seller-orders-zh-360.png') });
});
