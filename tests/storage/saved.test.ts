// A person's saved products and recently viewed ones (schema version 7): per person, what
// was seen when saved, the last 50 views newest first, the upgrade, and backups of both.
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { BuyerId, CombinationId, Money, OptionValueId, Product, ProductId } from '../../src/domain/index.ts';
import { savedMarks, seenNow } from '../../src/domain/saved.ts';
import { BackupError, exportBackup, importBackup, storeDecisions, updatesFor, VERSIONS, type Backup } from '../../src/storage/index.ts';
import { addSaved, clearViewed, isSaved, recordView, removeSaved, savedOf, viewedOf } from '../../src/storage/saved.ts';
import { m, pid, product, seller, T0 } from '../domain/fixtures/shop.ts';
import { freshDb, History, PRODUCTS } from './helpers.ts';

const ANN = 'demo ann';
const BO = 'demo bo';
const viaJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
let n = 0;
const freshStore = () => createStore(`saved-settings-${++n}-${Math.random()}`, 'settings');

/** A device whose catalog holds the helpers' products, 20 of each (tea at 15.00, teapot at 120.00). */
async function shopDevice() {
  const db = freshDb();
  const shop = new History();
  await storeDecisions(db, shop.step(PRODUCTS.map((p) => seller('product.save', { product: p, stock: 20 })), T0));
  /** The seller saves a product again (a new price, a new stock). */
  const change = async (p: Product, stock: number, at = T0 + 1000) => storeDecisions(db, shop.step([seller('product.save', { product: p, stock }, at)], at));
  return { db, change };
}

const tea = PRODUCTS.find((p) => p.id === 'tea')!;
const teapot = PRODUCTS.find((p) => p.id === 'teapot')!;

describe('saved products', () => {
  it('are each person’s own, newest first, with the price and stock seen when saved', async () => {
    const { db } = await shopDevice();
    await addSaved(db, ANN, pid('tea'), T0 + 10);
    await addSaved(db, ANN, pid('teapot'), T0 + 20);
    await addSaved(db, BO, pid('cups'), T0 + 30);
    expect(await savedOf(db, ANN)).toEqual([
      { key: 'demo ann|teapot', person: ANN, productId: 'teapot', savedAt: T0 + 20, price: 12000, inStock: true },
      { key: 'demo ann|tea', person: ANN, productId: 'tea', savedAt: T0 + 10, price: 1500, inStock: true },
    ]);
    expect((await savedOf(db, BO)).map((r) => r.productId)).toEqual(['cups']);
    expect(await isSaved(db, ANN, pid('tea'))).toBe(true);
    expect(await isSaved(db, BO, pid('tea'))).toBe(false);
    // Saved again: still where it was in the list.
    await addSaved(db, ANN, pid('tea'), T0 + 40);
    expect((await savedOf(db, ANN)).map((r) => [r.productId, r.savedAt])).toEqual([['teapot', T0 + 20], ['tea', T0 + 10]]);
    await removeSaved(db, ANN, pid('tea'));
    expect((await savedOf(db, ANN)).map((r) => r.productId)).toEqual(['teapot']);
    expect(await savedOf(db, BO)).toHaveLength(1);
    // Nothing to save: a product this device does not know.
    await expect(addSaved(db, ANN, pid('nothing'), T0)).rejects.toThrow(/No product 'nothing'/);
    expect(await savedOf(db, ANN)).toHaveLength(1);
  });

  it('are marked when the price drops or the product is back in stock, until the person looks at it again', async () => {
    const { db, change } = await shopDevice();
    await change(teapot, 0);
    await addSaved(db, ANN, pid('tea'), T0 + 10);
    await addSaved(db, ANN, pid('teapot'), T0 + 20);
    const marks = async () => {
      const rows = await savedOf(db, ANN);
      return Object.fromEntries(await Promise.all(rows.map(async (r) => {
        const p = (await db.products.get(r.productId))!.value;
        return [r.productId, savedMarks(r, seenNow(p, [(await db.skus.get(r.productId))?.value]))] as const;
      })));
    };
    expect(await marks()).toEqual({ tea: { priceDropped: false, backInStock: false }, teapot: { priceDropped: false, backInStock: false } });
    await change({ ...tea, price: m(1200) }, 20);
    await change(teapot, 5);
    expect(await marks()).toEqual({ tea: { priceDropped: true, backInStock: false }, teapot: { priceDropped: false, backInStock: true } });
    // Ann opens the tea's page: she has seen the new price.
    await recordView(db, ANN, pid('tea'), T0 + 2000);
    expect(await marks()).toEqual({ tea: { priceDropped: false, backInStock: false }, teapot: { priceDropped: false, backInStock: true } });
    // A price that goes up is no mark, and becomes what a later drop is measured from once seen.
    await change({ ...tea, price: m(1800) }, 20);
    expect((await marks()).tea).toEqual({ priceDropped: false, backInStock: false });
    await recordView(db, ANN, pid('tea'), T0 + 3000);
    await change({ ...tea, price: m(1600) }, 20);
    expect((await marks()).tea).toEqual({ priceDropped: true, backInStock: false });
    // Bo's view changes nothing of Ann's.
    await recordView(db, BO, pid('teapot'), T0 + 4000);
    expect((await marks()).teapot).toEqual({ priceDropped: false, backInStock: true });
  });
});

describe("a saved product's news in the person's Updates", () => {
  it('is one update per change, dated by the decision that made it, and leaves once the person looks', async () => {
    const { db, change } = await shopDevice();
    await change(teapot, 0);
    await addSaved(db, ANN, pid('tea'), T0 + 10);
    await addSaved(db, ANN, pid('teapot'), T0 + 20);
    const news = async (person = ANN) => (await updatesFor(db, 'ann' as BuyerId, person)).map((u) => [u.kind, u.productId, u.at, u.text]);
    expect(await news()).toEqual([]);
    await change({ ...tea, price: m(1200) }, 20, T0 + 5000);
    await change(teapot, 5, T0 + 6000);
    expect(await news()).toEqual([['back-in-stock', 'teapot', T0 + 6000, 'Clay Teapot'], ['price-dropped', 'tea', T0 + 5000, 'Green Tea']]);
    // Bo saved nothing: none of it is his; the shop's news of ann is not read without a person either.
    expect(await news(BO)).toEqual([]);
    expect(await updatesFor(db, 'ann' as BuyerId)).toEqual([]);
    await recordView(db, ANN, pid('tea'), T0 + 7000);
    expect((await news()).map((x) => x[1])).toEqual(['teapot']);
    // A second drop is a new update (its id names the catalog's version).
    const before = (await updatesFor(db, 'ann' as BuyerId, ANN))[0]!.id;
    await change({ ...teapot, price: m(9000) }, 5, T0 + 8000);
    const after = await updatesFor(db, 'ann' as BuyerId, ANN);
    expect(after[0]!.id).not.toBe(before);
    expect(after[0]).toMatchObject({ kind: 'back-in-stock', at: T0 + 8000 });
  });
});

describe('what a product is now', () => {
  const options = (over: Partial<Product> = {}): Product => product('shirt', {
    price: m(5000),
    options: [{ name: 'Size', values: [{ id: 's' as OptionValueId, name: 'S' }, { id: 'l' as OptionValueId, name: 'L' }] }],
    combinations: [
      { id: 'cs' as CombinationId, values: ['s' as OptionValueId], price: m(5000), sold: true },
      { id: 'cl' as CombinationId, values: ['l' as OptionValueId], price: m(4000), sold: false },
    ],
    ...over,
  });
  const shelf = (stock: number) => ({ productId: 'shirt' as ProductId, stock, flashSold: 0 });

  it('is in stock until the shop says none is left, and costs its lowest price for sale', () => {
    expect(seenNow(product('a', { price: m(700) }), [undefined])).toEqual({ price: 700, inStock: true });
    expect(seenNow(product('a'), [shelf(0)])).toEqual({ price: 1000, inStock: false });
    expect(seenNow(product('a'), [shelf(3)])).toEqual({ price: 1000, inStock: true });
    // With options: only a combination for sale counts, for its price and its stock.
    expect(seenNow(options(), [shelf(0), shelf(9)])).toEqual({ price: 5000, inStock: false });
    expect(seenNow(options(), [shelf(2), shelf(0)])).toEqual({ price: 5000, inStock: true });
  });

  it('marks a lower price and a return to stock, nothing else', () => {
    const was = { price: 1000 as Money, inStock: false };
    expect(savedMarks(was, { price: 999 as Money, inStock: false })).toEqual({ priceDropped: true, backInStock: false });
    expect(savedMarks(was, { price: 1000 as Money, inStock: true })).toEqual({ priceDropped: false, backInStock: true });
    expect(savedMarks({ price: 1000 as Money, inStock: true }, { price: 1001 as Money, inStock: false })).toEqual({ priceDropped: false, backInStock: false });
  });
});

describe('recently viewed', () => {
  it('keeps each person’s last 50, newest first, each product once, trimmed as it is written', async () => {
    const db = freshDb();
    for (let i = 0; i < 60; i++) await recordView(db, ANN, pid(`p${i}`), T0 + i * 1000);
    await recordView(db, BO, pid('p1'), T0);
    const ann = await viewedOf(db, ANN);
    expect(ann.map((r) => r.productId)).toEqual(Array.from({ length: 50 }, (_, i) => `p${59 - i}`));
    // Trimmed in the table itself, not only in what is read.
    expect(await db.viewed.filter((r) => r.person === ANN).count()).toBe(50);
    // Seen again: moved to the top, not added twice.
    await recordView(db, ANN, pid('p30'), T0 + 100_000);
    const again = await viewedOf(db, ANN);
    expect(again).toHaveLength(50);
    expect(again.slice(0, 3).map((r) => r.productId)).toEqual(['p30', 'p59', 'p58']);
    expect(again.filter((r) => r.productId === 'p30')).toHaveLength(1);
    expect((await viewedOf(db, BO)).map((r) => r.productId)).toEqual(['p1']);
  });

  it('keeps the order of views within one millisecond and when the clock goes back', async () => {
    const db = freshDb();
    await recordView(db, ANN, pid('a'), T0);
    await recordView(db, ANN, pid('b'), T0);
    await recordView(db, ANN, pid('c'), T0 - 60_000);
    expect((await viewedOf(db, ANN)).map((r) => r.productId)).toEqual(['c', 'b', 'a']);
  });

  it('is cleared for one person only', async () => {
    const db = freshDb();
    await recordView(db, ANN, pid('a'), T0);
    await recordView(db, BO, pid('a'), T0);
    await clearViewed(db, ANN);
    expect(await viewedOf(db, ANN)).toEqual([]);
    expect(await viewedOf(db, BO)).toHaveLength(1);
  });

  it('stays within 50 when two tabs record at once', async () => {
    const db = freshDb();
    await Promise.all(Array.from({ length: 70 }, (_, i) => recordView(db, ANN, pid(`p${i}`), T0 + i)));
    expect(await db.viewed.count()).toBe(50);
  });
});

describe('schema version 7 (saved-and-viewed)', () => {
  it('adds the two tables to a version 5 database and keeps everything in it', async () => {
    const name = `saved-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const v of VERSIONS.filter((v) => v.version <= 5)) old.version(v.version).stores({ ...v.stores });
    await old.open();
    await old.table('cart').put({ key: 'ann|tea|regular', buyer: 'ann', productId: 'tea', mode: 'regular', qty: 2, addedAt: 1 });
    old.close();
    const db = new (await import('../../src/storage/index.ts')).ShopDb(name);
    await db.open();
    expect(await db.cart.count()).toBe(1);
    await recordView(db, ANN, pid('tea'), T0);
    expect(await viewedOf(db, ANN)).toHaveLength(1);
    expect(await savedOf(db, ANN)).toEqual([]);
    db.close();
  });
});

describe('backups of saved and viewed', () => {
  async function savedDevice() {
    const { db } = await shopDevice();
    const store = freshStore();
    await addSaved(db, ANN, pid('tea'), T0 + 10);
    await addSaved(db, BO, pid('teapot'), T0 + 20);
    await recordView(db, ANN, pid('cups'), T0 + 30);
    await recordView(db, ANN, pid('tea'), T0 + 40);
    return { db, store, backup: viaJson(await exportBackup(db, T0 + 100, store)) as Backup };
  }

  it('carry everyone’s, and restore them exactly', async () => {
    const { backup } = await savedDevice();
    expect(backup.tables.saved).toHaveLength(2);
    expect(backup.tables.viewed).toHaveLength(2);
    const other = freshDb();
    await importBackup(other, backup, freshStore());
    expect((await savedOf(other, ANN)).map((r) => r.productId)).toEqual(['tea']);
    expect((await savedOf(other, BO)).map((r) => r.productId)).toEqual(['teapot']);
    expect((await viewedOf(other, ANN)).map((r) => r.productId)).toEqual(['tea', 'cups']);
  });

  it('made before version 7 restore with nothing saved or viewed', async () => {
    const { backup } = await savedDevice();
    const old = viaJson(backup) as Backup;
    delete old.tables.saved;
    delete old.tables.viewed;
    old.schemaVersion = 6;
    const other = freshDb();
    await importBackup(other, old, freshStore());
    expect(await other.saved.count()).toBe(0);
    expect(await other.products.count()).toBe(PRODUCTS.length);
  });

  it('refuse a damaged row, naming the table, row and field, and change nothing', async () => {
    const { backup } = await savedDevice();
    const target = freshDb();
    const targetStore = freshStore();
    await recordView(target, ANN, pid('mine'), T0);
    const before = await exportBackup(target, T0, targetStore);
    const bad = (change: (b: Backup) => void) => {
      const copy = viaJson(backup) as Backup;
      change(copy);
      return copy;
    };
    const rows = (b: Backup, table: string) => b.tables[table] as Record<string, unknown>[];
    const cases: [Backup, RegExp, object][] = [
      [bad((b) => (rows(b, 'saved')[1]!.price = '12.00')), /row 2 of the table 'saved', field 'price': must be a number/, { table: 'saved', row: 2, field: 'price', kind: 'wrong' }],
      [bad((b) => delete rows(b, 'saved')[0]!.inStock), /row 1 of the table 'saved', field 'inStock': is required/, { table: 'saved', field: 'inStock', kind: 'missing' }],
      [bad((b) => (rows(b, 'saved')[0]!.person = 'demo cy')), /table 'saved', field 'key': does not match/, { table: 'saved', kind: 'reference' }],
      [bad((b) => (rows(b, 'viewed')[0]!.viewedAt = 'yesterday')), /row 1 of the table 'viewed', field 'viewedAt'/, { table: 'viewed', field: 'viewedAt', kind: 'wrong' }],
      [bad((b) => (rows(b, 'viewed')[1]!.person = '')), /row 2 of the table 'viewed', field 'person': must name a person/, { table: 'viewed', field: 'person' }],
    ];
    for (const [data, message, where] of cases) {
      const error = await importBackup(target, data, targetStore).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(message);
      expect((error as BackupError).damage).toMatchObject(where);
    }
    expect(await exportBackup(target, T0, targetStore)).toEqual(before);
  });
});
