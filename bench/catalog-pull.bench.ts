/**
 * A new buyer's first catalog pull (issue 15, part 4): `npm run bench -- catalog-pull`.
 *
 * A shop of PRODUCTS products after ORDERS orders by 100 buyers, decided by the domain's own
 * authority (`decide`), published three ways into a server's catalog (real CouchDB 3.5 when
 * ../shared/couchdb is there, else PouchDB Server):
 * - before: one append-only copy per public decision (what the seller's device wrote until now),
 *   pulled through the changes feed from the start;
 * - after: the current-state documents and `catalog-meta` (publish-state.ts), pulled as a new
 *   buyer's device pulls (pull-catalog.ts);
 * - migrated: both on one server (an old shop after its seller's first run with this code).
 * Each: documents received, bytes received (the body of every answer), requests, and the time of
 * the pull on loopback (no link emulated). Bytes and documents are the figures to compare.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { decide, emptyState, type BuyerId, type Decision, type Intent } from '../src/domain/index.ts';
import { ShopDb } from '../src/storage/index.ts';
import { catalogCopy } from '../src/sync/authority/publish.ts';
import { everything, stateDocs } from '../src/sync/authority/publish-state.ts';
import { buyerCycle } from '../src/sync/buyer-sync.ts';
import { CATALOG_FORMAT, CATALOG_META_ID, catalogDocVersion } from '../src/sync/catalog-state.ts';
import { CouchClient } from '../src/sync/couch-client.ts';
import { catalogDb } from '../src/sync/names.ts';
import { setUpShop } from '../src/sync/setup-shop.ts';
import { line, m, order, product, seller, SHOP, T0 } from '../tests/domain/fixtures/shop.ts';
import { startTestServer, TEST_SERVER } from '../tests/sync/couch-server.ts';
import { count, type Row } from './table.ts';

const PRODUCTS = Number(process.env.BENCH_CATALOG_PRODUCTS ?? 200);
const ORDERS = Number(process.env.BENCH_CATALOG_ORDERS ?? 1_000);
const BUYERS = 100;

function history(): { decisions: Decision[]; state: ReturnType<typeof decide>['state'] } {
  const ids = Array.from({ length: PRODUCTS }, (_, i) => `item-${i}`);
  const buyers = Array.from({ length: BUYERS }, (_, i) => `buyer${i}` as BuyerId);
  const opening: Intent[] = [
    seller('shop.save', { shop: SHOP }),
    ...ids.map((id) => seller('product.save', { product: product(id, { price: m(1000) }), stock: 1_000_000 })),
    ...buyers.map((b) => seller('wallet.credit', { buyer: b, amount: m(100_000_000), method: 'cash', note: '' })),
  ];
  const opened = decide(emptyState(), opening, T0);
  const orders = Array.from({ length: ORDERS }, (_, i) => order(buyers[i % BUYERS]!, T0 + 1000 + i, [line(ids[(i * 7) % PRODUCTS]!)], 1000));
  const sold = decide(opened.state, orders, T0 + 10_000_000);
  const accepted = sold.decisions.filter((d) => d.kind === 'order.accepted').length;
  if (accepted !== ORDERS) throw new Error(`only ${accepted} of ${ORDERS} orders were accepted`);
  return { decisions: [...opened.decisions, ...sold.decisions], state: sold.state };
}

async function write(admin: CouchClient, db: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    for (const r of await admin.bulkDocs(db, docs.slice(i, i + 500))) if (!r.ok) throw new Error(`${r.id}: ${r.reason ?? r.error}`);
  }
}

async function firstPull(url: string, shop: string): Promise<{ docs: number; bytes: number; requests: number; ms: number }> {
  let bytes = 0;
  const fetchFn: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    bytes += (await res.clone().arrayBuffer()).byteLength;
    return res;
  };
  const client = new CouchClient({ url, fetch: fetchFn });
  const local = new ShopDb(`catalog-pull-${shop}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const report = await buyerCycle({ local, client, shop, buyer: null, now: () => Date.now() });
  const ms = performance.now() - start;
  if (report.setAside > 0) throw new Error(`${report.setAside} documents set aside in ${shop}`);
  local.close();
  return { docs: report.applied, bytes, requests: client.traffic.requests, ms };
}

export async function catalogPullBench(): Promise<Row[]> {
  const { decisions, state } = history();
  const copies = decisions.flatMap((d) => {
    const c = catalogCopy(d);
    return c ? [{ ...c, _id: c.id }] : [];
  });
  const current = [
    ...stateDocs(state, everything(state), T0),
    { _id: CATALOG_META_ID, type: 'catalog-meta', v: catalogDocVersion(CATALOG_FORMAT), format: CATALOG_FORMAT, n: state.n, at: T0 },
  ];
  const couch = await startTestServer();
  const rows: Row[] = [];
  try {
    const shops: [string, string, object[]][] = [
      ['before', 'append-only copies, changes feed', copies],
      ['after', 'current state, first pull by id range', current],
      ['migrated', 'old copies and current state on one server', [...copies, ...current]],
    ];
    for (const [shop, how, docs] of shops) {
      await setUpShop(couch.admin, shop, { allowDemoTopUps: false });
      await write(couch.admin, catalogDb(shop), docs);
      const got = await firstPull(couch.url, shop);
      rows.push({
        name: `catalog first pull: ${shop}`,
        size: `${count(PRODUCTS)} products, ${count(ORDERS)} orders`,
        ms: got.ms,
        throughput: `${count(got.docs)} docs, ${count(got.bytes / 1024)} KB`,
        note: `${how}; ${count(got.requests)} requests; one run; ${TEST_SERVER.kind === 'couchdb' ? 'CouchDB 3.5' : 'PouchDB Server'}, loopback`,
      });
    }
  } finally {
    await couch.stop();
  }
  return rows;
}
