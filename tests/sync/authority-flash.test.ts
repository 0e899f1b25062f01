// The flash sale through the server: a thousand buyers each push one order for a sale of a
// hundred units within ten seconds, while the seller's device runs as the app runs it (the
// sync loop, waiting on `_db_updates` on CouchDB, sweeping on PouchDB Server). Exactly a
// hundred are accepted, none oversold, every order decided once, and every buyer finds the
// shop's decision in their own channel. Heavier than the others (a minute or two): it runs on
// real CouchDB when ../shared/couchdb is there (the production server), else PouchDB Server.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/domain/index.ts';
import { ShopDb } from '../../src/storage/index.ts';
import { pool } from '../../src/sync/authority/pool.ts';
import { sellerWork } from '../../src/sync/authority/seller-work.ts';
import { channelDb, journalDb } from '../../src/sync/names.ts';
import { setUpShop } from '../../src/sync/setup-shop.ts';
import { SyncLoop } from '../../src/sync/sync-loop.ts';
import { random } from '../../bench/table.ts';
import { line, m, order, product, seller, SHOP } from '../domain/fixtures/shop.ts';
import {
  asBuyer, buyerClient, buyerNames, channelsExist, converge, createBuyers, push, queueCommands, RULES, sellerClient, sellerDevice,
} from './authority-scale-helpers.ts';
import { startCouch, type TestCouch } from './couch-server.ts';
import { realCouchAvailable, startRealCouch } from './real-couch.ts';

const SHOP_ID = 'flash';
const BUYERS = 1_000;
const UNITS = 100;
const PUSH_WINDOW_MS = 10_000;
const couchdb = realCouchAvailable();

describe(`a flash sale of ${UNITS} units raced by ${BUYERS} buyers, through ${couchdb ? 'CouchDB 3.5' : 'PouchDB Server'}`, () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = couchdb ? await startRealCouch({ cheapPasswords: true }) : await startCouch();
    await setUpShop(couch.admin, SHOP_ID, RULES);
  }, 120_000);
  afterAll(async () => couch?.stop(), 60_000);

  it('accepts exactly the units there are, decides every order once, and tells every buyer in their channel', async () => {
    const names = buyerNames(BUYERS, 'f');
    await createBuyers(couch, names);
    if (couchdb) await channelsExist(couch, names, 300_000);
    const local = new ShopDb(`flash-${Math.random().toString(36).slice(2)}`);
    const now = Date.now();
    const flash = { price: m(1999), startsAt: now - 60_000, endsAt: now + 3_600_000, stock: UNITS, perBuyerLimit: 1 };
    await queueCommands(local, [
      seller('shop.save', { shop: SHOP }, now),
      seller('product.save', { product: product('phone', { price: m(4999), flash }), stock: UNITS }, now),
    ]);
    const authority = sellerDevice(local, sellerClient(couch), SHOP_ID, 'phone', { watchMs: 5_000 });
    await converge(authority, local, BUYERS);

    // The seller's device runs as in the app while the buyers push, each at a moment within ten seconds.
    const loop = new SyncLoop({ ...sellerWork(authority), isOnline: () => true, now: Date.now, random: Math.random, onStatus: () => undefined });
    const stop = new AbortController();
    const running = loop.run(stop.signal);
    const rnd = random(11_11);
    const orders = names.map((n) => ({ at: rnd() * PUSH_WINDOW_MS, intent: order(asBuyer(n), Date.now(), [line('phone', 1, 'flash')], 1999, { payment: 'on-pickup' }) }));
    const start = Date.now();
    await pool(orders.sort((a, b) => a.at - b.at), 32, async ({ at, intent }) => {
      await new Promise((r) => setTimeout(r, Math.max(0, start + at - Date.now())));
      await push(buyerClient(couch, intent.buyer), intent);
    });
    const ids = new Set<string>(orders.map((o) => o.intent.id));
    await expect.poll(async () => (await local.events.where('intentId').anyOf([...ids]).count()), { timeout: 300_000, interval: 1_000 }).toBe(BUYERS);
    // The last decisions' copies are published by the run that decided them.
    await expect.poll(async () => local.publish.count(), { timeout: 120_000, interval: 1_000 }).toBe(0);
    stop.abort();
    await running;

    const journal = (await couch.admin.changes(journalDb(SHOP_ID), { since: 0, limit: 100_000 })).results
      .flatMap((c) => (c.doc?.type === 'decision' ? [c.doc as unknown as Decision] : []))
      .filter((d) => d.intentId !== undefined && ids.has(d.intentId));
    expect(journal).toHaveLength(BUYERS);
    expect(new Set(journal.map((d) => d.intentId)).size).toBe(BUYERS);
    expect(journal.filter((d) => d.kind === 'order.accepted')).toHaveLength(UNITS);
    expect(journal.filter((d) => d.kind === 'order.rejected')).toHaveLength(BUYERS - UNITS);
    const inventory = (await local.skus.get('phone'))?.value;
    expect(inventory?.flashSold).toBeLessThanOrEqual(UNITS);
    expect(inventory?.stock).toBeGreaterThanOrEqual(0);

    // Every buyer's decision is in their channel.
    const missing = (await pool(journal, 16, async (d) => ((await couch.admin.revsOf(channelDb(d.buyer!), [d.id])).has(d.id) ? [] : [d.buyer]))).flat();
    expect(missing).toEqual([]);
  }, 900_000);
});
