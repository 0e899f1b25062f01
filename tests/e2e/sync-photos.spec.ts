import { expect, test } from '@playwright/test';
import { makePhotoPng } from '../fixtures/make-photo.ts';
import { setLanguage } from './menu.ts';
import { ACROSS, device, go, sellerDevice, startEnv, type Env } from './sync-helpers.ts';

// Photos through the shop's server (issue 15, "photos lazily"): the seller's device takes a
// photo and uploads it with its thumbnail; a buyer's device syncs the catalog without any photo
// body, then its grid loads the thumbnail (360 px) and the product's page the photo (1200 px),
// by their addresses, through the service worker.
test.use({ viewport: { width: 360, height: 740 } });

const NAME = 'Osmanthus honey';

let env: Env | undefined;
test.afterEach(async () => {
  await env?.close();
  env = undefined;
});

test("a photo taken on the seller's phone reaches a buyer's grid as a thumbnail and its page at full size, each only when shown", async ({ browser }) => {
  test.setTimeout(180_000); // a server and accounts made on a machine that may be busy
  env = await startEnv(['pia']);
  const e = env;
  const seller = await sellerDevice(browser, e);
  const s = seller.page;
  await go(s, '#/seller/products');
  await s.getByRole('link', { name: 'Add product' }).click();
  await s.getByLabel('Name').fill(NAME);
  await s.getByLabel('Price (¥)').fill('45');
  await s.getByLabel('Units in stock').fill('12');
  await s.getByLabel('Choose photos').setInputFiles({ name: 'honey.png', mimeType: 'image/png', buffer: makePhotoPng(1600, 1200) });
  await expect(s.getByText(/^Photo added: .*, 1200 × 900\.$/)).toBeVisible();
  await s.getByRole('button', { name: 'Save product' }).click();
  await expect(s.getByText(`“${NAME}” is saved.`)).toBeVisible();

  const buyer = await device(browser, e, 'pia');
  const b = buyer.page;
  const photos: string[] = [];
  b.on('request', (r) => {
    if (/\/photo-[^/]+\/(image|thumb)$/.test(new URL(r.url()).pathname)) photos.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await go(b, '#/');
  await b.getByLabel('Search', { exact: true }).fill('osmanthus');
  const card = b.getByRole('listitem').filter({ has: b.getByRole('link', { name: NAME }) });
  await expect(card).toBeVisible(ACROSS);
  const small = card.locator('img.photo');
  await expect.poll(() => small.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), ACROSS).toBe(360);
  expect(await small.getAttribute('src')).toMatch(/\/thumb$/);
  // The catalog's sync fetched no photo; the grid asked for the thumbnail only.
  expect(photos).toEqual(['thumb']);

  await card.getByRole('link', { name: NAME }).click();
  const large = b.getByRole('img', { name: new RegExp(NAME) });
  await expect(large).toBeVisible();
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), ACROSS).toBe(1200);
  expect(await large.getAttribute('src')).toMatch(/\/image$/);
  expect(photos).toEqual(['thumb', 'image']);
});

// A combination's own photo (issue 13): taken in its row of the seller's form, not in the
// product's gallery; it reaches a buyer's phone through the shop's server like the product's.
test("a combination's own photo, taken in its row, reaches a buyer's product page and cart", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  env = await startEnv(['pia']);
  const e = env;
  const seller = await sellerDevice(browser, e);
  const s = seller.page;
  const shirt = 'Linen shirt';
  await go(s, '#/seller/products');
  await s.getByRole('link', { name: 'Add product' }).click();
  await s.getByLabel('Name', { exact: true }).fill(shirt);
  await s.getByLabel('Price (¥)', { exact: true }).fill('99');
  // The gallery's photo is landscape (1200 × 900 once compressed); Blue's own is portrait (900 × 1200).
  await s.getByLabel('Choose photos').setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: makePhotoPng(1600, 1200) });
  await expect(s.getByText(/^Photo added: .*, 1200 × 900\.$/)).toBeVisible();
  await s.getByRole('button', { name: 'Add an option group' }).click();
  const colour = s.getByRole('group', { name: 'Option group 1', exact: true });
  await colour.getByLabel('Group name').fill('Colour');
  await colour.getByRole('textbox', { name: 'Value 1', exact: true }).fill('Red');
  await colour.getByRole('button', { name: 'Add a value to Colour' }).click();
  await colour.getByRole('textbox', { name: 'Value 2', exact: true }).fill('Blue');
  const row = (label: string) => s.getByRole('group', { name: label, exact: true });
  for (const label of ['Red', 'Blue']) await row(label).getByLabel('Units in stock').fill('5');
  await row('Blue').getByLabel('Choose a photo of Blue').setInputFiles({ name: 'blue.png', mimeType: 'image/png', buffer: makePhotoPng(1200, 1600) });
  await expect(row('Blue').getByText(/^Photo added: .*, 900 × 1200\.$/)).toBeVisible();
  await expect(row('Blue').getByLabel('Photo', { exact: true })).toHaveValue(/^photo-.*\.webp$/);
  await expect(row('Blue').getByRole('option', { name: 'Its own photo' })).toHaveCount(1);
  const thumb = row('Blue').getByRole('img', { name: 'Photo of Blue' });
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalHeight > img.naturalWidth)).toBe(true);
  // Red shows the product's photo.
  await expect.poll(() => row('Red').getByRole('img', { name: 'Photo of Red' }).evaluate((img: HTMLImageElement) => img.naturalWidth > img.naturalHeight)).toBe(true);
  await row('Blue').scrollIntoViewIfNeeded();
  await s.screenshot({ path: testInfo.outputPath('combination-photo-en-360.png') });
  expect(await s.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(s, 'zh');
  await expect(s.getByRole('group', { name: 'Blue', exact: true }).getByLabel('为“Blue”选择照片')).toBeAttached();
  await expect(s.getByRole('group', { name: 'Blue', exact: true }).getByRole('option', { name: '单独的照片' })).toHaveCount(1);
  await s.getByRole('group', { name: 'Blue', exact: true }).scrollIntoViewIfNeeded();
  await s.screenshot({ path: testInfo.outputPath('combination-photo-zh-360.png') });
  expect(await s.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(s, 'en');
  await s.getByRole('button', { name: 'Save product' }).click();
  await expect(s.getByText(`“${shirt}” is saved.`)).toBeVisible();

  const buyer = await device(browser, e, 'pia');
  const b = buyer.page;
  await go(b, '#/');
  await b.getByLabel('Search', { exact: true }).fill('linen');
  const card = b.getByRole('listitem').filter({ has: b.getByRole('link', { name: shirt }) });
  await expect(card).toBeVisible(ACROSS);
  await card.getByRole('link', { name: shirt }).click();
  const large = b.locator('.product-photo img.photo');
  // Before a choice, the product's photo; Blue chosen, Blue's own, from the server at full size.
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), ACROSS).toBe(1200);
  await b.getByRole('group', { name: 'Colour', exact: true }).getByRole('button', { name: 'Blue', exact: true }).click();
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.complete && `${img.naturalWidth} × ${img.naturalHeight}`), ACROSS).toBe('900 × 1200');
  expect(await large.getAttribute('src')).toMatch(/\/photo-[^/]+\/image$/);
  await b.screenshot({ path: testInfo.outputPath('combination-photo-page-en-360.png') });
  await b.locator('form.add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
  await go(b, '#/cart');
  await expect(b.locator('.cart-line-name')).toContainText(`${shirt}, Blue`);
  const small = b.locator('.cart-line img.photo');
  await expect.poll(() => small.evaluate((img: HTMLImageElement) => img.complete && img.naturalHeight > img.naturalWidth), ACROSS).toBe(true);
  expect(await small.getAttribute('src')).toMatch(/\/photo-[^/]+\/thumb$/);
  await b.screenshot({ path: testInfo.outputPath('combination-photo-cart-en-360.png') });
  await setLanguage(b, 'zh');
  await expect(b.locator('.cart-line-name')).toContainText(`${shirt}, Blue`);
  await b.screenshot({ path: testInfo.outputPath('combination-photo-cart-zh-360.png') });
});
