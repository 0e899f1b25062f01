// A buyer's device against a real server (CouchDB and PouchDB Server): push (409 is success, 403 refuses one
// entry and not the rest, other failures wait), pull (validated, applied with its
// checkpoint), and a database lost and made again on the server.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, emptyState, type BuyerId, type Decision } from '../../src/domain/index.ts';
import { queueIntent, ShopDb } from '../../src/storage/index.ts';
import { buyerCycle, watchBuyer, type BuyerSyncTarget } from '../../src/sync/buyer-sync.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { catalogDb, catalogCopyId, channelDb } from '../../src/sync/names.ts';
import { adoptChannel, setUpShop } from '../../src/sync/setup-shop.ts';
import { line, m, order, product, seller, SHOP, T0, intent } from '../domain/fixtures/shop.ts';
import { basic, CONTRACT_SERVERS, createUser, type TestCouch } from './couch-server.ts';

const SHOP_ID = 'tea';
let dbCount = 0;

for (const server of CONTRACT_SERVERS) describe.skipIf(!server.given)(`on ${server.name}`, () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await server.start();
    await setUpShop(couch.admin, SHOP_ID, { allowDemoTopUps: false });
  }, 60_000);
  afterAll(async () => couch?.stop());

  /** A fresh buyer with their channel opened by the shop, and a device of theirs. */
  async function newBuyer(name: string, fetchFn?: typeof fetch) {
    await createUser(couch.admin, name, 'password1');
    await adoptChannel(couch.admin, name, { allowDemoTopUps: false });
    const client = new CouchClient({ url: couch.url, authorization: basic(name, 'password1'), fetch: fetchFn });
    const local = new ShopDb(`buyer-${++dbCount}-${name}`);
    const target: BuyerSyncTarget = { local, client, shop: SHOP_ID, buyer: name as BuyerId, now: () => Date.now() };
    return { target, local, client, channel: channelDb(name) };
  }

  /** The shop's decisions on these intents (made by the real authority), as the seller would publish them. */
  function decisionsOn(intents: Parameters<typeof decide>[1]): Decision[] {
    const open = decide(emptyState(), [
      seller('shop.save', { shop: SHOP }),
      seller('product.save', { product: product('tea', { price: m(1500) }), stock: 5 }),
      seller('wallet.credit', { buyer: 'ann' as BuyerId, amount: m(10_000), method: 'cash', note: '' }),
    ], T0);
    return decide(open.state, intents, Date.now()).decisions;
  }

  describe('a buyer device syncing with the server', () => {
    it('pushes queued intents with the server-stamped sentAt, and a repeat push is a no-op (409)', async () => {
      const { target, local, client, channel } = await newBuyer('pia');
      const place = order('pia' as BuyerId, T0, [line('tea')], 1500);
      await queueIntent(local, place, T0);
      const first = await buyerCycle(target);
      expect(first.sent).toBe(1);
      const onServer = await couch.admin.get<{ sentAt: number; buyer: string }>(channel, place.id);
      expect(onServer?.buyer).toBe('pia');
      // Stamped from the server's clock (here the same machine's), not the intent's old time.
      expect(Math.abs(onServer!.sentAt - Date.now())).toBeLessThan(60_000);
      expect((await local.outbox.get(place.id))?.status).toBe('sent');
      // Pushed again (as after a lost answer): the server says 409, which counts as sent.
      await local.outbox.update(place.id, { status: 'queued' });
      const again = await buyerCycle(target);
      expect(again.sent).toBe(1);
      expect((await client.revsOf(channel, [place.id])).get(place.id)).toMatch(/^1-/);
    });

    it('a refused intent is marked with the server reason and does not block the rest', async () => {
      const { target, local } = await newBuyer('quinn');
      const topUp = intent('wallet.demo-top-up', 'quinn' as BuyerId, T0, { amount: m(5000) });
      const place = order('quinn' as BuyerId, T0 + 1, [line('tea')], 1500);
      await queueIntent(local, topUp, T0);
      await queueIntent(local, place, T0 + 1);
      const report = await buyerCycle(target);
      expect(report).toMatchObject({ sent: 1, refused: 1 });
      const refused = await local.outbox.get(topUp.id);
      expect(refused?.status).toBe('refused');
      expect(refused?.error).toMatch(/top-up|top up/i);
      expect((await local.outbox.get(place.id))?.status).toBe('sent');
    });

    it('pulls its decisions and the catalog, sets aside what fails validation, and checkpoints', async () => {
      const { target, local, channel } = await newBuyer('ann');
      const place = order('ann' as BuyerId, T0, [line('tea')], 1500);
      await queueIntent(local, place, T0);
      await buyerCycle(target);
      const decisions = decisionsOn([{ ...place, sentAt: Date.now() }]);
      const accepted = decisions.find((d) => d.intentId === place.id)!;
      expect(accepted.kind).toBe('order.accepted');
      // The seller publishes: the decision into the channel, its public part into the catalog.
      await couch.admin.bulkDocs(channel, [
        { ...accepted, _id: accepted.id },
        { _id: 'junk', type: 'decision', kind: 'wallet.credited', n: 'lots' },
      ]);
      const copy: Record<string, unknown> = { ...accepted, id: catalogCopyId(accepted.id), postings: [], set: { inventory: accepted.set.inventory } };
      delete copy.intentId;
      delete copy.buyer;
      const greedy = { ...copy, id: 'c.greedy', postings: accepted.postings };
      await couch.admin.bulkDocs(catalogDb(SHOP_ID), [{ ...copy, _id: copy.id }, { ...greedy, _id: greedy.id }]);

      const report = await buyerCycle(target);
      expect(report.applied).toBe(2);
      expect(report.setAside).toBe(2);
      expect((await local.orders.get(place.id))?.status).toBe('accepted');
      expect(await local.outbox.get(place.id)).toBeUndefined(); // decided: off the outbox
      expect((await local.skus.get('tea'))?.value.stock).toBe(4);
      const aside = await local.setAside.toArray();
      expect(aside.map((a) => a.docId).sort()).toEqual(['c.greedy', 'junk']);
      expect((await local.checkpoints.get(channel))?.since).toBeDefined();
      // Nothing new: nothing applied again.
      expect(await buyerCycle(target)).toMatchObject({ applied: 0, setAside: 0 });
    });

    it('sends a large push gzipped, and the server takes it', async () => {
      const encodings: (string | null)[] = [];
      const watching: typeof fetch = (input, init) => {
        if (String(input).includes('_bulk_docs')) encodings.push(new Headers(init?.headers).get('Content-Encoding'));
        return fetch(input, init);
      };
      const { target, local, client, channel } = await newBuyer('uma', watching);
      const places = Array.from({ length: 30 }, (_, i) => order('uma' as BuyerId, T0 + i, [line('tea')], 1500));
      for (const p of places) await queueIntent(local, p, T0);
      expect((await buyerCycle(target)).sent).toBe(30);
      expect(encodings).toEqual(['gzip']);
      expect((await client.revsOf(channel, places.map((p) => p.id))).size).toBe(30);
    });

    it('retries after server errors and then drains the queue', async () => {
      let failures = 3;
      const flaky: typeof fetch = (input, init) => {
        if (String(input).includes('_bulk_docs') && failures-- > 0) return Promise.resolve(new Response('{"error":"oops","reason":"down"}', { status: 500 }));
        return fetch(input, init);
      };
      const { target, local } = await newBuyer('rae', flaky);
      const place = order('rae' as BuyerId, T0, [line('tea')], 1500);
      await queueIntent(local, place, T0);
      for (let i = 0; i < 3; i++) await expect(buyerCycle(target)).rejects.toMatchObject({ status: 500, transient: true });
      expect((await local.outbox.get(place.id))?.status).toBe('queued');
      expect((await buyerCycle(target)).sent).toBe(1);
    });

    it('a document the server failed for a passing reason stays queued, and the cycle is not "synced"', async () => {
      const tooLarge: typeof fetch = async (input, init) => {
        if (!String(input).includes('_bulk_docs')) return fetch(input, init);
        const res = await fetch(input, init);
        const rows = (await res.json()) as { id: string }[];
        return new Response(JSON.stringify(rows.map((r) => ({ id: r.id, error: 'too_large', reason: 'the request was too large' }))), { status: 201 });
      };
      const { target, local } = await newBuyer('val', tooLarge);
      const place = order('val' as BuyerId, T0, [line('tea')], 1500);
      await queueIntent(local, place, T0);
      await expect(buyerCycle(target)).rejects.toMatchObject({ transient: true });
      expect((await local.outbox.get(place.id))?.status).toBe('queued');
    });

    it('will not push one buyer\'s intents under another person\'s session', async () => {
      const { target, local } = await newBuyer('wes');
      await createUser(couch.admin, 'xia', 'password1');
      const asXia = new CouchClient({ url: couch.url, authorization: basic('xia', 'password1') });
      await queueIntent(local, order('wes' as BuyerId, T0, [line('tea')], 1500), T0);
      await expect(buyerCycle({ ...target, client: asXia, checked: new Map() })).rejects.toMatchObject({ status: 401 });
      expect(await local.outbox.where('status').equals('queued').count()).toBe(1);
    });

    it('notices a channel deleted and made again, and sends again what the server lost', async () => {
      const { target, local, channel, client } = await newBuyer('sol');
      const place = order('sol' as BuyerId, T0, [line('tea')], 1500);
      await queueIntent(local, place, T0);
      await buyerCycle(target);
      expect((await client.revsOf(channel, [place.id])).has(place.id)).toBe(true);
      await couch.admin.deleteDb(channel);
      await adoptChannel(couch.admin, 'sol', { allowDemoTopUps: false });
      expect((await client.revsOf(channel, [place.id])).has(place.id)).toBe(false);
      const report = await buyerCycle(target);
      expect(report.sent).toBe(1);
      expect((await client.revsOf(channel, [place.id])).has(place.id)).toBe(true);
    });

    it('a channel restored from an older copy (same identity) gets again what was sent since', async () => {
      const { target, local, channel, client } = await newBuyer('yan');
      const place = order('yan' as BuyerId, T0, [line('tea')], 1500);
      await queueIntent(local, place, T0);
      await buyerCycle(target);
      // The restore: the database as it was before the order, identity document included.
      const identity = await couch.admin.get<Record<string, unknown>>(channel, 'db-identity');
      await couch.admin.deleteDb(channel);
      await couch.admin.createDb(channel);
      await couch.admin.bulkDocs(channel, [{ ...identity, _rev: undefined }]);
      await adoptChannel(couch.admin, 'yan', { allowDemoTopUps: false });
      expect((await client.revsOf(channel, [place.id])).has(place.id)).toBe(false);
      expect((await buyerCycle(target)).sent).toBe(1);
      expect((await client.revsOf(channel, [place.id])).has(place.id)).toBe(true);
    });

    it.runIf(!server.pouch)('a longpoll that CouchDB ends at once because the channel was deleted brings the next cycle, which sends again', async () => {
      const { target: t, local, channel, client } = await newBuyer('zed');
      const target = { ...t, checked: new Map() }; // as the app keeps it: identities not asked again each cycle
      const place = order('zed' as BuyerId, T0, [line('tea')], 1500);
      await queueIntent(local, place, T0);
      await buyerCycle(target);
      const started = Date.now();
      const watching = watchBuyer(target, AbortSignal.timeout(30_000));
      await new Promise((r) => setTimeout(r, 500)); // the longpolls are open
      await couch.admin.deleteDb(channel);
      await adoptChannel(couch.admin, 'zed', { allowDemoTopUps: false });
      await watching;
      expect(Date.now() - started, 'woken by the deletion, not by the longpoll timeout').toBeLessThan(10_000);
      expect((await buyerCycle(target)).sent).toBe(1);
      expect((await client.revsOf(channel, [place.id])).has(place.id)).toBe(true);
    }, 40_000);

    it('a session that ended (no cookie any more) is "signed out", not "waiting for the shop", even with the session checked before', async () => {
      const { target, local } = await newBuyer('ula');
      await queueIntent(local, order('ula' as BuyerId, T0, [line('tea')], 1500), T0);
      const checked = new Map([['_session', { identity: 'ula', at: Date.now() }]]);
      const expired = new CouchClient({ url: couch.url }); // an expired cookie is not sent, or not taken
      await expect(buyerCycle({ ...target, client: expired, checked })).rejects.toMatchObject({ status: 401 });
      expect(await local.outbox.where('status').equals('queued').count()).toBe(1);
    });

    it('waits (not ready) while the shop has not opened the channel', async () => {
      await createUser(couch.admin, 'tao', 'password1');
      const client = new CouchClient({ url: couch.url, authorization: basic('tao', 'password1') });
      const local = new ShopDb(`buyer-${++dbCount}-tao`);
      await expect(buyerCycle({ local, client, shop: SHOP_ID, buyer: 'tao' as BuyerId, now: () => Date.now() })).rejects.toMatchObject({ name: 'NotReadyError' });
    });
  });
});
