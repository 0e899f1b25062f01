import { expect, test, type Page } from '@playwright/test';
import { buyForShipping } from './account-helpers.ts';
import { ACROSS, credit, device, go, passwordOf, sellerDevice, startEnv, type Env } from './sync-helpers.ts';

// Two accounts of a real shop on one phone: each has their own device database already; their
// cart's coupon and their delivery details (settings outside it) are their own too.

let env: Env;
test.beforeAll(async () => {
  test.setTimeout(120_000); // servers and accounts made on a machine that may be busy
  env = await startEnv(['ann', 'bo']);
});
test.afterAll(async () => env?.close());

/** Signs the person out in Settings and another in, as someone handing the phone over would. */
async function switchAccount(page: Page, name: string): Promise<void> {
  await go(page, '#/settings');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Password').fill(passwordOf(name));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${name}.`)).toBeVisible();
  await go(page, '#/');
  await expect(page.getByText('41 products')).toBeVisible(ACROSS);
}

test('two accounts on one phone keep their own coupon and delivery details', async ({ browser }) => {
  test.setTimeout(120_000);
  const seller = await sellerDevice(browser, env);
  await credit(seller.page, 'ann', 200);
  await credit(seller.page, 'bo', 200);

  const phone = await device(browser, env, 'ann');
  const { page } = phone;
  await go(page, '#/');
  await expect(page.getByText('41 products')).toBeVisible(ACROSS);
  await go(page, '#/wallet');
  await expect(page.locator('dt:text-is("Available") + dd')).toHaveText('¥200.00', ACROSS);
  // ann orders once, shipped home, then puts cookies in her cart with her coupon.
  await buyForShipping(page, 'tangerine', 'Ann Li');
  await go(page, '#/product/cookie');
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 2 × Butter cookies/)).toBeVisible();
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Coupon WELCOME10 applied.')).toBeVisible();

  // Photos the service worker cached: one of ann's private channel (a message's), one of the
  // public catalog, as their URLs are (sync/names.ts).
  const cached = () => page.evaluate(async () => (await (await caches.open('photos')).keys()).map((r) => new URL(r.url).pathname).sort());
  await page.evaluate(async () => {
    const cache = await caches.open('photos');
    await cache.put(new URL('/couch/userdb-616e6e/photo-1.webp/photo', location.href).href, new Response('private'));
    await cache.put(new URL('/couch/shop-demo-catalog/photo-2.webp/photo', location.href).href, new Response('public'));
  });
  expect(await cached()).toHaveLength(2);

  // bo signs in on the same phone: neither ann's coupon nor her address, nor her private photos.
  await switchAccount(page, 'bo');
  expect(await cached()).toEqual(['/couch/shop-demo-catalog/photo-2.webp/photo']);
  await go(page, '#/product/red-apple');
  await page.getByLabel('Quantity').fill('5');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 5 × Fuji apples/)).toBeVisible();
  await go(page, '#/cart');
  await expect(page.getByLabel('Coupon code')).toHaveValue('');
  await expect(page.locator('dl.summary')).not.toContainText('WELCOME10');
  await go(page, '#/checkout');
  await page.getByRole('radio', { name: 'Ship to an address' }).check();
  await expect(page.getByLabel('Recipient', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('');

  // ann again: her own coupon and address are where she left them.
  await switchAccount(page, 'ann');
  await go(page, '#/cart');
  await expect(page.getByLabel('Coupon code')).toHaveValue('WELCOME10');
  await go(page, '#/checkout');
  await expect(page.getByLabel('Recipient', { exact: true })).toHaveValue('Ann Li');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('8 West Lake Road, Hangzhou');
});
