import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { getPhoto, putPhoto, SCHEMA_VERSION, ShopDb, tablesAt, VERSIONS } from '../../src/storage/index.ts';
import { freshDb } from './helpers.ts';

/**
 * The versions already released, exactly as they shipped. Append to this list when a version
 * is released; never change what is here (a phone may still be on any of them).
 */
const RELEASED: readonly { name: string; stores: Record<string, string | null> }[] = [
  {
    name: 'initial',
    stores: {
      events: '&id, type, kind, intentId, n',
      outbox: '&id, status, queuedAt',
      shop: '&key',
      products: '&id, category, price, *words, hidden',
      inventory: '&productId',
      promotions: '&id',
      teams: '&id, productId, status',
      orders: '&id, buyer, status, placedAt',
      reviews: '&id, *productIds, orderId',
      withdrawals: '&id, buyer, status',
      balances: '&account',
      cart: '&key',
    },
  },
  { name: 'photos', stores: { photos: '&id' } },
  { name: 'sync', stores: { checkpoints: '&db', setAside: '&key, db', publish: '&id, n' } },
];

describe('schema versions', () => {
  it('are numbered in strictly increasing order, with unique names', () => {
    const numbers = VERSIONS.map((v) => v.version);
    numbers.forEach((n, i) => {
      expect(Number.isInteger(n) && n > 0).toBe(true);
      if (i > 0) expect(n).toBeGreaterThan(numbers[i - 1]!);
    });
    const names = VERSIONS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(SCHEMA_VERSION).toBe(numbers[numbers.length - 1]);
  });

  it('still start with every released version, unchanged (a deleted or edited version fails here)', () => {
    expect(VERSIONS.map((v) => v.name).slice(0, RELEASED.length)).toEqual(RELEASED.map((r) => r.name));
    RELEASED.forEach((r, i) => expect(VERSIONS[i]?.stores).toEqual(r.stores));
  });

  it('open as a database with every table of the newest version', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(tablesAt());
    expect(db.products.schema.indexes.find((i) => i.name === 'words')?.multi).toBe(true);
    db.close();
  });

  it('version 4 (cart-per-person) adds only an index of the cart by buyer, with a named upgrade', () => {
    expect(tablesAt(4)).toEqual(tablesAt(3));
    expect(VERSIONS[3]).toMatchObject({ version: 4, name: 'cart-per-person', stores: { cart: '&key, buyer' } });
    expect(typeof (VERSIONS[3] as { upgrade?: unknown }).upgrade).toBe('function');
  });

  it('version 2 (photos) adds only the photos table to version 1', () => {
    const v1 = tablesAt(1);
    expect(v1).not.toContain('photos');
    expect(tablesAt(2)).toEqual([...v1, 'photos'].sort());
    expect(VERSIONS[1]).toMatchObject({ version: 2, name: 'photos', stores: { photos: '&id' } });
    expect('upgrade' in VERSIONS[1]!).toBe(false);
  });

  it('upgrade a version 1 database in place: its rows stay (the cart line nobody’s until the app gives it to someone), the photos table appears', async () => {
    const name = `schema-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores({ ...VERSIONS[0]!.stores });
    await old.open();
    await old.table('cart').put({ key: 'tea|regular', productId: 'tea', mode: 'regular', qty: 2, addedAt: 1 });
    old.close();

    const db = new ShopDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.cart.toArray()).toEqual([{ key: '|tea|regular', buyer: '', productId: 'tea', mode: 'regular', qty: 2, addedAt: 1 }]);
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' });
    await putPhoto(db, { id: 'photo-1.webp', blob, type: 'image/webp', width: 3, height: 1, bytes: 3, storedAt: 5 });
    const row = await getPhoto(db, 'photo-1.webp');
    expect(row?.bytes).toBe(3);
    expect(row?.blob.size).toBe(3);
    db.close();
  });

  it('version 6 (stock-per-sku) moves every shelf of version 5 to the skus table under its product id, and drops the old table', async () => {
    expect(VERSIONS[5]).toMatchObject({ version: 6, name: 'stock-per-sku', stores: { skus: '&sku, productId', inventory: null } });
    expect(tablesAt(6)).toEqual([...tablesAt(5).filter((t) => t !== 'inventory'), 'skus'].sort());
    const name = `schema-v6-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const v of VERSIONS.slice(0, 5)) old.version(v.version).stores({ ...v.stores });
    await old.open();
    const tea = { productId: 'tea', n: 3, value: { productId: 'tea', stock: 12, flashSold: 2 } };
    const cup = { productId: 'cup', n: 7, value: { productId: 'cup', stock: 0, flashSold: 0 } };
    await old.table('inventory').bulkPut([tea, cup]);
    old.close();
    const db = new ShopDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('inventory');
    expect(await db.skus.get('tea')).toEqual({ sku: 'tea', ...tea });
    expect(await db.skus.where('productId').equals('cup').toArray()).toEqual([{ sku: 'cup', ...cup }]);
    db.close();
  });

  it('version 9 (sold-counts) counts the orders already on the device, as the fold counts them', async () => {
    expect(VERSIONS[8]).toMatchObject({ version: 9, name: 'sold-counts', stores: { sold: '&productId' } });
    const name = `schema-v9-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const v of VERSIONS.slice(0, 8)) old.version(v.version).stores({ ...v.stores });
    await old.open();
    const line = (productId: string, qty: number) => ({ productId, qty });
    const row = (id: string, status: string, lines: object[]) => ({ id, n: 1, buyer: 'ann', status, placedAt: 1, value: { id, status, lines } });
    await old.table('orders').bulkPut([
      row('o1', 'finished', [line('tea', 2), line('cup', 1)]),
      row('o2', 'shipped', [line('tea', 3)]),
      row('o3', 'refunded', [line('cup', 5)]),
      row('o4', 'team-forming', [line('duck', 1)]),
    ]);
    old.close();
    const db = new ShopDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.sold.orderBy('productId').toArray()).toEqual([{ productId: 'cup', counted: 1 }, { productId: 'tea', counted: 5 }]);
    db.close();
  });
});
