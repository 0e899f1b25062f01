/**
 * Catalog search over a real (fake-indexeddb) database: the index's pages equal storage's
 * `listProducts`, before the index is ready (it falls back to it), once built, and after
 * products change one by one, in bulk, or all at once.
 */
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Decision, Product } from '../../src/domain/index.ts';
import { listProducts, ratingsOf, storeDecisions, type ProductPage, type ProductQuery, type ShopDb } from '../../src/storage/index.ts';
import {
  catalogSearchSettled, catalogSearchStatus, searchCatalog, startCatalogSearch, stopCatalogSearch, watchCatalogSearch,
  type CatalogSearchStatus,
} from '../../src/app/queries/catalog-search.ts';
import { CatalogIndexer, CHUNK } from '../../src/storage/catalog-indexer.ts';
import { m, product, seller, T0 } from '../domain/fixtures/shop.ts';
import { busyShop, freshDb, History } from '../storage/helpers.ts';

const opened: ShopDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) {
    stopCatalogSearch(db);
    db.close();
  }
});

async function shopDb(): Promise<{ db: ShopDb; h: History }> {
  const db = freshDb();
  opened.push(db);
  const h = busyShop();
  await storeDecisions(db, h.decisions);
  return { db, h };
}

let at = T0 + 100 * 86_400_000;
/** The shop's decisions on saving these products (new or changed). */
function save(h: History, products: Product[]): Decision[] {
  at += 1000;
  return h.step(products.map((p) => seller('product.save', { product: p, stock: 5 }, at)), at);
}

const QUERIES: ProductQuery[] = ['', 't', 'tea', 'tea c', 'gre', '茶', '龙井', '龙井子', 'x', 'secret'].flatMap((search) =>
  (['relevance', 'name', 'price-asc', 'price-desc'] as const).flatMap((sort) => [
    { search, sort, offset: 0, limit: 24 },
    { search, sort, offset: 1, limit: 2 },
    { search, sort, offset: 0, limit: 24, category: 'Tea' },
    { search, sort, offset: 0, limit: 24, includeHidden: true },
  ]));

/** Storage's page with the ratings its cards show (the catalog's page carries them; storage's lists do not). */
async function storagePage(db: ShopDb, q: ProductQuery): Promise<ProductPage> {
  const page = await listProducts(db, q);
  const ratings = await ratingsOf(db, page.items.map((i) => i.product.id));
  return { ...page, items: page.items.map((i) => (ratings.has(i.product.id) ? { ...i, rating: ratings.get(i.product.id) } : i)) };
}

async function expectSameAsStorage(db: ShopDb, queries: readonly ProductQuery[] = QUERIES): Promise<void> {
  for (const q of queries) expect(await searchCatalog(db, q), JSON.stringify(q)).toEqual(await storagePage(db, q));
}

describe('searchCatalog', () => {
  it('gives each card its rating from the published reviews, before and after the index is ready; none without reviews', async () => {
    const { db } = await shopDb();
    const ratings = async () => Object.fromEntries((await searchCatalog(db, { offset: 0, limit: 24 })).items.map((i) => [i.product.id, i.rating]));
    const expected = { tea: { average: 5, count: 1 }, cups: undefined, duck: undefined, longjing: undefined, teapot: undefined };
    expect(await ratings()).toEqual(expected); // from storage
    await catalogSearchSettled(db);
    expect(catalogSearchStatus(db).ready).toBe(true);
    expect(await ratings()).toEqual(expected); // from the index
  });

  it('falls back to storage until the index is ready, then answers the same from the index', async () => {
    const { db } = await shopDb();
    expect(catalogSearchStatus(db)).toEqual({ ready: false, building: false, products: 0, version: 0 });
    const first = await searchCatalog(db, { offset: 0, limit: 24 }); // starts the index
    expect(first).toEqual(await storagePage(db, { offset: 0, limit: 24 }));
    const status = await catalogSearchSettled(db);
    expect(status).toMatchObject({ ready: true, building: false, products: 6 });
    expect(status.version).toBeGreaterThan(0);
    await expectSameAsStorage(db);
  });

  it('applies a product saved, renamed, re-priced or hidden, and tells its watchers', async () => {
    const { db, h } = await shopDb();
    startCatalogSearch(db);
    await catalogSearchSettled(db);
    const seen: CatalogSearchStatus[] = [];
    const unwatch = watchCatalogSearch(db, (s) => seen.push(s));
    expect(seen).toHaveLength(1); // at once

    const [tea, , teapot] = [...h.state.products.values()].map((p) => p.value);
    await storeDecisions(db, save(h, [
      product('matcha', { name: 'Uji Matcha', category: 'Tea', price: m(4200) }),
      { ...tea!, name: 'Yellow Tea' },
      { ...teapot!, price: m(100), hidden: true },
    ]));
    await catalogSearchSettled(db);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toMatchObject({ ready: true, products: 7 });
    expect((await searchCatalog(db, { search: 'matcha', offset: 0, limit: 5 })).items.map((i) => i.product.id)).toEqual(['matcha']);
    expect((await searchCatalog(db, { search: 'yellow', offset: 0, limit: 5 })).total).toBe(1);
    expect((await searchCatalog(db, { search: 'green', offset: 0, limit: 5 })).total).toBe(0);
    expect((await searchCatalog(db, { search: 'teapot', offset: 0, limit: 5 })).total).toBe(0);
    await expectSameAsStorage(db);
    unwatch();
    const count = seen.length;
    await storeDecisions(db, save(h, [product('kettle', { name: 'Kettle', category: 'Teaware', price: m(900) })]));
    await catalogSearchSettled(db);
    expect(seen).toHaveLength(count);
  });

  it('reads everything again after a bulk write (Dexie names no keys for 50 rows or more) or a cleared table', async () => {
    const { db, h } = await shopDb();
    await catalogSearchSettled(db);
    const many = Array.from({ length: 60 }, (_, i) => product(`bulk-${i}`, { name: `Bulk tea ${i}`, category: 'Tea', price: m(1000 + i) }));
    await storeDecisions(db, save(h, many));
    expect((await catalogSearchSettled(db)).products).toBe(66);
    await expectSameAsStorage(db);

    await db.products.clear();
    expect((await catalogSearchSettled(db)).products).toBe(0);
    expect(await searchCatalog(db, { offset: 0, limit: 24 })).toEqual({ items: [], total: 0 });
  });

  it('builds in chunks, and loses no change made while it reads them', async () => {
    const db = freshDb();
    opened.push(db);
    const h = new History();
    const count = 2 * CHUNK + 10;
    const products = Array.from({ length: count }, (_, i) => product(`p${String(i).padStart(6, '0')}`, {
      name: `Product ${i % 97} ${['tea', 'cup', 'pot'][i % 3]}`, category: ['Tea', 'Teaware'][i % 2]!, price: m(100 + (i % 50)),
    }));
    await storeDecisions(db, save(h, products));
    const indexer = new CatalogIndexer(db, () => undefined);
    try {
      // Once the first chunk is being read: a product added at the end, one deleted and one renamed in the middle.
      await new Promise((r) => setTimeout(r, 0));
      expect(indexer.building).toBe(true);
      expect(indexer.index).toBeUndefined();
      await storeDecisions(db, save(h, [
        product('zz-late', { name: 'Late tea', category: 'Tea', price: m(1) }),
        { ...products[CHUNK + 1]!, name: 'Renamed pot' },
      ]));
      await db.products.delete(products[CHUNK]!.id);
      await indexer.settled();
      expect(indexer.building).toBe(false);
      expect(indexer.index?.size).toBe(count);
      for (const q of [
        { offset: 0, limit: 24 }, { search: 'late', offset: 0, limit: 24 }, { search: 'renamed', offset: 0, limit: 24 },
        { search: 'tea', sort: 'price-asc', offset: 3000, limit: 24 }, { search: 'product 5', sort: 'price-desc', offset: 0, limit: 50 },
      ] as const) {
        const page = await listProducts(db, q);
        expect(indexer.index?.query(q), JSON.stringify(q)).toEqual({ ids: page.items.map((i) => i.product.id), total: page.total });
      }
    } finally {
      indexer.stop();
    }
  }, 30_000); // thousands of rows through fake-indexeddb: seconds on a busy two-core machine, and what it checks is the result

  it('leaves out a product deleted before the index hears of it', async () => {
    const { db } = await shopDb();
    await catalogSearchSettled(db);
    await db.products.delete('tea');
    // The index hears of it on its next task: meanwhile the page leaves the product out.
    const result = await searchCatalog(db, { search: 'tea', offset: 0, limit: 24 });
    expect(result.items.map((i) => i.product.id)).toEqual(['teapot', 'cups']);
    await catalogSearchSettled(db);
    await expectSameAsStorage(db);
  });

  it('works inside a live query', async () => {
    const { db } = await shopDb();
    const q = { search: 'tea', offset: 0, limit: 24 };
    const pages: string[][] = [];
    const sub = liveQuery(() => searchCatalog(db, q)).subscribe({ next: (p) => pages.push(p.items.map((i) => i.product.id)) });
    await catalogSearchSettled(db);
    await new Promise((r) => setTimeout(r, 20));
    expect(pages[0]).toEqual(['teapot', 'tea', 'cups']);
    sub.unsubscribe();
    // Now from the index.
    const ids = await new Promise<string[]>((resolve) => {
      const s = liveQuery(() => searchCatalog(db, q)).subscribe({ next: (p) => { s.unsubscribe(); resolve(p.items.map((i) => i.product.id)); } });
    });
    expect(ids).toEqual(['teapot', 'tea', 'cups']);
  });

  it('stops with its database', async () => {
    const { db } = await shopDb();
    await catalogSearchSettled(db);
    stopCatalogSearch(db);
    expect(catalogSearchStatus(db).ready).toBe(false);
    startCatalogSearch(db);
    db.close();
    await catalogSearchSettled(db);
    expect(catalogSearchStatus(db).ready).toBe(false);
  });

  it('finds the demo products by Chinese and English words as storage does', async () => {
    const { db, h } = await shopDb();
    await storeDecisions(db, save(h, [product('apples', { name: 'Fuji apples 富士苹果 (1 kg)', category: 'Fruit', tags: ['fresh'], price: m(1290) })]));
    await catalogSearchSettled(db);
    for (const search of ['苹果', '苹', 'fuji', 'app', 'fruit', 'fresh', 'kg']) {
      expect((await searchCatalog(db, { search, offset: 0, limit: 24 })).items.map((i) => i.product.id), search).toEqual(['apples']);
    }
  });
});
