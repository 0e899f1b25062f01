import { expect, test, type Page } from '@playwright/test';
import { buyForPickup, buyForShipping, go, openShop } from './account-helpers.ts';
import { seriousViolations } from './axe.ts';
import { setLanguage } from './menu.ts';

// The seller's home on a 360-px phone: what waits is counted on the first screen, each count
// opens its list, and the seller's own bottom bar (not the buyer's) fits whole.
test.use({ viewport: { width: 360, height: 740 } });

/** Every link of the seller's bottom bar is on screen, whole, and the page does not scroll sideways. */
async function expectSellerNav(page: Page, labels: string[], name: string) {
  const nav = page.getByRole('navigation', { name });
  for (const label of labels) {
    const link = nav.getByRole('link', { name: label, exact: true });
    await expect(link).toBeInViewport({ ratio: 1 });
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    // One line of text: nothing cut off or wrapped out of the bar.
    expect(await link.evaluate((a) => a.scrollWidth <= a.clientWidth && a.scrollHeight <= a.clientHeight)).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('the seller\'s home counts what waits on the first screen, links to each list, and has its own bottom bar', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await openShop(page);
  await buyForShipping(page, 'tangerine');
  await buyForPickup(page, 'banana');
  await go(page, '#/seller');

  // The buyer's bar is gone; the seller's has five places, all visible.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectSellerNav(page, ['Home', 'Orders', 'Products', 'Money', 'Shop'], 'Seller console');
  await expect(page.getByRole('navigation', { name: 'Seller console' }).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');

  // Today's sales (both orders, their money still in escrow) and the waiting counts, without scrolling.
  await expect(page.locator('[data-figure="today-orders"]')).toHaveText('2');
  await expect(page.locator('[data-figure="today-sales"]')).not.toHaveText('¥0.00');
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  for (const name of ['To ship 1', 'To hand over 1', 'Refund requests 0', 'Counterfeit claims 0', 'Withdrawals 0']) {
    await expect(waiting.getByRole('link', { name })).toBeInViewport({ ratio: 1 });
  }
  await page.screenshot({ path: testInfo.outputPath('seller-home-en-360.png') });
  await page.screenshot({ path: testInfo.outputPath('seller-home-en-360-full.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // The shop's link and QR are here, and printing gives the poster alone: name, QR code, link.
  await expect(page.getByRole('img', { name: /^QR code that opens/ })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Print a poster' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const poster = page.locator('.sh-poster');
  await expect(poster).toBeVisible();
  await expect(poster).toContainText('Scan with your phone camera to open our shop');
  await expect(page.getByRole('heading', { name: 'Waiting for you' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('seller-poster-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // In Chinese, the same fits.
  await setLanguage(page, 'zh');
  await expectSellerNav(page, ['首页', '订单', '商品', '收支', '店铺'], '卖家后台');
  await expect(page.getByRole('region', { name: '待你处理' }).getByRole('link', { name: '待发货 1' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath('seller-home-zh-360.png') });
  await setLanguage(page, 'en');

  // A count opens its list.
  await waiting.getByRole('link', { name: 'To ship 1' }).click();
  await expect(page).toHaveURL(/#\/seller\/orders\/to-ship$/);
  await expect(page.getByRole('navigation', { name: 'Seller console' }).getByRole('link', { name: 'Orders' })).toHaveAttribute('aria-current', 'page');
  // Each place, shown in bold when current, still fits on one line.
  for (const place of ['Products', 'Money', 'Shop']) {
    await page.getByRole('navigation', { name: 'Seller console' }).getByRole('link', { name: place }).click();
    await expectSellerNav(page, ['Home', 'Orders', 'Products', 'Money', 'Shop'], 'Seller console');
  }
});
