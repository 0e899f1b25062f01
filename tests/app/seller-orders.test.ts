/**
 * The seller's order list past what waits, over a real (fake-indexeddb) database: each view
 * holds the orders in its states, newest first, with their current state; the search finds an
 * order by its number (with or without "#", any case), buyer, recipient or product.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decide, emptyState, type Delivery, type Intent, type OrderId } from '../../src/domain/index.ts';
import { ShopDb, storeDecisions } from '../../src/storage/index.ts';
import { orderMatches, orderNumberOf, sellerOrders } from '../../src/app/queries/seller-orders.ts';
import { buyer, HOUR, line, m, order, product, seller, SHIP, SHOP, T0 } from '../domain/fixtures/shop.ts';

describe('the seller’s order list', () => {
  it('shows shipped, completed, closed and all orders with their state, and finds them by number, buyer or product', async () => {
    const [ann, bo] = [buyer('ann'), buyer('bo')];
    const setup: Intent[] = [
      seller('shop.save', { shop: SHOP }, T0),
      seller('product.save', { product: product('tea', { name: 'Green tea', price: m(1200) }), stock: 100 }, T0),
      seller('product.save', { product: product('cup', { name: 'Blue cup', price: m(800) }), stock: 1 }, T0),
      seller('wallet.credit', { buyer: ann, amount: m(100_000), method: 'cash', note: '' }, T0),
      seller('wallet.credit', { buyer: bo, amount: m(100_000), method: 'cash', note: '' }, T0),
    ];
    const shipped = order(ann, T0 + HOUR, [line('tea', 2)], 2400 + 800, { delivery: { ...(SHIP as Extract<Delivery, { kind: 'ship' }>), recipient: 'Mei Chen' } });
    const waiting = order(bo, T0 + 2 * HOUR, [line('cup', 1)], 800);
    const refused = order(bo, T0 + 3 * HOUR, [line('cup', 5)], 4000);
    const id = (o: Intent) => o.id as string as OrderId;
    const { decisions } = decide(emptyState(), [
      ...setup, shipped, waiting, refused,
      seller('order.ship', { orderId: id(shipped), carrier: 'SF', tracking: 'SF1' }, T0 + 4 * HOUR),
    ], T0 + 5 * HOUR);
    const db = new ShopDb(`seller-orders-${Math.random()}`);
    await storeDecisions(db, decisions);

    const view = async (v: Parameters<typeof sellerOrders>[1], q = '') => (await sellerOrders(db, v, q, 10)).orders.map((o) => [o.id, o.status]);
    expect(await view('shipped')).toEqual([[id(shipped), 'shipped']]);
    expect(await view('closed')).toEqual([[id(refused), 'rejected']]);
    expect(await view('completed')).toEqual([]);
    expect(await view('all')).toEqual([[id(refused), 'rejected'], [id(waiting), 'accepted'], [id(shipped), 'shipped']]);
    const page = await sellerOrders(db, 'all', '', 2);
    expect([page.orders.length, page.total]).toEqual([2, 3]);

    const number = orderNumberOf(id(waiting));
    expect(await view('all', number)).toEqual([[id(waiting), 'accepted']]);
    expect(await view('all', number.slice(1).toLowerCase())).toEqual([[id(waiting), 'accepted']]);
    expect((await view('all', 'blue cup')).length).toBe(2);
    expect(await view('all', 'mei')).toEqual([[id(shipped), 'shipped']]);
    expect((await view('all', 'bo')).length).toBe(2);
    expect(await view('all', 'bo tea')).toEqual([]);
    db.close();
  });

  it('matches every word typed, in any case, and everything when nothing is typed', () => {
    const o = { id: 'abc-def123', buyer: 'ann', delivery: { kind: 'pickup', pointId: 'p1' }, lines: [{ name: 'Green Tea' }] } as unknown as Parameters<typeof orderMatches>[0];
    expect(orderMatches(o, '')).toBe(true);
    expect(orderMatches(o, '  ')).toBe(true);
    expect(orderMatches(o, 'GREEN ann')).toBe(true);
    expect(orderMatches(o, '#DEF123')).toBe(true);
    expect(orderMatches(o, 'green bo')).toBe(false);
  });
});
