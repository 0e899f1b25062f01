/**
 * Sync in a real browser: Chromium (through Playwright) runs the app's sync engine against
 * its real IndexedDB and a real PouchDB Server (tests/sync/couch-server.ts: in memory, on
 * loopback), reached under the page's own origin at /couch/ through this bench's own Vite
 * server's proxy (as `npm run dev` does; no CORS). See sync-bench.ts for the page's side.
 *
 * 1. 10,000 events each way (BENCH_SYNC_EVENTS to change), our engine and PouchDB's own
 *    replication side by side, same documents, same browser, same server, same proxy:
 *    - push: a buyer's queued `order.place` intents, `pushOutbox` (PUSH_BATCH) into their
 *      channel, signed in as that buyer (the channel's rules run on every document), against
 *      `replicate.to` of the same intents from a local PouchDB into another buyer's channel;
 *    - pull: the shop's decisions on 10,000 orders (the real authority's `decide`, in Node,
 *      written into a channel by the server's admin), `pullDb` (PULL_PAGE) into a fresh
 *      device, against `replicate.from` of that channel into a fresh local PouchDB.
 *    One timed run each (each needs a fresh channel or device), after a warm-up of 200.
 *    Two more rows time our engine with larger batches (options pushOutbox and pullDb take).
 * 2. Bytes on the wire for one order's round trip: `buyerCycle` pushes it, the shop decides
 *    it (in Node) and publishes the decision and its catalog copy, `buyerCycle` pulls them.
 *    Counted by Chromium (CDP Network events) for every request to /couch/ in those cycles.
 * 3. 100 queued orders, one `buyerCycle` over an emulated slow 2G link (CDP
 *    `Network.emulateNetworkConditions`: 300 ms latency, 250 kbit/s down, 50 kbit/s up), the
 *    shop's 100 decisions (and catalog copies) already on the server.
 */
import type { CDPSession, Page } from '@playwright/test';
import { newEventId } from '../../src/app/ids.ts';
import { decide, EVENT_VERSION, emptyState, type BuyerId, type Decision, type Intent, type ShopState } from '../../src/domain/index.ts';
import { validateIntent } from '../../src/domain/validate/index.ts';
import { catalogCopy } from '../../src/sync/authority/publish.ts';
import type { CouchClient } from '../../src/sync/couch-client.ts';
import { catalogDb, channelDb } from '../../src/sync/names.ts';
import { PULL_PAGE } from '../../src/sync/pull-db.ts';
import { PUSH_BATCH } from '../../src/sync/push-outbox.ts';
import { adoptChannel, setUpShop } from '../../src/sync/setup-shop.ts';
import { line, m, PICKUP, product, seller, SHOP } from '../../tests/domain/fixtures/shop.ts';
import { basic, createUser, startCouch } from '../../tests/sync/couch-server.ts';
import { count, perSecond, type Row } from '../table.ts';
import { ms, withBenchPage } from './chromium.ts';
import type { CycleResult, OursPullResult, OursPushResult, PouchResult, SignedIn } from './sync-bench.ts';

const PORT = 4189;
const PAGE_URL = 'bench/browser/sync-bench.html';
const SHOP_ID = 'bench';
const PASSWORD = 'bench-password';
const RULES = { allowDemoTopUps: false };
/** The goal: our engine moves events at least this many times as fast as PouchDB's replication. */
const GOAL_RATIO = 5;
const WARMUP = 200;
/** What-if batch sizes for our engine (not the app's defaults). */
const BIG_PUSH_BATCH = 500;
const BIG_PULL_PAGE = 2_000;
const SLOW_ORDERS = 100;
const SLOW_2G = { offline: false, latency: 300, downloadThroughput: (250 * 1024) / 8, uploadThroughput: (50 * 1024) / 8 };

function eventsPerRun(): number {
  const n = Number((process.env.BENCH_SYNC_EVENTS ?? '10000').replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_SYNC_EVENTS must be a whole number: ${process.env.BENCH_SYNC_EVENTS}`);
  return n;
}

export async function browserSyncBench(): Promise<Row[]> {
  const events = eventsPerRun();
  const couch = await startCouch();
  try {
    await setUpShop(couch.admin, SHOP_ID, RULES);
    const shop = new Shop(couch.admin);
    await shop.open();
    return await withSyncPage(couch.url, async (page, cdp) => {
      let buyers = 0;
      const newBuyer = async (what: string): Promise<SignedIn> => {
        const buyer = `${what}-${++buyers}`;
        await createUser(couch.admin, buyer, PASSWORD);
        await adoptChannel(couch.admin, buyer, RULES);
        return { buyer, auth: basic(buyer, PASSWORD), channel: channelDb(buyer) };
      };
      const rows: Row[] = [];

      /* ---------------------------------------------------------------- push */
      const pushOurs = async (n: number, batch?: number) => {
        const who = await newBuyer('push-ours');
        const intents = placeOrders(who.buyer, n);
        const r = await page.evaluate((args) => window.syncBenchOursPush(args), { ...who, intents, ...(batch !== undefined && { batch }) });
        const onServer = await docsIn(couch.admin, who.channel, intents);
        return { ...r, onServer };
      };
      const pushPouch = async (n: number) => {
        const who = await newBuyer('push-pouch');
        // The same documents our push sends (the `_id`, and `sentAt` stamped now: the rules want it near the server's clock).
        const docs = placeOrders(who.buyer, n).map((i) => ({ ...i, _id: i.id }));
        const r = await page.evaluate((args) => window.syncBenchPouchPush(args), { ...who, docs });
        const onServer = await docsIn(couch.admin, who.channel, docs);
        return { ...r, onServer };
      };
      process.stderr.write(`  browser sync: push ${count(events)} intents (ours, then PouchDB's replicate.to)…\n`);
      await pushOurs(WARMUP);
      await pushPouch(WARMUP);
      const oursPush = await pushOurs(events);
      const pouchPush = await pushPouch(events);
      const oursBigPush = await pushOurs(events, BIG_PUSH_BATCH);

      /* ---------------------------------------------------------------- pull */
      process.stderr.write(`  browser sync: pull ${count(events)} decisions (ours, then PouchDB's replicate.from)…\n`);
      const warmPull = await newBuyer('pull');
      await shop.publishToChannel(warmPull, shop.decideOrders(placeOrders(warmPull.buyer, WARMUP)));
      const pulling = await newBuyer('pull');
      await shop.publishToChannel(pulling, shop.decideOrders(placeOrders(pulling.buyer, events)));
      await page.evaluate((args) => window.syncBenchOursPull(args), warmPull);
      await page.evaluate((args) => window.syncBenchPouchPull(args), warmPull);
      const oursPull = await page.evaluate((args) => window.syncBenchOursPull(args), pulling);
      const pouchPull = await page.evaluate((args) => window.syncBenchPouchPull(args), pulling);
      const oursBigPull = await page.evaluate((args) => window.syncBenchOursPull(args), { ...pulling, limit: BIG_PULL_PAGE });

      rows.push(...tenThousandRows(events, { oursPush, pouchPush, oursBigPush, oursPull, pouchPull, oursBigPull }));

      /* ---------------------------------------------------------------- bytes per order */
      process.stderr.write('  browser sync: bytes on the wire for one order…\n');
      await cdp.send('Network.enable', { maxPostDataSize: 1_048_576 });
      rows.push(await bytesPerOrder(page, cdp, shop, await newBuyer('wire')));

      /* ---------------------------------------------------------------- slow 2G */
      process.stderr.write(`  browser sync: ${SLOW_ORDERS} orders over slow 2G…\n`);
      rows.push(await slowLink(page, cdp, shop, await newBuyer('slow')));
      return rows;
    });
  } finally {
    await couch.stop();
  }
}

/* ------------------------------------------------------------------ the shop (Node) */

/** `order.place` intents as the app's queueBuyerIntent makes them (UUIDv7 ids), one item each, paid from the wallet. */
function placeOrders(buyer: string, n: number): Intent[] {
  const at = Date.now();
  return Array.from({ length: n }, () => {
    const checked = validateIntent({
      id: newEventId(at), v: EVENT_VERSION, at, type: 'intent', by: 'buyer', buyer, sentAt: at,
      kind: 'order.place', lines: [line('tea')], payment: 'wallet', delivery: PICKUP, expectedTotal: m(1500),
    });
    if (!checked.ok) throw new Error(`a bench intent is not valid: ${checked.errors.join('; ')}`);
    return checked.value;
  });
}

/**
 * The shop's authority and publisher, as the seller's device would be: `decide` from the
 * shop's state, decisions into the buyer's channel and their public copies into the catalog,
 * written by the server's admin.
 */
class Shop {
  private state: ShopState = emptyState();

  constructor(private readonly admin: CouchClient) {}

  /** The shop and its one product, in the catalog for every device's first pull. */
  async open(): Promise<void> {
    const now = Date.now();
    const r = decide(this.state, [
      seller('shop.save', { shop: SHOP }, now),
      seller('product.save', { product: product('tea', { price: m(1500) }), stock: 100_000_000 }, now),
    ], now);
    this.state = r.state;
    await this.publishCopies(r.decisions);
  }

  /** Credits the buyers' wallets (not published: only the orders' decisions are), then decides the orders. */
  decideOrders(intents: readonly Intent[]): Decision[] {
    const now = Date.now();
    const buyers = new Set(intents.map((i) => (i.by === 'buyer' ? i.buyer : undefined)).filter((b) => b !== undefined));
    const credits = [...buyers].map((b) => seller('wallet.credit', { buyer: b as BuyerId, amount: m(1_000_000_000), method: 'cash', note: '' }, now));
    this.state = decide(this.state, credits, now).state;
    const r = decide(this.state, [...intents], now);
    this.state = r.state;
    const accepted = r.decisions.filter((d) => d.kind === 'order.accepted');
    if (accepted.length !== intents.length) throw new Error(`the shop accepted ${accepted.length} of ${intents.length} bench orders`);
    return r.decisions;
  }

  /** An intent as the buyer's channel holds it (its `sentAt` stamped by the push), read as the admin. */
  async read(channel: string, id: string): Promise<Intent> {
    const doc = await this.admin.get<Record<string, unknown>>(channel, id);
    const body = Object.fromEntries(Object.entries(doc ?? {}).filter(([k]) => !k.startsWith('_')));
    const checked = validateIntent(body);
    if (!checked.ok) throw new Error(`the channel's copy of ${id} is not a valid intent: ${checked.errors.join('; ')}`);
    return checked.value;
  }

  async publishToChannel(who: SignedIn, decisions: readonly Decision[]): Promise<void> {
    await this.write(who.channel, decisions.filter((d) => d.buyer === who.buyer));
  }

  async publishCopies(decisions: readonly Decision[]): Promise<void> {
    await this.write(catalogDb(SHOP_ID), decisions.flatMap((d) => catalogCopy(d) ?? []));
  }

  private async write(db: string, docs: readonly Decision[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 1000) {
      const failed = (await this.admin.bulkDocs(db, docs.slice(i, i + 1000).map((d) => ({ ...d, _id: d.id })))).filter((r) => !r.ok);
      if (failed.length > 0) throw new Error(`could not publish ${failed.length} decisions into ${db}: ${failed[0]?.error}`);
    }
  }
}

/** How many of these documents the channel holds (read as the admin, after the push). */
async function docsIn(admin: CouchClient, channel: string, docs: readonly { id: string }[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < docs.length; i += 2000) n += (await admin.revsOf(channel, docs.slice(i, i + 2000).map((d) => d.id))).size;
  return n;
}

/* ------------------------------------------------------------------ 1. 10,000 each way */

type Pushed<T> = T & { onServer: number };

function tenThousandRows(events: number, r: {
  oursPush: Pushed<OursPushResult>; pouchPush: Pushed<PouchResult>; oursBigPush: Pushed<OursPushResult>;
  oursPull: OursPullResult; pouchPull: PouchResult; oursBigPull: OursPullResult;
}): Row[] {
  const n = count(events);
  const ratio = (ours: number, theirs: number) => theirs / ours;
  const verdict = (x: number) => `ours is ${x.toFixed(2)}× PouchDB's throughput (goal ≥${GOAL_RATIO}×: ${x >= GOAL_RATIO ? 'met' : 'NOT met'})`;
  const pushCheck = (p: Pushed<OursPushResult>) =>
    p.sent === events && p.refused === 0 && !p.retry && p.queuedAfter === 0 && p.onServer === events
      ? undefined
      : `sent ${p.sent}, refused ${p.refused}, ${p.queuedAfter} still queued, ${p.onServer} on the server`;
  const pullCheck = (p: OursPullResult) =>
    p.applied === events && p.setAside === 0 && p.orders === events ? undefined : `applied ${p.applied}, set aside ${p.setAside}, ${p.orders} orders`;
  const pouchPushCheck = r.pouchPush.docsWritten === events && r.pouchPush.failures === 0 && r.pouchPush.onServer === events
    ? undefined : `wrote ${r.pouchPush.docsWritten}, ${r.pouchPush.failures} failures, ${r.pouchPush.onServer} on the server`;
  // The channel also holds its rules and identity documents: PouchDB copies them too.
  const pouchPullCheck = r.pouchPull.docsWritten >= events && r.pouchPull.failures === 0 && r.pouchPull.localDocs >= events
    ? undefined : `wrote ${r.pouchPull.docsWritten}, ${r.pouchPull.failures} failures, ${r.pouchPull.localDocs} local documents`;
  // Where the time went: requests under way (network, proxy, server) against the page's own work.
  const split = (x: { ms: number; netMs: number }) => `${ms(x.netMs)} in requests + ${ms(x.ms - x.netMs)} on the page`;
  const mb = (b: number) => `${(b / 1_048_576).toFixed(1)} MB`;
  const row = (name: string, size: string, msTaken: number, note: string, failed: string | undefined): Row => ({
    name, size, ms: msTaken, throughput: perSecond(events, msTaken, 'events'), note: `1 run (after ${WARMUP} to warm up); ${note}`,
    ...(failed !== undefined && { failed }),
  });
  const pushRatio = ratio(r.oursPush.ms, r.pouchPush.ms);
  const pullRatio = ratio(r.oursPull.ms, r.pouchPull.ms);
  return [
    row(`sync push: ours (pushOutbox, batch ${PUSH_BATCH})`, `${n} intents`, r.oursPush.ms,
      `_bulk_docs as the buyer (rules on every doc), markSent per batch (strict durability); ${count(r.oursPush.requests)} requests, `
      + `${mb(r.oursPush.sentBytes)} sent; ${split(r.oursPush)}; ${verdict(pushRatio)}`, pushCheck(r.oursPush)),
    row('sync push: PouchDB replicate.to', `${n} intents`, r.pouchPush.ms,
      `pouchdb-browser 9 (IndexedDB adapter), batch_size 100: _revs_diff + _bulk_docs new_edits:false + checkpoints; `
      + `${count(r.pouchPush.requests)} requests; ${split(r.pouchPush)}`, pouchPushCheck),
    row(`sync push: ours, batch ${BIG_PUSH_BATCH} (what-if)`, `${n} intents`, r.oursBigPush.ms,
      `pushOutbox({ batch: ${BIG_PUSH_BATCH} }), not the app's default; ${count(r.oursBigPush.requests)} requests; ${split(r.oursBigPush)}; `
      + `${ratio(r.oursBigPush.ms, r.pouchPush.ms).toFixed(2)}× PouchDB's throughput`, pushCheck(r.oursBigPush)),
    row(`sync pull: ours (pullDb, page ${PULL_PAGE})`, `${n} decisions`, r.oursPull.ms,
      `_changes include_docs, validated, folded into the views with the checkpoint per page (strict durability); `
      + `${count(r.oursPull.requests)} requests; ${split(r.oursPull)}; ${verdict(pullRatio)}`, pullCheck(r.oursPull)),
    row('sync pull: PouchDB replicate.from', `${n} decisions`, r.pouchPull.ms,
      `pouchdb-browser 9, batch_size 100: _changes + _bulk_get + local writes + checkpoints (no validation, no views); `
      + `${count(r.pouchPull.requests)} requests; ${split(r.pouchPull)}`, pouchPullCheck),
    row(`sync pull: ours, page ${count(BIG_PULL_PAGE)} (what-if)`, `${n} decisions`, r.oursBigPull.ms,
      `pullDb({ limit: ${BIG_PULL_PAGE} }), not the app's default; ${count(r.oursBigPull.requests)} requests; ${split(r.oursBigPull)}; `
      + `${ratio(r.oursBigPull.ms, r.pouchPull.ms).toFixed(2)}× PouchDB's throughput`, pullCheck(r.oursBigPull)),
  ];
}

/* ------------------------------------------------------------------ 2. bytes per order */

interface Wire {
  url: string;
  method: string;
  sentHeaders: number;
  sentBody: number;
  /** Everything received (headers and the body as sent, gzip here: PouchDB Server compresses). */
  received: number;
  /** The body after decoding. */
  receivedBody: number;
  done: boolean;
}

/** Counts what Chromium sends to and receives from /couch/ while on. */
class WireMeter {
  private readonly requests = new Map<string, Wire>();
  private on = false;

  constructor(cdp: CDPSession) {
    const get = (id: string) => {
      let w = this.requests.get(id);
      if (!w) {
        w = { url: '', method: '', sentHeaders: 0, sentBody: 0, received: 0, receivedBody: 0, done: false };
        if (this.on) this.requests.set(id, w);
      }
      return w;
    };
    cdp.on('Network.requestWillBeSent', (e) => {
      const w = get(e.requestId);
      w.url = e.request.url;
      w.method = e.request.method;
      const entries = e.request.postDataEntries ?? [];
      w.sentBody = entries.length > 0
        ? entries.reduce((sum, x) => sum + Buffer.from(x.bytes ?? '', 'base64').length, 0)
        : Buffer.byteLength(e.request.postData ?? '');
      // The request line, which the extra info's headers leave out.
      const url = new URL(e.request.url);
      w.sentHeaders += `${w.method} ${url.pathname}${url.search} HTTP/1.1\r\n\r\n`.length;
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const w = get(e.requestId);
      for (const [k, v] of Object.entries(e.headers)) w.sentHeaders += `${k}: ${v}\r\n`.length;
    });
    cdp.on('Network.dataReceived', (e) => {
      get(e.requestId).receivedBody += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const w = get(e.requestId);
      w.received = e.encodedDataLength;
      w.done = true;
    });
  }

  start(): void {
    this.requests.clear();
    this.on = true;
  }

  stop(): Wire[] {
    this.on = false;
    return [...this.requests.values()].filter((w) => w.url.includes('/couch/'));
  }
}

function kindOf(w: Wire): string {
  if (w.url.includes('/_bulk_docs')) return 'push';
  if (w.url.includes('/_changes')) return 'changes';
  if (w.url.includes('/db-identity')) return 'identity';
  return 'other';
}

async function bytesPerOrder(page: Page, cdp: CDPSession, shop: Shop, who: SignedIn): Promise<Row> {
  const meter = new WireMeter(cdp);
  const handle = await page.evaluate((args) => window.syncBenchOpenDevice(args), { ...who, shop: SHOP_ID });
  try {
    // A device that has synced before: the catalog so far is on it already.
    await page.evaluate((h) => window.syncBenchCycle(h), handle);
    const [intent] = placeOrders(who.buyer, 1);
    await page.evaluate(([h, i]) => window.syncBenchQueue(h, i), [handle, [intent!]] as [string, Intent[]]);
    meter.start();
    const pushed = await page.evaluate((h) => window.syncBenchCycle(h), handle);
    // The seller's device decides it (from what the channel holds) and publishes.
    const onServer = await shop.read(who.channel, intent!.id);
    const decisions = shop.decideOrders([onServer]);
    await shop.publishToChannel(who, decisions);
    await shop.publishCopies(decisions);
    const pulled = await page.evaluate((h) => window.syncBenchCycle(h), handle);
    const wire = meter.stop();
    const state = await page.evaluate((h) => window.syncBenchDevice(h), handle);

    const sum = (ws: readonly Wire[], f: (w: Wire) => number) => ws.reduce((s, w) => s + f(w), 0);
    const up = sum(wire, (w) => w.sentHeaders + w.sentBody);
    const down = sum(wire, (w) => w.received);
    const kinds = ['push', 'changes', 'identity', 'other'].flatMap((k) => {
      const ws = wire.filter((w) => kindOf(w) === k);
      return ws.length === 0 ? [] : [`${k} ×${ws.length}: ${count(sum(ws, (w) => w.sentBody))}+${count(sum(ws, (w) => w.sentHeaders))} B up, `
        + `${count(sum(ws, (w) => w.receivedBody))} B body (${count(sum(ws, (w) => w.received))} B on the wire) down`];
    });
    const ok = pushed.report.sent === 1 && pulled.report.applied === 2 && state.outbox === 0 && state.acceptedOrders === 1 && wire.every((w) => w.done);
    return {
      name: 'sync: bytes per order (round trip)',
      size: '1 order, 2 cycles',
      ms: pushed.ms + pulled.ms,
      throughput: `${count(up)} B up, ${count(down)} B down`,
      note: `1 run: buyerCycle pushes it, the shop decides and publishes, buyerCycle pulls decision + catalog copy; ${wire.length} requests `
        + `(headers counted; bodies: ${count(sum(wire, (w) => w.sentBody))} B up, ${count(sum(wire, (w) => w.receivedBody))} B down decoded). `
        + kinds.join('; '),
      ...(!ok && { failed: `sent ${pushed.report.sent}, applied ${pulled.report.applied}, outbox ${state.outbox}, accepted ${state.acceptedOrders}` }),
    };
  } finally {
    await page.evaluate((h) => window.syncBenchCloseDevice(h), handle);
  }
}

/* ------------------------------------------------------------------ 3. a slow link */

async function slowLink(page: Page, cdp: CDPSession, shop: Shop, who: SignedIn): Promise<Row> {
  const handle = await page.evaluate((args) => window.syncBenchOpenDevice(args), { ...who, shop: SHOP_ID });
  try {
    await page.evaluate((h) => window.syncBenchCycle(h), handle);
    const intents = placeOrders(who.buyer, SLOW_ORDERS);
    await page.evaluate(([h, i]) => window.syncBenchQueue(h, i), [handle, intents] as const);
    // The shop's decisions (and catalog copies) are there before the cycle starts.
    const decisions = shop.decideOrders(intents);
    await shop.publishToChannel(who, decisions);
    await shop.publishCopies(decisions);
    let r: CycleResult;
    await cdp.send('Network.emulateNetworkConditions', SLOW_2G);
    try {
      r = await page.evaluate((h) => window.syncBenchCycle(h), handle);
    } finally {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    const state = await page.evaluate((h) => window.syncBenchDevice(h), handle);
    const problems = [
      ...(r.report.sent !== SLOW_ORDERS ? [`sent ${r.report.sent}`] : []),
      ...(r.report.applied !== 2 * SLOW_ORDERS ? [`applied ${r.report.applied} (want decisions + catalog copies)`] : []),
      ...(state.outbox !== 0 || state.acceptedOrders !== SLOW_ORDERS ? [`outbox ${state.outbox}, accepted ${state.acceptedOrders}`] : []),
      // Each request waits the emulated latency at least once: much less means the emulation was not applied.
      ...(r.ms < r.requests * SLOW_2G.latency ? [`${ms(r.ms)} for ${r.requests} requests: the slow link was not emulated`] : []),
    ];
    const note = `one buyerCycle: push ${SLOW_ORDERS} (batch ${PUSH_BATCH}), pull the ${SLOW_ORDERS} decisions and ${SLOW_ORDERS} catalog copies `
        + `already there (page ${PULL_PAGE}); ${r.requests} requests, ${count(r.sentOnWire)} B of bodies up (gzipped); CDP 300 ms, 250 kbit/s down, `
        + `50 kbit/s up; 1 run: ${(r.ms / 1000).toFixed(1)} s`;
    return {
      name: `sync: ${SLOW_ORDERS} orders over slow 2G`,
      size: `${SLOW_ORDERS} orders`,
      ms: r.ms,
      throughput: perSecond(SLOW_ORDERS, r.ms, 'orders'),
      note,
      ...(problems.length > 0 && { failed: problems.join('; ') }),
    };
  } finally {
    await page.evaluate((h) => window.syncBenchCloseDevice(h), handle);
  }
}

/* ------------------------------------------------------------------ the page */

/**
 * The bench page, with /couch/ passed on to PouchDB Server by the page's Vite server (so the
 * page and the server share an origin), and a CDP session for the bytes and slow-link figures.
 */
function withSyncPage<T>(couchUrl: string, fn: (page: Page, cdp: CDPSession) => Promise<T>): Promise<T> {
  return withBenchPage(
    {
      page: PAGE_URL,
      port: PORT,
      ready: 'syncBenchCloseDevice',
      include: ['dexie', 'pouchdb-browser'],
      proxy: { '/couch/': { target: couchUrl, changeOrigin: true, rewrite: (path: string) => path.replace(/^\/couch\//, '/') } },
    },
    async (page) => fn(page, await page.context().newCDPSession(page)),
  );
}
