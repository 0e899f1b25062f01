// The catalog holds current state (issue 15): the seller's device writes one document per
// product (with its stock), in place, once per run; a shop from the append-only days migrates
// on the device's first run with this code; a new buyer's first pull reads what the shop is
// (documents and requests counted, never timed), whatever its history; a buyer with a
// checkpoint from the old days converges to the same views; and a catalog of a newer format
// is refused with "update the app". On real CouchDB when ../shared/couchdb is there.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apply, emptyState, type BuyerId, type Intent, type ProductId, type ShopState } from '../../src/domain/index.ts';
import { addCheckpoint, allDecisions, getCheckpoint, getProduct, listSetAside, queueIntent, ShopDb } from '../../src/storage/index.ts';
import { RemoteAuthority } from '../../src/sync/authority/authority-runner.ts';
import { catalogCopy } from '../../src/sync/authority/publish.ts';
import { buyerCycle, type BuyerSyncTarget } from '../../src/sync/buyer-sync.ts';
import { CATALOG_META_ID, catalogDocVersion } from '../../src/sync/catalog-state.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { catalogDb, channelDb, journalDb } from '../../src/sync/names.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { DEMO_SHOP, demoProducts, demoPromotions } from '../../src/app/demo/demo-catalog.ts';
import { line, m, order, product, seller, SHOP } from '../domain/fixtures/shop.ts';
import { basic, createUser, startTestServer, type TestCouch } from './couch-server.ts';

const SHOP_ID = 'leaf';
const RULES = { allowDemoTopUps: false };
const PRODUCTS = ['tea', 'oolong', 'green'];
let couch: TestCouch;
let dbCount = 0;

beforeAll(async () => {
  couch = await startTestServer();
}, 60_000);
beforeEach(async () => {
  await couch.reset();
  await setUpShop(couch.admin, SHOP_ID, RULES);
}, 60_000);
afterAll(async () => couch?.stop());

const freshDb = (who: string) => new ShopDb(`catalog-state-${who}-${++dbCount}-${Math.random().toString(36).slice(2)}`);

function authority(local: ShopDb) {
  const client = new CouchClient({ url: couch.url, authorization: couch.adminAuth });
  return new RemoteAuthority(local, client, SHOP_ID, { id: 'phone', label: "Seller's phone" }, () => Date.now(), RULES);
}

/** A device that only browses the catalog (signed out), counting what it received. */
function browser() {
  const seen = { bytes: 0 };
  const fetchFn: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    seen.bytes += (await res.clone().arrayBuffer()).byteLength;
    return res;
  };
  const client = new CouchClient({ url: couch.url, fetch: fetchFn });
  const local = freshDb('buyer');
  const target: BuyerSyncTarget = { local, client, shop: SHOP_ID, buyer: null, now: () => Date.now() };
  return { local, client, target, seen };
}

async function openShop(local: ShopDb): Promise<void> {
  const now = Date.now();
  const cmds: Intent[] = [
    seller('shop.save', { shop: SHOP }, now),
    ...PRODUCTS.map((id) => seller('product.save', { product: product(id, { price: m(1500) }), stock: 1000 }, now)),
    seller('wallet.credit', { buyer: 'ann' as BuyerId, amount: m(1_000_000), method: 'cash', note: '' }, now),
  ];
  for (const c of cmds) await queueIntent(local, c, now);
}

/** `count` orders by ann, pushed into her channel and decided by one run of the seller's device. */
async function orders(seller1: RemoteAuthority, ann: CouchClient, count: number): Promise<void> {
  await ann.info(channelDb('ann'));
  const docs = Array.from({ length: count }, (_, i) => {
    const o = order('ann' as BuyerId, Date.now(), [line(PRODUCTS[i % PRODUCTS.length]!)], 1500);
    return { ...o, sentAt: Math.round(ann.clock.now()), _id: o.id };
  });
  for (const r of await ann.bulkDocs(channelDb('ann'), docs)) expect(r.ok, r.reason).toBe(true);
  const run = await seller1.runOnce();
  expect(run.decided.filter((d) => d.kind === 'order.accepted')).toHaveLength(count);
}

/** The shop's public face as a device's decisions fold: the shop, products and stock. */
async function publicViews(local: ShopDb) {
  const state: ShopState = apply(emptyState(), await allDecisions(local));
  const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    shop: state.shop?.value,
    products: sorted([...state.products.values()].map((v) => v.value)),
    inventory: sorted([...state.inventory.values()].map((v) => v.value)),
  };
}

async function catalogIds(): Promise<string[]> {
  const res = await couch.admin.request<{ rows: { id: string }[] }>('GET', `${catalogDb(SHOP_ID)}/_all_docs`);
  return res.rows.map((r) => r.id).filter((id) => !id.startsWith('_design/') && id !== 'db-identity');
}

/**
 * Makes the catalog what a seller device before this change left: no current-state documents,
 * one append-only `c.*` copy per public decision in the journal, and a device that has written
 * no current state (its catalog row without `published`).
 */
async function backToAppendOnly(local: ShopDb): Promise<number> {
  const db = catalogDb(SHOP_ID);
  const revs = await couch.admin.revsOf(db, await catalogIds());
  await couch.admin.bulkDocs(db, [...revs].map(([id, rev]) => ({ _id: id, _rev: rev, _deleted: true })));
  const copies = (await allDecisions(local)).flatMap((d) => {
    const copy = catalogCopy(d);
    return copy ? [{ ...copy, _id: copy.id }] : [];
  });
  for (const r of await couch.admin.bulkDocs(db, copies)) expect(r.ok, r.reason).toBe(true);
  const row = (await getCheckpoint(local, db))!;
  delete row.published;
  await addCheckpoint(local, row);
  return copies.length;
}

describe('the catalog of current state', () => {
  it('a new buyer reads O(products) documents after many orders, and a buyer with an old checkpoint converges', async () => {
    await createUser(couch.admin, 'ann', 'password1');
    const ann = new CouchClient({ url: couch.url, authorization: basic('ann', 'password1') });
    const sellerDb = freshDb('seller');
    const seller1 = authority(sellerDb);
    await openShop(sellerDb);
    expect((await seller1.runOnce()).catalog).toMatchObject({ all: true, written: 1 + PRODUCTS.length });
    for (let run = 0; run < 3; run++) await orders(seller1, ann, 6);

    // The shop as the old code left it: 18 orders' worth of append-only copies.
    const oldCopies = await backToAppendOnly(sellerDb);
    expect(oldCopies).toBeGreaterThanOrEqual(18 + 1 + PRODUCTS.length);
    const old = browser();
    await buyerCycle(old.target);
    expect(await publicViews(old.local)).toEqual(await publicViews(sellerDb));

    // The seller's device with this code: its first run migrates (every product, the shop,
    // then the meta document); later runs rewrite what changed, once per run.
    const migrated = await seller1.runOnce();
    expect(migrated.catalog).toMatchObject({ all: true, written: 1 + PRODUCTS.length });
    expect(await couch.admin.get(catalogDb(SHOP_ID), CATALOG_META_ID)).toMatchObject({ format: 2 });
    for (let run = 0; run < 4; run++) await orders(seller1, ann, 6);
    const tea = await couch.admin.get<{ _rev: string }>(catalogDb(SHOP_ID), 'p.tea');
    // Once per run, not per order (each run sold tea twice): at the opening, the 3 runs before
    // the old days came back, their deletion, the migration, and the 4 runs since.
    expect(Number(tea!._rev.split('-')[0])).toBe(1 + 3 + 1 + 1 + 4);

    // A new buyer: the shop and its products, whatever the history (42 orders, 25+ old copies).
    const fresh = browser();
    const first = await buyerCycle(fresh.target);
    expect(first.applied).toBe(1 + PRODUCTS.length);
    expect(first.setAside).toBe(0);
    // The identity, the meta document, the database's sequence, five id ranges, the changes since.
    expect(fresh.client.traffic.requests).toBeLessThanOrEqual(10);
    expect(await publicViews(fresh.local)).toEqual(await publicViews(sellerDb));

    // The buyer from the old days goes on from its checkpoint and comes to the same views.
    await buyerCycle(old.target);
    expect(await publicViews(old.local)).toEqual(await publicViews(sellerDb));
    expect(await listSetAside(old.local)).toEqual([]);

    // Counted against what the old first pull reads: every copy ever made.
    const history = browser();
    const pulled = await history.client.changes(catalogDb(SHOP_ID), { since: 0, limit: 10_000 });
    expect(pulled.results.length).toBeGreaterThan(oldCopies);
    expect(fresh.seen.bytes).toBeLessThan(history.seen.bytes);
    // The journal holds every decision, as before.
    expect((await couch.admin.changes(journalDb(SHOP_ID), { since: 0, limit: 10_000 })).results.length).toBeGreaterThan(42);

    // Units sold (issue 12): 42 orders, each run selling tea twice. The seller's device counts
    // them; its product documents say so beside their `set`; both buyers' devices show the shop's
    // figure, though neither holds a single order.
    const fourteenEach = { [PRODUCTS[0]!]: 14, [PRODUCTS[1]!]: 14, [PRODUCTS[2]!]: 14 };
    const soldOn = async (local: ShopDb) =>
      Object.fromEntries(await Promise.all(PRODUCTS.map(async (id) => [id, (await getProduct(local, id as ProductId))?.sold])));
    expect(await soldOn(sellerDb)).toEqual(fourteenEach);
    expect(await couch.admin.get(catalogDb(SHOP_ID), 'p.tea')).toMatchObject({ sold: 14, set: { products: [{ id: 'tea' }] } });
    await buyerCycle(fresh.target);
    expect(await soldOn(fresh.local)).toEqual(fourteenEach);
    expect(await soldOn(old.local)).toEqual(fourteenEach);
    expect(await fresh.local.orders.count()).toBe(0);
    // A seller's device that wrote its documents before they said what was sold writes them all
    // again, once, with nothing new to decide.
    const row = (await getCheckpoint(sellerDb, catalogDb(SHOP_ID)))!;
    expect(row.shape).toBe(2);
    delete row.shape;
    await addCheckpoint(sellerDb, row);
    expect((await seller1.runOnce()).catalog).toMatchObject({ all: true, written: 1 + PRODUCTS.length });
    expect((await seller1.runOnce()).catalog).toMatchObject({ all: false, written: 0 });

    // An order made ready for pickup changes no product's figure: no document is written for it
    // (every buyer would pull it again). A cancellation does: tea's document, once, with 13.
    const teaOrders = [...new Set((await allDecisions(sellerDb)).flatMap((d) => d.set.orders ?? [])
      .filter((o) => o.status === 'accepted' && o.lines[0]?.productId === 'tea').map((o) => o.id))];
    await queueIntent(sellerDb, seller('order.ready', { orderId: teaOrders[0]! }, Date.now()), Date.now());
    const ready = await seller1.runOnce();
    expect(ready.decided.map((d) => d.kind)).toEqual(['order.ready']);
    expect(ready.catalog).toMatchObject({ all: false, written: 0 });
    await queueIntent(sellerDb, seller('order.seller-cancel', { orderId: teaOrders[1]!, reason: 'Out of tins' }, Date.now()), Date.now());
    const cancelled = await seller1.runOnce();
    expect(cancelled.decided.map((d) => d.kind)).toEqual(['order.cancelled']);
    expect(cancelled.catalog).toMatchObject({ all: false, written: 1 });
    expect(await couch.admin.get(catalogDb(SHOP_ID), 'p.tea')).toMatchObject({ sold: 13 });
  }, 180_000);

  it("the demo catalog (options, flash sales, promotions) goes into documents the catalog's rules take, and a buyer reads it whole", async () => {
    const sellerDb = freshDb('seller');
    const now = Date.now();
    const cmds: Intent[] = [
      seller('shop.save', { shop: { ...DEMO_SHOP, policies: { ...DEMO_SHOP.policies, demoTopUps: false } } }, now),
      ...demoProducts(now).map(({ product: p, stock, stocks }) => seller('product.save', { product: p, stock, ...(stocks && { stocks }) }, now)),
      ...demoPromotions(now).map((promotion) => seller('promotion.save', { promotion }, now)),
    ];
    for (const c of cmds) await queueIntent(sellerDb, c, now);
    const run = await authority(sellerDb).runOnce();
    expect(run.decided.filter((d) => d.kind === 'intent.rejected')).toEqual([]);
    const ids = await catalogIds();
    expect(run.catalog).toMatchObject({ all: true, written: ids.length - 1 });
    expect(ids.filter((id) => id.startsWith('promo.')).length).toBe(demoPromotions(now).length);
    const buyer = browser();
    const first = await buyerCycle(buyer.target);
    expect(first.setAside).toBe(0);
    expect(await publicViews(buyer.local)).toEqual(await publicViews(sellerDb));
  }, 60_000);

  it('a catalog of a newer format is refused with "update the app", and nothing of it is applied', async () => {
    const db = catalogDb(SHOP_ID);
    const v = catalogDocVersion(3);
    await couch.admin.bulkDocs(db, [
      { _id: CATALOG_META_ID, type: 'catalog-meta', v, format: 3, n: 5, at: Date.now() },
      { _id: 'p.tea', type: 'catalog-state', v, format: 3, n: 5, at: Date.now(), set: { products: [product('tea')] } },
    ]);
    const buyer = browser();
    const report = await buyerCycle(buyer.target);
    expect(report.applied).toBe(0);
    const aside = await listSetAside(buyer.local);
    expect(aside.map((a) => a.docId).sort()).toEqual([CATALOG_META_ID, 'p.tea']);
    for (const a of aside) expect(a.problems.join(' ')).toMatch(/newer than this app reads \(2\): update the app/);
  }, 60_000);
});
