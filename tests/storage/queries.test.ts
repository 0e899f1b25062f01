import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ratingOf, type OrderId, type ProductId } from '../../src/domain/index.ts';
import {
  cartQty, clearCart, getProduct, getShop, listCart, listCategories, listProducts, listTeams, postingsOf,
  ratingsOf, reviewsOf, setCartQty, storeDecisions, type ShopDb,
} from '../../src/storage/index.ts';
import { indexWords } from '../../src/engines/search/words.ts';
import { queryTerms } from '../../src/engines/search/search-words.ts';
import { DAY, intent, line, order, pid, seller, SHIP, SHOP, T0 } from '../domain/fixtures/shop.ts';
import { ann, bo, busyShop, cy, freshDb } from './helpers.ts';

const h = busyShop();
let db: ShopDb;
beforeAll(async () => {
  db = freshDb();
  await storeDecisions(db, h.decisions);
});

const ids = async (q: Parameters<typeof listProducts>[1]) => (await listProducts(db, q)).items.map((i) => i.product.id);
const all = { offset: 0, limit: 100 };

describe('search words', () => {
  it('indexes whole words, and Chinese as bigrams plus the last character', () => {
    expect(indexWords('Tea Cups (set of 4)', 'Teaware')).toEqual(['4', 'cups', 'of', 'set', 'tea', 'teaware']);
    expect(indexWords('西湖龙井绿茶')).toEqual(['井绿', '湖龙', '绿茶', '茶', '西湖', '龙井'].sort());
    expect(indexWords('ＴＥＡ T恤')).toEqual(['t', 'tea', '恤']);
    expect(queryTerms('  龙井 Green-tea ')).toEqual(['龙井', 'green', 'tea']);
  });
});

describe('listProducts', () => {
  it('finds by word prefix of name or category, or a whole tag; every typed word must match, hidden products never', async () => {
    expect(await ids({ ...all, search: 'tea' })).toEqual(['teapot', 'tea', 'cups']); // by name: Clay Teapot, Green Tea, Tea Cups
    expect(await ids({ ...all, search: 'tea', sort: 'relevance' })).toEqual(['tea', 'cups', 'teapot']); // the whole word first
    expect(await ids({ ...all, search: 'TEA cup' })).toEqual(['cups']);
    expect(await ids({ ...all, search: 'organic' })).toEqual(['tea']); // a tag
    expect(await ids({ ...all, search: 'organ' })).toEqual([]); // tags are matched whole
    expect(await ids({ ...all, search: 'tea nothing' })).toEqual([]);
    expect(await ids({ ...all, search: 'secret' })).toEqual([]);
    expect(await ids({ ...all, search: 'secret', includeHidden: true })).toEqual(['secret']);
  });

  it('finds a Chinese name by any part of it', async () => {
    for (const q of ['龙井', '西湖龙井', '绿茶', '茶', '湖', '龙井绿茶', '茶叶', '明前']) {
      expect(await ids({ ...all, search: q }), q).toEqual(['longjing']);
    }
    expect(await ids({ ...all, search: '红茶' })).toEqual([]);
  });

  it('filters by category and sorts by price, both ways, with paging', async () => {
    expect(await ids({ ...all, category: 'Teaware', sort: 'price-asc' })).toEqual(['cups', 'teapot']);
    // equal prices by name: Roast Duck before Tea Cups
    expect(await ids({ ...all, sort: 'price-desc' })).toEqual(['teapot', 'longjing', 'duck', 'cups', 'tea']);
    expect(await ids({ ...all, sort: 'price-asc' })).toEqual(['tea', 'duck', 'cups', 'longjing', 'teapot']);
    const page1 = await listProducts(db, { sort: 'price-asc', offset: 0, limit: 2 });
    const page2 = await listProducts(db, { sort: 'price-asc', offset: 2, limit: 2 });
    const page3 = await listProducts(db, { sort: 'price-asc', offset: 4, limit: 2 });
    expect(page1.total).toBe(5); // six products, one hidden
    expect([...page1.items, ...page2.items, ...page3.items].map((i) => i.product.id)).toEqual(await ids({ ...all, sort: 'price-asc' }));
    expect(page3.items).toHaveLength(1);
    expect(await ids({ ...all, category: 'Tea', search: 'green' })).toEqual(['tea']);
    expect(await ids({ ...all, category: 'Food', search: 'green' })).toEqual([]);
  });

  it('gives each product with its stock, and the newest version of it', async () => {
    const tea = await getProduct(db, pid('tea'));
    expect(tea?.product.price).toBe(1800);
    expect(tea?.inventory?.stock).toBe(h.state.inventory.get(pid('tea'))?.value.stock);
    expect(await getProduct(db, pid('nope'))).toBeUndefined();
    expect((await getProduct(db, pid('secret')))?.product.hidden).toBe(true);
  });
});

describe('other reads', () => {
  it('lists visible categories with counts', async () => {
    expect(await listCategories(db)).toEqual([
      { category: 'Food', count: 1 }, { category: 'Tea', count: 1 }, { category: 'Teaware', count: 2 }, { category: '茶叶', count: 1 },
    ]);
  });

  it('reads the shop, teams and reviews', async () => {
    expect(await getShop(db)).toEqual(SHOP);
    const teams = await listTeams(db, pid('duck'));
    expect(teams.map((t) => t.status)).toEqual(['succeeded']);
    expect(await listTeams(db, pid('tea'))).toEqual([]);
    expect((await reviewsOf(db, pid('tea'))).map((r) => r.text)).toEqual(['很好喝 Lovely']);
  });

  it('gives a buyer’s wallet history, newest first, netted per account', async () => {
    const history = await postingsOf(db, ann);
    expect(history.map((e) => e.n)).toEqual([...history.map((e) => e.n)].sort((a, b) => b - a));
    expect(history[history.length - 1]).toMatchObject({ kind: 'wallet.credited', available: 50_000, escrow: 0 });
    const sum = (k: 'available' | 'escrow') => history.reduce((s, e) => s + e[k], 0);
    expect(sum('available')).toBe(h.state.balances.get('available:ann'));
    expect(sum('escrow')).toBe(h.state.balances.get('escrow:ann'));
    expect(history.map((e) => e.kind)).toContain('withdrawal.paid');
  });
});

describe('cart', () => {
  it('sets, keeps the first added time, removes at 0 and clears', async () => {
    const c = freshDb();
    await setCartQty(c, ann, pid('tea'), 'regular', 2, T0 + 2);
    await setCartQty(c, ann, pid('duck'), 'team', 1, T0 + 1);
    await setCartQty(c, ann, pid('tea'), 'regular', 5, T0 + 9);
    expect(await listCart(c, ann)).toEqual([
      { key: 'ann|duck|team', buyer: 'ann', productId: 'duck', mode: 'team', qty: 1, addedAt: T0 + 1 },
      { key: 'ann|tea|regular', buyer: 'ann', productId: 'tea', mode: 'regular', qty: 5, addedAt: T0 + 2 },
    ]);
    expect(await cartQty(c, ann, pid('tea'), 'regular')).toBe(5);
    await setCartQty(c, ann, pid('duck'), 'team', 0, T0);
    expect((await listCart(c, ann)).map((r) => r.key)).toEqual(['ann|tea|regular']);
    expect(() => setCartQty(c, ann, 'x' as ProductId, 'regular', 1.5, T0)).toThrow(RangeError);
    await clearCart(c, ann);
    expect(await listCart(c, ann)).toEqual([]);
  });

  it('is each person’s own: two people on one device never see or empty each other’s', async () => {
    const c = freshDb();
    await setCartQty(c, ann, pid('tea'), 'regular', 2, T0);
    await setCartQty(c, bo, pid('tea'), 'regular', 7, T0 + 1);
    await setCartQty(c, bo, pid('cups'), 'regular', 1, T0 + 2);
    expect((await listCart(c, ann)).map((r) => [r.productId, r.qty])).toEqual([['tea', 2]]);
    expect((await listCart(c, bo)).map((r) => [r.productId, r.qty])).toEqual([['tea', 7], ['cups', 1]]);
    expect(await listCart(c, cy)).toEqual([]);
    await clearCart(c, bo);
    expect(await listCart(c, bo)).toEqual([]);
    expect((await listCart(c, ann)).map((r) => [r.productId, r.qty])).toEqual([['tea', 2]]);
  });
});

describe('ratingsOf (the rating on each catalog card)', () => {
  it('averages each product’s published reviews, a review of an order counting once for each of its products; none without reviews', async () => {
    const rated = busyShop(); // ann gave her tea 5 stars
    const at = T0 + 40 * DAY;
    const again = order(ann, at, [line('tea'), line('cups')], 1800 + 3000 + 800, { delivery: SHIP });
    const orderId = again.id as string as OrderId;
    rated.step([again], at + 1);
    rated.step([seller('order.ship', { orderId, carrier: 'SF', tracking: 'SF2' }, at + 2)], at + 3);
    rated.step([intent('order.confirm-receipt', ann, at + 4, { orderId })], at + 5);
    rated.step([intent('review.write', ann, at + 6, { orderId, rating: 2, text: 'Cold on arrival' })], at + 7);
    expect([...rated.state.reviews.values()].map((r) => r.rating)).toEqual([5, 2]);
    const ratingsDb = freshDb();
    await storeDecisions(ratingsDb, rated.decisions);
    const ratings = await ratingsOf(ratingsDb, [pid('tea'), pid('cups'), pid('duck'), pid('tea')]);
    expect(Object.fromEntries(ratings)).toEqual({ tea: { average: 3.5, count: 2 }, cups: { average: 2, count: 1 } });
    expect((await ratingsOf(ratingsDb, [pid('teapot')])).size).toBe(0);
    // The same owner as the product page's summary, which reads the product's reviews.
    expect(ratingOf(await reviewsOf(ratingsDb, pid('tea')))).toEqual(ratings.get(pid('tea')));
    ratingsDb.close();
  });
});

describe('ratingOf', () => {
  it('is the mean of the stars and how many; nothing before the first review', () => {
    expect(ratingOf([])).toBeUndefined();
    expect(ratingOf([{ rating: 5 }, { rating: 4 }, { rating: 4 }])).toEqual({ average: 13 / 3, count: 3 });
  });
});
