/** The empty cart's suggestions over a real (fake-indexeddb) database: offers first, then best sellers, then by name, never hidden, never twice. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { storeDecisions } from '../../src/storage/index.ts';
import { productsToTry } from '../../src/app/queries/products-to-try.ts';
import { busyShop, freshDb } from '../storage/helpers.ts';

describe('productsToTry', () => {
  it('suggests what is on offer first, then the best sellers, then the catalog by name, leaving out hidden products and repeats', async () => {
    const db = freshDb();
    await storeDecisions(db, busyShop().decisions);
    const ids = async (n: number) => (await productsToTry(db, n)).map((i) => i.product.id);
    // Roast Duck has a team buy; sold: 2 green tea, 1 teapot (the cups were cancelled, the
    // longjing refused); by name: Clay Teapot, Green Tea, Roast Duck, Tea Cups, 西湖龙井绿茶.
    expect(await ids(1)).toEqual(['duck']);
    expect(await ids(3)).toEqual(['duck', 'tea', 'teapot']);
    expect(await ids(4)).toEqual(['duck', 'tea', 'teapot', 'cups']);
    expect(await ids(10)).toEqual(['duck', 'tea', 'teapot', 'cups', 'longjing']); // 'secret' is hidden
    // A hidden product is never suggested, however well it sold.
    await db.sold.put({ productId: 'secret' as never, counted: 0, published: 500, publishedN: 1 });
    expect(await ids(3)).toEqual(['duck', 'tea', 'teapot']);
    expect((await productsToTry(db, 2))[0]?.inventory?.stock).toBeGreaterThan(0);
    db.close();
  });
});
