/**
 * Products with options in storage (schema version 6): a shelf per combination in `skus`, keyed
 * by the domain's `skuKey`, written from what the one fold returns; a product without options
 * keeps its one shelf under its id. The views read back equal the domain's own state.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { skuKey, type Product } from '../../src/domain/index.ts';
import { getProduct, listProducts, storeDecisions } from '../../src/storage/index.ts';
import { shelvesAtMost } from '../../src/storage/seller-queries.ts';
import { productBases, productToEdit } from '../../src/storage/catalog-queries.ts';
import { cid, cline, m, optionTea, order, product, seller, SHOP, stocks, T0 } from '../domain/fixtures/shop.ts';
import { ann, freshDb, History, viewsOf, viewsOfState } from './helpers.ts';

const tea = optionTea();
const cup = product('cup', { price: m(500) });

function shopWithTea(): History {
  const h = new History();
  h.step([
    seller('shop.save', { shop: SHOP }),
    seller('product.save', { product: tea, stock: 0, stocks: stocks({ c1: 5, c2: 2, c3: 10, c4: 3 }) }),
    seller('product.save', { product: cup, stock: 4 }),
    seller('wallet.credit', { buyer: ann, amount: m(100_000), method: 'cash', note: '' }),
  ], T0);
  return h;
}

describe('a shelf per combination', () => {
  it('is stored under its skuKey as the fold makes it, and an order takes from its own shelf only', async () => {
    const h = shopWithTea();
    h.step([order(ann, T0 + 10, [cline('tea', 'c3', 2), cline('tea', 'c1', 1)], 2 * 2200 + 1000)], T0 + 10);
    const db = freshDb();
    // In two batches, the second only touching the combinations' rows it names.
    await storeDecisions(db, h.decisions.slice(0, -1));
    await storeDecisions(db, h.decisions.slice(-1));
    expect(await viewsOf(db)).toEqual(viewsOfState(h.state));
    expect((await db.skus.toArray()).map((r) => [r.sku, r.productId, r.value.stock]).sort()).toEqual([
      ['cup', 'cup', 4], ['tea/c1', 'tea', 4], ['tea/c2', 'tea', 2], ['tea/c3', 'tea', 8], ['tea/c4', 'tea', 3],
    ]);
    expect((await db.skus.get(skuKey(tea.id, cid('c3'))))?.value).toEqual({ productId: 'tea', combination: 'c3', stock: 8, flashSold: 0 });
  });

  it('reads back with its product: the combinations each, the product as a whole (those for sale added up)', async () => {
    const h = shopWithTea();
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    const item = await getProduct(db, tea.id);
    expect(item?.skus.map((i) => [i.combination, i.stock]).sort()).toEqual([['c1', 5], ['c2', 2], ['c3', 10], ['c4', 3]]);
    // c4 is not sold: its 3 are not the product's to sell.
    expect(item?.inventory).toEqual({ productId: 'tea', stock: 17, flashSold: 0 });
    expect((await getProduct(db, cup.id))).toEqual({ product: cup, inventory: { productId: 'cup', stock: 4, flashSold: 0 }, skus: [] });
    const page = await listProducts(db, { offset: 0, limit: 10 });
    expect(page.items.map((i) => [i.product.id, i.inventory?.stock])).toEqual([['cup', 4], ['tea', 17]]);
  });

  it('gives the seller’s edit its base per combination, and low shelves per combination for sale', async () => {
    const h = shopWithTea();
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    const edit = await productToEdit(db, tea.id);
    expect(edit?.base.stocks?.sort((a, b) => a.combination.localeCompare(b.combination))).toEqual(stocks({ c1: 5, c2: 2, c3: 10, c4: 3 }));
    expect(await productBases(db, [tea.id, cup.id])).toEqual([
      { n: expect.any(Number), stock: 0, stocks: stocks({ c1: 5, c2: 2, c3: 10, c4: 3 }) },
      { n: expect.any(Number), stock: 4 },
    ]);
    // c2 (2 left) and the cup (4); c4 has 3 but is not sold.
    const low = await shelvesAtMost(db, 4);
    expect(low.map((l) => [l.product.id, l.inventory.combination, l.inventory.stock])).toEqual([['tea', 'c2', 2], ['cup', undefined, 4]]);
  });

  it('keeps a product’s old shelf when it gains options (its history), its combinations beside it', async () => {
    const h = new History();
    h.step([seller('shop.save', { shop: SHOP }), seller('product.save', { product: product('tea'), stock: 9 })], T0);
    h.step([seller('product.save', { product: tea as Product, stock: 0, stocks: stocks({ c1: 1 }) })], T0 + 5);
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    expect(await viewsOf(db)).toEqual(viewsOfState(h.state));
    expect((await db.skus.get('tea'))?.value.stock).toBe(9);
    expect((await getProduct(db, tea.id))?.inventory?.stock).toBe(1);
  });
});

describe('option values', () => {
  it('are searchable: a weight or a pack finds the product that has it', async () => {
    const h = shopWithTea();
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    const found = async (search: string) => (await listProducts(db, { search, offset: 0, limit: 10 })).items.map((i) => i.product.id);
    expect(await found('250 g')).toEqual(['tea']);
    expect(await found('tin')).toEqual(['tea']);
    expect(await found('250 g tin')).toEqual(['tea']);
    expect(await found('500 g')).toEqual([]);
  });
});
