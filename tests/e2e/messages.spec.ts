import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { buyForShipping, go, openShop, orderNumber, shipFromSellerOrders, sellerPlace, view } from './account-helpers.ts';
import { setLanguage } from './menu.ts';

// Messages in the demo (one device: the personas and the seller): a buyer asks about a product
// (offline first: it waits on the device), the seller sees 1 unread on the home and in the list,
// replies, the buyer sees the reply with "read" on their question; nothing renders as HTML.
test.use({ viewport: { width: 360, height: 740 } });

const SHOTS = process.env.MESSAGES_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

function dialog(page: Page) {
  return page.getByRole('dialog', { name: /^Messages with / });
}

test('a buyer asks about a product, the seller sees it unread, replies, and the buyer reads the reply', async ({ page, context }) => {
  test.setTimeout(90_000);
  await openShop(page);
  await go(page, '#/product/tangerine');
  await page.getByRole('button', { name: 'Ask the seller' }).scrollIntoViewIfNeeded();
  await shot(page, 'product-ask-en');
  await page.getByRole('button', { name: 'Ask the seller' }).click();
  const chat = dialog(page);
  await expect(chat).toBeVisible();
  // The product is attached as a card.
  await expect(chat.getByRole('link', { name: /^Product: / })).toBeVisible();

  // Empty and too long are refused with the reason; nothing is lost.
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByText('Write something or add a photo first.')).toBeVisible();
  await chat.getByRole('textbox', { name: 'Message' }).fill('x'.repeat(2001));
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByText('A message can be at most 2,000 characters; this one has 2,001.')).toBeVisible();
  await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('x'.repeat(2001));

  // Offline: the question waits on the device.
  await context.setOffline(true);
  await chat.getByRole('textbox', { name: 'Message' }).fill('Are these <b>sweet</b>?');
  await chat.getByRole('button', { name: 'Send' }).click();
  const mine = chat.getByRole('listitem').filter({ hasText: 'Are these <b>sweet</b>?' });
  await expect(mine).toContainText('Queued on this device');
  await expect(chat.locator('b')).toHaveCount(0);
  await shot(page, 'buyer-queued-en');
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(mine).toContainText('Sent');
  await chat.getByRole('button', { name: 'Close' }).click();

  // The seller: 1 unread on the home, the conversation in the list, newest first.
  await view(page, 'Seller');
  await expect(page.getByRole('link', { name: /Messages.*1 unread from buyers/ })).toBeVisible();
  await shot(page, 'seller-home-en');
  await page.getByRole('link', { name: /Messages.*1 unread from buyers/ }).click();
  const item = page.getByRole('link', { name: /ann.*Are these <b>sweet<\/b>\?.*1 unread/ });
  await expect(item).toBeVisible();
  await shot(page, 'seller-list-en');
  await item.click();
  await expect(page.getByRole('heading', { name: 'Messages with ann' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('Yes, picked this week. 很甜!');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Yes, picked this week.' })).toContainText('Sent');
  await shot(page, 'seller-conversation-en');
  await sellerPlace(page, 'Home');
  await expect(page.getByRole('link', { name: /Messages.*No unread messages/ })).toBeVisible();

  // The buyer: the reply is new; opening the conversation reads it, and the question shows read.
  await view(page, 'Shop');
  await go(page, '#/product/tangerine');
  await page.getByRole('button', { name: 'Ask the seller (1 new)' }).click();
  await expect(chat.getByRole('listitem').filter({ hasText: 'Yes, picked this week. 很甜!' })).toBeVisible();
  await expect(mine).toContainText('Read');
  await shot(page, 'buyer-read-en');
  await chat.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Ask the seller', exact: true })).toBeVisible();

  // The seller sees the reply read by the buyer.
  await view(page, 'Seller');
  await go(page, '#/seller/messages/ann');
  await expect(page.getByRole('listitem').filter({ hasText: 'Yes, picked this week.' })).toContainText('Read');
});

test('an order page asks about that order; the screens in Chinese fit a 360-px phone', async ({ page }) => {
  test.setTimeout(90_000);
  await openShop(page);
  await buyForShipping(page, 'banana');
  await page.getByRole('button', { name: 'Ask the seller' }).click();
  const chat = dialog(page);
  await expect(chat.getByRole('link', { name: /^Order #/ })).toBeVisible();
  await chat.getByRole('textbox', { name: 'Message' }).fill('When will it ship?');
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByRole('listitem').filter({ hasText: 'When will it ship?' }).getByRole('link', { name: /^Order #/ })).toBeVisible();
  await shot(page, 'buyer-order-en');
  await chat.getByRole('button', { name: 'Close' }).click();

  await setLanguage(page, 'zh');
  await page.getByRole('button', { name: '问卖家' }).click();
  const zh = page.getByRole('dialog', { name: /^与.*的消息$/ });
  await expect(zh.getByText('When will it ship?')).toBeVisible();
  await zh.getByRole('textbox', { name: '消息' }).fill('请尽快发货，谢谢！');
  await zh.getByRole('button', { name: '发送' }).click();
  await expect(zh.getByRole('listitem').filter({ hasText: '请尽快发货' })).toContainText(/已发送|已存在本机/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'buyer-order-zh');
  await zh.getByRole('button', { name: '关闭' }).click();

  await go(page, '#/seller');
  await expect(page.getByRole('link', { name: /消息.*买家的 2 条未读/ })).toBeVisible();
  await shot(page, 'seller-home-zh');
  await go(page, '#/seller/messages');
  await expect(page.getByRole('link', { name: /ann.*2 条未读/ })).toBeVisible();
  // The seller's bar keeps its five labels on one line.
  const nav = page.getByRole('navigation', { name: '卖家后台' });
  for (const link of await nav.getByRole('link').all()) {
    expect(await link.evaluate((a) => a.scrollWidth <= a.clientWidth && a.scrollHeight <= a.clientHeight)).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'seller-list-zh');
  await page.getByRole('searchbox', { name: '按买家或内容搜索' }).fill('发货');
  await expect(page.getByRole('link', { name: /ann/ })).toBeVisible();
  await page.getByRole('searchbox', { name: '按买家或内容搜索' }).fill('nothing like this');
  await expect(page.getByText('没有匹配的对话。')).toBeVisible();
  await go(page, '#/seller/messages/ann');
  await expect(page.getByRole('heading', { name: '与ann的消息' })).toBeVisible();
  await shot(page, 'seller-conversation-zh');
});

test("Updates: the buyer's bell counts the order accepted, shipped with its tracking number and the seller's message, and opening it reads them", async ({ page }) => {
  test.setTimeout(90_000);
  await openShop(page);
  const id = await buyForShipping(page, 'tangerine');
  await shipFromSellerOrders(page, id, 'SF Express', 'SF0001');
  await go(page, '#/seller/messages/ann');
  await page.getByRole('textbox', { name: 'Message' }).fill('Shipped this morning.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Shipped this morning.' })).toContainText('Sent');

  await go(page, '#/orders');
  const bell = page.getByRole('button', { name: /Updates \(3 new\)/ });
  await expect(bell).toBeVisible();
  await shot(page, 'orders-en');
  await bell.click();
  const list = page.getByRole('dialog', { name: 'Updates' });
  await expect(list.getByRole('listitem').nth(0)).toContainText('The seller wrote: Shipped this morning.');
  await expect(list.getByRole('link', { name: `Order ${orderNumber(id)} was shipped: SF Express, tracking SF0001.` })).toBeVisible();
  await expect(list.getByRole('link', { name: `Order ${orderNumber(id)} was accepted.` })).toBeVisible();
  await shot(page, 'updates-en');
  await list.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Updates', exact: true })).toBeVisible();
  await setLanguage(page, 'zh');
  await page.getByRole('button', { name: /动态/ }).click();
  await expect(page.getByRole('dialog', { name: '动态' }).getByText(/已发货：SF Express，运单号 SF0001/)).toBeVisible();
  // Seen before: nothing is marked new the second time.
  await expect(page.getByRole('dialog', { name: '动态' }).getByText('新', { exact: true })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'updates-zh');
});

test('a long conversation opens at its newest 200 messages, and earlier ones come on request, keeping the reader’s place', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openShop(page);
  // 250 messages between ann and the shop, put on the device as a person would: a backup restored.
  await go(page, '#/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  const t0 = Date.now() - 250 * 60_000;
  const messages = Array.from({ length: 250 }, (_, i) => ({
    id: `m-long-${String(i).padStart(4, '0')}`, v: 1, at: t0 + i * 60_000, type: 'message', kind: 'message.send',
    from: i % 2 === 0 ? 'buyer' : 'seller', buyer: 'ann', sentAt: t0 + i * 60_000, text: `Message number ${i}`,
  }));
  const last = messages.at(-1)!;
  backup.tables.messages = [...(backup.tables.messages ?? []), ...messages];
  backup.tables.conversations = [{ buyer: 'ann', lastAt: last.at, lastId: last.id, lastFrom: last.from, lastText: last.text }];
  const long = testInfo.outputPath('long.json');
  await writeFile(long, JSON.stringify(backup));
  await page.getByLabel('Restore from a backup').setInputFiles(long);
  await Promise.all([page.waitForEvent('load'), page.getByRole('dialog', { name: 'Replace everything on this device?' }).getByRole('button', { name: 'Replace with the backup' }).click()]);

  await go(page, '#/seller/messages/ann');
  const bubbles = page.locator('.msg-bubble');
  await expect(bubbles.last()).toContainText('Message number 249');
  await expect(bubbles).toHaveCount(200);
  await expect(bubbles.first()).toContainText('Message number 50');
  await page.getByRole('button', { name: 'Show earlier messages' }).click();
  await expect(bubbles).toHaveCount(250);
  await expect(bubbles.first()).toContainText('Message number 0');
  // The reader stays where they were: the message that was first is still on screen.
  await expect(page.locator('#msg-m-long-0050')).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Show earlier messages' })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
