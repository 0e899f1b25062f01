import { expect, test, type Page } from '@playwright/test';
import { buyForShipping, go, openShop, orderNumber, view } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// The seller's side of a conversation (issue 14), in the demo on one device: the buyer's latest
// orders above it (each a link to the order in the seller's list), quick replies saved on the
// device and put in with a tap, a product card, an order card and a coupon code sent to the
// buyer, who sees them; in Chinese too, on a 360-px phone.
test.use({ viewport: { width: 360, height: 740 } });

const SHOTS = process.env.MESSAGES_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function noOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('the seller answers beside the buyer’s orders, with a quick reply, a product card, an order card and a coupon code', async ({ page, context }) => {
  test.setTimeout(150_000);
  await openShop(page);
  const id = await buyForShipping(page, 'banana');
  const number = orderNumber(id);
  await page.getByRole('button', { name: 'Ask the seller' }).click();
  const chat = page.getByRole('dialog', { name: /^Messages with / });
  await chat.getByRole('textbox', { name: 'Message' }).fill('Is it shipped yet?');
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByRole('listitem').filter({ hasText: 'Is it shipped yet?' })).toContainText('Sent');
  await chat.getByRole('button', { name: 'Close' }).click();

  // The buyer's latest orders above the conversation: number, state, total, date.
  await view(page, 'Seller');
  await go(page, '#/seller/messages/ann');
  const orders = page.getByRole('region', { name: 'Recent orders' });
  const said = (text: string) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
  const orderLink = orders.getByRole('link', { name: new RegExp(`^${number} Accepted .*14\\.90`) });
  await expect(orderLink).toBeVisible();
  await expect(said('Is it shipped yet?')).toBeVisible();
  await noOverflow(page);
  await shot(page, 'seller-tools-en');

  // Quick replies: nothing to save is refused with the reason; saved, one tap puts it after what is written.
  const box = page.getByRole('textbox', { name: 'Message' });
  await page.getByRole('button', { name: 'Save as a quick reply' }).click();
  await expect(page.getByText('Write the reply in the box first, then save it.')).toBeVisible();
  await box.fill('Thanks! It ships today.');
  await page.getByRole('button', { name: 'Save as a quick reply' }).click();
  await expect(page.getByText('Saved as a quick reply.')).toBeVisible();
  const quick = page.getByRole('button', { name: 'Use quick reply: Thanks! It ships today.' });
  await box.fill('Hello Ann,');
  await quick.click();
  await expect(box).toHaveValue('Hello Ann,\nThanks! It ships today.');
  await expect(box).toBeFocused();
  // Sent offline, it waits on the device and the header counts it until it goes.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(said('Thanks! It ships today.')).toContainText('Queued on this device');
  await expect(page.getByRole('button', { name: /Offline.*1 waiting to sync/ })).toBeVisible();
  await shot(page, 'seller-offline-en');
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(said('Thanks! It ships today.')).toContainText('Sent');
  await expect(page.getByRole('button', { name: /Online.*All synced/ })).toBeVisible();

  // A product card.
  const cards = page.getByText('Send a product, an order or a coupon');
  await cards.click();
  await page.getByRole('searchbox', { name: 'Find a product' }).fill('tangerine');
  await page.getByRole('button', { name: /^Attach Tangerines/ }).click();
  await expect(page.locator('.msg-attach').getByRole('link', { name: /^Product: Tangerines/ })).toBeVisible();
  await box.fill('These are sweet this week.');
  await page.getByRole('button', { name: 'Send' }).click();
  const productMsg = said('These are sweet this week.');
  await expect(productMsg.getByRole('link', { name: /^Product: Tangerines/ })).toBeVisible();

  // An order card, then a coupon card.
  await cards.click();
  await page.getByRole('button', { name: new RegExp(`^Attach order ${number}`) }).click();
  await box.fill('About this order.');
  await page.getByRole('button', { name: 'Send' }).click();
  const orderMsg = said('About this order.');
  await expect(orderMsg.getByRole('link', { name: `Order ${number}` })).toBeVisible();
  await expect(orderMsg).toContainText('Sent');
  await cards.click();
  await page.getByRole('button', { name: 'Attach coupon WELCOME10' }).click();
  await expect(page.locator('.msg-attach')).toContainText('Coupon WELCOME10');
  await box.fill('For your next order.');
  await page.getByRole('button', { name: 'Send' }).click();
  const couponMsg = said('For your next order.');
  await expect(couponMsg).toContainText('Coupon WELCOME10');
  await expect(couponMsg).toContainText('¥10.00 off');
  // The seller's own card has nothing to press.
  await expect(couponMsg.getByRole('button')).toHaveCount(0);
  await noOverflow(page);
  await shot(page, 'seller-sent-cards-en');

  // The order's link opens it in the seller's list, searched for.
  await orderLink.click();
  await expect(page).toHaveURL(/#\/seller\/orders\/all\?q=/);
  await expect(page.getByRole('searchbox', { name: /Search/ })).toHaveValue(number);
  await expect(page.getByRole('article', { name: `Order ${number} · ann` })).toBeVisible();

  // The buyer sees the cards and the code.
  await view(page, 'Shop');
  await go(page, `#/orders/${encodeURIComponent(id)}`);
  await page.getByRole('button', { name: /^Ask the seller/ }).click();
  await expect(chat.getByRole('listitem').filter({ hasText: 'These are sweet this week.' }).getByRole('link', { name: /^Product: Tangerines/ })).toBeVisible();
  await expect(chat.getByRole('listitem').filter({ hasText: 'About this order.' }).getByRole('link', { name: `Order ${number}` })).toBeVisible();
  // The coupon card puts the code in the buyer's cart with one tap.
  const ticket = chat.getByRole('listitem').filter({ hasText: 'For your next order.' });
  await ticket.getByRole('button', { name: 'Put coupon WELCOME10 in my cart' }).click();
  await expect(ticket.getByRole('status')).toContainText('In your cart.');
  await noOverflow(page);
  await shot(page, 'buyer-coupon-card-en');
  await ticket.getByRole('link', { name: 'Go to cart' }).click();
  await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
  await go(page, '#/product/banana');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await go(page, '#/cart');
  await expect(page.getByLabel('Coupon code')).toHaveValue('WELCOME10');

  // Kept on the device: still there after a reload; in Chinese, it fits; removed with its own button.
  await view(page, 'Seller');
  await go(page, '#/seller/messages/ann');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Use quick reply: Thanks! It ships today.' })).toBeVisible();
  await setLanguage(page, 'zh');
  await expect(page.getByRole('region', { name: '最近的订单' }).getByRole('link', { name: new RegExp(`^${number} `) })).toBeVisible();
  await page.getByText('发送商品、订单或优惠券').click();
  await expect(page.getByRole('button', { name: '附上优惠券 WELCOME10' })).toBeVisible();
  await noOverflow(page);
  await shot(page, 'seller-tools-zh');
  await page.getByRole('button', { name: '附上优惠券 WELCOME10' }).scrollIntoViewIfNeeded();
  await shot(page, 'seller-cards-zh');
  await page.getByRole('button', { name: '删除快捷回复：Thanks! It ships today.' }).click();
  await expect(page.getByText('已删除快捷回复：Thanks! It ships today.')).toBeVisible();
  await expect(page.getByRole('button', { name: '使用快捷回复：Thanks! It ships today.' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('把常写的回复存下来，以后点一下就能用。')).toBeVisible();
  await page.getByText('发送商品、订单或优惠券').scrollIntoViewIfNeeded();
  await shot(page, 'seller-tools-zh-bottom');
});
