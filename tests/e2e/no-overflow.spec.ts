import { expect, test, type Page } from '@playwright/test';
import { checkOutForPickup, go, openShop, orderIdOf } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// Nothing is wider than the phone: with a product named by one 120-character word, a coupon
// code of the longest kind in the shop and one of 5,000 characters typed into the cart, no
// screen scrolls sideways at 360 × 740 or 414 × 896, in English or Chinese, and the bottom
// bar stays on screen.

const LONG_NAME = 'Supercalifragilisticexpialidocious'.repeat(4).slice(0, 116) + '速冻水饺'; // 120 characters, no space
const LONG_CODE = 'SPRINGFESTIVALWELCOMEBACKCORNERSHOP2026X'; // 40: the longest a coupon code may be
const SIZES = [{ width: 360, height: 740 }, { width: 414, height: 896 }];

/** Screens wider than the window, and whether the bottom bar is inside it. */
async function overflow(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth;
    const nav = document.querySelector('.bottom-nav')?.getBoundingClientRect();
    if (wide > width) return `${wide} px wide in ${width}`;
    if (nav && nav.right > width + 0.5) return `bottom bar reaches ${nav.right} px in ${width}`;
    return undefined;
  });
}

test('no screen scrolls sideways with a 120-character name and long coupon codes, on two phones in two languages', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(SIZES[0]!);
  await openShop(page);

  // The seller adds the product and the coupon.
  await go(page, '#/seller/products/new');
  await page.getByLabel('Name').fill(LONG_NAME);
  await page.getByLabel('Description').fill(LONG_NAME.repeat(3));
  await page.getByLabel('Category').fill('Snacks');
  await page.getByLabel('Tags').fill('Supercalifragilisticexpialidocious');
  await page.getByLabel('Price (¥)').fill('60');
  await page.getByLabel('Units in stock').fill('1000000');
  await page.getByLabel('Offer a team buy').check();
  await page.getByLabel('Team price (¥)').fill('39');
  await page.getByLabel('People in a team').fill('3');
  await page.getByLabel('Hours to fill a team').fill('24');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText(`“${LONG_NAME}” is saved.`)).toBeVisible();
  await go(page, '#/seller/promotions/new-coupon');
  await page.getByLabel('Code').fill(LONG_CODE);
  await page.getByLabel('Name shown to buyers').fill(LONG_CODE);
  await page.getByLabel('An amount off').check();
  await page.getByLabel('Amount off (¥)').fill('5');
  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page.getByText(`“${LONG_CODE}” is saved.`)).toBeVisible();

  // The buyer orders it with that coupon, then types a 5,000-character code.
  await go(page, '#/?q=supercali');
  await page.getByRole('link', { name: LONG_NAME }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill(LONG_CODE);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText(`Coupon ${LONG_CODE} applied.`)).toBeVisible();
  await go(page, '#/checkout');
  const order = await checkOutForPickup(page);
  expect(orderIdOf(page)).toBe(order);
  await go(page, '#/?q=supercali');
  await page.getByRole('link', { name: LONG_NAME }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  // Saved too, so the saved list holds the long name as well as the recently viewed.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill('X'.repeat(5000));
  // A code is at most 40 characters: the field takes no more.
  await expect(page.getByLabel('Coupon code')).toHaveValue('X'.repeat(40));
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForTimeout(300);
  const product = new URL(await page.getByRole('link', { name: LONG_NAME }).first().evaluate((a: HTMLAnchorElement) => a.href)).hash;

  const screens = [
    '#/', '#/?q=supercali', product, '#/cart', '#/checkout', '#/orders', `#/orders/${order}`, '#/saved', '#/saved/viewed', '#/wallet', '#/settings',
    '#/seller', '#/seller/orders', '#/seller/products', `#/seller/products/${product.split('/').pop()}`, '#/seller/promotions',
    '#/seller/customers', '#/seller/money', '#/seller/shop', '#/seller/data',
  ];
  const found: string[] = [];
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh') await setLanguage(page, 'zh');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const screen of screens) {
        await go(page, screen);
        await page.waitForTimeout(300);
        const wrong = await overflow(page);
        if (wrong) found.push(`${language} ${size.width}: ${screen}: ${wrong}`);
      }
    }
  }
  expect(found, found.join('\n')).toEqual([]);
});
