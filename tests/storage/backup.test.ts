import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import {
  BackupError, exportBackup, getPhoto, importBackup, putPhoto, queueIntent, setCartQty, setPersonSetting, setSetting, storeDecisions, tablesAt,
  type Backup,
  type ShopDb,
} from '../../src/storage/index.ts';
import { intent, m, pid, T0 } from '../domain/fixtures/shop.ts';
import { ann, busyShop, freshDb } from './helpers.ts';

let n = 0;
const freshStore = () => createStore(`backup-settings-${++n}-${Math.random()}`, 'settings');

/** A device with something in every table and some settings. */
async function busyDevice() {
  const db = freshDb();
  const store = freshStore();
  await storeDecisions(db, busyShop().decisions);
  await queueIntent(db, intent('wallet.demo-top-up', ann, T0 + 50, { amount: m(100) }), T0 + 50);
  await setCartQty(db, ann, pid('tea'), 'regular', 3, T0 + 60);
  await setSetting('locale', 'zh', store);
  await setSetting('buyerName', 'ann', store);
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
  await putPhoto(db, { id: 'photo-1.webp', blob: new Blob([bytes], { type: 'image/webp' }), type: 'image/webp', width: 4, height: 3, bytes: bytes.length, storedAt: T0 });
  // Sync's bookkeeping (schema version 3) travels in a backup too.
  await db.checkpoints.put({ db: 'userdb-616e6e', since: '12-g1AAAA', identity: 'u1', syncedAt: T0 });
  await db.setAside.put({ key: 'userdb-616e6e junk 1-a', db: 'userdb-616e6e', docId: 'junk', rev: '1-a', problems: ['type: missing'], json: '{}', at: T0 });
  await db.publish.put({ id: busyShop().decisions[0]!.id, n: 1, stage: 'journal' });
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
  });

  it('restores a backup made before photos were kept (schema version 1)', async () => {
    const { db, store } = await busyDevice();
    const old = viaJson(await exportBackup(db, T0, store)) as Backup;
    delete old.tables.photos;
    old.schemaVersion = 1;
    const target = freshDb();
    await importBackup(target, old, freshStore());
    expect(await target.photos.count()).toBe(0);
    expect(await target.products.count()).toBe(await db.products.count());
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

  it('restores into a database that is already in use, replacing every table', async () => {
    const { db, store } = await busyDevice();
    const empty: Backup = await exportBackup(freshDb(), T0, freshStore());
    await importBackup(db, empty, store);
    for (const t of (db as ShopDb).tables) expect(await t.count(), t.name).toBe(0);
    expect((await exportBackup(db, T0, store)).settings).toEqual({});
  });
});
