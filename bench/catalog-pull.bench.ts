/**
 * A new buyer's first catalog pull, and a returning buyer's next one (issue 15):
 * `npm run bench -- catalog-pull`.
 *
 * A shop of PRODUCTS products after each of ORDERS (by default 0, 10,000 and 100,000 orders by
 * 100 buyers), decided by the domain's own authority (`decide`), on a server (real CouchDB 3.5
 * when ../shared/couchdb is there, else PouchDB Server), two ways:
 * - now: the seller's device publishes the current state as it does at the end of its first
 *   run (publish-state.ts `publishCatalogState`, from a device whose catalog row has no
 *   `published` yet); a new buyer's device pulls it (`buyerCycle`: pull-catalog.ts);
 * - before: one append-only copy per public decision (publish.ts `catalogCopy`, what the seller's
 *   device wrote until format 2), pulled through the changes feed from the start. Only up to
 *   OLD_MAX orders (10,000 by default): at 100,000 the old way is 100,000+ documents and
 *   tens of MB, over half an hour on the slow link, and is left out (the table says so).
 * - migrated: both on one server (an old shop after its seller's first run with this code), up
 *   to OLD_MAX too.
 * Then the returning buyer: the same device, after 100 more orders decided elsewhere and
 * published as the seller's device does after a run (`publishCatalogState` again, from the
 * decisions stored on its device), pulls again; the old way appends those orders' copies.
 * Twice: 100 orders spread over 100 products, then 100 orders of five products.
 *
 * Every pull runs over an emulated slow 2G link (slow-link.ts: each request held back by 300 ms
 * plus its bytes at 50 kbit/s up and 250 kbit/s down, in turn), so its time is measured, one
 * run each. Quick: BENCH_CATALOG_ORDERS=0,1000 BENCH_CATALOG_OLD_MAX=1000.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { decide, emptyState, type BuyerId, type Decision, type Intent, type ShopState } from '../src/domain/index.ts';
import { addCheckpoint, applyPulled, checkpointOf, ShopDb } from '../src/storage/index.ts';
import { catalogCopy } from '../src/sync/authority/publish.ts';
import { publishCatalogState } from '../src/sync/authority/publish-state.ts';
import { buyerCycle } from '../src/sync/buyer-sync.ts';
import { CouchClient } from '../src/sync/couch-client.ts';
import { catalogDb, IDENTITY_DOC_ID, journalDb, type IdentityDoc } from '../src/sync/names.ts';
import { setUpShop } from '../src/sync/setup-shop.ts';
import { line, m, order, product, seller, SHOP, T0 } from '../tests/domain/fixtures/shop.ts';
import { startTestServer, TEST_SERVER, type TestCouch } from '../tests/sync/couch-server.ts';
import { slowFetch, SLOW_2G } from './slow-link.ts';
import { count, type Row } from './table.ts';

const PRODUCTS = Number(process.env.BENCH_CATALOG_PRODUCTS ?? 200);
const ORDERS = (process.env.BENCH_CATALOG_ORDERS ?? '0,10000,100000').split(',').map(Number).sort((a, b) => a - b);
const OLD_MAX = Number(process.env.BENCH_CATALOG_OLD_MAX ?? 10_000);
const BUYERS = 100;
const MORE = 100;
/** The goal for a first pull before photos (issue 15). */
const GOAL_BYTES = 200 * 1024;

const ids = Array.from({ length: PRODUCTS }, (_, i) => `item-${i}`);
const buyers = Array.from({ length: BUYERS }, (_, i) => `buyer${i}` as BuyerId);
/** The i-th order: of a product spread over the whole shop, or (busy) of one of five. */
const orderAt = (i: number, busy = false) => order(buyers[i % BUYERS]!, T0 + 1000 + i, [line(ids[busy ? i % 5 : (i * 7) % PRODUCTS]!)], 1000);

function opening(): { state: ShopState; decisions: Decision[] } {
  const intents: Intent[] = [
    seller('shop.save', { shop: SHOP }),
    ...ids.map((id) => seller('product.save', { product: product(id, { price: m(1000) }), stock: 10_000_000 })),
    ...buyers.map((b) => seller('wallet.credit', { buyer: b, amount: m(1_000_000_000), method: 'cash', note: '' })),
  ];
  return decide(emptyState(), intents, T0);
}

/** Orders `from` to `to` (exclusive), decided on `state`: all must be accepted. */
function sell(state: ShopState, from: number, to: number, busy = false): { state: ShopState; decisions: Decision[] } {
  const got = decide(state, Array.from({ length: to - from }, (_, i) => orderAt(from + i, busy)), T0 + 1_000_000_000);
  const accepted = got.decisions.filter((d) => d.kind === 'order.accepted').length;
  if (accepted !== to - from) throw new Error(`only ${accepted} of ${to - from} orders were accepted`);
  return got;
}

const copiesOf = (decisions: readonly Decision[]) => decisions.flatMap((d) => {
  const c = catalogCopy(d);
  return c ? [{ ...c, _id: c.id }] : [];
});

async function write(admin: CouchClient, db: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    for (const r of await admin.bulkDocs(db, docs.slice(i, i + 500))) if (!r.ok) throw new Error(`${r.id}: ${r.reason ?? r.error}`);
  }
}

interface Pulled { docs: number; bytes: number; requests: number; ms: number; heldMs: number; encoded: boolean }

/** A buyer's device (signed out) whose every request goes over the slow link. */
function buyerDevice(url: string, shop: string) {
  const local = new ShopDb(`catalog-pull-${shop}-${Math.random().toString(36).slice(2)}`);
  return {
    local,
    async pull(): Promise<Pulled> {
      const link = slowFetch(SLOW_2G);
      const client = new CouchClient({ url, fetch: link.fetch });
      const start = performance.now();
      const report = await buyerCycle({ local, client, shop, buyer: null, now: () => Date.now() });
      const ms = performance.now() - start;
      if (report.setAside > 0) throw new Error(`${report.setAside} documents set aside in ${shop}`);
      return { docs: report.applied, bytes: link.count.down, requests: link.count.requests, ms, heldMs: link.count.heldMs, encoded: link.count.encoded };
    },
  };
}

/** The seller's device as far as publishing goes: its catalog row (identity checked, nothing published yet) and the decisions it stores. */
async function sellerDevice(couch: TestCouch, shop: string) {
  const local = new ShopDb(`catalog-pull-seller-${shop}-${Math.random().toString(36).slice(2)}`);
  const db = catalogDb(shop);
  const identity = (await couch.admin.get<IdentityDoc>(db, IDENTITY_DOC_ID))!.uuid;
  await addCheckpoint(local, checkpointOf(db, null, identity, Date.now()));
  return {
    local,
    async publish(state: ShopState, decisions: readonly Decision[]) {
      // Where the runner keeps its journal's decisions (publish-state reads what came after `published`).
      if (decisions.length > 0) await applyPulled(local, { decisions: [...decisions], setAside: [], checkpoint: checkpointOf(journalDb(shop), null, identity, Date.now()) });
      return publishCatalogState(local, couch.admin, shop, state, { now: () => Date.now() });
    },
  };
}

function row(what: string, orders: number, got: Pulled, how: string): Row {
  return {
    name: `catalog ${what}`,
    size: `${count(PRODUCTS)} products, ${count(orders)} orders`,
    ms: got.ms,
    throughput: `${count(got.docs)} docs, ${count(got.bytes / 1024)} KB`,
    note: `${how}; ${count(got.requests)} requests; one run over slow 2G, emulated (${count(got.heldMs / 1000)} s of it the link)${got.encoded ? '; some answers came gzipped, counted decoded' : ''}; ${TEST_SERVER.kind === 'couchdb' ? 'CouchDB 3.5' : 'PouchDB Server'}`,
  };
}

export async function catalogPullBench(): Promise<Row[]> {
  const couch = await startTestServer();
  const rows: Row[] = [];
  try {
    const opened = opening();
    let state = opened.state;
    let copies = copiesOf(opened.decisions);
    let sold = 0;
    for (const orders of ORDERS) {
      process.stderr.write(`  catalog-pull: ${count(orders)} orders…\n`);
      const more = sell(state, sold, orders);
      state = more.state;
      sold = orders;
      const old = orders <= OLD_MAX;
      if (old) copies = copies.concat(copiesOf(more.decisions));

      // Now: the seller's device publishes current state; a new buyer pulls it.
      const shop = `now-${orders}`;
      await setUpShop(couch.admin, shop, { allowDemoTopUps: false });
      const sellerPhone = await sellerDevice(couch, shop);
      await sellerPhone.publish(state, []);
      const buyer = buyerDevice(couch.url, shop);
      const first = await buyer.pull();
      rows.push(row('first pull: now', orders, first, 'current state by id range, then the changes since'));
      if (first.bytes > GOAL_BYTES) rows[rows.length - 1]!.failed = `${count(first.bytes / 1024)} KB, over the goal of 200 KB`;

      // Before: every public decision's copy, through the changes feed.
      let oldBuyer: ReturnType<typeof buyerDevice> | undefined;
      const oldShop = `before-${orders}`;
      if (old) {
        await setUpShop(couch.admin, oldShop, { allowDemoTopUps: false });
        await write(couch.admin, catalogDb(oldShop), copies);
        oldBuyer = buyerDevice(couch.url, oldShop);
        rows.push(row('first pull: before', orders, await oldBuyer.pull(), 'append-only copies, changes feed from the start'));
        // Migrated: an old shop after its seller's first run with this code (both kinds on one server).
        const both = `migrated-${orders}`;
        await setUpShop(couch.admin, both, { allowDemoTopUps: false });
        await write(couch.admin, catalogDb(both), copies);
        const migrating = await sellerDevice(couch, both);
        await migrating.publish(state, []);
        const newcomer = buyerDevice(couch.url, both);
        rows.push(row('first pull: migrated', orders, await newcomer.pull(), 'old copies and current state on one server: by id range'));
        newcomer.local.close();
        migrating.local.close();
        await couch.admin.deleteDb(catalogDb(both));
      } else {
        rows.push({ name: 'catalog first pull: before', size: `${count(PRODUCTS)} products, ${count(orders)} orders`, ms: NaN, throughput: 'skipped', note: `skipped past ${count(OLD_MAX)} orders (BENCH_CATALOG_OLD_MAX): ${count(PRODUCTS + 1 + orders)} documents, about ${count(orders / 2_000)} MB, some ${count(orders / 3_100)} minutes on this link (10,000 orders took 190–210 s)` });
      }

      // The returning buyer: 100 more orders decided on the seller's phone, published after its run.
      const next = sell(state, orders, orders + MORE);
      await sellerPhone.publish(next.state, next.decisions);
      rows.push(row(`returning buyer after ${MORE} orders: now`, orders, await buyer.pull(), 'changes since its checkpoint: the products those orders touched, once each'));
      if (oldBuyer) {
        await write(couch.admin, catalogDb(oldShop), copiesOf(next.decisions));
        rows.push(row(`returning buyer after ${MORE} orders: before`, orders, await oldBuyer.pull(), 'changes since its checkpoint: one copy per decision'));
      }
      // Again, the 100 orders of five products (a busy hour): each product's document once.
      const busy = sell(next.state, orders + MORE, orders + 2 * MORE, true);
      await sellerPhone.publish(busy.state, busy.decisions);
      rows.push(row(`returning buyer after ${MORE} orders of 5 products: now`, orders, await buyer.pull(), 'changes since its checkpoint: 5 product documents'));
      if (oldBuyer) {
        await write(couch.admin, catalogDb(oldShop), copiesOf(busy.decisions));
        rows.push(row(`returning buyer after ${MORE} orders of 5 products: before`, orders, await oldBuyer.pull(), 'changes since its checkpoint: one copy per decision'));
        oldBuyer.local.close();
      }
      buyer.local.close();
      sellerPhone.local.close();
      await couch.admin.deleteDb(catalogDb(shop));
      if (old) await couch.admin.deleteDb(catalogDb(oldShop));
    }
  } finally {
    await couch.stop();
  }
  return rows;
}
