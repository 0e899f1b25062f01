import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { adoptChannel, setUpShop } from '../../src/sync/setup-shop.ts';
import { channelDb } from '../../src/sync/names.ts';
import {
  ACROSS, buyForPickup, countCouchRequests, credit, device, expectStatusSoon, expectWallet, go, intentsOnServer, journalDecisions,
  localRows, revNumber, sellerDevice, serverDocs, SHOP, signal, startEnv, type Env,
} from './sync-helpers.ts';

// What goes wrong on the way, with a real PouchDB Server behind the app's origin: a page
// closed in the middle of a push or a pull, a server that lost its databases, three tabs of
// one buyer, a server that fails for a while. Nothing may be lost, nothing applied twice.
test.use({ viewport: { width: 360, height: 740 } });

/** Cheap enough for many orders from a ¥200 credit: the yo-yo, ¥19, collected at a pickup point (no fee). */
const ITEM = 'yo-yo';
const PRICE = 19;
const yuan = (n: number) => `¥${n.toFixed(2)}`;

let env: Env | undefined;
test.afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** A closed page's pending routes fail: nothing to do about them. */
const quietly = (p: Promise<unknown>) => p.catch(() => undefined);

/** The buyer's intent `id` is in their channel on the server exactly once, never edited, and the journal decided it once. */
async function onceOnServer(e: Env, buyer: string, id: string): Promise<void> {
  const placed = (await intentsOnServer(e, buyer, 'order.place')).filter((d) => d.id === id);
  expect(placed, `${id} in ${buyer}'s channel`).toHaveLength(1);
  expect(revNumber(placed[0]!), 'never written over').toBe(1);
  expect(placed[0]!._conflicts ?? [], 'no other revisions').toEqual([]);
  await expect.poll(async () => (await journalDecisions(e)).filter((d) => d.intentId === id).length, ACROSS).toBe(1);
}

/** Opens the app again in the same browser (the same device), on an order's page. */
async function reopen(context: BrowserContext, orderId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`./#/orders/${orderId}`);
  await expect(page.getByRole('heading', { name: /^Order #/ })).toBeVisible();
  return page;
}

test('the page closed in the middle of a push, at three points: each order reaches the shop once', async ({ browser }) => {
  test.setTimeout(60_000);
  env = await startEnv(['pia']);
  const e = env;
  const seller = await sellerDevice(browser, e);
  await credit(seller.page, 'pia', 200);
  const buyer = await device(browser, e, 'pia', { noServiceWorker: true });
  await expectWallet(buyer.page, yuan(200));
  let page = buyer.page;

  const points = ['before the request reaches the server', 'after the server stored it, before the answer', 'right after the answer'] as const;
  const ids: string[] = [];
  for (const point of points) {
    const at = signal();
    await page.route('**/couch/userdb-*/_bulk_docs', async (route: Route) => {
      if (point === points[0]) return at.hit(); // held: never sent
      const res = await route.fetch();
      if (point === points[1]) return at.hit(); // the server has it; the answer never comes
      await route.fulfill({ response: res });
      at.hit();
    });
    const id = await buyForPickup(page, ITEM);
    await at.reached;
    await page.close();
    ids.push(id);
    if (point === points[0]) expect((await intentsOnServer(e, 'pia', 'order.place')).map((d) => d.id), point).not.toContain(id);
    if (point === points[1]) expect((await intentsOnServer(e, 'pia', 'order.place')).map((d) => d.id), point).toContain(id);

    page = await reopen(buyer.context, id);
    await expectStatusSoon(page, 'Accepted');
    await onceOnServer(e, 'pia', id);
  }
  // Every order is on the server once, none twice; the money moved once per order.
  expect((await intentsOnServer(e, 'pia', 'order.place')).map((d) => d.id).sort()).toEqual([...ids].sort());
  await expectWallet(page, yuan(200 - 3 * PRICE), yuan(3 * PRICE));
  await go(seller.page, '#/seller/customers');
  await expect(seller.page.getByRole('article', { name: 'pia', exact: true }).locator('dt:text-is("In escrow") + dd')).toHaveText(yuan(3 * PRICE), ACROSS);
  expect(await localRows(page, 'pia', 'outbox'), 'nothing left to send').toEqual([]);
});

test('the page closed in the middle of a pull, at three points: each decision applied once', async ({ browser }) => {
  test.setTimeout(60_000);
  env = await startEnv(['pib']);
  const e = env;
  const seller = await sellerDevice(browser, e);
  await credit(seller.page, 'pib', 200);
  const buyer = await device(browser, e, 'pib', { noServiceWorker: true });
  await expectWallet(buyer.page, yuan(200));
  let page = buyer.page;
  const channel = channelDb('pib');

  const points = ['before the request reaches the server', 'after the server answered, before the page has it', 'right after the answer'] as const;
  const ids: string[] = [];
  for (const [n, point] of points.entries()) {
    const at = signal();
    // The order whose decision the cut must catch (known once it is placed).
    const cut: { target?: string } = {};
    const decided = async () =>
      cut.target !== undefined && (await serverDocs(e, channel)).some((d) => d.type === 'decision' && d.intentId === cut.target);
    // Only the pulls of the buyer's channel (not the longpoll that waits for news) are cut.
    await page.route(`**/couch/${channel}/_changes*`, async (route: Route) => {
      if (route.request().url().includes('feed=longpoll')) return quietly(route.continue());
      if (point === points[0]) {
        if (await decided()) return at.hit(); // held: never sent
        return quietly(route.continue());
      }
      const res = await route.fetch();
      const body = await res.text();
      const carries = cut.target !== undefined && body.includes(`"intentId":"${cut.target}"`);
      if (carries && point === points[1]) return at.hit(); // the answer never reaches the page
      await quietly(route.fulfill({ response: res, body }));
      if (carries) at.hit();
    });
    const id = await buyForPickup(page, ITEM);
    cut.target = id;
    ids.push(id);
    await at.reached;
    await page.close();

    page = await reopen(buyer.context, id);
    await expectStatusSoon(page, 'Accepted');
    await onceOnServer(e, 'pib', id);
    const decisions = (await localRows(page, 'pib', 'events')).filter((r) => r.type === 'decision' && r.intentId === id);
    expect(decisions, `${point}: the decision once on the device`).toHaveLength(1);
    await expectWallet(page, yuan(200 - (n + 1) * PRICE), yuan((n + 1) * PRICE));
  }
  expect((await intentsOnServer(e, 'pib', 'order.place')).map((d) => d.id).sort()).toEqual([...ids].sort());
});

test('the server lost a buyer’s channel: the buyer sends again what it lacks, the seller copies its decisions back', async ({ browser }) => {
  test.setTimeout(150_000);
  env = await startEnv(['lia']);
  const e = env;
  const channel = channelDb('lia');
  const seller = await sellerDevice(browser, e, { noServiceWorker: true });
  await credit(seller.page, 'lia', 200);
  const buyer = await device(browser, e, 'lia', { noServiceWorker: true });
  await expectWallet(buyer.page, yuan(200));
  const first = await buyForPickup(buyer.page, ITEM);
  await expectStatusSoon(buyer.page, 'Accepted');
  const copiesBefore = (await serverDocs(e, channel)).filter((d) => d.type === 'decision').map((d) => d.id).sort();
  expect(copiesBefore.length).toBeGreaterThanOrEqual(2); // the credit and the acceptance

  // The seller's phone is offline; the buyer's second order reaches the server, undecided.
  await seller.context.setOffline(true);
  const second = await buyForPickup(buyer.page, ITEM);
  await expectStatusSoon(buyer.page, 'Sent, waiting for the shop');
  expect((await intentsOnServer(e, 'lia', 'order.place')).map((d) => d.id)).toContain(second);

  // The server loses the channel; its admin makes it again (empty, a new identity).
  await e.couch.admin.deleteDb(channel);
  await adoptChannel(e.couch.admin, 'lia', { allowDemoTopUps: false });
  expect((await serverDocs(e, channel)).filter((d) => d.type !== 'db-identity')).toEqual([]);

  // The seller's device comes back: it notices the new channel and copies its decisions about lia into it again.
  await seller.context.setOffline(false);
  await expect.poll(async () => (await serverDocs(e, channel)).filter((d) => d.type === 'decision').map((d) => d.id), { ...ACROSS, message: 'the decisions copied back' })
    .toEqual(expect.arrayContaining(copiesBefore));
  // The buyer's device notices too, and sends the undecided order again (only the buyer can: it is
  // theirs). CouchDB ends the longpoll on the deleted channel at once; PouchDB Server never does,
  // and the device notices when its own longpoll timeout (30 s) ends the wait. Its cycles failed
  // while the channel was gone, so it may be waiting out its backoff (up to 60 s) first: on a busy
  // machine, where the channel stays gone longer, 40 s was not always enough.
  await expect.poll(async () => (await intentsOnServer(e, 'lia', 'order.place')).map((d) => d.id), { timeout: 75_000, message: 'the undecided order sent again' })
    .toContain(second);
  await go(buyer.page, `#/orders/${second}`);
  await expectStatusSoon(buyer.page, 'Accepted');
  await onceOnServer(e, 'lia', second);
  expect((await journalDecisions(e)).filter((d) => d.intentId === first)).toHaveLength(1);
  // The money moved once per order on both devices, though the buyer's device pulled the channel again from the start.
  await expectWallet(buyer.page, yuan(200 - 2 * PRICE), yuan(2 * PRICE));
  await go(seller.page, '#/seller/customers');
  await expect(seller.page.getByRole('article', { name: 'lia', exact: true }).locator('dt:text-is("In escrow") + dd')).toHaveText(yuan(2 * PRICE), ACROSS);
});

for (const lost of ['catalog', 'journal'] as const) {
  test(`the server lost the shop's ${lost}: the seller's device publishes it again`, async ({ browser }) => {
    test.setTimeout(60_000);
    env = await startEnv(['lib', 'lic']);
    const e = env;
    const catalog = `${SHOP}-catalog`;
    const seller = await sellerDevice(browser, e, { noServiceWorker: true });
    await credit(seller.page, 'lib', 200);
    const buyer = await device(browser, e, 'lib', { noServiceWorker: true });
    await expectWallet(buyer.page, yuan(200));
    const first = await buyForPickup(buyer.page, ITEM);
    await expectStatusSoon(buyer.page, 'Accepted');
    // The catalog holds the shop's current state: one document per product, promotion, team… (catalog-state.ts).
    const catalogState = async () => (await serverDocs(e, catalog)).filter((d) => d.type === 'catalog-state').map((d) => String(d._id)).sort();
    const catalogBefore = await catalogState();
    const journalBefore = (await journalDecisions(e)).map((d) => d.id).sort();
    expect(catalogBefore.length).toBeGreaterThan(40);

    // It is lost, and made again by the setup command (empty, a new identity).
    await e.couch.admin.deleteDb(`${SHOP}-${lost}`);
    await setUpShop(e.couch.admin, SHOP, { allowDemoTopUps: false });

    await expect.poll(async () => (await journalDecisions(e)).map((d) => d.id).sort(), { ...ACROSS, message: 'the journal complete' })
      .toEqual(journalBefore);
    await expect.poll(catalogState, { ...ACROSS, message: 'the catalog complete' })
      .toEqual(catalogBefore);

    // The shop goes on: a new buyer's device finds the whole catalog, and the next order is decided once.
    const newcomer = await device(browser, e, 'lic', { noServiceWorker: true });
    await go(newcomer.page, '#/');
    await expect(newcomer.page.getByText('41 products')).toBeVisible(ACROSS);
    const second = await buyForPickup(buyer.page, ITEM);
    await expectStatusSoon(buyer.page, 'Accepted');
    await onceOnServer(e, 'lib', second);
    expect((await journalDecisions(e)).filter((d) => d.intentId === first)).toHaveLength(1);
    await expectWallet(buyer.page, yuan(200 - 2 * PRICE), yuan(2 * PRICE));
  });
}

test('three tabs of one buyer: one runs sync, and an order placed in another goes out once', async ({ browser }) => {
  test.setTimeout(60_000);
  env = await startEnv(['tab']);
  const e = env;
  const seller = await sellerDevice(browser, e, { noServiceWorker: true });
  await credit(seller.page, 'tab', 200);
  const buyer = await device(browser, e, 'tab', { noServiceWorker: true });
  const counts = [countCouchRequests(buyer.page)];
  const pages = [buyer.page];
  for (let i = 0; i < 2; i++) {
    const page = await buyer.context.newPage();
    counts.push(countCouchRequests(page));
    await page.goto('./#/wallet');
    pages.push(page);
  }
  for (const page of pages) await expectWallet(page, yuan(200));
  // News from the shop, with all three tabs open: one tab pulls it, all three show it.
  await credit(seller.page, 'tab', 50, yuan(250));
  for (const page of pages) await expectWallet(page, yuan(250));
  const pulling = counts.map((c) => c.changes);
  expect(pulling.filter((n) => n > 0), `_changes per tab: ${pulling.join(', ')}`).toHaveLength(1);
  const runner = pulling.findIndex((n) => n > 0);
  const other = runner === 2 ? 1 : 2;

  // An order placed in a tab that does not run sync: the runner sends it, once.
  const id = await buyForPickup(pages[other]!, ITEM);
  await expectStatusSoon(pages[other]!, 'Accepted');
  await onceOnServer(e, 'tab', id);
  const pushes = counts.map((c) => c.bulkDocs);
  expect(pushes[runner], `_bulk_docs per tab: ${pushes.join(', ')}`).toBeGreaterThan(0);
  expect(pushes.filter((n) => n > 0)).toHaveLength(1);
  expect(counts.filter((c) => c.changes > 0), 'still one tab pulling').toHaveLength(1);

  // The runner's tab closes: another takes over, and what is ordered next still goes out once.
  await pages[runner]!.close();
  const left = pages.filter((_, i) => i !== runner);
  const next = await buyForPickup(left[0]!, ITEM);
  await expectStatusSoon(left[0]!, 'Accepted');
  await onceOnServer(e, 'tab', next);
  await expectWallet(left[1]!, yuan(250 - 2 * PRICE), yuan(2 * PRICE));
});

test('the server fails for a while (500s, then timeouts): the device says it retries, waits longer each time, then the queue drains', async ({ browser }) => {
  test.setTimeout(60_000);
  env = await startEnv(['flo']);
  const e = env;
  const seller = await sellerDevice(browser, e, { noServiceWorker: true });
  await credit(seller.page, 'flo', 200);
  const buyer = await device(browser, e, 'flo', { noServiceWorker: true });
  await expectWallet(buyer.page, yuan(200));
  const page = buyer.page;

  // For 12 s every request to the server fails: 500s for the first 6 s, then requests that time out.
  let failing = true;
  const failedAt: number[] = [];
  const start = Date.now();
  await buyer.context.route('**/couch/**', async (route) => {
    if (!failing) return quietly(route.continue());
    failedAt.push(Date.now() - start);
    if (Date.now() - start < 6_000) {
      return quietly(route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal_server_error","reason":"test: the server is down"}' }));
    }
    return quietly(route.abort('timedout'));
  });
  const id = await buyForPickup(page, ITEM);
  const header = page.getByRole('banner').getByRole('status');
  await expect(header).toContainText('1 waiting to sync');
  await go(page, '#/settings');
  const state = page.getByRole('status').filter({ hasText: /server/ });
  await expect(page.getByText(/^The server did not answer; trying again soon\./)).toBeVisible(ACROSS);
  await page.waitForTimeout(Math.max(0, 12_000 - (Date.now() - start)));
  failing = false;
  const tries = failedAt.length;
  // It kept trying, but not in a tight loop: with backoff, a handful of requests in 12 s.
  expect(tries, `failed requests at ${failedAt.join(', ')} ms`).toBeGreaterThanOrEqual(3);
  expect(tries, `failed requests at ${failedAt.join(', ')} ms`).toBeLessThanOrEqual(15);

  // The server is back: the order goes out and is decided, the queue drains, Settings says so.
  await expect(page.getByText('Up to date with the shop.')).toBeVisible(ACROSS);
  await expect(state).toHaveCount(0);
  await go(page, `#/orders/${id}`);
  await expectStatusSoon(page, 'Accepted');
  await expect(header).toContainText('All synced');
  await onceOnServer(e, 'flo', id);
  await expectWallet(page, yuan(200 - PRICE), yuan(PRICE));
});
