import { expect, test } from '@playwright/test';
import { checkOutForPickup, go, openShop } from './account-helpers.ts';

// The cart's coupon does not nag: a wrong code leaves the good one in place (and says the
// wrong one is wrong), and a one-time coupon, once used, leaves the cart quietly.

test('a wrong code keeps the good coupon; a used one-time coupon leaves the cart quietly', async ({ page }) => {
  await openShop(page);
  await go(page, '#/product/cookie');
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 2 × Butter cookies/)).toBeVisible();
  await go(page, '#/cart');
  const summary = page.locator('dl.summary');
  const code = page.getByLabel('Coupon code');
  await code.fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Coupon WELCOME10 applied.')).toBeVisible();
  await expect(summary).toContainText('−¥10.00');

  // A typo: said to be wrong, and the good coupon stays (in the summary, and after a reload).
  await code.fill('WELCOME1');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('There is no coupon “WELCOME1”. Check the spelling.')).toBeVisible();
  await expect(page.getByText('Your coupon WELCOME10 stays in the cart.')).toBeVisible();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(summary.getByText('Coupon WELCOME10')).toBeVisible();
  await expect(summary).toContainText('−¥10.00');
  await page.reload();
  await expect(page.getByLabel('Coupon code')).toHaveValue('WELCOME10');
  await expect(page.getByText('Coupon WELCOME10 applied.')).toBeVisible();

  // The order uses it (the demo shop decides at once).
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.locator('dl.summary').getByText('Coupon WELCOME10')).toBeVisible();
  await checkOutForPickup(page);
  await expect(page.getByText(/^Status:\s*Accepted$/)).toBeVisible();

  // The next cart and checkout say nothing about it: it has left the cart.
  await go(page, '#/product/cookie');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 × Butter cookies/)).toBeVisible();
  await go(page, '#/product/grapes');
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await go(page, '#/cart');
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByLabel('Coupon code')).toHaveValue('');
  await expect(page.getByText(/WELCOME10/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove coupon' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await expect(page.locator('dl.summary')).toBeVisible();
  await expect(page.getByText(/WELCOME10|not applied/)).toHaveCount(0);

  // Typed again, it is an answer to what the buyer did: said once, not kept.
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('You have already used coupon WELCOME10 as often as it allows.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Coupon code')).toHaveValue('');
  await expect(page.getByText(/WELCOME10/)).toHaveCount(0);
});
