import { expect, test, type Page } from '@playwright/test';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { channelDb } from '../../src/sync/names.ts';
import { RULES_DOC_ID } from '../../src/sync/rules.ts';
import { basic } from '../sync/couch-server.ts';
import {
  ACROSS, buyForPickup, credit, device, expectStatusSoon, figure, go, journalDecisions, passwordOf, sellerDevice, serverDocs,
  startEnv, type Env,
} from './sync-helpers.ts';

// What the shop's server sends is not trusted: a buyer who is admin of their own channel (as
// CouchDB's couch_peruser makes them) can write anything there, and anyone who may write text
// the shop publishes (a product's name, a review) may write HTML. Neither may change the
// shop's figures or run code on anyone's device.
test.use({ viewport: { width: 360, height: 740 } });

let env: Env | undefined;
test.afterEach(async () => {
  await env?.close();
  env = undefined;
});

const orderNumber = (id: string) => `#${id.replace(/-/g, '').slice(-6).toUpperCase()}`;

test('a buyer who is admin of their channel forges a credit and a top-up: the shop’s figures stay, the seller is told', async ({ browser }) => {
  test.setTimeout(60_000);
  env = await startEnv(['mal']);
  const e = env;
  const channel = channelDb('mal');
  const seller = await sellerDevice(browser, e);
  await credit(seller.page, 'mal', 100);
  await expect.poll(async () => (await serverDocs(e, channel)).filter((d) => d.kind === 'wallet.credited').length, ACROSS).toBe(1);
  const journalBefore = (await journalDecisions(e)).length;

  // couch_peruser, simulated: mal is made admin of the channel, and (being admin) removes the rules.
  const admin = e.couch.admin;
  await admin.putSecurity(channel, { admins: { names: ['mal'], roles: [] }, members: { names: ['mal'], roles: [] } });
  const rules = await admin.get<{ _rev: string }>(channel, RULES_DOC_ID);
  await admin.request('DELETE', `${channel}/${RULES_DOC_ID}?rev=${rules!._rev}`);

  // Then mal writes, as mal: a made-up credit of ¥10,000 (that also restocks a product), the
  // shop's real credit edited to ¥10,000, and a play-money top-up this shop does not allow.
  const mal = new CouchClient({ url: e.couch.url, authorization: basic('mal', passwordOf('mal')) });
  const genuine = (await serverDocs(e, channel)).find((d) => d.kind === 'wallet.credited')!;
  const body = Object.fromEntries(Object.entries(genuine).filter(([k]) => !k.startsWith('_')));
  const bigger = (postings: unknown) => (postings as { amount: number }[]).map((p) => ({ ...p, amount: p.amount * 100 }));
  const forged = { ...body, _id: 'forged-credit', id: 'forged-credit', n: Number(body.n) + 1_000, postings: bigger(body.postings),
    set: { ...(body.set as object), inventory: [{ productId: 'yo-yo', stock: 9_999, flashSold: 0 }] } };
  const edited = { ...genuine, postings: bigger(genuine.postings) };
  const now = Date.now();
  const topUp = { _id: 'forged-top-up', id: 'forged-top-up', v: 1, at: now, type: 'intent', by: 'buyer', buyer: 'mal', kind: 'wallet.demo-top-up', amount: 1_000_000, sentAt: now };
  const written = await mal.bulkDocs(channel, [forged, edited, topUp]);
  expect(written.map((r) => r.ok), JSON.stringify(written)).toEqual([true, true, true]);

  // The seller's device takes the channel back (mal member only, the rules again)...
  await expect.poll(async () => {
    const security = await admin.getSecurity(channel) as { admins?: { names?: string[] } };
    return { adminNames: security.admins?.names ?? [], rules: (await admin.get(channel, RULES_DOC_ID)) !== undefined };
  }, ACROSS).toEqual({ adminNames: [], rules: true });
  // ...refuses the top-up (this shop has no play money)...
  await expect.poll(async () => (await journalDecisions(e)).filter((d) => d.intentId === 'forged-top-up').map((d) => d.kind), ACROSS)
    .toEqual(['intent.rejected']);
  // ...never takes the forged decisions into its journal, and tells the seller about them.
  const journal = await journalDecisions(e);
  expect(journal.map((d) => d.id)).not.toContain('forged-credit');
  expect(journal.length).toBe(journalBefore + 1); // the top-up's rejection, nothing else
  expect(journal.find((d) => d.id === genuine.id)?.postings).toEqual(genuine.postings);
  await go(seller.page, '#/settings');
  const told = seller.page.locator('details.acct-error');
  await expect(told.locator('summary')).toHaveText('2 documents from the server were set aside: they could not be read or were not genuine.', ACROSS);
  await told.locator('summary').click();
  await expect(told.getByRole('listitem').filter({ hasText: 'forged-credit' })).toContainText("mal's channel");
  await expect(told.getByRole('listitem').filter({ hasText: 'forged-credit' })).toContainText('forged');
  await expect(told.getByRole('listitem').filter({ hasText: String(genuine.id) })).toContainText('forged');

  // The seller's screens: mal's wallet as the shop credited it, the product's stock as it was.
  await go(seller.page, '#/seller/customers');
  await expect(figure(seller.page, 'mal', 'Available')).toHaveText('¥100.00');
  await expect(figure(seller.page, 'mal', 'In escrow')).toHaveText('¥0.00');
  await go(seller.page, '#/seller/money');
  await expect(seller.page.locator('[data-figure="paid"]')).toHaveText('¥0.00');
  await go(seller.page, '#/seller/products');
  await seller.page.getByLabel(/Search/).first().fill('yo-yo');
  await expect(seller.page.getByRole('listitem').filter({ hasText: 'Yo-yo' })).toContainText('30 in stock');
});

const XSS_NAME = '<img src=x onerror="window.__pwned=1">';
const XSS_REVIEW = 'Great! <b>bold</b><img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script>';

/** Nothing the server sent ran as code on this page. */
async function notPwned(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], script:text("__pwned")').count()).toBe(0);
}

test('text from the server is shown as text: a product named with HTML, a review with HTML', async ({ browser }) => {
  test.setTimeout(75_000);
  env = await startEnv(['xsa', 'xsb']);
  const e = env;
  const seller = await sellerDevice(browser, e);
  await credit(seller.page, 'xsa', 100);

  // The seller saves a product whose name is HTML, through the product form.
  await go(seller.page, '#/seller/products');
  await seller.page.getByRole('link', { name: 'Add product' }).click();
  await seller.page.getByLabel('Name').fill(XSS_NAME);
  await seller.page.getByLabel('Description').fill('<script>window.__pwned=4</script> A pwned description.');
  await seller.page.getByLabel('Category').fill('Toys');
  await seller.page.getByLabel('Price (¥)').fill('10');
  await seller.page.getByLabel('Units in stock').fill('5');
  await seller.page.getByRole('button', { name: 'Save product' }).click();
  await expect(seller.page.getByText(`“${XSS_NAME}” is saved.`)).toBeVisible();

  // A buyer's device shows it literally: in the catalog and on its page.
  const buyer = await device(browser, e, 'xsa');
  await go(buyer.page, '#/');
  await buyer.page.getByLabel('Search', { exact: true }).fill('pwned');
  const link = buyer.page.getByRole('link', { name: XSS_NAME });
  await expect(link).toBeVisible(ACROSS);
  await notPwned(buyer.page);
  await link.click();
  await expect(buyer.page.getByRole('heading', { name: XSS_NAME })).toBeVisible();
  await expect(buyer.page.getByText('<script>window.__pwned=4</script> A pwned description.')).toBeVisible();
  await notPwned(buyer.page);
  const productId = /#\/product\/([^/?]+)/.exec(buyer.page.url())![1]!;

  // The buyer buys it, collects it and reviews it with HTML in the text.
  const id = await buyForPickup(buyer.page, decodeURIComponent(productId));
  await expect(buyer.page.getByRole('heading', { name: /^Order #/ })).toBeVisible();
  await expectStatusSoon(buyer.page, 'Accepted');
  await go(seller.page, '#/seller/orders');
  const card = seller.page.getByRole('article', { name: `Order ${orderNumber(id)} · xsa` });
  await expect(card).toContainText(XSS_NAME, ACROSS);
  await notPwned(seller.page);
  await card.getByRole('button', { name: 'Ready for pickup' }).click();
  await expectStatusSoon(buyer.page, 'Ready for pickup');
  await buyer.page.getByRole('button', { name: 'Confirm receipt' }).click();
  await buyer.page.getByRole('dialog', { name: 'Did you receive the goods?' }).getByRole('button', { name: 'Yes, I have them' }).click();
  await expectStatusSoon(buyer.page, 'Received');
  await buyer.page.getByRole('button', { name: 'Write a review' }).click();
  await buyer.page.getByRole('radio', { name: '5 stars' }).check();
  await buyer.page.getByLabel('Your review').fill(XSS_REVIEW);
  await buyer.page.getByRole('button', { name: 'Publish review' }).click();
  await expect(buyer.page.getByText('You reviewed this order.')).toBeVisible(ACROSS);

  // Another buyer's device gets the review from the catalog and shows it as text.
  const other = await device(browser, e, 'xsb');
  await go(other.page, `#/product/${productId}`);
  const reviews = other.page.getByRole('region', { name: 'Reviews' });
  await expect(reviews.getByText(XSS_REVIEW, { exact: true })).toBeVisible(ACROSS);
  await expect(other.page.getByRole('heading', { name: XSS_NAME })).toBeVisible();
  await notPwned(other.page);
  await go(other.page, '#/');
  await other.page.getByLabel('Search', { exact: true }).fill('pwned');
  await expect(other.page.getByRole('link', { name: XSS_NAME })).toBeVisible();
  await notPwned(other.page);
  await notPwned(buyer.page);
  await notPwned(seller.page);
});
