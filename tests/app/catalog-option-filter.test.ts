/**
 * The catalog filtered by an option value (issue 13) over a real (fake-indexeddb) database: the
 * chips of a category, and the page a chosen value keeps, the same whether storage answers
 * (before the search index is built) or the index does, and as stock changes.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CombinationId, OptionValueId, Product } from '../../src/domain/index.ts';
import { storeDecisions, type ShopDb } from '../../src/storage/index.ts';
import { catalogSearchSettled, catalogSearchStatus, stopCatalogSearch } from '../../src/app/queries/catalog-search.ts';
import { optionChipsIn, searchCatalogByOption } from '../../src/app/queries/catalog-option-filter.ts';
import { m, product, seller, T0 } from '../domain/fixtures/shop.ts';
import { busyShop, freshDb } from '../storage/helpers.ts';

const opened: ShopDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) {
    stopCatalogSearch(db);
    db.close();
  }
});

const v = (id: string) => id as OptionValueId;
const c = (id: string) => id as CombinationId;
/** A tea by weight (100 g, 250 g), in the fixtures' Tea category. */
function weighed(id: string, name: string, stocks: [number, number]): { product: Product; stocks: { combination: CombinationId; stock: number }[] } {
  return {
    product: product(id, {
      name, category: 'Tea', price: m(2000),
      options: [{ name: 'Weight', values: [{ id: v('100'), name: '100 g' }, { id: v('250'), name: '250 g' }] }],
      combinations: [{ id: c('a'), values: [v('100')], price: m(2000), sold: true }, { id: c('b'), values: [v('250')], price: m(4500), sold: true }],
    }),
    stocks: [{ combination: c('a'), stock: stocks[0] }, { combination: c('b'), stock: stocks[1] }],
  };
}

async function shopDb(): Promise<{ db: ShopDb; h: ReturnType<typeof busyShop> }> {
  const db = freshDb();
  opened.push(db);
  const h = busyShop();
  const teas = [weighed('oolong', 'Oolong', [3, 0]), weighed('puer', 'Pu-erh cake', [0, 2]), weighed('white', 'White peony', [1, 1])];
  h.step(teas.map((t) => seller('product.save', { product: t.product, stock: 0, stocks: t.stocks }, T0 + 10)), T0 + 10);
  await storeDecisions(db, h.decisions);
  return { db, h };
}

const names = (page: { items: { product: Product }[] }) => page.items.map((i) => i.product.name);
const Q = { category: 'Tea', offset: 0, limit: 24 } as const;

describe('the catalog by option value', () => {
  it('gives the category’s chips and the same page from storage and from the index', async () => {
    const { db } = await shopDb();
    expect(await optionChipsIn(db, 'Tea')).toEqual([{ name: 'Weight', values: ['100 g', '250 g'] }]);
    expect(await optionChipsIn(db, 'misc')).toEqual([]);

    expect(catalogSearchStatus(db).ready).toBe(false);
    const byStorage = await searchCatalogByOption(db, { ...Q, sort: 'name' }, { group: 'Weight', value: '250 g' });
    expect(names(byStorage)).toEqual(['Pu-erh cake', 'White peony']);
    expect(byStorage.total).toBe(2);

    await catalogSearchSettled(db);
    expect(catalogSearchStatus(db).ready).toBe(true);
    expect(await searchCatalogByOption(db, { ...Q, sort: 'name' }, { group: 'Weight', value: '250 g' })).toEqual(byStorage);
    // Ordered and paged as the catalog is; a search narrows it too.
    expect(names(await searchCatalogByOption(db, { ...Q, sort: 'price-desc' }, { group: 'weight', value: '100 G' }))).toEqual(['Oolong', 'White peony']);
    const second = await searchCatalogByOption(db, { ...Q, sort: 'name', offset: 1, limit: 1 }, { group: 'Weight', value: '100 g' });
    expect([names(second), second.total]).toEqual([['White peony'], 2]);
    expect(names(await searchCatalogByOption(db, { ...Q, search: 'peony' }, { group: 'Weight', value: '100 g' }))).toEqual(['White peony']);
    expect((await searchCatalogByOption(db, Q, { group: 'Weight', value: '500 g' })).total).toBe(0);
  });

  it('follows the stock: a value sold out everywhere loses its chip and its products', async () => {
    const { db, h } = await shopDb();
    await catalogSearchSettled(db);
    const zero = (t: ReturnType<typeof weighed>) => seller('product.save', { product: t.product, stock: 0, stocks: t.stocks }, T0 + 20);
    await storeDecisions(db, h.step([zero(weighed('puer', 'Pu-erh cake', [0, 0])), zero(weighed('white', 'White peony', [1, 0]))], T0 + 20));
    expect(await optionChipsIn(db, 'Tea')).toEqual([{ name: 'Weight', values: ['100 g'] }]);
    expect((await searchCatalogByOption(db, Q, { group: 'Weight', value: '250 g' })).total).toBe(0);
  });

  it("shows a card's team buy and flash sale only if they cover a combination with the value, at its price", async () => {
    const { db, h } = await shopDb();
    const start = T0 + 1_000;
    // Oolong's flash sale is of the 100 g only (¥15); its team buy of the 250 g only, at ¥40 of its own.
    const oolong = weighed('oolong', 'Oolong', [3, 4]).product;
    const offers: Product = {
      ...oolong,
      flash: { price: m(1500), startsAt: start, endsAt: start + 3_600_000, stock: 2, perBuyerLimit: 1, combinations: [{ id: c('a') }] },
      team: { price: m(1800), size: 2, windowHours: 24, combinations: [{ id: c('b'), price: m(4000) }] },
    };
    await storeDecisions(db, h.step([seller('product.save', { product: offers, stock: 0, stocks: [{ combination: c('a'), stock: 3 }, { combination: c('b'), stock: 4 }] }, T0 + 20)], T0 + 20));
    const card = async (value: string) => (await searchCatalogByOption(db, Q, { group: 'Weight', value })).items.find((i) => i.product.id === offers.id)!.product;
    const small = await card('100 g');
    expect([small.price, small.flash?.price, small.team]).toEqual([2000, 1500, undefined]);
    const big = await card('250 g');
    expect([big.price, big.flash, big.team?.price]).toEqual([4500, undefined, 4000]);
  });
});
