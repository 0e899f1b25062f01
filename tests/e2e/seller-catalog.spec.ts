import { expect, test, type Page } from '@playwright/test';
import { makePhotoPng } from '../fixtures/make-photo.ts';
import { go, openShop, localTime } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { openMenu, setLanguage } from './menu.ts';

// The seller adds a product with a photo, a team buy and a flash sale, on a phone, offline from
// the start: the form refuses a flash sale that ends before it starts (and saves nothing), then
// saves, and the buyer's catalog shows the product with its photo and both badges.
test.use({ viewport: { width: 360, height: 740 } });

const NAME = 'Lychee honey 荔枝蜜';


/** Products named `name` in the device's database, read straight from IndexedDB. */
function storedNamed(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('offline-shop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('products').objectStore('products').getAll();
          all.onsuccess = () => {
            resolve((all.result as { value: { name: string } }[]).filter((r) => r.value.name === n).length);
            open.result.close();
          };
        };
      }),
    name,
  );
}

test('a product with a photo, a team buy and a flash sale, added offline, shows in the catalog', async ({ page, context }) => {
  await openShop(page);
  // Offline from the next load on: wait for the service worker to control the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();

  await go(page, '#/seller/products');
  await expect(page.getByText('41 in all, hidden ones included')).toBeVisible();
  await page.getByRole('link', { name: 'Add product' }).click();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();

  await page.getByLabel('Name').fill(NAME);
  await page.getByLabel('Description').fill('Raw honey from Guangdong lychee orchards.');
  await page.getByLabel('Category').fill('Snacks');
  await page.getByLabel('Tags').fill('honey, gift');
  await page.getByLabel('Price (¥)').fill('45');
  await page.getByLabel('Units in stock').fill('12');

  // A 1600 × 1200 picture, compressed on the device to at most 1200 px and 150 KB.
  await page.getByLabel('Choose photos').setInputFiles({ name: 'honey.png', mimeType: 'image/png', buffer: makePhotoPng(1600, 1200) });
  await expect(page.getByText(/^Photo added: .*, 1200 × 900\.$/)).toBeVisible();
  const thumb = page.getByRole('img', { name: `Photo 1 of ${NAME}` });
  await expect(thumb).toBeVisible();
  // The form's list shows the photo's thumbnail, made on the device beside it (360 px, at most 20 KB).
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);
  expect(await thumb.getAttribute('src')).toMatch(/^blob:/);
  const sizes = await page.evaluate(
    () =>
      new Promise<{ photo: number; thumb: number | undefined }[]>((resolve, reject) => {
        const open = indexedDB.open('offline-shop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('photos').objectStore('photos').getAll();
          all.onsuccess = () => {
            resolve((all.result as { blob: Blob; thumb?: Blob }[]).map((r) => ({ photo: r.blob.size, thumb: r.thumb?.size })));
            open.result.close();
          };
        };
      }),
  );
  expect(sizes).toHaveLength(1);
  expect(sizes[0]!.thumb).toBeGreaterThan(0);
  expect(sizes[0]!.thumb).toBeLessThanOrEqual(20_000);
  expect(sizes[0]!.photo).toBeGreaterThan(sizes[0]!.thumb!);

  await page.getByLabel('Offer a team buy').check();
  await page.getByLabel('Team price (¥)').fill('39');
  await page.getByLabel('People in a team').fill('3');
  await page.getByLabel('Hours to fill a team').fill('24');

  await page.getByLabel('Run a flash sale').check();
  await page.getByLabel('Flash price (¥)').fill('29.90');
  await page.getByLabel('Starts').fill(await localTime(page, 60));
  await page.getByLabel('Ends').fill(await localTime(page, 30)); // before it starts
  await page.getByLabel('Units for the sale').fill('5');
  await page.getByLabel('Most per buyer').fill('1');

  await page.getByRole('button', { name: 'Save product' }).click();
  // Refused, with the reason right at the field (tied to it for screen readers), and nothing saved.
  const ends = page.getByLabel('Ends');
  await expect(ends).toHaveAttribute('aria-invalid', 'true');
  await expect(ends).toHaveAccessibleDescription('⚠ The flash sale must end after it starts.');
  await expect(page.getByText('The flash sale must end after it starts.')).toBeVisible();
  await expect(ends).toBeFocused();
  await expect(page.getByText('Nothing was saved: one field needs a change. It says why.')).toBeVisible();
  expect(await storedNamed(page, NAME)).toBe(0);

  await ends.fill(await localTime(page, 24 * 60));
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText(`“${NAME}” is saved.`)).toBeVisible();
  await expect(page.getByText('42 in all, hidden ones included')).toBeVisible();
  expect(await storedNamed(page, NAME)).toBe(1);
  const row = page.getByRole('listitem').filter({ hasText: NAME });
  await expect(row).toContainText('Team of 3: ¥39.00');
  await expect(row).toContainText('Flash sale ¥29.90');
  await expect(row).toContainText('12 in stock');

  // The buyer's side: the Shop view of the same device, still offline.
  await openMenu(page);
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Shop' }).click();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill('lychee');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: NAME }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('¥45.00');
  await expect(card).toContainText('Team of 3: ¥39.00');
  await expect(card).toContainText(/Flash sale\s*¥29.90/);
  await expect(card).toContainText('Starts in');
  const photo = card.locator('img.photo');
  await expect(photo).toBeVisible();
  expect(await photo.getAttribute('src')).toMatch(/^blob:/);
  // A card shows the thumbnail; the product's own page the photo at full size.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);

  // And its own page, with the photo described for a screen reader.
  await card.getByRole('link', { name: NAME }).click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  const large = page.getByRole('img', { name: new RegExp(NAME) });
  await expect(large).toBeVisible();
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
});

test('hiding a product, a new coupon and a new pickup point reach the buyer at once', async ({ page }) => {
  await openShop(page);
  await go(page, '#/seller/products');
  await page.getByLabel('Search products').fill('teapot');
  await expect(page.getByText('1 found')).toBeVisible();
  await page.getByRole('button', { name: 'Hide Yixing clay teapot 紫砂壶' }).click();
  await expect(page.getByText('“Yixing clay teapot 紫砂壶” is hidden from buyers.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Yixing' })).toContainText('Hidden');
  await expect(page.getByRole('button', { name: 'Show Yixing clay teapot 紫砂壶' })).toBeVisible();

  await go(page, '#/seller/promotions');
  await page.getByRole('link', { name: 'Add coupon' }).click();
  await page.getByLabel('Code').fill('double11');
  await page.getByLabel('Name shown to buyers').fill('Double 11: 10% off');
  await page.getByLabel('A percentage off').check();
  await page.getByLabel('Percent off').fill('101');
  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page.getByLabel('Percent off')).toHaveAccessibleDescription('⚠ Enter a percentage from 1 to 100.');
  await page.getByLabel('Percent off').fill('10');
  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page.getByText('“Double 11: 10% off” is saved.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'DOUBLE11' })).toContainText('On now');

  await go(page, '#/seller/shop');
  await page.getByRole('button', { name: 'Add pickup point' }).click();
  await expect(page.getByRole('group', { name: 'Pickup point 3' }).getByLabel('Name')).toBeFocused();
  await page.getByRole('group', { name: 'Pickup point 3' }).getByLabel('Name').fill('Library Desk 图书馆服务台');
  await page.getByRole('group', { name: 'Pickup point 3' }).getByLabel('Address').fill('2 College Road');
  await page.getByRole('button', { name: 'Save shop' }).click();
  await expect(page.getByText('The shop is saved. Buyers see the change at once.')).toBeVisible();

  await openMenu(page);
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Shop' }).click();
  await page.getByLabel('Search', { exact: true }).fill('teapot');
  await expect(page.getByRole('link', { name: /Yixing/ })).toHaveCount(0);
  await go(page, '#/product/banana');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill('double11');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Coupon DOUBLE11 applied.')).toBeVisible();
  await go(page, '#/checkout');
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await expect(page.getByLabel('Pickup point', { exact: true }).getByRole('option', { name: /Library Desk/ })).toHaveCount(1);
});

test('the products, promotions and shop tabs, and their forms, have no serious accessibility violations', async ({ page }) => {
  await openShop(page);
  const screens: [string, string, () => Promise<void>][] = [
    ['products', '#/seller/products', () => expect(page.getByRole('link', { name: 'Add product' })).toBeVisible()],
    ['product form', '#/seller/products/teapot', () => expect(page.getByRole('heading', { name: /^Edit “Yixing/ })).toBeVisible()],
    ['product form with errors', '#/seller/products/new', async () => {
      await page.getByLabel('Run a flash sale').check();
      await page.getByLabel('Offer a team buy').check();
      await page.getByRole('button', { name: 'Save product' }).click();
      await expect(page.getByText('Fill this in.').first()).toBeVisible();
    }],
    ['promotions', '#/seller/promotions', () => expect(page.getByRole('link', { name: 'Add coupon' })).toBeVisible()],
    ['coupon form', '#/seller/promotions/welcome-10', () => expect(page.getByLabel('Code')).toHaveValue('WELCOME10')],
    ['threshold form with errors', '#/seller/promotions/new-threshold', async () => {
      await page.getByRole('button', { name: 'Save promotion' }).click();
      await expect(page.getByText('Fill this in.').first()).toBeVisible();
    }],
    ['shop', '#/seller/shop', () => expect(page.getByRole('img', { name: /^QR code that opens/ })).toBeVisible()],
  ];
  const found: string[] = [];
  for (const [name, hash, arrive] of screens) {
    await go(page, hash);
    await arrive();
    for (const v of await seriousViolations(page)) found.push(`${name}: ${v}`);
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('a product saved from a form opened before another save is refused, and the seller is told why', async ({ page, context }, testInfo) => {
  await openShop(page);
  await go(page, '#/seller/products/teapot');
  await expect(page.getByRole('heading', { name: /^Edit “Yixing/ })).toBeVisible();
  await expect(page.getByLabel('Units in stock')).toHaveValue('6');

  // Meanwhile, another tab (as another seller device would) hides the teapot: a newer version.
  const other = await context.newPage();
  await other.goto('./#/seller/products');
  await other.getByLabel('Search products').fill('teapot');
  await other.getByRole('button', { name: 'Hide Yixing clay teapot 紫砂壶' }).click();
  await expect(other.getByText('“Yixing clay teapot 紫砂壶” is hidden from buyers.')).toBeVisible();
  await other.close();

  // The first form, made from the version before, would undo that: the shop refuses it.
  await page.getByLabel('Units in stock').fill('9');
  await page.getByRole('button', { name: 'Save product' }).click();
  const refused = page.getByText('The shop said no: This product was changed since you opened it (on another device, or by an earlier save), so nothing was saved. Open it again and make your change there.');
  await expect(refused).toBeVisible();
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('product-changed-en-360.png') });
  await setLanguage(page, 'zh');
  await page.getByRole('button', { name: '保存商品' }).click();
  const zh = page.getByText('商店拒绝了：打开之后这个商品已被修改（在另一台设备上，或被之前的一次保存），所以本次没有保存。请重新打开它再修改。');
  await expect(zh).toBeVisible();
  await zh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('product-changed-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(page, 'en');

  // Nothing of it was saved: still hidden, still 6; opened again, the edit goes through.
  await go(page, '#/seller/products');
  await page.getByLabel('Search products').fill('teapot');
  const row = page.getByRole('listitem').filter({ hasText: 'Yixing' });
  await expect(row).toContainText('Hidden');
  await expect(row).toContainText('6 in stock');
  await go(page, '#/seller/products/teapot');
  await page.getByLabel('Units in stock').fill('9');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('“Yixing clay teapot 紫砂壶” is saved.')).toBeVisible();
  await page.getByLabel('Search products').fill('teapot');
  await expect(page.getByRole('listitem').filter({ hasText: 'Yixing' })).toContainText('9 in stock');
});
