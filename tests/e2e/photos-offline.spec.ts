import { expect, test } from '@playwright/test';
import { go, openShop, underServiceWorker } from './account-helpers.ts';

// Pictures with no network: the demo shop's are precached, so a product never seen online
// still shows its picture; a photo that cannot be had offline gives way to a tile drawn from
// the product's name (its initial on a colour of its own), never a blank box.
test.use({ viewport: { width: 360, height: 740 } });

test('offline, a product first seen now has its picture; a photo that cannot load becomes a drawn tile', async ({ page, context }) => {
  await openShop(page);
  // The kite's photo is now one the shop cannot have offline (a web address), set through the Data tab.
  await go(page, '#/seller/data');
  await expect(page.getByText(/^Prices in CNY/)).toHaveCount(1);
  await page.getByLabel('CSV file of products').setInputFiles({
    name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from('id,photos\nkite,https://photos.example.invalid/kite.jpg\n'),
  });
  await page.getByRole('button', { name: 'Import 1 products' }).click();
  await page.getByRole('dialog', { name: 'Import 1 products?' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 1 products.')).toBeVisible();

  await underServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();

  // Never shown online (the yo-yo is past the first page of the catalog): its picture is there.
  await go(page, '#/product/yo-yo');
  const yoyo = page.getByRole('img', { name: /Yo-yo/ });
  await expect(yoyo).toBeVisible();
  await expect.poll(() => yoyo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // The kite's photo cannot load offline: a tile with its initial stands in, named for a screen reader.
  await go(page, '#/product/kite');
  const tile = page.getByRole('img', { name: /Swallow kite/ });
  await expect(tile).toHaveText('S');
  await expect(tile).toHaveClass(/photo-drawn/);
  const colours = await tile.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  expect(colours[0]).not.toBe(colours[1]);
  // And in the catalog's card (a picture the link beside it already names).
  await go(page, '#/?q=kite');
  await expect(page.locator('.card .photo-drawn')).toHaveText('S');
});
