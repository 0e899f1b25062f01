import { expect, test } from '@playwright/test';
import { makePhotoPng } from '../fixtures/make-photo.ts';
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
