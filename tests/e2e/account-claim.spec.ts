import { expect, test } from '@playwright/test';
import { balance, expectStatus, go, openShop, orderNumber, orderIdOf } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// A counterfeit claim is paid on what was paid for the goods (after the coupon, without
// shipping): the receipt shows that figure, and the claim form, the seller's dialog and the
// wallet all use the same one.
test('a counterfeit claim promises, and pays, the multiple of what the receipt says was paid for the goods', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openShop(page);
  // Coffee beans at ¥59.00, ¥10 off with WELCOME10: ¥49.00 paid for the goods.
  await go(page, '#/product/hot-beverage');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added 1 ×/)).toBeVisible();
  await go(page, '#/cart');
  await page.getByLabel('Coupon code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Coupon WELCOME10 applied.')).toBeVisible();
  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByRole('radio', { name: 'Collect at a pickup point' }).check();
  await page.getByLabel('Pickup point', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/#\/orders\//);
  const id = orderIdOf(page);
  await expectStatus(page, 'Accepted');

  // The seller makes it ready; the buyer confirms receipt.
  await go(page, '#/seller/orders');
  const card = page.getByRole('article', { name: `Order ${orderNumber(id)} · ann` });
  await card.getByRole('button', { name: 'Ready for pickup' }).click();
  await expect(page.getByText(`Order ${orderNumber(id)} is ready at`)).toBeVisible();
  await go(page, `#/orders/${id}`);
  await page.getByRole('button', { name: 'Confirm receipt' }).click();
  await page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  await expectStatus(page, 'Received');

  // The receipt: ¥59.00, −¥10.00, paid for the goods ¥49.00; the claim form promises 3 × that.
  const sums = page.locator('dl.acct-sums');
  await expect(sums.locator('div').filter({ hasText: 'Paid for the goods' })).toContainText('¥49.00');
  await page.getByRole('button', { name: 'Report counterfeit' }).click();
  const promise = page.getByText('If the goods are fake, the shop pays back what you paid (¥49.00) and, on top, 3 times what you paid for the goods (¥49.00): ¥147.00.');
  await expect(promise).toBeVisible();
  await promise.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('claim-form-en-360.png') });
  await setLanguage(page, 'zh');
  await expect(page.getByText('若确为假货，商店退还你支付的款项（¥49.00），并另赔商品实付金额（¥49.00）的 3 倍：¥147.00。')).toBeVisible();
  await expect(sums.locator('div').filter({ hasText: '商品实付' })).toContainText('¥49.00');
  await sums.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('receipt-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await setLanguage(page, 'en');
  await page.getByLabel('What makes you think they are fake?').fill('The seal is printed, not embossed.');
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.getByText('Report sent: the shop will answer.')).toBeVisible();

  // The seller's dialog says the same figures, and the wallet gets them.
  await go(page, '#/seller/orders');
  const claims = page.getByRole('region', { name: /Counterfeit claims/ });
  await claims.getByRole('article', { name: `Order ${orderNumber(id)} · ann` }).getByRole('button', { name: 'Compensate' }).click();
  const dialog = page.getByRole('dialog', { name: `Compensate ann for order ${orderNumber(id)}?` });
  await expect(dialog).toContainText('¥49.00 back and ¥147.00 of compensation (3 times the ¥49.00 paid for the goods) go to the wallet.');
  await page.screenshot({ path: testInfo.outputPath('compensate-dialog-en-360.png') });
  // The language is in the header's menu, behind the (modal) dialog: closed, switched, opened again.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await setLanguage(page, 'zh');
  await page.getByRole('article').filter({ hasText: orderNumber(id) }).getByRole('button', { name: '赔付' }).click();
  await expect(page.getByRole('dialog')).toContainText('退款 ¥49.00，另赔 ¥147.00（商品实付 ¥49.00 的 3 倍），均进入钱包。');
  await page.screenshot({ path: testInfo.outputPath('compensate-dialog-zh-360.png') });
  await page.keyboard.press('Escape');
  await setLanguage(page, 'en');
  await claims.getByRole('article', { name: `Order ${orderNumber(id)} · ann` }).getByRole('button', { name: 'Compensate' }).click();
  await dialog.getByRole('button', { name: 'Compensate' }).click();
  await expect(page.getByText(`Compensation paid for order ${orderNumber(id)}.`)).toBeVisible();
  await go(page, '#/wallet');
  // ¥500.00 − ¥49.00 + ¥49.00 back + ¥147.00.
  await expect(balance(page, 'Available')).toHaveText('¥647.00');

  // The shop's policy says the same base where the seller sets the multiple.
  await go(page, '#/seller/shop');
  const policy = page.getByText('A buyer sold a fake gets back what they paid, and this many times what they paid for the goods (after discounts, without shipping) more.');
  await expect(policy).toBeVisible();
  await policy.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('shop-policy-en-360.png') });
  await setLanguage(page, 'zh');
  await expect(page.getByText('买到假货的买家可退回所付款项，并另获商品实付金额（扣除优惠，不含运费）这个倍数的赔偿。')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('shop-policy-zh-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
