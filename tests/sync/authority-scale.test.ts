// The seller's authority at scale, against PouchDB Server and (when ../shared/couchdb is there)
// a real CouchDB 3.5: what a quiet run costs as buyers grow (counted, never timed), that a new
// order is read from its channel alone, that a restart adopts nothing again, that progress is
// stored batch by batch and a run longer than its lease keeps it, and that a device standing
// by follows the journal.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/domain/index.ts';
import { checkpointsFrom, ShopDb } from '../../src/storage/index.ts';
import { catalogDb, channelDb, journalDb } from '../../src/sync/names.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { line, m, order, product, seller, SHOP } from '../domain/fixtures/shop.ts';
import {
  asBuyer, buyerClient, buyerNames, channelsExist, converge, countingFetch, createBuyers, push, queueCommands, RULES, sellerClient, sellerDevice,
} from './authority-scale-helpers.ts';
import { startCouch, type TestCouch } from './couch-server.ts';
import { realCouchAvailable, startRealCouch } from './real-couch.ts';

const SHOP_ID = 'tea';
let dbCount = 0;
const freshDb = () => new ShopDb(`scale-${++dbCount}-${Math.random().toString(36).slice(2)}`);

const SERVERS = [
  { name: 'PouchDB Server', couchdb: false, start: () => startCouch() },
  ...(realCouchAvailable() ? [{ name: 'CouchDB 3.5', couchdb: true, start: () => startRealCouch({ cheapPasswords: true }) }] : []),
];

const openShopCommands = (stock: number, wallets: string[] = []) => [
  seller('shop.save', { shop: SHOP }, Date.now()),
  seller('product.save', { product: product('tea', { price: m(1500) }), stock }, Date.now()),
  ...wallets.map((b) => seller('wallet.credit', { buyer: asBuyer(b), amount: m(10_000), method: 'cash', note: '' }, Date.now())),
];

async function journal(couch: TestCouch): Promise<Decision[]> {
  const page = await couch.admin.changes(journalDb(SHOP_ID), { since: 0, limit: 100_000 });
  return page.results.flatMap((c) => (c.doc?.type === 'decision' ? [c.doc as unknown as Decision] : []));
}

describe.each(SERVERS)('the authority at scale, on $name', ({ couchdb, start }) => {
  let couch: TestCouch;
  beforeEach(async () => {
    couch = await start();
    await setUpShop(couch.admin, SHOP_ID, RULES);
  }, 120_000);
  afterEach(async () => couch?.stop(), 60_000);

  /**
   * A seller's device that has opened the shop (crediting `wallets`) and read every buyer's
   * channel once.
   */
  async function settledSeller(names: readonly string[], { wallets = [], ...options }: { wallets?: string[] } & Parameters<typeof sellerDevice>[4] = {}) {
    await createBuyers(couch, names);
    if (couchdb) await channelsExist(couch, names);
    const local = freshDb();
    const counted = countingFetch();
    const authority = sellerDevice(local, sellerClient(couch, counted.fetch), SHOP_ID, 'phone', { watchMs: 1_000, ...options });
    await queueCommands(local, openShopCommands(100, wallets));
    await converge(authority, local, names.length);
    return { local, counted, authority };
  }

  /** One quiet tick: a run, then the wait for news (which finds none). */
  async function quietTick(authority: ReturnType<typeof sellerDevice>, counted: ReturnType<typeof countingFetch>) {
    counted.log.length = 0;
    const report = await authority.runOnce();
    await authority.watch(AbortSignal.timeout(10_000));
    return { report, requests: [...counted.log] };
  }

  it('a quiet tick reads no channel, writes no checkpoint, and costs the same with 10 buyers as with 100', async () => {
    const costs: number[] = [];
    for (const [n, prefix] of [[10, 'a'], [100, 'b']] as const) {
      const names = buyerNames(n, prefix);
      const { local, counted, authority } = await settledSeller(names);
      const before = await checkpointsFrom(local, 'userdb-');
      const { report, requests } = await quietTick(authority, counted);
      expect(report.decided).toEqual([]);
      // No channel's feed is read, nothing is adopted; checkpoints that did not move are not written.
      expect(requests.filter((r) => /^userdb-[0-9a-f]+\/(_changes|_security|_design)/.test(r.path))).toEqual([]);
      expect(await checkpointsFrom(local, 'userdb-')).toEqual(before);
      if (couchdb) {
        // CouchDB says what changed (`_db_updates`): a quiet tick asks about no channel at all.
        expect(requests.filter((r) => r.path.startsWith('userdb-'))).toEqual([]);
        expect(requests.length, requests.map((r) => `${r.method} ${r.path}`).join('\n')).toBeLessThanOrEqual(6);
        costs.push(requests.length);
      } else {
        // PouchDB Server has no `_db_updates`: the sweep asks each channel's info, once, and nothing more.
        const channels = (await checkpointsFrom(local, 'userdb-')).length;
        expect(requests.filter((r) => r.path.startsWith('userdb-')).length).toBe(channels);
        costs.push(requests.length - channels);
      }
    }
    expect(costs[1]).toBeLessThanOrEqual(Math.max(costs[0]!, 6));
  }, 300_000);

  it('a buyer who signs up after the device has settled gets a channel, and their order is decided', async () => {
    const { local, authority } = await settledSeller(buyerNames(5));
    await createBuyers(couch, ['late']);
    if (couchdb) await channelsExist(couch, ['late']);
    const credit = seller('wallet.credit', { buyer: asBuyer('late'), amount: m(10_000), method: 'cash', note: '' }, Date.now());
    await queueCommands(local, [credit]);
    const place = order(asBuyer('late'), Date.now(), [line('tea')], 1500);
    let pushed = false;
    let decided: string[] = [];
    for (let run = 0; run < 20 && decided.length === 0; run++) {
      await authority.runOnce();
      // Once the shop has made (or adopted) the channel and credited the wallet there, the buyer orders.
      if (!pushed && (await checkpointsFrom(local, channelDb('late'))).some((r) => r.db === channelDb('late'))) {
        try {
          await push(buyerClient(couch, 'late'), place);
          pushed = true;
        } catch {
          // not adopted yet: the next run
        }
      }
      decided = (await journal(couch)).filter((d) => d.intentId === place.id).map((d) => d.kind);
      if (decided.length === 0) await authority.watch(AbortSignal.timeout(2_000));
    }
    expect(decided).toEqual(['order.accepted']);
  }, 300_000);

  it("a buyer's new order is read from that buyer's channel alone, and decided once", async () => {
    const names = buyerNames(40);
    const { local, counted, authority } = await settledSeller(names);
    await queueCommands(local, [seller('wallet.credit', { buyer: asBuyer('b0007'), amount: m(10_000), method: 'cash', note: '' }, Date.now())]);
    await authority.runOnce();
    await authority.runOnce(); // reads back its own copy of the credit in b0007's channel
    const place = order(asBuyer('b0007'), Date.now(), [line('tea')], 1500);
    await push(buyerClient(couch, 'b0007'), place);
    counted.log.length = 0;
    await authority.watch(AbortSignal.timeout(10_000));
    const report = await authority.runOnce();
    expect(report.decided.map((d) => [d.kind, d.intentId])).toEqual([['order.accepted', place.id]]);
    const feeds = new Set(counted.log.filter((r) => /\/_changes/.test(r.path) && r.path.startsWith('userdb-')).map((r) => r.path.split('/')[0]));
    expect([...feeds]).toEqual([channelDb('b0007')]);
    expect((await journal(couch)).filter((d) => d.intentId === place.id)).toHaveLength(1);
  }, 300_000);

  it("a new device reads each adopted channel once, and asks for a channel's _security only when it has an intent to trust", async () => {
    const names = buyerNames(20);
    await createBuyers(couch, names);
    if (couchdb) await channelsExist(couch, names);
    await setUpShop(couch.admin, SHOP_ID, { ...RULES, buyers: names }); // adopted earlier, by the setup or another device
    const opener = freshDb();
    await queueCommands(opener, openShopCommands(100, ['b0004']));
    const first = sellerDevice(opener, sellerClient(couch), SHOP_ID, 'opener');
    await first.runOnce();
    await first.release();
    const place = order(asBuyer('b0004'), Date.now(), [line('tea')], 1500);
    await push(buyerClient(couch, 'b0004'), place);

    const counted = countingFetch();
    const local = freshDb();
    const device = sellerDevice(local, sellerClient(couch, counted.fetch), SHOP_ID, 'tablet', { watchMs: 1_000 });
    let decided: Decision[] = [];
    while (device.news.sweeps < 1) decided = [...decided, ...(await device.runOnce()).decided];
    expect(decided.map((d) => [d.kind, d.intentId])).toEqual([['order.accepted', place.id]]);
    const security = counted.channelRequests().filter((r) => r.path.includes('_security')).map((r) => r.path.split('/')[0]);
    expect(security).toEqual([channelDb('b0004')]);
    // Nothing adopted again: the only write to a channel is the decision's copy.
    expect(counted.channelRequests().filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual([`${channelDb('b0004')}/_bulk_docs`]);
  }, 300_000);

  it('a restarted device adopts no channel again and reads none from the start', async () => {
    const names = buyerNames(30);
    const { local } = await settledSeller(names);
    const counted = countingFetch();
    const again = sellerDevice(local, sellerClient(couch, counted.fetch), SHOP_ID, 'phone', { watchMs: 1_000 });
    await again.runOnce();
    const channels = counted.channelRequests();
    expect(channels.filter((r) => r.path.includes('_security') || r.path.includes('_design') || r.method !== 'GET')).toEqual([]);
    expect(channels.filter((r) => r.path.includes('_changes'))).toEqual([]);
  }, 300_000);

  it('stores its progress batch by batch: a run cut short keeps what it decided, and the next decides the rest, each once', async () => {
    const names = buyerNames(30);
    const { local } = await settledSeller(names, { wallets: names });
    const orders = names.map((n) => order(asBuyer(n), Date.now(), [line('tea')], 1500));
    await Promise.all(orders.map((o) => push(buyerClient(couch, o.buyer), o)));

    // The link dies after two batches of ten.
    let batches = 0;
    const dies: typeof fetch = (input, init) => (batches >= 2 ? Promise.reject(new TypeError('the network is down')) : fetch(input, init));
    const cut = sellerDevice(local, sellerClient(couch, dies), SHOP_ID, 'phone', { batchChannels: 10, watchMs: 1_000 });
    if (couchdb) await cut.watch(AbortSignal.timeout(10_000)); // the pushes, as `_db_updates` tells them
    await expect(cut.runOnce(undefined, { onBatch: () => (batches += 1) })).rejects.toThrow(/network/);
    const decidedFirst = (await journal(couch)).filter((d) => d.kind === 'order.accepted');
    expect(decidedFirst).toHaveLength(20);

    const rest = sellerDevice(local, sellerClient(couch), SHOP_ID, 'phone', { batchChannels: 10, watchMs: 1_000 });
    let decided = 0;
    for (let i = 0; i < 5; i++) decided += (await rest.runOnce()).decided.filter((d) => d.kind === 'order.accepted').length;
    expect(decided).toBe(10);
    const accepted = (await journal(couch)).filter((d) => d.kind === 'order.accepted').map((d) => d.intentId);
    expect(accepted.sort()).toEqual(orders.map((o) => o.id).sort());
  }, 300_000);

  it('a channel the server fails does not hold up the others: they are decided, it is reported and read again next run', async () => {
    const names = buyerNames(6);
    const { local } = await settledSeller(names, { wallets: names });
    const orders = names.map((n) => order(asBuyer(n), Date.now(), [line('tea')], 1500));
    await Promise.all(orders.map((o) => push(buyerClient(couch, o.buyer), o)));

    const bad = channelDb('b0002');
    let broken = true;
    const failing: typeof fetch = (input, init) =>
      broken && String(input).includes(`${bad}/_changes`)
        ? Promise.resolve(new Response(JSON.stringify({ error: 'unknown_error', reason: 'the disk is on fire' }), { status: 500, headers: { 'Content-Type': 'application/json' } }))
        : fetch(input, init);
    const phone = sellerDevice(local, sellerClient(couch, failing), SHOP_ID, 'phone', { watchMs: 1_000 });
    if (couchdb) await phone.watch(AbortSignal.timeout(10_000));
    const first = await phone.runOnce();
    expect(first.decided.filter((d) => d.kind === 'order.accepted').map((d) => d.buyer).sort()).toEqual(names.filter((n) => n !== 'b0002'));
    expect(first.skipped.length).toBeGreaterThan(0);
    expect(first.skipped).toEqual(first.skipped.map(() => ({ db: bad, reason: expect.stringMatching(/the disk is on fire/) })));
    broken = false;
    const next = await phone.runOnce();
    expect(next.decided.map((d) => [d.kind, d.buyer])).toEqual([['order.accepted', 'b0002']]);
  }, 300_000);

  it('the journal lost and made again: every decision goes to it again, and the next order is decided from the whole shop', async () => {
    const names = buyerNames(3);
    const { authority: phone } = await settledSeller(names, { wallets: names });
    const before = (await journal(couch)).map((d) => d.id).sort();
    await couch.admin.deleteDb(journalDb(SHOP_ID));
    await setUpShop(couch.admin, SHOP_ID, RULES);
    const place = order(asBuyer('b0001'), Date.now(), [line('tea')], 1500);
    await push(buyerClient(couch, 'b0001'), place);
    const decided: Decision[] = [];
    for (let i = 0; i < 20 && !decided.some((d) => d.intentId === place.id); i++) {
      await phone.watch(AbortSignal.timeout(5_000));
      decided.push(...(await phone.runOnce()).decided);
    }
    // Decided from the whole shop (the product and b0001's wallet known), not from an empty one.
    expect(decided.map((d) => [d.kind, d.intentId])).toEqual([['order.accepted', place.id]]);
    // Every decision in the journal again, at the latest when the lease (kept in the journal) is next renewed.
    await expect.poll(async () => {
      await phone.runOnce();
      return (await journal(couch)).map((d) => d.id).sort();
    }, { timeout: 60_000, interval: 2_000 }).toEqual([...before, decided[0]!.id].sort());
  }, 300_000);

  it('the catalog lost, and checked while it is made again without its identity yet: published again once the shop is set up', async () => {
    const names = buyerNames(2);
    const { authority: phone } = await settledSeller(names, { wallets: names });
    const stateIds = async () => (await couch.admin.changes(catalogDb(SHOP_ID), { since: 0, limit: 10_000 })).results
      .filter((c) => c.doc?.type === 'catalog-state' && !c.deleted).map((c) => c.id).sort();
    const before = await stateIds();
    expect(before.length).toBeGreaterThan(0);
    // Lost, and made again by hand half-way: the database is there, its identity not yet.
    await couch.admin.deleteDb(catalogDb(SHOP_ID));
    await couch.admin.createDb(catalogDb(SHOP_ID));
    // CouchDB tells both (`_db_updates`); the run that checks finds no identity and fails.
    for (let i = 0; i < 3; i++) await phone.watch(AbortSignal.timeout(5_000));
    await expect(phone.runOnce()).rejects.toThrow(/not ready/);
    // The setup command finishes (the identity written: only an update, which is no news of a
    // catalog made again). The device still knows to check it, and publishes the whole catalog.
    await setUpShop(couch.admin, SHOP_ID, RULES);
    for (let i = 0; i < 5 && (await stateIds()).length < before.length; i++) {
      await phone.watch(AbortSignal.timeout(5_000));
      await phone.runOnce();
    }
    expect(await stateIds()).toEqual(before);
  }, 300_000);

  it('a run that takes longer than its lease renews it while reading and stores all it decided', async () => {
    const names = buyerNames(16);
    // Wide enough margins that a loaded machine (CI's two cores) does not let the lease lapse by accident.
    const lease = { leaseMs: 3_000, leaseMarginMs: 1_200, watchMs: 1_000 };
    const { local } = await settledSeller(names, { wallets: names, ...lease });
    const orders = names.map((n) => order(asBuyer(n), Date.now(), [line('tea')], 1500));
    await Promise.all(orders.map((o) => push(buyerClient(couch, o.buyer), o)));

    // A weak link: 250 ms a request, two at a time. Reading 16 channels outlasts the 3 s lease.
    const slow = countingFetch(250);
    const phone = sellerDevice(local, sellerClient(couch, slow.fetch), SHOP_ID, 'phone', { ...lease, concurrency: 2, batchChannels: 100 });
    if (couchdb) await phone.watch(AbortSignal.timeout(10_000));
    const started = Date.now();
    const run = phone.runOnce();
    await new Promise((r) => setTimeout(r, 3_500));
    // Meanwhile the lease stays the phone's: a tablet cannot take it.
    expect((await sellerDevice(freshDb(), sellerClient(couch), SHOP_ID, 'tablet').runOnce()).lease).toMatchObject({ held: false, holder: 'phone' });
    const report = await run;
    expect(Date.now() - started).toBeGreaterThan(3_000); // the run did outlast the lease it started with
    expect(report.decided.filter((d) => d.kind === 'order.accepted')).toHaveLength(16);
    expect((await journal(couch)).filter((d) => d.kind === 'order.accepted')).toHaveLength(16);
  }, 300_000);

  it("a device standing by follows the journal: it knows the shop's catalog while another device decides", async () => {
    const phoneDb = freshDb();
    const phone = sellerDevice(phoneDb, sellerClient(couch), SHOP_ID, 'phone');
    await queueCommands(phoneDb, openShopCommands(56));
    await phone.runOnce();
    const tabletDb = freshDb();
    const tablet = sellerDevice(tabletDb, sellerClient(couch), SHOP_ID, 'tablet');
    expect((await tablet.runOnce()).lease).toMatchObject({ held: false, holder: 'phone' });
    expect(await tabletDb.shop.count()).toBe(1);
    expect((await tabletDb.skus.get('tea'))?.value).toMatchObject({ stock: 56 });
    // And keeps up with it.
    await queueCommands(phoneDb, [seller('product.save', { product: product('cake', { price: m(800) }), stock: 3 }, Date.now())]);
    await phone.runOnce();
    await tablet.runOnce();
    expect((await tabletDb.products.toArray()).map((p) => p.id).sort()).toEqual(['cake', 'tea']);
  }, 120_000);

  it.runIf(couchdb)("a buyer whose account changed (couch_peruser makes them their channel's admin again) has it adopted again", async () => {
    const names = buyerNames(5);
    const { authority } = await settledSeller(names);
    const db = channelDb('b0003');
    expect((await couch.admin.getSecurity(db)).admins).toMatchObject({ names: [] });
    const user = await couch.admin.get<Record<string, unknown> & { _id: string }>('_users', 'org.couchdb.user:b0003');
    await couch.admin.put('_users', { ...user!, password: 'another-password' });
    await expect.poll(async () => (await couch.admin.getSecurity(db)).admins, { timeout: 20_000 }).toMatchObject({ names: ['b0003'] });
    await authority.watch(AbortSignal.timeout(10_000));
    await authority.runOnce();
    expect((await couch.admin.getSecurity(db)).admins).toMatchObject({ names: [] });
  }, 300_000);
});
