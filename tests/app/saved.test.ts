// The app's side of saved products: the person is the one the app says is using it (the
// demo's persona switched mid-way), and the lists as the screens read them, marks included.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearRecentlyViewed } from '../../src/app/actions/clear-recently-viewed.ts';
import { recordProductView } from '../../src/app/actions/record-product-view.ts';
import { saveForLater, type Saver } from '../../src/app/actions/save-for-later.ts';
import { isSavedByMe, listRecentlyViewed, listSaved } from '../../src/app/queries/saved.ts';
import { storeDecisions } from '../../src/storage/index.ts';
import { m, pid, seller, T0 } from '../domain/fixtures/shop.ts';
import { freshDb, History, PRODUCTS } from '../storage/helpers.ts';

describe('saved products and recently viewed, for the person using the app', () => {
  it('follow the person, and say what changed since they last saw a product', async () => {
    const db = freshDb();
    const shop = new History();
    await storeDecisions(db, shop.step(PRODUCTS.map((p) => seller('product.save', { product: p, stock: 20 })), T0));
    let who = 'demo ann';
    let clock = T0 + 1000;
    const app: Saver = { store: db, person: () => who, now: () => (clock += 1000) };

    await recordProductView(app, pid('tea'));
    await saveForLater(app, pid('tea'), true);
    await recordProductView(app, pid('teapot'));
    await saveForLater(app, pid('teapot'), true);
    expect(await isSavedByMe(app, pid('tea'))).toBe(true);

    // The seller lowers the tea's price and hides the teapot.
    const tea = PRODUCTS.find((p) => p.id === 'tea')!;
    const teapot = PRODUCTS.find((p) => p.id === 'teapot')!;
    await storeDecisions(db, shop.step([
      seller('product.save', { product: { ...tea, price: m(1100) }, stock: 20 }, T0 + 10_000),
      seller('product.save', { product: { ...teapot, hidden: true }, stock: 20 }, T0 + 10_000),
    ], T0 + 10_000));
    const saved = await listSaved(app);
    expect(saved.map((s) => [s.productId, s.priceDropped, s.backInStock, s.was, s.item?.product.price])).toEqual([
      ['teapot', false, false, 12000, undefined],
      ['tea', true, false, 1500, 1100],
    ]);
    // A hidden product is no longer sold: not among what was viewed either.
    expect((await listRecentlyViewed(app)).map((i) => i.product.id)).toEqual(['tea']);

    // Another persona on the same device: nothing of ann's.
    who = 'demo bo';
    expect(await listSaved(app)).toEqual([]);
    expect(await listRecentlyViewed(app)).toEqual([]);
    expect(await isSavedByMe(app, pid('tea'))).toBe(false);
    await recordProductView(app, pid('cups'));
    await clearRecentlyViewed(app);
    who = 'demo ann';
    expect((await listRecentlyViewed(app)).map((i) => i.product.id)).toEqual(['tea']);
    await saveForLater(app, pid('tea'), false);
    expect((await listSaved(app)).map((s) => s.productId)).toEqual(['teapot']);
  });
});
