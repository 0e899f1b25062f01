import { expect, test, type Page } from '@playwright/test';
import { go, openShop, shopAs } from './account-helpers.ts';

// Two (three) people on one phone: the demo's personas. Each keeps their own cart, coupon and
// delivery details; nothing one of them types shows up for another.

async function addToCart(page: Page, productId: string, qty = 1): Promise<void> {
  await go(page, `#/product/${productId}`);
  await page.getByLabel('Quantity').fill(String(qty));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(new RegExp(`Added ${qty} ×`))).toBeVisible();
}

/** Checks out the cart, shipped to this person, paid from the wallet; ends on the order's page. */
async function checkOutShipped(page: Page, who: { name: string; phone: string; address: string }): Promise<void> {
  await go(page, '#/checkout');
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await page.getByRole('radio', { name: 'Ship to an address' }).check();
  await page.getByLabel('Recipient', { exact: true }).fill(who.name);
  await page.getByLabel('Phone', { exact: true }).fill(who.phone);
  await page.getByLabel('Address', { exact: true }).fill(who.address);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/#\/orders\//);
  await expect(page.getByRole('heading', { name: /^Order #/ })).toBeVisible();
}

const ANN = { name: 'Ann Li', phone: '138 0000 1111', address: '8 West Lake Road, Hangzhou' };
const BO = { name: 'Bo Wang', phone: '139 0000 2222', address: '2 Nanjing Road, Shanghai' };
const CY = { name: 'Cy Chen', phone: '137 0000 3333', address: '5 Jiefang Road, Wuhan' };

test('each person on a shared phone keeps their own cart, coupon and delivery details', async ({ page }) => {
  await openShop(page);
  // ann shops once, shipped home; then fills her cart again and applies her coupon.
  await addToCart(page, 'tangerine');
  await checkOutShipped(page, ANN);
  await addToCart(page, 'cookie', 2);
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Coupon WELCOME10 applied.')).toBeVisible();

  // bo's cart is empty: neither ann's cookies nor her coupon.
  await shopAs(page, 'bo');
  await go(page, '#/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await addToCart(page, 'red-apple', 5);
  await go(page, '#/cart');
  await expect(page.getByRole('list', { name: 'Items in your cart' })).not.toContainText('Butter cookies');
  await expect(page.getByLabel('Coupon code')).toHaveValue('');
  await expect(page.locator('dl.summary')).not.toContainText('WELCOME10');
  // bo's checkout starts blank (ann's address is hers), and bo ships to himself.
  await go(page, '#/checkout');
  await page.getByRole('radio', { name: 'Ship to an address' }).check();
  await expect(page.getByLabel('Recipient', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('');
  await expect(page.locator('dl.summary')).not.toContainText('WELCOME10');
  await checkOutShipped(page, BO);

  // cy buys too, shipped to cy.
  await shopAs(page, 'cy');
  await addToCart(page, 'banana');
  await checkOutShipped(page, CY);

  // Back to ann: her cookies and her coupon are still there, and her checkout is filled in with her own details.
  await shopAs(page, 'ann');
  await go(page, '#/cart');
  await expect(page.getByLabel(/^Quantity of Butter cookies/)).toHaveValue('2');
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel('Coupon code')).toHaveValue('WELCOME10');
  await expect(page.locator('dl.summary').getByText('Coupon WELCOME10')).toBeVisible();
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Ship to an address' })).toBeChecked();
  await expect(page.getByLabel('Recipient', { exact: true })).toHaveValue(ANN.name);
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue(ANN.phone);
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue(ANN.address);

  // And after a reload (the persona is remembered), still ann's own.
  await page.reload();
  await expect(page.getByLabel('Recipient', { exact: true })).toHaveValue(ANN.name);
  await shopAs(page, 'bo');
  await go(page, '#/checkout');
  await expect(page.getByText('Your cart is empty: there is nothing to check out.')).toBeVisible();
  await addToCart(page, 'banana');
  await go(page, '#/checkout');
  await expect(page.getByLabel('Recipient', { exact: true })).toHaveValue(BO.name);
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue(BO.address);
});
