// The shop's authority on the seller's device against a real server (CouchDB, or PouchDB Server): deciding buyers'
// intents from their channels, publishing journal first, repairing a crash, rebuilding an
// empty device, the lease between devices, forgeries in a channel, and a stock race.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decide, emptyState, type BuyerId, type Decision, type Intent, type TeamId } from '../../src/domain/index.ts';
import { putPhoto, queueIntent, ShopDb, walletOf } from '../../src/storage/index.ts';
import { RemoteAuthority, type RemoteAuthorityOptions } from '../../src/sync/authority/authority-runner.ts';
import { releaseLease } from '../../src/sync/authority/lease.ts';
import { CouchClient } from '../../src/sync/couch-client.ts';
import { readCatalogCopy } from '../../src/sync/incoming.ts';
import { photoUrl } from '../../src/sync/names.ts';
import { catalogCopyId, catalogDb, channelDb, journalDb } from '../../src/sync/names.ts';
import { RULES_DOC_ID } from '../../src/sync/rules.ts';
import { adoptChannel, setUpShop } from '../../src/sync/setup-shop.ts';
import { combo, groups, line, m, order, product, seller, SHOP, stocks } from '../domain/fixtures/shop.ts';
import { basic, createUser, startTestServer, TEST_SERVER, type TestCouch } from './couch-server.ts';

const SHOP_ID = 'tea';
const RULES = { allowDemoTopUps: false };
let couch: TestCouch;
let dbCount = 0;

// A fresh server per test (every buyer on a server is the shop's, so tests must not share
// one): one process for the file, reset between tests.
beforeAll(async () => {
  couch = await startTestServer();
}, 60_000);
beforeEach(async () => {
  await couch.reset();
  await setUpShop(couch.admin, SHOP_ID, RULES);
}, 60_000);
afterAll(async () => couch?.stop());

const freshDb = () => new ShopDb(`authority-${++dbCount}-${Math.random().toString(36).slice(2)}`);

function authority(local: ShopDb, device = 'phone', opts: Partial<RemoteAuthorityOptions> & { fetch?: typeof fetch } = {}) {
  const client = new CouchClient({ url: couch.url, authorization: couch.adminAuth, fetch: opts.fetch });
  const label = device === 'phone' ? "Seller's phone" : `Seller's ${device}`;
  return new RemoteAuthority(local, client, SHOP_ID, { id: device, label }, () => Date.now(), { ...RULES, ...opts });
}

/** A buyer with an account on the server, and their signed-in client. */
async function newBuyer(name: string) {
  await createUser(couch.admin, name, 'password1');
  return new CouchClient({ url: couch.url, authorization: basic(name, 'password1') });
}

/** What the buyer's outbox does: the intent into their channel, `sentAt` from the server's clock. */
async function send(client: CouchClient, intent: Intent & { by: 'buyer' }) {
  await client.info(channelDb(intent.buyer)); // learn the server's clock
  const doc = { ...intent, sentAt: Math.round(client.clock.now()), _id: intent.id };
  const [res] = await client.bulkDocs(channelDb(intent.buyer), [doc]);
  expect(res?.ok, res?.reason).toBe(true);
}

/** The seller opens the shop on this device: commands queued locally, decided by the next run. */
async function openShop(local: ShopDb, stock: number, wallets: Record<string, number>) {
  const now = Date.now();
  const cmds: Intent[] = [
    seller('shop.save', { shop: SHOP }, now),
    seller('product.save', { product: product('tea', { price: m(1500) }), stock }, now),
    ...Object.entries(wallets).map(([b, a]) => seller('wallet.credit', { buyer: b as BuyerId, amount: m(a), method: 'cash', note: '' }, now)),
  ];
  for (const c of cmds) await queueIntent(local, c, now);
}

/** A seller device that has opened the shop (stock 5, ann's wallet 10,000), and ann's order sent into her channel. */
async function annOrdersFromAnOpenShop() {
  const local = freshDb();
  const ann = await newBuyer('ann');
  await openShop(local, 5, { ann: 10_000 });
  await authority(local).runOnce();
  const place = order('ann' as BuyerId, Date.now(), [line('tea')], 1500);
  await send(ann, place);
  return { local, ann, place };
}

async function docsOf(db: string): Promise<Record<string, unknown>[]> {
  const page = await couch.admin.changes(db, { since: 0, limit: 10_000 });
  return page.results.flatMap((c) => (c.doc && !c.deleted ? [c.doc] : []));
}

const decisionsIn = async (db: string) => (await docsOf(db)).filter((d) => d.type === 'decision') as unknown as Decision[];

describe('the remote authority', () => {
  it("decides a buyer's order from their channel into the journal, their channel and the catalog, once", async () => {
    const local = freshDb();
    const seller1 = authority(local);
    const ann = await newBuyer('ann');
    await openShop(local, 5, { ann: 10_000 });
    const first = await seller1.runOnce();
    expect(first.lease.held).toBe(true);
    expect(first.decided.map((d) => d.kind)).toEqual(['shop.saved', 'product.saved', 'wallet.credited']);
    expect(first.published.journal).toBe(3);

    const place = order('ann' as BuyerId, Date.now(), [line('tea')], 1500);
    await send(ann, place); // the channel exists: the first run adopted it
    const second = await seller1.runOnce();
    expect(second.decided).toHaveLength(1);
    const decision = second.decided[0]!;
    expect(decision).toMatchObject({ kind: 'order.accepted', intentId: place.id, buyer: 'ann' });

    expect((await decisionsIn(journalDb(SHOP_ID))).map((d) => d.id)).toContain(decision.id);
    expect((await decisionsIn(channelDb('ann'))).map((d) => d.id).sort()).toEqual([decision.id, ...first.decided.filter((d) => d.buyer === 'ann').map((d) => d.id)].sort());
    // The catalog holds current state (the shop, the product with its stock after the order,
    // and the meta document), each passing the buyer's own reader; no append-only copies.
    const catalog = await couch.admin.changes(catalogDb(SHOP_ID), { since: 0, limit: 1000 });
    const ids = catalog.results.map((c) => c.id).filter((id) => !id.startsWith('_design/') && id !== 'db-identity');
    expect(ids.sort()).toEqual(['catalog-meta', 'p.tea', 'shop']);
    expect(ids).not.toContain(catalogCopyId(decision.id));
    for (const c of catalog.results.filter((r) => r.doc?.type === 'catalog-state')) expect(readCatalogCopy(c), c.id).toHaveProperty('ok');
    const tea = await couch.admin.get<{ n: number; set: { inventory: { stock: number }[] }; _rev: string }>(catalogDb(SHOP_ID), 'p.tea');
    expect(tea).toMatchObject({ n: decision.n, set: { inventory: [{ stock: 4 }] } });
    expect(tea!._rev).toMatch(/^2-/); // written in place: once when the shop opened, once after the order
    expect(await walletOf(local, 'ann' as BuyerId)).toEqual({ available: 8_500, escrow: 1_500 });
    expect(await local.publish.count()).toBe(0);

    const third = await seller1.runOnce();
    expect(third.decided).toEqual([]);
    expect(third.forgeries).toEqual([]);
  }, 60_000);

  it("a team joiner's channel copy names no other member: the team in the public shape, their own order only", async () => {
    const local = freshDb();
    const seller1 = authority(local);
    const ann = await newBuyer('ann');
    const bo = await newBuyer('bo');
    const now = Date.now();
    const teamTea = product('tea', { price: m(1500), team: { price: m(1000), size: 3, windowHours: 24 } });
    for (const c of [
      seller('shop.save', { shop: SHOP }, now),
      seller('product.save', { product: teamTea, stock: 5 }, now),
      seller('wallet.credit', { buyer: 'ann' as BuyerId, amount: m(10_000), method: 'cash', note: '' }, now),
      seller('wallet.credit', { buyer: 'bo' as BuyerId, amount: m(10_000), method: 'cash', note: '' }, now),
    ]) await queueIntent(local, c, now);
    await seller1.runOnce();
    const started = order('ann' as BuyerId, Date.now(), [line('tea', 1, 'team')], 1000, { team: { action: 'start' } });
    await send(ann, started);
    await seller1.runOnce();
    const joined = order('bo' as BuyerId, Date.now(), [line('tea', 1, 'team')], 1000, { team: { action: 'join', teamId: started.id as string as TeamId } });
    await send(bo, joined);
    const run = await seller1.runOnce();
    const accepted = run.decided.find((d) => d.intentId === joined.id)!;
    // The journal (the shop's own record) keeps the whole team…
    expect(accepted.set.teams![0]!.members.map((x) => x.buyer)).toEqual(['ann', 'bo']);
    // …bo's channel, readable with bo's login, has the count and initials only.
    const copy = (await bo.get<Decision>(channelDb('bo'), accepted.id))!;
    expect(copy.set.teams![0]).toMatchObject({ members: [], joined: 2, initials: ['A', 'B'] });
    expect(copy.set.teams![0]).not.toHaveProperty('leader');
    expect(copy.set.orders!.map((o) => o.buyer)).toEqual(['bo']);
    const text = JSON.stringify(await decisionsIn(channelDb('bo')));
    expect(text).not.toContain('"ann"');
    // (The team's id is its leader's order id, public in the catalog by design: it names no one.)
  }, 60_000);

  it('a crash between deciding and publishing is repaired by the next run, with nothing decided twice', async () => {
    const { local, place } = await annOrdersFromAnOpenShop();

    // The journal write fails (the network dies, the tab is closed) after the decision is stored.
    const failing: typeof fetch = (input, init) =>
      String(input).includes(`${journalDb(SHOP_ID)}/_bulk_docs`) ? Promise.reject(new TypeError('connection reset')) : fetch(input, init);
    await expect(authority(local, 'phone', { fetch: failing }).runOnce()).rejects.toThrow(/connection reset/);
    expect(await local.events.get(`d.${place.id}`)).toBeDefined();
    expect(await local.publish.count()).toBe(1);
    expect((await decisionsIn(channelDb('ann'))).map((d) => d.intentId)).not.toContain(place.id); // journal first

    const again = await authority(local).runOnce();
    expect(again.decided).toEqual([]);
    expect(again.published.journal).toBe(1);
    const journal = await decisionsIn(journalDb(SHOP_ID));
    expect(journal.filter((d) => d.intentId === place.id)).toHaveLength(1);
    expect((await decisionsIn(channelDb('ann'))).filter((d) => d.intentId === place.id)).toHaveLength(1);
    expect(await walletOf(local, 'ann' as BuyerId)).toEqual({ available: 8_500, escrow: 1_500 });
  }, 60_000);

  it('an empty new device rebuilds the shop from the journal and decides nothing twice', async () => {
    const phone = freshDb();
    const ann = await newBuyer('ann');
    await openShop(phone, 5, { ann: 10_000 });
    await authority(phone).runOnce();
    await send(ann, order('ann' as BuyerId, Date.now(), [line('tea', 2)], 3000));
    expect((await authority(phone).runOnce()).decided).toHaveLength(1);
    await releaseLease(couch.admin, SHOP_ID, 'phone');

    const tablet = freshDb();
    const report = await authority(tablet, 'tablet').runOnce();
    expect(report.lease.held).toBe(true);
    expect(report.decided).toEqual([]);
    expect(report.forgeries).toEqual([]);
    expect(await walletOf(tablet, 'ann' as BuyerId)).toEqual(await walletOf(phone, 'ann' as BuyerId));
    expect(await tablet.balances.toArray()).toEqual(await phone.balances.toArray());
    expect(await tablet.skus.toArray()).toEqual(await phone.skus.toArray());
  }, 60_000);

  it("a second device cannot take the lease while it is held, sees the holder's label, and takes it once expired", async () => {
    const phone = authority(freshDb(), 'phone', { leaseMs: 1_500, leaseMarginMs: 0 });
    expect((await phone.runOnce()).lease.held).toBe(true);
    const tabletDb = freshDb();
    await queueIntent(tabletDb, seller('shop.save', { shop: SHOP }, Date.now()), Date.now());
    const tablet = authority(tabletDb, 'tablet');
    const refused = await tablet.runOnce();
    expect(refused.lease).toMatchObject({ held: false, holder: 'phone', label: "Seller's phone" });
    expect(refused.decided).toEqual([]);
    expect(await tabletDb.events.where('type').equals('decision').count()).toBe(0);

    await new Promise((r) => setTimeout(r, 2_000));
    const taken = await tablet.runOnce();
    expect(taken.lease).toMatchObject({ held: true, holder: 'tablet' });
    expect(taken.decided.map((d) => d.kind)).toEqual(['shop.saved']);
    expect((await phone.runOnce()).lease).toMatchObject({ held: false, holder: 'tablet', label: "Seller's tablet" });
  }, 60_000);

  it("a forged decision or a tampered intent in a buyer's channel is reported and never folded", async () => {
    const local = freshDb();
    const ann = await newBuyer('ann');
    await openShop(local, 5, { ann: 10_000 });
    await authority(local).runOnce();
    const before = await local.balances.toArray();

    // As couch_peruser's admin of their own channel could: a top-up the shop never made.
    const forged = decide(emptyState(), [seller('wallet.credit', { buyer: 'ann' as BuyerId, amount: m(1_000_000), method: 'cash', note: '' })], Date.now()).decisions[0]!;
    await couch.admin.bulkDocs(channelDb('ann'), [{ ...forged, n: 999, _id: forged.id }]);
    // And an intent given a sibling revision (new_edits:false) with another body. PouchDB
    // Server drops such a write while the rules are there (CouchDB takes it), so the rules go
    // first, as a couch_peruser buyer, admin of their channel, could do.
    const place = order('ann' as BuyerId, Date.now(), [line('tea')], 1500);
    await send(ann, place);
    const rules = await couch.admin.get<{ _rev: string }>(channelDb('ann'), RULES_DOC_ID);
    await couch.admin.request('DELETE', `${channelDb('ann')}/${RULES_DOC_ID}?rev=${rules!._rev}`);
    await couch.admin.request('POST', `${channelDb('ann')}/_bulk_docs`, {
      new_edits: false, docs: [{ ...place, _id: place.id, _rev: `1-${'f'.repeat(32)}`, sentAt: Date.now() - 3_600_000 }],
    });

    const report = await authority(local).runOnce();
    expect(report.forgeries.map((f) => f.docId).sort()).toEqual([forged.id, place.id].sort());
    // The tampered order is refused as such (the buyer is told), never placed; the forgery is not folded.
    expect(report.decided.map((d) => [d.kind, d.intentId, d.reason])).toEqual([['intent.rejected', place.id, 'tampered']]);
    expect(report.decided[0]!.postings).toEqual([]);
    expect(await local.events.get(forged.id)).toBeUndefined();
    expect(await local.balances.toArray()).toEqual(before);
    expect((await local.setAside.toArray()).map((r) => r.docId).sort()).toEqual([forged.id, place.id].sort());
    // The shop put its rules back before trusting the channel again.
    expect(await couch.admin.get(channelDb('ann'), RULES_DOC_ID)).toBeDefined();
    expect((await authority(local).runOnce()).forgeries).toEqual([]); // reported once, past the checkpoint
  }, 60_000);

  it('records the revision of each intent it decides, and reports an intent rewritten after its decision', async () => {
    const { local, place } = await annOrdersFromAnOpenShop();
    const [decided] = (await authority(local).runOnce()).decided;
    const onServer = await couch.admin.get<Record<string, unknown> & { _id: string; _rev: string }>(channelDb('ann'), place.id);
    expect(decided).toMatchObject({ kind: 'order.accepted', intentId: place.id, intentRev: onServer!._rev });
    const inJournal = await couch.admin.get<Decision>(journalDb(SHOP_ID), decided!.id);
    expect(inJournal?.intentRev).toBe(onServer!._rev);
    expect(await couch.admin.get(catalogDb(SHOP_ID), 'p.tea')).toMatchObject({ n: decided!.n });
    expect(await couch.admin.get(catalogDb(SHOP_ID), 'p.tea')).not.toHaveProperty('intentRev');

    // Rewritten afterwards (as an admin of the channel could): reported, and nothing is decided again.
    await couch.admin.put(channelDb('ann'), { ...onServer!, expectedTotal: 1 });
    const again = await authority(local).runOnce();
    expect(again.decided).toEqual([]);
    expect(again.forgeries).toEqual([expect.objectContaining({ docId: place.id, problems: [expect.stringMatching(/rewritten after the shop decided/)] })]);
  }, 60_000);

  it('a channel made again, with the buyer sending its intents again, raises no forgery and decides nothing twice', async () => {
    const { local, ann, place } = await annOrdersFromAnOpenShop();
    const seller1 = authority(local);
    expect((await seller1.runOnce()).decided).toHaveLength(1);
    await couch.admin.deleteDb(channelDb('ann'));
    await adoptChannel(couch.admin, 'ann', RULES);
    await send(ann, place); // the buyer's phone sends again what the server lost (a new sentAt, a new revision)
    const again = await seller1.runOnce();
    expect(again.forgeries).toEqual([]);
    expect(again.decided).toEqual([]);
    // The decisions about ann were copied into the new channel again.
    expect((await decisionsIn(channelDb('ann'))).map((d) => d.intentId)).toContain(place.id);
  }, 60_000);

  it("uploads a product's photo taken on this device to the catalog, with its thumbnail, once, before the product", async () => {
    const local = freshDb();
    const ref = 'photo-0190f3a1-2b3c-7d4e-8f90-123456789abc.webp';
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const thumb = Uint8Array.from({ length: 9_000 }, (_, i) => (i * 11) % 256);
    await putPhoto(local, {
      id: ref, blob: new Blob([bytes], { type: 'image/webp' }), type: 'image/webp', width: 4, height: 3, bytes: bytes.length, storedAt: 1,
      thumb: new Blob([thumb], { type: 'image/webp' }),
    });
    // A photo stored before thumbnails: uploaded alone; its thumbnail's address answers 404 (a card then loads the photo).
    const older = 'photo-0190f3a1-2b3c-7d4e-8f90-123456789abd.webp';
    await putPhoto(local, { id: older, blob: new Blob([bytes], { type: 'image/webp' }), type: 'image/webp', width: 4, height: 3, bytes: bytes.length, storedAt: 1 });
    const now = Date.now();
    await queueIntent(local, seller('shop.save', { shop: SHOP }, now), now);
    await queueIntent(local, seller('product.save', { product: product('tea', { photos: [ref, older, 'photos/tea.svg'] }), stock: 1 }, now), now);
    await authority(local).runOnce();
    const res = await fetch(photoUrl(couch.url, SHOP_ID, ref), { headers: { Authorization: couch.adminAuth } });
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const small = await fetch(photoUrl(couch.url, SHOP_ID, ref, 'thumb'));
    expect(small.headers.get('content-type')).toBe('image/webp');
    expect(new Uint8Array(await small.arrayBuffer())).toEqual(thumb);
    expect(new Uint8Array(await (await fetch(photoUrl(couch.url, SHOP_ID, older))).arrayBuffer())).toEqual(bytes);
    expect((await fetch(photoUrl(couch.url, SHOP_ID, older, 'thumb'))).status).toBe(404);
    // Anyone may load it, as anyone may read the catalog; a buyer's pull skips it (no set-aside).
    expect((await fetch(photoUrl(couch.url, SHOP_ID, ref))).status).toBe(200);
    const photoDoc = (await couch.admin.changes(catalogDb(SHOP_ID), { since: 0, limit: 100 })).results.find((c) => c.id === ref)!;
    expect(readCatalogCopy(photoDoc)).toEqual({ skip: true });
    // Saved again with the same photo: not uploaded again.
    await queueIntent(local, seller('product.save', { product: product('tea', { photos: [ref], price: m(1200) }), stock: 1 }, now + 1), now + 1);
    await authority(local).runOnce();
    expect((await couch.admin.revsOf(catalogDb(SHOP_ID), [ref])).get(ref)).toMatch(/^1-/);
  }, 60_000);

  it("uploads a combination's own photo, one the product's gallery does not hold, before the product names it", async () => {
    const local = freshDb();
    const gallery = 'photo-0190f3a1-2b3c-7d4e-8f90-123456789ab1.webp';
    const blue = 'photo-0190f3a1-2b3c-7d4e-8f90-123456789ab2.webp';
    const bytes = (k: number) => Uint8Array.from({ length: 20_000 }, (_, i) => (i * k) % 256);
    for (const [ref, k] of [[gallery, 3], [blue, 5]] as const) {
      await putPhoto(local, { id: ref, blob: new Blob([bytes(k)], { type: 'image/webp' }), type: 'image/webp', width: 4, height: 3, bytes: 20_000, storedAt: 1, thumb: new Blob([bytes(k + 1)], { type: 'image/webp' }) });
    }
    const now = Date.now();
    const shirt = product('shirt', {
      price: m(1000), photos: [gallery],
      options: groups({ Colour: ['Red', 'Blue'] }),
      combinations: [combo('red', ['Red'], 1000), combo('blue', ['Blue'], 1200, { photo: blue })],
    });
    await queueIntent(local, seller('shop.save', { shop: SHOP }, now), now);
    await queueIntent(local, seller('product.save', { product: shirt, stock: 0, stocks: stocks({ red: 2, blue: 3 }) }, now), now);
    await authority(local).runOnce();
    // Anyone (a buyer's phone) loads Blue's photo and its thumbnail from the catalog by its address.
    const full = await fetch(photoUrl(couch.url, SHOP_ID, blue));
    expect(full.status).toBe(200);
    expect(new Uint8Array(await full.arrayBuffer())).toEqual(bytes(5));
    expect(new Uint8Array(await (await fetch(photoUrl(couch.url, SHOP_ID, blue, 'thumb'))).arrayBuffer())).toEqual(bytes(6));
    expect((await fetch(photoUrl(couch.url, SHOP_ID, gallery))).status).toBe(200);
    // …and before the product that names it: the photo's document is earlier in the catalog's changes.
    const ids = (await couch.admin.changes(catalogDb(SHOP_ID), { since: 0, limit: 100 })).results.map((c) => c.id);
    const named = ids.findIndex((id) => id !== blue && id !== gallery && id.includes('shirt'));
    expect(named).toBeGreaterThan(ids.indexOf(blue));
  }, 60_000);

  it("a design document a buyer left in their channel before adoption is removed, so it cannot block the shop's decisions", async () => {
    // As couch_peruser leaves a new channel: the buyer is its admin, and may add rules of their own.
    const mal = await newBuyer('mal');
    const bo = await newBuyer('bo');
    const ch = channelDb('mal');
    await couch.admin.createDb(ch);
    await couch.admin.putSecurity(ch, { admins: { names: ['mal'], roles: [] }, members: { names: ['mal'], roles: [] } });
    await mal.put(ch, { _id: '_design/evil', validate_doc_update: "function (n) { if (n.type === 'decision') throw({ forbidden: 'no news, thanks' }); }" });
    const local = freshDb();
    await openShop(local, 5, { mal: 10_000, bo: 10_000 });
    await authority(local).runOnce();
    expect((await couch.admin.designDocs(ch)).map((d) => d.id)).toEqual([RULES_DOC_ID]);
    await send(bo, order('bo' as BuyerId, Date.now(), [line('tea')], 1500));
    expect((await authority(local).runOnce()).decided.map((d) => d.kind)).toEqual(['order.accepted']);
  }, 60_000);

  it('a journal write whose answer was lost, then another device decides: the first device is not diverged', async () => {
    const ann = await newBuyer('ann');
    const phone = freshDb();
    await openShop(phone, 5, { ann: 10_000 });
    // The journal write reaches the server, but its answer is lost.
    const lostAnswer: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes(`${journalDb(SHOP_ID)}/_bulk_docs`)) throw new TypeError('connection reset');
      return res;
    };
    await expect(authority(phone, 'phone', { fetch: lostAnswer }).runOnce()).rejects.toThrow(/connection reset/);
    await releaseLease(couch.admin, SHOP_ID, 'phone'); // as if it ran out while the phone was away

    // The tablet takes over, reads the phone's decisions in the journal, and decides an order after them.
    const tablet = freshDb();
    await send(ann, order('ann' as BuyerId, Date.now(), [line('tea')], 1500));
    expect((await authority(tablet, 'tablet').runOnce()).decided.map((d) => d.kind)).toEqual(['order.accepted']);
    await releaseLease(couch.admin, SHOP_ID, 'tablet');

    // The phone comes back: its decisions are in the journal (the tablet numbered after them), nothing diverged.
    const back = await authority(phone, 'phone').runOnce();
    expect(back.lease.held).toBe(true);
    expect(back.decided).toEqual([]);
    const journal = await decisionsIn(journalDb(SHOP_ID));
    expect(new Set(journal.map((d) => d.n)).size).toBe(journal.length);
    expect(await phone.publish.count()).toBe(0);
  }, 60_000);

  it('a run that outlives its lease stops writing to the journal once another device holds it', async () => {
    const phone = freshDb();
    const now = Date.now();
    await queueIntent(phone, seller('shop.save', { shop: SHOP }, now), now);
    await queueIntent(phone, seller('product.save', { product: product('tea'), stock: 5 }, now), now);
    // The first journal batch is slow to answer: meanwhile the lease runs out and the tablet takes it.
    let writes = 0;
    const slow: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes(`${journalDb(SHOP_ID)}/_bulk_docs`) && ++writes === 1) await new Promise((r) => setTimeout(r, 3_500));
      return res;
    };
    const run = authority(phone, 'phone', { fetch: slow, leaseMs: 1_500, leaseMarginMs: 200, publishBatch: 1 }).runOnce();
    await new Promise((r) => setTimeout(r, 2_600)); // past the lease, the server's clock read to the second
    expect((await authority(freshDb(), 'tablet', { leaseMs: 60_000 }).runOnce()).lease).toMatchObject({ held: true, holder: 'tablet' });
    await expect(run).rejects.toMatchObject({ name: 'StandbyError' });
    expect(writes).toBe(1); // the second batch never went to the journal
    expect((await phone.publish.toArray()).filter((r) => r.stage === 'journal')).toHaveLength(1);
  }, 60_000);

  it('a sale with stock 3 and five buyers at once accepts exactly three', async () => {
    const local = freshDb();
    const names = ['ann', 'bo', 'cy', 'di', 'ed'];
    const clients = await Promise.all(names.map(newBuyer));
    await openShop(local, 3, Object.fromEntries(names.map((n) => [n, 10_000])));
    await authority(local).runOnce(); // saves the product (stock 3), credits wallets, adopts channels
    const orders = names.map((n) => order(n as BuyerId, Date.now(), [line('tea')], 1500));
    await Promise.all(orders.map((o, i) => send(clients[i]!, o)));

    const report = await authority(local).runOnce();
    const kinds = report.decided.map((d) => d.kind);
    expect(kinds.filter((k) => k === 'order.accepted')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'order.rejected')).toHaveLength(2);
    expect((await local.skus.get('tea'))?.value).toMatchObject({ stock: 0 });
    const journal = await decisionsIn(journalDb(SHOP_ID));
    expect(journal.filter((d) => d.kind === 'order.accepted')).toHaveLength(3);
  }, 60_000);

  // A `seller` role lists neither `_users` nor `_all_dbs` on CouchDB 3 (both admin-only), so a
  // device signed in as one finds no channel it has not read before (README, "A real CouchDB").
  const sellerRoleFindsChannels = TEST_SERVER.kind === 'pouchdb';

  it.runIf(sellerRoleFindsChannels)("a channel this seller cannot write parks that buyer's copies; the rest of the queue goes on, and they go once it can", async () => {
    await createUser(couch.admin, 'sam', 'password1', ['seller']);
    const ann = await newBuyer('ann');
    await createUser(couch.admin, 'gus', 'password1'); // no channel, and a seller role may not make one
    await setUpShop(couch.admin, SHOP_ID, { ...RULES, buyers: ['ann'] });
    const local = freshDb();
    await openShop(local, 5, { gus: 5_000, ann: 10_000 });
    const seller = () => new RemoteAuthority(local, new CouchClient({ url: couch.url, authorization: basic('sam', 'password1') }), SHOP_ID,
      { id: 'phone', label: "Sam's phone" }, () => Date.now(), RULES);
    const sam = seller();
    const first = await sam.runOnce();
    expect(first.published.parked).toBe(1); // gus's credit: in the journal, its copy parked
    const place = order('ann' as BuyerId, Date.now(), [line('tea')], 1500);
    await send(ann, place);
    expect((await sam.runOnce()).decided.map((d) => d.intentId)).toEqual([place.id]);
    expect((await decisionsIn(channelDb('ann'))).map((d) => d.intentId)).toContain(place.id);
    expect((await decisionsIn(journalDb(SHOP_ID))).filter((d) => d.buyer === 'gus')).toHaveLength(1);

    // The admin opens gus's channel; the seller's next start copies the parked credit there.
    await adoptChannel(couch.admin, 'gus', RULES);
    expect((await seller().runOnce()).published.parked ?? 0).toBe(0);
    expect((await decisionsIn(channelDb('gus'))).map((d) => d.kind)).toEqual(['wallet.credited']);
    expect(await local.publish.count()).toBe(0);
  }, 60_000);

  it.runIf(sellerRoleFindsChannels)("works signed in as a user with the 'seller' role, reading the channels the setup command opened", async () => {
    await createUser(couch.admin, 'sam', 'password1', ['seller']);
    const ann = await newBuyer('ann');
    await setUpShop(couch.admin, SHOP_ID, { ...RULES, buyers: ['ann'] });
    const local = freshDb();
    await openShop(local, 5, { ann: 10_000 });
    const client = new CouchClient({ url: couch.url, authorization: basic('sam', 'password1') });
    const sam = new RemoteAuthority(local, client, SHOP_ID, { id: 'phone', label: "Sam's phone" }, () => Date.now(), RULES);
    await sam.runOnce(); // the shop opens (this seller may not list `_users`: channels are found another way)
    const place = order('ann' as BuyerId, Date.now(), [line('tea')], 1500);
    await send(ann, place);
    const report = await sam.runOnce();
    expect(report.skipped).toEqual([]);
    expect(report.decided.map((d) => d.intentId)).toEqual([place.id]);
    expect((await decisionsIn(channelDb('ann'))).map((d) => d.intentId)).toContain(place.id);
  }, 60_000);
});
