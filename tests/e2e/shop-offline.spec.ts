import { expect, test } from '@playwright/test';

// The whole shopping path with no network: after one online visit (which installs the
// service worker), the app reloads offline, browses, searches, fills the cart, takes a
// coupon and places an order that waits on the device until it is back online.
test('offline: browse a category, search as you type, fill the cart, apply a coupon, check out with the wallet at a pickup point', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  const status = page.getByRole('banner').getByRole('status');
  await expect(status).toContainText(/^Offline\b/);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();

  // A category.
  const fruit = page.getByRole('button', { name: 'Fruit' });
  await fruit.click();
  await expect(fruit).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('8 products')).toBeVisible();
  await expect(page.getByRole('link', { name: /Fuji apples/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Butter cookies/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(page.getByText('41 products')).toBeVisible();

  // Search as you type: an English word (name and tags), then a Chinese one (character pairs).
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.pressSequentially('tea', { delay: 20 });
  await expect(page.getByRole('link', { name: /Longjing green tea/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Yixing clay teapot/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Bubble tea kit/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Fuji apples/ })).toHaveCount(0);
  await search.fill('');
  await search.pressSequentially('苹果', { delay: 20 });
  await expect(page.getByText('1 product', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /Fuji apples/ })).toBeVisible();

  // Fill the cart from product pages.
  await page.getByRole('link', { name: /Fuji apples/ }).click();
  await expect(page.getByRole('heading', { name: /Fuji apples/ })).toBeVisible();
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added 2 × Fuji apples 富士苹果 (1 kg) to the cart.')).toBeVisible();
  await page.goBack();
  await expect(search).toHaveValue('苹果');
  await search.fill('cookie');
  await page.getByRole('link', { name: /Butter cookies/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 × Butter cookies/)).toBeVisible();
  await page.getByRole('link', { name: 'View cart' }).click();

  // The cart: steppers, then the coupon (a wrong code first).
  await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
  await page.getByRole('button', { name: /^Increase quantity of Fuji apples/ }).click();
  await expect(page.getByLabel(/^Quantity of Fuji apples/)).toHaveValue('3');
  await page.getByRole('button', { name: /^Decrease quantity of Fuji apples/ }).click();
  await expect(page.getByLabel(/^Quantity of Fuji apples/)).toHaveValue('2');
  const summary = page.locator('dl.summary');
  await expect(summary).toContainText('¥54.70'); // 2 × 12.90 + 28.90

  const code = page.getByLabel('Coupon code');
  await code.fill('WELCOME1');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('There is no coupon “WELCOME1”. Check the spelling.')).toBeVisible();
  await code.fill('welcome10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Coupon WELCOME10 applied.')).toBeVisible();
  await expect(summary.getByText('Coupon WELCOME10')).toBeVisible();
  await expect(summary).toContainText('−¥10.00');
  await expect(summary.locator('.summary-total')).toContainText('¥44.70');

  // The cart (and its coupon) survive a reload.
  await page.reload();
  await expect(page.getByLabel(/^Quantity of Fuji apples/)).toHaveValue('2');
  await expect(page.getByLabel(/^Quantity of Butter cookies/)).toHaveValue('1');
  await expect(summary.getByText('Coupon WELCOME10')).toBeVisible();

  // Checkout: the address fields are required, then a pickup point instead, paid from the wallet.
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await page.getByRole('radio', { name: 'Ship to an address' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Enter the recipient’s name.');
  await expect(alert).toContainText('Enter the delivery address.');
  await expect(page.getByLabel('Recipient')).toBeFocused();

  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByRole('combobox', { name: 'Pickup point' }).selectOption({ label: 'North Gate Kiosk 北门驿站' });
  await expect(page.getByText('1 North Gate Road')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Payment' }).getByRole('radio', { name: 'Wallet (held in escrow until you confirm receipt)' })).toBeChecked();
  await expect(page.getByText('Wallet balance: ¥500.00')).toBeVisible();
  await expect(page.getByText(/You are offline/)).toBeVisible();
  const checkoutSummary = page.locator('dl.summary');
  await expect(checkoutSummary.getByText('Coupon WELCOME10')).toBeVisible();
  await expect(checkoutSummary.locator('.summary-total')).toContainText('¥44.70');
  await page.getByRole('button', { name: 'Place order' }).click();

  // The order waits on this device: queued, and counted in the header.
  await expect(page).toHaveURL(/#\/orders\/[0-9a-f-]{36}$/);
  await expect(status).toContainText('1 waiting to sync');
  await page.getByRole('link', { name: 'Cart', exact: true }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});
