/**
 * The seller's home over a real (fake-indexeddb) database: today's sales count the orders the
 * shop took today (money in escrow included, refused ones not), what waits is counted by
 * section, and the shelves at five or fewer are listed fewest first, hidden products left out.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decide, emptyState, type Intent, type OrderId } from '../../src/domain/index.ts';
import { ShopDb, storeDecisions } from '../../src/storage/index.ts';
import { salesDashboard } from '../../src/app/queries/money-sales.ts';
import { namedZone } from '../../src/engines/dashboard/zone.ts';
import { sellerHome } from '../../src/app/queries/seller-home.ts';
import { buyer, HOUR, line, m, order, product, seller, SHIP, SHOP, T0 } from '../domain/fixtures/shop.ts';

describe('the seller’s home', () => {
  it('counts today’s sales and orders, what waits, and the low shelves', async () => {
    const ann = buyer('ann');
    const setup: Intent[] = [
      seller('shop.save', { shop: SHOP }, T0),
      seller('product.save', { product: product('tea', { price: m(1200) }), stock: 100 }, T0),
      seller('product.save', { product: product('cup', { price: m(800) }), stock: 3 }, T0),
      seller('product.save', { product: product('pot', { price: m(5000) }), stock: 6 }, T0),
      seller('product.save', { product: product('old', { price: m(500), hidden: true }), stock: 0 }, T0),
      seller('wallet.credit', { buyer: ann, amount: m(100_000), method: 'cash', note: '' }, T0),
    ];
    const yesterday = order(ann, T0 + HOUR, [line('tea', 1)], 1200);
    const today = T0 + 24 * HOUR;
    const shipped = order(ann, today + HOUR, [line('tea', 2)], 2400 + 800, { delivery: SHIP });
    const pickup = order(ann, today + 2 * HOUR, [line('cup', 1)], 800);
    const ready = order(ann, today + 3 * HOUR, [line('tea', 1)], 1200);
    // Asks for more cups than the shelf holds: refused, so not a sale.
    const refused = order(ann, today + 4 * HOUR, [line('cup', 50)], 50 * 800);
    const intents: Intent[] = [
      ...setup, yesterday, shipped, pickup, ready, refused,
      seller('order.ready', { orderId: ready.id as string as OrderId }, today + 5 * HOUR),
    ];
    const { decisions, state } = decide(emptyState(), intents, today + 6 * HOUR);
    const accepted = [shipped, pickup, ready].map((o) => state.orders.get(o.id as string as OrderId)?.value);
    expect(accepted.map((o) => o?.status)).toEqual(['accepted', 'accepted', 'ready-for-pickup']);
    expect(state.orders.get(refused.id as string as OrderId)?.value.status).toBe('rejected');

    const db = new ShopDb(`seller-home-${Math.random()}`);
    await storeDecisions(db, decisions);
    const home = await sellerHome(db, today);
    expect(home.today).toEqual({ orders: 3, amount: accepted.reduce((s, o) => s + o!.total, 0) });
    // Yesterday's order waits too: what waits has no date.
    expect(home.waiting).toEqual({ toShip: 1, toHandOver: 3, refunds: 0, claims: 0, withdrawals: 0, teams: 0 });
    expect(home.low.map((x) => [x.product.id, x.inventory.stock])).toEqual([['cup', 2]]);
    // Since yesterday: one more order.
    expect((await sellerHome(db, T0)).today.orders).toBe(4);
    // The Money tab's sales count by the same rule, escrow included: over 7 days, yesterday's order too; no refund yet.
    const week = await salesDashboard(db, '7d', today + 6 * HOUR, namedZone('UTC'));
    const sold = home.today.amount + 1200;
    expect(week.totals).toEqual({ orders: 4, amount: sold, paid: 0, escrow: sold, toCollect: 0, refunded: 0, refunds: 0 });
    expect(week.summary.totals.revenue).toBe(sold);
    db.close();
  });
});
