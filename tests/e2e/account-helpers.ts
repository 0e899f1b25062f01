// Steps the account specs share: playing the demo through its screens as a person would.
import { expect, type Page } from '@playwright/test';
import { menuClosed, openMenu } from './menu.ts';

/** Opens the app and waits for the demo shop to be on screen. */
export async function openShop(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
}

/**
 * Moves within the app (hash routes), as a link would. Right after a load the screens may
 * still be wiring their listeners (the catalog keeps the address in step with its search),
 * so the move is repeated until the address stays put.
 */
export async function go(page: Page, hash: string): Promise<void> {
  await expect(async () => {
    await page.evaluate((h) => {
      if (window.location.hash !== h) window.location.hash = h;
    }, hash);
    await page.waitForTimeout(50);
    expect(await page.evaluate(() => window.location.hash)).toBe(hash);
  }).toPass({ timeout: 5000 });
}

/** The short number an order is shown by: the end of its id. */
export function orderNumber(id: string): string {
  return `#${id.replace(/-/g, '').slice(-6).toUpperCase()}`;
}

/** The order's id from the order page's address. */
export function orderIdOf(page: Page): string {
  const match = /#\/orders\/([^/?]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`Not on an order page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Checks out what is in the cart (or a team buy) for pickup, paid from the wallet; ends on the order's page. */
export async function checkOutForPickup(page: Page): Promise<string> {
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByLabel('Pickup point', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/#\/orders\//);
  await expect(page.getByRole('heading', { name: /^Order #/ })).toBeVisible();
  return orderIdOf(page);
}

/** Puts one of a product in the cart from its page and checks out for pickup. */
export async function buyForPickup(page: Page, productId: string): Promise<string> {
  await go(page, `#/product/${productId}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await go(page, '#/checkout');
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  return checkOutForPickup(page);
}

/** Starts a team buy of a product, for pickup; ends on the order's page. */
export async function startTeam(page: Page, productId: string): Promise<string> {
  await go(page, `#/checkout?team=start&product=${productId}`);
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  return checkOutForPickup(page);
}

/** The order page's status line says `stage`. */
export async function expectStatus(page: Page, stage: string): Promise<void> {
  await expect(page.getByText(new RegExp(`^Status:\\s*${stage}$`))).toBeVisible();
}

/** Plays another of the demo's buyers (in the header's menu). */
export async function shopAs(page: Page, buyer: string): Promise<void> {
  await openMenu(page);
  await page.getByLabel('Shopping as').selectOption(buyer);
  // Choosing closes the menu; opened again, it says who shops now.
  await menuClosed(page);
  await openMenu(page);
  await expect(page.getByLabel('Shopping as')).toHaveValue(buyer);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Shopping as')).toBeHidden();
}

/** A wallet balance as shown ('Available' or 'In escrow'). */
export function balance(page: Page, name: 'Available' | 'In escrow') {
  return page.locator(`dt:text-is("${name}") + dd`);
}

/** Puts one of a product in the cart and checks out for shipping (standard), paid from the wallet; ends on the order's page. */
export async function buyForShipping(page: Page, productId: string, recipient = 'Ann Li'): Promise<string> {
  await go(page, `#/product/${productId}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await go(page, '#/checkout');
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await page.getByRole('radio', { name: 'Ship to an address' }).check();
  await page.getByLabel('Recipient', { exact: true }).fill(recipient);
  await page.getByLabel('Phone', { exact: true }).fill('138 0000 1234');
  await page.getByLabel('Address', { exact: true }).fill('8 West Lake Road, Hangzhou');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/#\/orders\//);
  await expect(page.getByRole('heading', { name: /^Order #/ })).toBeVisible();
  return orderIdOf(page);
}

/** Switches between the demo's two sides: 'Shop' (the buyer) and 'Seller'. */
export async function view(page: Page, side: 'Shop' | 'Seller'): Promise<void> {
  await openMenu(page);
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: side }).click();
  if (side === 'Seller') await expect(page.getByRole('heading', { name: 'Seller', exact: true })).toBeVisible();
}

/** Waits for the service worker to control the page (after a reload), so the app keeps working offline. */
export async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Goes to one of the seller's places by the seller's bottom bar ('Home', 'Orders', 'Products', 'Money', 'Shop'). */
export async function sellerPlace(page: Page, place: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Seller console' }).getByRole('link', { name: place, exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Seller console' }).getByRole('link', { name: place, exact: true })).toHaveAttribute('aria-current', 'page');
}

/** The demo's seller ships ann's order `id` from the seller's Orders, with a carrier and a tracking number. */
export async function shipFromSellerOrders(page: Page, id: string, carrier: string, tracking: string): Promise<void> {
  await go(page, '#/seller/orders');
  const card = page.getByRole('region', { name: /To ship/ }).getByRole('article', { name: `Order ${orderNumber(id)} · ann` });
  await card.getByLabel('Carrier').fill(carrier);
  await card.getByLabel('Tracking number').fill(tracking);
  await card.getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(page.getByText(`Order ${orderNumber(id)} shipped.`)).toBeVisible();
}

/** A `datetime-local` value `minutes` from now, in the page's own time zone (for the sale and team forms). */
export function localTime(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, minutes);
}
