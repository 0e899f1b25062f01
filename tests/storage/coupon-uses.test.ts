// The shop's state for pricing one cart, as storage keeps it (quoteStateFor): the coupon's uses
// are counted from the orders that carry that code (an index, schema version 5), by the
// domain's rule, and a cart is priced from it exactly as the authority prices it.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  quoteCart, usageKey, type Cart, type OrderId, type PromotionId,
} from '../../src/domain/index.ts';
import { quoteStateFor } from '../../src/storage/catalog-queries.ts';
import { SCHEMA_VERSION, ShopDb, storeDecisions, VERSIONS } from '../../src/storage/index.ts';
import { DAY, HOUR, intent, line, m, order, PICKUP, product, seller, SHOP, T0 } from '../domain/fixtures/shop.ts';
import { ann, bo, cy, freshDb, History } from './helpers.ts';

const CODE = 'SAVE5';

/** A shop with a coupon used by ann twice (one order later cancelled), by bo once, refused to cy (too dear). */
function couponShop(): History {
  const h = new History();
  h.step([
    seller('shop.save', { shop: SHOP }),
    seller('product.save', { product: product('tea', { price: m(1500) }), stock: 50 }),
    seller('promotion.save', {
      promotion: {
        id: 'save5' as PromotionId, kind: 'coupon', code: CODE, label: '5 off', save: { kind: 'amount', amount: m(500) },
        minSpend: m(1000), startsAt: T0 - DAY, endsAt: T0 + 30 * DAY, limit: 10, perBuyerLimit: 3, active: true,
      },
    }),
    seller('wallet.credit', { buyer: ann, amount: m(50_000), method: 'cash', note: '' }),
    seller('wallet.credit', { buyer: bo, amount: m(50_000), method: 'cash', note: '' }),
  ], T0);
  const first = order(ann, T0 + HOUR, [line('tea')], 1000, { coupon: CODE, delivery: PICKUP });
  const second = order(ann, T0 + HOUR + 1, [line('tea', 2)], 2500, { coupon: 'save5', delivery: PICKUP });
  const bos = order(bo, T0 + HOUR + 2, [line('tea')], 1000, { coupon: CODE, delivery: PICKUP });
  const plain = order(bo, T0 + HOUR + 3, [line('tea')], 1500, { delivery: PICKUP });
  const cys = order(cy, T0 + HOUR + 4, [line('tea')], 1000, { coupon: CODE, delivery: PICKUP }); // no money: rejected
  h.step([first, second, bos, plain, cys], T0 + 2 * HOUR);
  h.step([intent('order.cancel', ann, T0 + 3 * HOUR, { orderId: first.id as string as OrderId, reason: 'twice' })], T0 + 3 * HOUR);
  return h;
}

const cart = (coupon: string): Cart => ({ lines: [line('tea', 2)], coupon, delivery: PICKUP });

describe('quoteStateFor', () => {
  it('counts a coupon’s uses as the fold does: live orders only, by every buyer, whatever the code’s case', async () => {
    const h = couponShop();
    // The domain's own counters, for comparison: ann 1 (one cancelled), bo 1, cy 0 (rejected).
    expect(h.state.usage.coupon.get(CODE)).toBe(2);
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    for (const typed of [CODE, 'save5', ' Save5 ']) {
      const state = await quoteStateFor(db, cart(typed));
      expect(state.usage.coupon.get(CODE)).toBe(2);
      for (const who of [ann, bo, cy]) {
        expect(state.usage.couponByBuyer.get(usageKey(CODE, who)) ?? 0).toBe(h.state.usage.couponByBuyer.get(usageKey(CODE, who)) ?? 0);
      }
    }
    db.close();
  });

  it('prices a cart exactly as the authority would from its whole state', async () => {
    const h = couponShop();
    const db = freshDb();
    await storeDecisions(db, h.decisions);
    for (const who of [ann, bo, cy]) {
      for (const c of [cart(CODE), cart(''), cart('NOPE'), { lines: [line('tea'), line('gone')], coupon: CODE }]) {
        const here = quoteCart(await quoteStateFor(db, c), who, T0 + 4 * HOUR, c);
        expect(here).toEqual(quoteCart(h.state, who, T0 + 4 * HOUR, c));
      }
    }
    db.close();
  });

  it('finds the coupons of orders stored before the index existed (a version 4 database upgraded)', async () => {
    const h = couponShop();
    const name = `v4-coupons-${Math.random().toString(36).slice(2)}`;
    // Store the history with the schema as it was at version 4, then open it as the app does now.
    const old = freshDb();
    await storeDecisions(old, h.decisions);
    const orders = await old.orders.toArray();
    old.close();
    const v4 = new Dexie(name);
    for (const v of VERSIONS.filter((x) => x.version <= 4)) v4.version(v.version).stores({ ...v.stores });
    await v4.open();
    await v4.table('orders').bulkPut(orders);
    v4.close();
    const db = new ShopDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.orders.where('value.coupon').equals(CODE).count()).toBe(4);
    expect((await quoteStateFor(db, cart(CODE))).usage.coupon.get(CODE)).toBe(2);
    db.close();
  });
});
