import { expect, test, type Locator, type Page } from '@playwright/test';
import { buyForPickup, expectStatus, go, openShop, orderNumber, view } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// Photos attached to what buyers say, in the demo (one device: the personas and the seller): a
// buyer sends a message with a photo (a file that is not a picture is refused with the reason)
// and the seller sees it; a review with a photo shows it on the product page; a counterfeit
// claim's photo is shown to the seller beside the claim. Screenshots at 360 px in en and zh.
test.use({ viewport: { width: 360, height: 740 } });

/** A real picture (a PNG the browser draws), as the bytes a camera roll would give. */
async function picture(page: Page, colour: string): Promise<Buffer> {
  const data = await page.evaluate(async (fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, 1600, 1200);
    ctx.fillStyle = '#fff';
    for (let i = 0; i < 12; i++) ctx.fillRect(i * 130, (i * 97) % 1100, 90, 90);
    return canvas.toDataURL('image/png').split(',')[1]!;
  }, colour);
  return Buffer.from(data, 'base64');
}

/** An image element that has loaded and decoded (not a broken image). */
async function expectShown(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

/** How many photos the device keeps (every database's `photos` table). */
async function storedPhotos(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let count = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (db.objectStoreNames.contains('photos')) {
        count += await new Promise<number>((resolve, reject) => {
          const req = db.transaction('photos').objectStore('photos').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return count;
  });
}

async function noSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('a buyer sends a message with a photo (not a picture: refused, saying why), and the seller sees the photo', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  await go(page, '#/product/tangerine');
  await page.getByRole('button', { name: 'Ask the seller' }).click();
  const chat = page.getByRole('dialog', { name: /^Messages with / });
  const file = chat.getByLabel(/Add a photo \(0 of 3\)/);

  // Not a picture: by its type, and by what is in it (a "PNG" that does not decode).
  await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(chat.getByText('That file is not a picture. Choose a photo (JPEG, PNG, WebP…).')).toBeVisible();
  await file.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a png</html>') });
  await expect(chat.getByText('That file is not a picture. Choose a photo (JPEG, PNG, WebP…).')).toBeVisible();
  await expect(chat.getByRole('img', { name: 'Photo 1 of 1' })).toHaveCount(0);

  // A photo: compressed and shown as a thumbnail before sending; a photo alone may be sent.
  await file.setInputFiles({ name: 'scratch.png', mimeType: 'image/png', buffer: await picture(page, '#c2410c') });
  await expectShown(chat.getByRole('img', { name: 'Photo 1 of 1' }));
  await expect(chat.getByLabel(/Add a photo \(1 of 3\)/)).toBeAttached();
  await chat.getByRole('textbox', { name: 'Message' }).fill('Is this scratch normal?');
  await chat.getByRole('button', { name: 'Send' }).click();
  const mine = chat.getByRole('listitem').filter({ hasText: 'Is this scratch normal?' });
  await expect(mine).toContainText('Sent');
  await expectShown(mine.getByRole('img', { name: 'Photo 1 of 1' }));
  // The picker is empty again.
  await expect(chat.getByLabel(/Add a photo \(0 of 3\)/)).toBeAttached();
  // What was stored is compressed: WebP (or JPEG), at most 1,200 px on the long side.
  const stored = await mine.getByRole('img', { name: 'Photo 1 of 1' }).evaluate(async (img) => {
    const blob = await (await fetch((img as HTMLImageElement).src)).blob();
    return { type: blob.type, bytes: blob.size };
  });
  expect(['image/webp', 'image/jpeg']).toContain(stored.type);
  expect(stored.bytes).toBeLessThan(150_000);
  await noSideScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('conversation-photo-buyer-en-360.png') });
  // Tapped, it opens to the width of the conversation.
  await mine.getByRole('button', { name: 'Photo 1 of 1' }).click();
  await expect(mine.getByRole('button', { name: 'Photo 1 of 1' })).toHaveAttribute('aria-pressed', 'true');
  await expectShown(mine.getByRole('img', { name: 'Photo 1 of 1' }));
  // A photo picked and then given up (the conversation closed unsent) does not stay on the device.
  const kept = await storedPhotos(page);
  await chat.getByLabel(/Add a photo \(0 of 3\)/).setInputFiles({ name: 'other.png', mimeType: 'image/png', buffer: await picture(page, '#7c3aed') });
  await expect(chat.getByLabel(/Add a photo \(1 of 3\)/)).toBeAttached();
  expect(await storedPhotos(page)).toBe(kept + 1);
  await chat.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => storedPhotos(page)).toBe(kept);

  // The seller sees the photo in ann's conversation; the list says a message came.
  await view(page, 'Seller');
  await go(page, '#/seller/messages');
  await page.getByRole('link', { name: /ann.*Is this scratch normal\?/ }).click();
  const theirs = page.getByRole('listitem').filter({ hasText: 'Is this scratch normal?' });
  await expectShown(theirs.getByRole('img', { name: 'Photo 1 of 1' }));
  await noSideScroll(page);
  await page.screenshot({ path: testInfo.outputPath('conversation-photo-seller-en-360.png') });
  await setLanguage(page, 'zh');
  await expectShown(theirs.getByRole('img', { name: '第 1 张照片，共 1 张' }));
  await expect(page.getByLabel(/添加照片（0\/3）/)).toBeAttached();
  await noSideScroll(page);
  await page.screenshot({ path: testInfo.outputPath('conversation-photo-seller-zh-360.png') });
});

test('a review with a photo shows it on the product page; a claim with a photo shows it to the seller', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openShop(page);
  const id = await buyForPickup(page, 'tangerine');
  await expectStatus(page, 'Accepted');
  await go(page, '#/seller/orders');
  await page.getByRole('article', { name: `Order ${orderNumber(id)} · ann` }).getByRole('button', { name: 'Ready for pickup' }).click();
  await expect(page.getByText(`Order ${orderNumber(id)} is ready at`)).toBeVisible();
  await go(page, `#/orders/${id}`);
  await page.getByRole('button', { name: 'Confirm receipt' }).click();
  await page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  await expectStatus(page, 'Received');

  // The review: stars, words, two photos (one removed again: three's the limit, shown in the button).
  await page.getByRole('button', { name: 'Write a review' }).click();
  const form = page.getByRole('form', { name: 'Write a review' });
  await form.getByRole('radio', { name: '5 stars' }).check({ force: true });
  await form.getByLabel('Your review').fill('Sweet, and the box was perfect.');
  await form.getByLabel(/Add a photo \(0 of 3\)/).setInputFiles({ name: 'box.png', mimeType: 'image/png', buffer: await picture(page, '#15803d') });
  await expectShown(form.getByRole('img', { name: 'Photo 1 of 1' }));
  await form.getByLabel(/Add a photo \(1 of 3\)/).setInputFiles({ name: 'fruit.png', mimeType: 'image/png', buffer: await picture(page, '#f59e0b') });
  await expectShown(form.getByRole('img', { name: 'Photo 2 of 2' }));
  await form.getByRole('img', { name: 'Photo 2 of 2' }).scrollIntoViewIfNeeded();
  await noSideScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('review-form-photos-en-360.png') });
  await setLanguage(page, 'zh');
  await expect(page.getByRole('form', { name: '写评价' }).getByLabel(/添加照片（2\/3）/)).toBeAttached();
  await noSideScroll(page);
  await page.screenshot({ path: testInfo.outputPath('review-form-photos-zh-360.png') });
  await setLanguage(page, 'en');
  const before = await storedPhotos(page);
  await form.getByRole('button', { name: 'Remove photo 2' }).click();
  await expect(form.getByRole('img', { name: 'Photo 1 of 1' })).toBeVisible();
  await expect.poll(() => storedPhotos(page)).toBe(before - 1);
  await page.getByRole('button', { name: 'Publish review' }).click();
  await expect(page.getByText('Thank you: your review is published.')).toBeVisible();
  // The published review's photo stays (the form that sent it has gone).
  expect(await storedPhotos(page)).toBe(before - 1);

  // Other buyers see it on the product page (the demo's catalog is this device's).
  await go(page, '#/product/tangerine');
  const review = page.getByRole('listitem').filter({ hasText: 'Sweet, and the box was perfect.' });
  await review.scrollIntoViewIfNeeded();
  await expectShown(review.getByRole('img', { name: 'Photo 1 of 1' }));
  await noSideScroll(page);
  await page.screenshot({ path: testInfo.outputPath('product-review-photo-en-360.png') });

  // A counterfeit claim with a photo: the seller sees it beside the claim.
  await go(page, `#/orders/${id}`);
  await page.getByRole('button', { name: 'Report counterfeit' }).click();
  await page.getByLabel('What makes you think they are fake?').fill('The sticker is printed crooked.');
  await page.getByLabel(/Add a photo \(0 of 3\)/).setInputFiles({ name: 'sticker.png', mimeType: 'image/png', buffer: await picture(page, '#1d4ed8') });
  await expectShown(page.getByRole('img', { name: 'Photo 1 of 1' }));
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.getByText('Report sent: the shop will answer.')).toBeVisible();
  await go(page, '#/seller/orders');
  const claim = page.getByRole('region', { name: /Counterfeit claims/ }).getByRole('article', { name: `Order ${orderNumber(id)} · ann` });
  await expect(claim).toContainText('The sticker is printed crooked.');
  await expectShown(claim.getByRole('img', { name: 'Photo 1 of 1' }));
  await claim.scrollIntoViewIfNeeded();
  await noSideScroll(page);
  await page.screenshot({ path: testInfo.outputPath('seller-claim-photo-en-360.png') });
});
