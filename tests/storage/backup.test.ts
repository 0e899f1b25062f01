import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  BackupError, exportBackup, sendMessage, getPhoto, importBackup, putPhoto, queueIntent, setCartQty, setPersonSetting, setSetting, storeDecisions, tablesAt,
  type Backup,
  type ShopDb,
} from '../../src/storage/index.ts';
import type { Damage } from '../../src/storage/index.ts';
import { addSaved, recordView } from '../../src/storage/saved.ts';
import type { EventId } from '../../src/domain/index.ts';
import { intent, m, pid, T0 } from '../domain/fixtures/shop.ts';
import { ann, busyShop, freshDb } from './helpers.ts';

let n = 0;
const freshStore = () => createStore(`backup-settings-${++n}-${Math.random()}`, 'settings');

/** A device with something in every table and some settings. */
async function busyDevice() {
  const db = freshDb();
  const store = freshStore();
  const shop = busyShop();
  await storeDecisions(db, shop.decisions);
  await queueIntent(db, intent('wallet.demo-top-up', ann, T0 + 50, { amount: m(100) }), T0 + 50);
  await setCartQty(db, ann, pid('tea'), 'regular', 3, T0 + 60);
  await setSetting('locale', 'zh', store);
  await setSetting('buyerName', 'ann', store);
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
  await putPhoto(db, {
    id: 'photo-1.webp', blob: new Blob([bytes], { type: 'image/webp' }), type: 'image/webp', width: 4, height: 3, bytes: bytes.length, storedAt: T0,
    thumb: new Blob([bytes.slice(0, 5_000)], { type: 'image/webp' }),
  });
  // Sync's bookkeeping (schema version 3) travels in a backup too.
  await db.checkpoints.put({ db: 'userdb-616e6e', since: '12-g1AAAA', identity: 'u1', syncedAt: T0 });
  // A seller's device keeps how each channel was guarded and swept, and its feed positions.
  await db.checkpoints.put({ db: 'userdb-626f', since: '3-g1AAAA', identity: 'u2', syncedAt: T0, guard: '2-abc', rules: '2-abc', seq: '7-g1AAAA', made: '1796188653' });
  await db.checkpoints.put({ db: '_db_updates', since: '40-g1AAAA', identity: '', syncedAt: T0 });
  // …and how far its catalog's current-state documents are written, and in which shape.
  await db.checkpoints.put({ db: 'shop-catalog', since: 0, identity: 'c1', syncedAt: T0, published: 12, shape: 2 });
  // A product's units sold as the shop's catalog published them (schema version 9).
  await db.sold.put({ productId: pid('teapot'), counted: (await db.sold.get(pid('teapot')))?.counted ?? 0, published: 1200, publishedN: 40 });
  await db.setAside.put({ key: 'userdb-616e6e junk 1-a', db: 'userdb-616e6e', docId: 'junk', rev: '1-a', problems: ['type: missing'], json: '{}', at: T0 });
  await db.publish.put({ id: shop.decisions[0]!.id, n: 1, stage: 'journal' });
  // A person's saved and recently viewed products (schema version 7).
  await addSaved(db, 'demo ann', pid('tea'), T0 + 70);
  await recordView(db, 'demo ann', pid('teapot'), T0 + 80);
  // Messages (schema version 8): one queued, so its outbox has a row too.
  await sendMessage(db, { id: 'm-1' as EventId, v: 1, at: T0, type: 'message', kind: 'message.send', from: 'buyer', buyer: ann, sentAt: T0, text: 'Is it fresh?' }, T0);
  return { db, store };
}

/** A JSON file's trip: what a real backup goes through. */
const viaJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('backups', () => {
  it('round-trip exactly: export, restore elsewhere, export again', async () => {
    const { db, store } = await busyDevice();
    const first = await exportBackup(db, T0 + 100, store);
    for (const name of tablesAt()) expect(first.tables[name]?.length, name).toBeGreaterThan(0);
    expect(viaJson(first)).toEqual(first); // plain JSON, nothing lost in a file
    const other = freshDb();
    const otherStore = freshStore();
    await setSetting('view', 'seller', otherStore); // replaced, not merged
    await setCartQty(other, ann, pid('duck'), 'team', 1, T0);
    await importBackup(other, viaJson(first), otherStore);
    expect(await exportBackup(other, T0 + 100, otherStore)).toEqual(first);
    // A photo's bytes come back as they were, as a Blob of their type.
    const photo = await getPhoto(other, 'photo-1.webp');
    expect(photo?.blob.type).toBe('image/webp');
    expect(new Uint8Array(await photo!.blob.arrayBuffer())).toEqual(Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    // …and its thumbnail's.
    expect(photo?.thumb?.type).toBe('image/webp');
    expect(new Uint8Array(await photo!.thumb!.arrayBuffer())).toEqual(Uint8Array.from({ length: 5_000 }, (_, i) => (i * 31) % 256));
  });

  it('round-trips a device holding a decision the fold set aside (its postings are in no balance)', async () => {
    const { db, store } = await busyDevice();
    const credit = busyShop().decisions.find((d) => d.kind === 'wallet.credited')!;
    const last = (await exportBackup(db, T0, store)).tables.events!.length;
    await storeDecisions(db, [{
      ...credit, id: 'd.overflow' as EventId, intentId: 'overflow' as EventId, n: credit.n + 1_000 + last,
      postings: [{ account: 'cash', amount: m(-Number.MAX_SAFE_INTEGER) }, { account: 'available', buyer: ann, amount: m(Number.MAX_SAFE_INTEGER) }],
    }]);
    const backup = await exportBackup(db, T0 + 100, store);
    const other = freshDb();
    await importBackup(other, viaJson(backup), freshStore());
    expect(await exportBackup(other, T0 + 100, store)).toEqual(backup);
  });

  it("counts units sold again from the restored orders, keeping what the shop published; an older backup's are counted", async () => {
    const { db, store } = await busyDevice();
    const stored = await db.sold.toArray();
    expect(stored.some((r) => r.counted > 0)).toBe(true);
    const backup = viaJson(await exportBackup(db, T0, store)) as Backup;
    (backup.tables.sold as { counted: number }[]).forEach((r) => (r.counted = 999));
    const target = freshDb();
    await importBackup(target, backup, freshStore());
    expect(await target.sold.toArray()).toEqual(stored);
    expect((await target.sold.get(pid('teapot')))?.published).toBe(1200);
    // Schema version 8 had no `sold`: the restore counts it.
    const old = viaJson(await exportBackup(db, T0, store)) as Backup;
    delete old.tables.sold;
    old.schemaVersion = 8;
    const older = freshDb();
    await importBackup(older, old, freshStore());
    expect(await older.sold.toArray()).toEqual(stored.map(({ productId, counted }) => ({ productId, counted })));
  });

  it('restores a backup made before photos were kept (schema version 1)', async () => {
    const { db, store } = await busyDevice();
    const old = viaJson(await exportBackup(db, T0, store)) as Backup;
    delete old.tables.photos;
    // Before version 6 ('stock-per-sku') the shelves were `inventory`, one per product, keyed by its id.
    old.tables.inventory = (old.tables.skus as { sku: string }[]).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'sku')));
    delete old.tables.skus;
    old.schemaVersion = 1;
    const target = freshDb();
    await importBackup(target, old, freshStore());
    expect(await target.photos.count()).toBe(0);
    expect(await target.products.count()).toBe(await db.products.count());
    expect(await target.skus.toArray()).toEqual(await db.skus.toArray());
    expect(await target.skus.count()).toBeGreaterThan(0);
  });

  it('refuses what is not a backup, or is damaged, with a clear message and writes nothing', async () => {
    const { db, store } = await busyDevice();
    const good = await exportBackup(db, T0, store);
    const target = freshDb();
    const targetStore = freshStore();
    await setCartQty(target, ann, pid('tea'), 'regular', 7, T0);
    await setPersonSetting('demo ann', 'coupon', 'KEEP', targetStore);
    const before = await exportBackup(target, T0, targetStore);
    const bad = (change: (b: Record<string, unknown>) => void) => {
      const copy = viaJson(good) as Record<string, unknown>;
      change(copy);
      return copy;
    };
    const tables = (b: Record<string, unknown>) => b.tables as Record<string, unknown>;
    const cases: [unknown, RegExp][] = [
      [null, /not an Offline Shop backup/],
      ['{"format":"offline-shop-backup"}', /not an Offline Shop backup/],
      [[1, 2], /not an Offline Shop backup/],
      [bad((b) => (b.format = 'something-else')), /not an Offline Shop backup/],
      [bad((b) => delete b.version), /not an Offline Shop backup/],
      [bad((b) => (b.version = 2)), /made by a newer app version/],
      [bad((b) => (b.schemaVersion = 99)), /made by a newer app version/],
      [bad((b) => (b.tables = [])), /has no tables/],
      [bad((b) => (tables(b).orders = { a: 1 })), /table 'orders' is not a list of rows/],
      [bad((b) => (tables(b).pictures = [])), /unknown table 'pictures'/],
      [bad((b) => (tables(b).photos = [{ id: 'photo-2.webp', type: 'image/webp' }])), /photo 'photo-2.webp' has no picture/],
      [bad((b) => (b.schemaVersion = 0)), /older app version/],
      [bad((b) => delete tables(b).events), /table 'events' is missing/],
      [bad((b) => (tables(b).cart = [{ productId: 'tea' }])), /row 1 of the table 'cart' has no 'key'/],
      [bad((b) => (tables(b).cart = ['tea'])), /row 1 of the table 'cart' has no 'key'/],
      [bad((b) => (tables(b).events = [...(tables(b).events as unknown[]), (tables(b).events as unknown[])[0]])), /'events' has .* twice/],
      [bad((b) => (b.settings = { locale: 'fr' })), /setting 'locale' has a value/],
      [bad((b) => (b.settings = { theme: 'dark' })), /Unknown setting 'theme'/],
      [bad((b) => delete b.settings), /settings are not an object/],
    ];
    for (const [data, message] of cases) {
      const error = await importBackup(target, data, targetStore).catch((e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await exportBackup(target, T0, targetStore)).toEqual(before);
  });

  it('checks every row of every table before changing anything, and names the table, row and field of the first damage', async () => {
    const { db, store } = await busyDevice();
    const good = viaJson(await exportBackup(db, T0, store)) as Backup;
    const target = freshDb();
    const targetStore = freshStore();
    await setCartQty(target, ann, pid('tea'), 'regular', 7, T0);
    const before = await exportBackup(target, T0, targetStore);
    const rows = (b: Backup, table: string) => b.tables[table] as Record<string, unknown>[];
    const bad = (change: (b: Backup) => void) => {
      const copy = viaJson(good) as Backup;
      change(copy);
      return copy;
    };
    const firstDecision = (b: Backup) => rows(b, 'events').findIndex((e) => e.type === 'decision' && (e.postings as unknown[]).length > 0);
    const cases: [string, Backup, RegExp, Partial<Damage>][] = [
      ['wrong type', bad((b) => (rows(b, 'balances')[0]!.amount = 'x')),
        /^This backup is damaged: row 1 of the table 'balances', field 'amount': must be a number, got text "x"\.$/,
        { table: 'balances', row: 1, field: 'amount', kind: 'wrong' }],
      ['missing field', bad((b) => delete (rows(b, 'orders')[1]!.value as Record<string, unknown>).total),
        /row 2 of the table 'orders', field 'value.total': is required/, { table: 'orders', row: 2, field: 'value.total', kind: 'missing' }],
      ['missing field of an event', bad((b) => delete rows(b, 'events')[firstDecision(b)]!.postings),
        /table 'events', field 'postings': is required/, { table: 'events', field: 'postings', kind: 'missing' }],
      ['past 2^53', bad((b) => (rows(b, 'balances')[0]!.amount = 2 ** 53 + 2)),
        /field 'amount': must be a whole number of minor units, got 9007199254740994/, { table: 'balances', field: 'amount', kind: 'wrong' }],
      ['past 2^53 in a posting', bad((b) => ((rows(b, 'events')[firstDecision(b)]!.postings as { amount: number }[])[0]!.amount = 2 ** 53)),
        /field 'postings\[0\]\.amount': must be a whole number of minor units, got 9007199254740992/, { table: 'events', kind: 'wrong' }],
      ['newer version of an event', bad((b) => (rows(b, 'events')[3]!.v = 4)),
        /^This backup was made by a newer app version \(row 4 of the table 'events', field 'v': unsupported version 4; update the app\)\. Update the app, then restore it\.$/,
        { table: 'events', row: 4, field: 'v', kind: 'newer' }],
      ['dangling outbox entry', bad((b) => (rows(b, 'outbox')[0]!.id = 'no-such-intent')),
        /row 1 of the table 'outbox', field 'id': names no stored intent "no-such-intent"/, { table: 'outbox', kind: 'reference' }],
      ['view row no decision set', bad((b) => (rows(b, 'skus')[0]!.n = 999)),
        /row 1 of the table 'skus', field 'n': names no stored decision that set "\w+" \(number 999\)/, { table: 'skus', kind: 'reference' }],
      ['balance that is not its postings', bad((b) => (rows(b, 'balances')[0]!.amount = (rows(b, 'balances')[0]!.amount as number) + 100)),
        /row 1 of the table 'balances', field 'amount': is not the sum of the stored decisions' postings to available:ann/, { table: 'balances', kind: 'reference' }],
      ['balance missing', bad((b) => rows(b, 'balances').shift()),
        /the table 'balances': has no balance of available:ann/, { table: 'balances', row: 0, kind: 'missing' }],
      ['column that differs from its value', bad((b) => (rows(b, 'products')[0]!.price = 1)),
        /row 1 of the table 'products', field 'price': does not match the row's value/, { table: 'products', field: 'price', kind: 'reference' }],
      ['cart key', bad((b) => (rows(b, 'cart')[0]!.mode = 'team')),
        /table 'cart', field 'key': does not match/, { table: 'cart', kind: 'reference' }],
      ['photo bytes', bad((b) => (rows(b, 'photos')[0]!.data = 'AAAA')),
        /table 'photos', field 'bytes': does not match/, { table: 'photos', kind: 'reference' }],
      ['unknown field', bad((b) => (rows(b, 'checkpoints')[0]!.extra = 1)),
        /row 1 of the table 'checkpoints': unknown field "extra"/, { table: 'checkpoints', kind: 'wrong' }],
    ];
    for (const [what, data, message, where] of cases) {
      const error = await importBackup(target, data, targetStore).catch((e: unknown) => e);
      expect(error, what).toBeInstanceOf(BackupError);
      expect((error as Error).message, what).toMatch(message);
      expect((error as BackupError).damage, what).toMatchObject(where);
    }
    expect(await exportBackup(target, T0, targetStore)).toEqual(before);
  });

  it('restores into a database that is already in use, replacing every table', async () => {
    const { db, store } = await busyDevice();
    const empty: Backup = await exportBackup(freshDb(), T0, freshStore());
    await importBackup(db, empty, store);
    for (const t of (db as ShopDb).tables) expect(await t.count(), t.name).toBe(0);
    expect((await exportBackup(db, T0, store)).settings).toEqual({});
  });
});
